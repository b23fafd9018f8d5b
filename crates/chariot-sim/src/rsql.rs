//! The RSQL subset Jamf Pro accepts in `filter=` (reference §1.4): `==`, `!=`, `<`, `<=`,
//! `>`, `>=` and their `=lt=`-style aliases, `=in=`/`=out=` (comma or pipe lists), `;`/`and`,
//! `,`/`or`, parentheses, `*` wildcards, case-insensitive strings, ISO-8601 dates.

use chrono::{DateTime, NaiveDate, Utc};
use std::cmp::Ordering;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    In,
    Out,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    And(Vec<Expr>),
    Or(Vec<Expr>),
    Cmp {
        field: String,
        op: Op,
        values: Vec<String>,
    },
}

/// A typed field value of a record.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Str(String),
    Num(f64),
    Bool(bool),
    Date(DateTime<Utc>),
    Null,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RsqlError {
    #[error("RSQL syntax error at position {0}")]
    Syntax(usize),
    #[error("Unknown field in filter: {0}")]
    UnknownField(String),
}

pub fn parse(input: &str) -> Result<Expr, RsqlError> {
    let mut p = Parser {
        s: input.as_bytes(),
        pos: 0,
    };
    let e = p.or()?;
    p.ws();
    if p.pos != p.s.len() {
        return Err(RsqlError::Syntax(p.pos));
    }
    Ok(e)
}

struct Parser<'a> {
    s: &'a [u8],
    pos: usize,
}

impl Parser<'_> {
    fn ws(&mut self) {
        while self.pos < self.s.len() && self.s[self.pos].is_ascii_whitespace() {
            self.pos += 1;
        }
    }

    fn eat_word(&mut self, w: &str) -> bool {
        let save = self.pos;
        self.ws();
        let end = self.pos + w.len();
        if end <= self.s.len()
            && self.s[self.pos..end].eq_ignore_ascii_case(w.as_bytes())
            && self.s.get(end).is_some_and(|c| c.is_ascii_whitespace())
            && save < self.pos
        {
            self.pos = end;
            true
        } else {
            self.pos = save;
            false
        }
    }

    fn or(&mut self) -> Result<Expr, RsqlError> {
        let mut items = vec![self.and()?];
        loop {
            self.ws_peek();
            if self.peek() == Some(b',') {
                self.pos += 1;
            } else if !self.eat_word("or") {
                break;
            }
            items.push(self.and()?);
        }
        Ok(if items.len() == 1 {
            items.pop().expect("one")
        } else {
            Expr::Or(items)
        })
    }

    fn and(&mut self) -> Result<Expr, RsqlError> {
        let mut items = vec![self.term()?];
        loop {
            self.ws_peek();
            if self.peek() == Some(b';') {
                self.pos += 1;
            } else if !self.eat_word("and") {
                break;
            }
            items.push(self.term()?);
        }
        Ok(if items.len() == 1 {
            items.pop().expect("one")
        } else {
            Expr::And(items)
        })
    }

    /// Looks past spaces only when a separator follows, so `a==b and c==d` still works.
    fn ws_peek(&mut self) {
        let save = self.pos;
        self.ws();
        if !matches!(self.peek(), Some(b',') | Some(b';')) {
            self.pos = save;
        }
    }

    fn peek(&self) -> Option<u8> {
        self.s.get(self.pos).copied()
    }

    fn term(&mut self) -> Result<Expr, RsqlError> {
        self.ws();
        if self.peek() == Some(b'(') {
            self.pos += 1;
            let e = self.or()?;
            self.ws();
            if self.peek() != Some(b')') {
                return Err(RsqlError::Syntax(self.pos));
            }
            self.pos += 1;
            return Ok(e);
        }
        let start = self.pos;
        while let Some(c) = self.peek() {
            if c.is_ascii_alphanumeric() || c == b'.' || c == b'_' {
                self.pos += 1;
            } else {
                break;
            }
        }
        if start == self.pos {
            return Err(RsqlError::Syntax(self.pos));
        }
        let field = String::from_utf8_lossy(&self.s[start..self.pos]).into_owned();
        self.ws();
        let op = self.op()?;
        self.ws();
        let values = if matches!(op, Op::In | Op::Out) {
            self.list()?
        } else {
            vec![self.value()?]
        };
        Ok(Expr::Cmp { field, op, values })
    }

    fn op(&mut self) -> Result<Op, RsqlError> {
        const OPS: &[(&str, Op)] = &[
            ("==", Op::Eq),
            ("!=", Op::Ne),
            ("=lt=", Op::Lt),
            ("=le=", Op::Le),
            ("=gt=", Op::Gt),
            ("=ge=", Op::Ge),
            ("=in=", Op::In),
            ("=out=", Op::Out),
            ("<=", Op::Le),
            (">=", Op::Ge),
            ("<", Op::Lt),
            (">", Op::Gt),
        ];
        for (text, op) in OPS {
            if self.s[self.pos..].starts_with(text.as_bytes()) {
                self.pos += text.len();
                return Ok(*op);
            }
        }
        Err(RsqlError::Syntax(self.pos))
    }

    fn list(&mut self) -> Result<Vec<String>, RsqlError> {
        if self.peek() != Some(b'(') {
            return Ok(vec![self.value()?]);
        }
        self.pos += 1;
        let mut out = vec![];
        loop {
            self.ws();
            out.push(self.value()?);
            self.ws();
            match self.peek() {
                Some(b',') | Some(b'|') => self.pos += 1,
                Some(b')') => {
                    self.pos += 1;
                    return Ok(out);
                }
                _ => return Err(RsqlError::Syntax(self.pos)),
            }
        }
    }

    fn value(&mut self) -> Result<String, RsqlError> {
        match self.peek() {
            Some(q @ (b'"' | b'\'')) => {
                self.pos += 1;
                let start = self.pos;
                while self.peek().is_some_and(|c| c != q) {
                    self.pos += 1;
                }
                if self.peek() != Some(q) {
                    return Err(RsqlError::Syntax(self.pos));
                }
                let v = String::from_utf8_lossy(&self.s[start..self.pos]).into_owned();
                self.pos += 1;
                Ok(v)
            }
            _ => {
                let start = self.pos;
                while let Some(c) = self.peek() {
                    if matches!(c, b';' | b',' | b')' | b'(' | b'|' | b'"' | b'\'')
                        || c.is_ascii_whitespace()
                    {
                        break;
                    }
                    self.pos += 1;
                }
                if start == self.pos {
                    return Err(RsqlError::Syntax(self.pos));
                }
                Ok(String::from_utf8_lossy(&self.s[start..self.pos]).into_owned())
            }
        }
    }
}

