//! The write rules every Classic resource shares (reference §1.5): XML request bodies parsed
//! into a small element tree, `POST …/id/0` answering **201** with a tiny `<id>` document,
//! PUT as a partial update at top-level-section granularity, unknown elements silently
//! dropped, and 409 HTML pages carrying one sentence (`Error: Duplicate name`, …).

use crate::error::ClassicError;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use quick_xml::events::Event;

/// One XML element of a request body: its text (entities resolved, CDATA included) and its
/// child elements in document order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct El {
    pub name: String,
    pub text: String,
    pub children: Vec<El>,
}

impl El {
    pub fn child(&self, name: &str) -> Option<&El> {
        self.children.iter().find(|c| c.name == name)
    }

    pub fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a El> + 'a {
        self.children.iter().filter(move |c| c.name == name)
    }

    /// Text of a direct child, trimmed; `None` when the child is absent.
    pub fn text_of(&self, name: &str) -> Option<String> {
        self.child(name).map(|c| c.text.trim().to_string())
    }

    /// `true`/`false` children. Jamf stores anything it cannot read as the default, so an
    /// unreadable value yields `None` and the caller keeps its default (reference §1.5).
    pub fn bool_of(&self, name: &str) -> Option<bool> {
        match self.text_of(name)?.to_ascii_lowercase().as_str() {
            "true" => Some(true),
            "false" => Some(false),
            _ => None,
        }
    }

    pub fn int_of(&self, name: &str) -> Option<i64> {
        self.text_of(name)?.parse().ok()
    }
}

/// The page Jamf's XML binder answers for a body it cannot read. [guess] the exact sentence
/// is not captured; 400 is what Tomcat/Restlet use for malformed entities.
fn malformed() -> ClassicError {
    ClassicError::bad_request(
        "The request could not be understood by the server due to malformed syntax",
    )
}

/// Parses a Classic write body and checks its root element.
pub fn parse_body(body: &str, root: &str) -> Result<El, ClassicError> {
    let el = parse_xml(body).ok_or_else(malformed)?;
    if el.name != root {
        return Err(malformed());
    }
    Ok(el)
}

/// A small DOM builder over quick-xml events; `None` for anything not well-formed.
pub fn parse_xml(body: &str) -> Option<El> {
    let mut reader = quick_xml::Reader::from_str(body);
    let mut stack: Vec<El> = vec![];
    let mut root: Option<El> = None;
    loop {
        match reader.read_event().ok()? {
            Event::Start(e) => {
                let name = e.name().as_ref().to_string();
                stack.push(El {
                    name,
                    ..El::default()
                });
            }
            Event::Empty(e) => {
                let el = El {
                    name: e.name().as_ref().to_string(),
                    ..El::default()
                };
                match stack.last_mut() {
                    Some(parent) => parent.children.push(el),
                    None if root.is_none() => root = Some(el),
                    None => return None,
                }
            }
            Event::End(e) => {
                let el = stack.pop()?;
                if el.name != e.name().as_ref() {
                    return None;
                }
                match stack.last_mut() {
                    Some(parent) => parent.children.push(el),
                    None if root.is_none() => root = Some(el),
                    None => return None,
                }
            }
            Event::Text(t) => {
                if let Some(top) = stack.last_mut() {
                    top.text.push_str(&t.xml10_content());
                }
            }
            Event::CData(t) => {
                if let Some(top) = stack.last_mut() {
                    top.text.push_str(&t.xml10_content());
                }
            }
            Event::GeneralRef(r) => {
                let resolved = match r.resolve_char_ref().ok()? {
                    Some(c) => c.to_string(),
                    None => quick_xml::escape::resolve_predefined_entity(&r)?.to_string(),
                };
                stack.last_mut()?.text.push_str(&resolved);
            }
            Event::Eof => break,
            // Declarations, comments, processing instructions, doctype: not data.
            _ => {}
        }
    }
    if !stack.is_empty() {
        return None;
    }
    root
}

fn id_document(root: &str, id: u32) -> String {
    format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?><{root}><id>{id}</id></{root}>")
}

fn xml_response(status: StatusCode, body: String) -> Response {
    let mut r = (status, body).into_response();
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/xml;charset=UTF-8"),
    );
    r
}

/// `POST …/id/0` success: 201 and the new id (ruby-jss parses exactly this). Also used for
/// PUT: real servers answer 201 there too; the reference tells clients to accept 200 and 201.
pub fn created(root: &str, id: u32) -> Response {
    xml_response(StatusCode::CREATED, id_document(root, id))
}

/// DELETE success. [guess] 200 with the same `<id>` document; the body is not captured, so
/// clients should rely on the status only.
pub fn deleted(root: &str, id: u32) -> Response {
    xml_response(StatusCode::OK, id_document(root, id))
}

pub fn duplicate_name() -> ClassicError {
    ClassicError::conflict("Error: Duplicate name")
}

/// A missing required element. The reference says the 409 names one field at a time; the
/// exact sentence is not captured ([guess]), clients must only rely on the status.
pub fn missing_field(field: &str) -> ClassicError {
    ClassicError::conflict(format!("Error: Problem with field {field}"))
}

/// A required text element of a write body (`name`, `bundle_id`…): refused when sent empty,
/// and when absent from a create; `None` when an update leaves it out.
pub fn required(
    src: Option<&El>,
    field: &str,
    creating: bool,
) -> Result<Option<String>, ClassicError> {
    match src.and_then(|s| s.text_of(field)) {
        Some(v) if !v.is_empty() => Ok(Some(v)),
        Some(_) => Err(missing_field(field)),
        None if creating => Err(missing_field(field)),
        None => Ok(None),
    }
}

/// Names are compared case-insensitively: Jamf's database collation is case-insensitive, so
/// refusing "chariot 1" beside "Chariot 1" is the safe choice ([guess], reference §12 spirit).
pub fn same_name(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

/// The `{key}/{value}` part of a write path: creates go to `/id/0` (a body `<id>` is
/// ignored); `name` lookups are accepted too ("POST also works with a name"). [guess] what a
/// real server does with `POST /id/{n}` for n ≠ 0 is not captured: it is refused with a 404
/// so that a client bug shows up here rather than creating objects by accident.
pub fn is_create_path(key: &str, value: &str) -> bool {
    key == "id" && value.trim() == "0" || key == "name"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_entities_cdata_and_empty_elements() {
        let el = parse_xml(
            "<?xml version=\"1.0\"?><a><b>x &amp; y&#33;</b><c/><d><![CDATA[<p>]]></d><e>  1 </e></a>",
        )
        .unwrap();
        assert_eq!(el.text_of("b").unwrap(), "x & y!");
        assert_eq!(el.text_of("c").unwrap(), "");
        assert_eq!(el.text_of("d").unwrap(), "<p>");
        assert_eq!(el.int_of("e"), Some(1));
        assert_eq!(el.bool_of("e"), None);
    }

    #[test]
    fn rejects_broken_documents() {
        assert!(parse_xml("<a><b></a>").is_none());
        assert!(parse_xml("<a>").is_none());
        assert!(parse_xml("<a/><b/>").is_none());
        assert!(parse_body("<x/>", "y").is_err());
    }
}
