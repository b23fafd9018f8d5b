//! Deserialisers that accept the shapes real servers send for one field across versions.

use serde::{Deserialize, Deserializer};

/// An integer given as a number, a numeric string, or null/empty.
pub fn opt_i64<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
    let v = Option::<serde_json::Value>::deserialize(d)?;
    Ok(match v {
        Some(serde_json::Value::Number(n)) => n.as_i64().or_else(|| n.as_f64().map(|f| f as i64)),
        Some(serde_json::Value::String(s)) => s.trim().parse::<i64>().ok(),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    #[derive(serde::Deserialize)]
    struct T {
        #[serde(default, deserialize_with = "super::opt_i64")]
        v: Option<i64>,
    }

    #[test]
    fn reads_every_shape() {
        let read = |j: &str| serde_json::from_str::<T>(j).unwrap().v;
        assert_eq!(read(r#"{"v": 12}"#), Some(12));
        assert_eq!(read(r#"{"v": "604160000"}"#), Some(604_160_000));
        assert_eq!(read(r#"{"v": ""}"#), None);
        assert_eq!(read(r#"{"v": null}"#), None);
        assert_eq!(read(r#"{}"#), None);
        assert_eq!(read(r#"{"v": 12.7}"#), Some(12));
    }
}