impl Expr {
    /// Every field name the expression uses.
    pub fn fields(&self) -> Vec<&str> {
        match self {
            Expr::And(v) | Expr::Or(v) => v.iter().flat_map(|e| e.fields()).collect(),
            Expr::Cmp { field, .. } => vec![field.as_str()],
        }
    }

    pub fn check_fields(&self, allowed: &[&str]) -> Result<(), RsqlError> {
        match self.fields().into_iter().find(|f| !allowed.contains(f)) {
            Some(f) => Err(RsqlError::UnknownField(f.to_string())),
            None => Ok(()),
        }
    }

    /// Evaluates against a record; `lookup` returns every value of a (possibly multi-valued)
    /// field, e.g. all group names of a device.
    pub fn eval(&self, lookup: &dyn Fn(&str) -> Vec<Value>) -> bool {
        match self {
            Expr::And(v) => v.iter().all(|e| e.eval(lookup)),
            Expr::Or(v) => v.iter().any(|e| e.eval(lookup)),
            Expr::Cmp { field, op, values } => {
                let vals = lookup(field);
                let any = |pred: &dyn Fn(&Value, &str) -> bool| {
                    vals.iter().any(|v| values.iter().any(|lit| pred(v, lit)))
                };
                match op {
                    Op::Eq | Op::In => any(&|v, lit| equals(v, lit)),
                    Op::Ne | Op::Out => !any(&|v, lit| equals(v, lit)),
                    Op::Lt => any(&|v, lit| compare(v, lit) == Some(Ordering::Less)),
                    Op::Le => any(&|v, lit| {
                        matches!(compare(v, lit), Some(Ordering::Less | Ordering::Equal))
                    }),
                    Op::Gt => any(&|v, lit| compare(v, lit) == Some(Ordering::Greater)),
                    Op::Ge => any(&|v, lit| {
                        matches!(compare(v, lit), Some(Ordering::Greater | Ordering::Equal))
                    }),
                }
            }
        }
    }
}

pub fn parse_date(s: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(s)
        .map(|d| d.to_utc())
        .ok()
        .or_else(|| {
            NaiveDate::parse_from_str(s, "%Y-%m-%d")
                .ok()
                .and_then(|d| d.and_hms_opt(0, 0, 0))
                .map(|d| d.and_utc())
        })
}

