//! One value tree, two renderings: Classic API XML (lists carry `<size>` and a wrapper per
//! item) and Classic API JSON (lists become plain arrays, `size` and wrappers disappear).

use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use serde_json::{Map, Value};

#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    Obj(Vec<(String, Node)>),
    /// A list whose XML items are wrapped in `<item>`.
    List(String, Vec<Node>),
    /// A list that, when empty, real servers serialise in JSON as `{}` instead of `[]`
    /// (`"jss_user_groups": {}` in a recorded profile scope, reference §1.5).
    QuirkList(String, Vec<Node>),
    /// A list whose XML has the per-item wrappers but no `<size>`: the captured Classic
    /// command response (`commands/*.response.xml`) is shaped like this.
    BareList(String, Vec<Node>),
    Str(String),
    Int(i64),
    Float(f64),
    Bool(bool),
}

pub fn obj(fields: Vec<(&str, Node)>) -> Node {
    Node::Obj(
        fields
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect(),
    )
}

pub fn s(v: impl Into<String>) -> Node {
    Node::Str(v.into())
}

pub fn i(v: i64) -> Node {
    Node::Int(v)
}

pub fn b(v: bool) -> Node {
    Node::Bool(v)
}

pub fn f(v: f64) -> Node {
    Node::Float(v)
}

pub fn list(item: &str, items: Vec<Node>) -> Node {
    Node::List(item.to_string(), items)
}

pub fn quirk_list(item: &str, items: Vec<Node>) -> Node {
    Node::QuirkList(item.to_string(), items)
}

/// `{id, name}` of a site or category, with Jamf's placeholder when unassigned.
pub fn id_name(v: Option<(u32, &str)>, none: &str) -> Node {
    match v {
        Some((id, name)) => obj(vec![("id", i(id as i64)), ("name", s(name))]),
        None => obj(vec![("id", i(-1)), ("name", s(none))]),
    }
}

fn esc(s: &str) -> String {
    quick_xml::escape::escape(s).into_owned()
}

fn float_text(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{v:.1}")
    } else {
        v.to_string()
    }
}

fn write_xml(n: &Node, out: &mut String) {
    match n {
        Node::Obj(fields) => {
            for (k, v) in fields {
                out.push('<');
                out.push_str(k);
                out.push('>');
                write_xml(v, out);
                out.push_str("</");
                out.push_str(k);
                out.push('>');
            }
        }
        Node::List(item, items) | Node::QuirkList(item, items) => {
            out.push_str(&format!("<size>{}</size>", items.len()));
            for it in items {
                out.push_str(&format!("<{item}>"));
                write_xml(it, out);
                out.push_str(&format!("</{item}>"));
            }
        }
        Node::BareList(item, items) => {
            for it in items {
                out.push_str(&format!("<{item}>"));
                write_xml(it, out);
                out.push_str(&format!("</{item}>"));
            }
        }
        Node::Str(s) => out.push_str(&esc(s)),
        Node::Int(v) => out.push_str(&v.to_string()),
        Node::Float(v) => out.push_str(&float_text(*v)),
        Node::Bool(v) => out.push_str(if *v { "true" } else { "false" }),
    }
}

pub fn to_xml(root: &str, n: &Node) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    out.push_str(&format!("<{root}>"));
    write_xml(n, &mut out);
    out.push_str(&format!("</{root}>"));
    out
}

pub fn to_json(n: &Node) -> Value {
    match n {
        Node::Obj(fields) => {
            let mut m = Map::new();
            for (k, v) in fields {
                m.insert(k.clone(), to_json(v));
            }
            Value::Object(m)
        }
        Node::List(_, items) | Node::BareList(_, items) => {
            Value::Array(items.iter().map(to_json).collect())
        }
        Node::QuirkList(_, items) if items.is_empty() => Value::Object(Map::new()),
        Node::QuirkList(_, items) => Value::Array(items.iter().map(to_json).collect()),
        Node::Str(s) => Value::String(s.clone()),
        Node::Int(v) => Value::from(*v),
        Node::Float(v) => Value::from(*v),
        Node::Bool(v) => Value::Bool(*v),
    }
}

/// `General&Scope` → the wanted blocks; `want(name)` is case-insensitive.
pub struct Subsets(Option<Vec<String>>);

impl Subsets {
    pub fn all() -> Self {
        Subsets(None)
    }

    pub fn parse(path: &str) -> Self {
        Subsets(Some(
            path.split('&')
                .map(|x| x.trim().to_string())
                .filter(|x| !x.is_empty())
                .collect(),
        ))
    }

    pub fn want(&self, name: &str) -> bool {
        self.0
            .as_ref()
            .is_none_or(|o| o.iter().any(|x| x.eq_ignore_ascii_case(name)))
    }
}

/// Classic GETs answer XML unless the client asks for JSON.
pub fn wants_json(headers: &HeaderMap) -> bool {
    headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|a| a.contains("application/json"))
}

pub fn respond(headers: &HeaderMap, root: &str, n: &Node) -> Response {
    if wants_json(headers) {
        let mut m = Map::new();
        m.insert(root.to_string(), to_json(n));
        axum::Json(Value::Object(m)).into_response()
    } else {
        let mut r = to_xml(root, n).into_response();
        r.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/xml;charset=UTF-8"),
        );
        r
    }
}

/// Root list responses: the list itself is the root's content.
pub fn respond_list(headers: &HeaderMap, root: &str, item: &str, items: Vec<Node>) -> Response {
    if wants_json(headers) {
        let mut m = Map::new();
        m.insert(
            root.to_string(),
            Value::Array(items.iter().map(to_json).collect()),
        );
        axum::Json(Value::Object(m)).into_response()
    } else {
        let mut r = to_xml(root, &list(item, items)).into_response();
        r.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/xml;charset=UTF-8"),
        );
        r
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_have_size_in_xml_and_vanish_in_json() {
        let n = obj(vec![(
            "mobile_device_groups",
            list(
                "mobile_device_group",
                vec![obj(vec![("id", i(1)), ("name", s("A & B"))])],
            ),
        )]);
        let x = to_xml("mobile_device", &n);
        assert!(x.contains("<mobile_device_groups><size>1</size><mobile_device_group><id>1</id><name>A &amp; B</name>"));
        let j = to_json(&n);
        assert_eq!(j["mobile_device_groups"][0]["id"], 1);
    }
}