/// Case-insensitive glob with `*`.
pub fn glob(pattern: &str, text: &str) -> bool {
    let p: Vec<char> = pattern.to_lowercase().chars().collect();
    let t: Vec<char> = text.to_lowercase().chars().collect();
    let (mut pi, mut ti, mut star, mut mark) = (0, 0, None, 0);
    while ti < t.len() {
        if pi < p.len() && p[pi] != '*' && p[pi] == t[ti] {
            pi += 1;
            ti += 1;
        } else if pi < p.len() && p[pi] == '*' {
            star = Some(pi);
            mark = ti;
            pi += 1;
        } else if let Some(s) = star {
            pi = s + 1;
            mark += 1;
            ti = mark;
        } else {
            return false;
        }
    }
    p[pi..].iter().all(|c| *c == '*')
}

fn equals(v: &Value, lit: &str) -> bool {
    match v {
        Value::Str(s) => glob(lit, s),
        Value::Num(n) => lit.parse::<f64>().is_ok_and(|x| x == *n),
        Value::Bool(b) => lit.eq_ignore_ascii_case(if *b { "true" } else { "false" }),
        Value::Date(d) => parse_date(lit).is_some_and(|x| x == *d),
        Value::Null => lit.eq_ignore_ascii_case("null"),
    }
}

fn compare(v: &Value, lit: &str) -> Option<Ordering> {
    match v {
        Value::Str(s) => Some(s.to_lowercase().cmp(&lit.to_lowercase())),
        Value::Num(n) => lit.parse::<f64>().ok().and_then(|x| n.partial_cmp(&x)),
        Value::Bool(_) | Value::Null => None,
        Value::Date(d) => parse_date(lit).map(|x| d.cmp(&x)),
    }
}

/// Orders two values for sorting (nulls first, like Jamf's SQL ascending order).
pub fn order(a: &Value, b: &Value) -> Ordering {
    match (a, b) {
        (Value::Null, Value::Null) => Ordering::Equal,
        (Value::Null, _) => Ordering::Less,
        (_, Value::Null) => Ordering::Greater,
        (Value::Str(x), Value::Str(y)) => x.to_lowercase().cmp(&y.to_lowercase()),
        (Value::Num(x), Value::Num(y)) => x.partial_cmp(y).unwrap_or(Ordering::Equal),
        (Value::Bool(x), Value::Bool(y)) => x.cmp(y),
        (Value::Date(x), Value::Date(y)) => x.cmp(y),
        _ => Ordering::Equal,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    fn rec(f: &str) -> Vec<Value> {
        match f {
            "name" => vec![Value::Str("0311234A-Prof 2".into())],
            "battery" => vec![Value::Num(72.0)],
            "lost" => vec![Value::Bool(false)],
            "seen" => vec![Value::Date(parse_date("2026-03-02T10:00:00Z").unwrap())],
            "group" => vec![
                Value::Str("Chariot 1".into()),
                Value::Str("Professeurs".into()),
            ],
            _ => vec![Value::Null],
        }
    }

    #[rstest]
    #[case("name==\"*prof*\"", true)]
    #[case("name=='0311234a-prof 2'", true)]
    #[case("name!=*Prof*", false)]
    #[case("battery>=72;battery<73", true)]
    #[case("battery=gt=80,lost==false", true)]
    #[case("battery=in=(10,72)", true)]
    #[case("battery=in=(10|72)", true)]
    #[case("battery=out=(72)", false)]
    #[case("seen=ge=2026-03-01T00:00:00Z", true)]
    #[case("seen<2026-03-02", false)]
    #[case("group==Professeurs", true)]
    #[case("group!=Professeurs", false)]
    #[case("(battery<10 or lost==true) and name==x", false)]
    #[case("battery<10 or (lost==false and name==*A-*)", true)]
    fn evaluates(#[case] filter: &str, #[case] expected: bool) {
        let e = parse(filter).unwrap();
        assert_eq!(e.eval(&rec), expected, "{filter}: {e:?}");
    }

    #[rstest]
    #[case("")]
    #[case("name")]
    #[case("name==")]
    #[case("name==a;")]
    #[case("(name==a")]
    #[case("name=~a")]
    #[case("name==\"unterminated")]
    fn rejects_bad_syntax(#[case] filter: &str) {
        assert!(parse(filter).is_err());
    }

    #[test]
    fn unknown_fields_are_reported() {
        let e = parse("a==1;b==2").unwrap();
        assert_eq!(
            e.check_fields(&["a"]),
            Err(RsqlError::UnknownField("b".into()))
        );
    }
}
