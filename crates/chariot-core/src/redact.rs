//! Removes secrets from text before it reaches a log file.
//!
//! Tokens and passwords must never be written to logs; every log line goes through
//! [`redact_secrets`] so that a careless `debug!("{request:?}")` cannot leak one.

/// Replaces bearer/basic credentials, `password=`/`client_secret=`-style pairs and JSON
/// `"token"`-style fields with `[redacted]`.
pub fn redact_secrets(line: &str) -> String {
    let mut out = redact_after_schemes(line);
    for key in SECRET_KEYS {
        out = redact_key_values(&out, key);
    }
    out
}

const SECRET_KEYS: &[&str] = &[
    "password",
    "client_secret",
    "secret",
    "token",
    "access_token",
    "refresh_token",
];

/// `Authorization: Bearer abc` / `Basic abc` → the scheme stays, the credential goes.
fn redact_after_schemes(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    loop {
        let found = ["Bearer ", "bearer ", "Basic ", "basic "]
            .iter()
            .filter_map(|s| rest.find(s).map(|i| (i, s.len())))
            .min();
        let Some((idx, len)) = found else {
            out.push_str(rest);
            return out;
        };
        out.push_str(&rest[..idx + len]);
        let after = &rest[idx + len..];
        let end = after
            .find(|c: char| c.is_whitespace() || matches!(c, '"' | '\'' | ',' | ';' | '}'))
            .unwrap_or(after.len());
        if end > 0 {
            out.push_str("[redacted]");
        }
        rest = &after[end..];
    }
}

/// `key=value`, `key: value`, `"key":"value"` → the value goes. Case-insensitive on the key,
/// and only whole keys (so `tokens_count=3` survives).
fn redact_key_values(line: &str, key: &str) -> String {
    let lower = line.to_ascii_lowercase();
    let mut out = String::with_capacity(line.len());
    let mut pos = 0;
    while let Some(rel) = lower[pos..].find(key) {
        let start = pos + rel;
        let end_key = start + key.len();
        let before_ok = start == 0
            || !lower.as_bytes()[start - 1].is_ascii_alphanumeric()
                && lower.as_bytes()[start - 1] != b'_';
        let rest = &line[end_key..];
        let sep_len = rest
            .char_indices()
            .take_while(|(_, c)| matches!(c, '"' | '\'' | ' ' | ':' | '='))
            .count();
        let sep = &rest[..sep_len];
        if !before_ok || !(sep.contains('=') || sep.contains(':')) {
            out.push_str(&line[pos..end_key]);
            pos = end_key;
            continue;
        }
        let value_start = end_key + sep_len;
        let value = &line[value_start..];
        let value_len = value
            .find(|c: char| c.is_whitespace() || matches!(c, '"' | '\'' | ',' | '&' | '}' | ';'))
            .unwrap_or(value.len());
        out.push_str(&line[pos..value_start]);
        if value_len > 0 {
            out.push_str("[redacted]");
        }
        pos = value_start + value_len;
    }
    out.push_str(&line[pos..]);
    out
}

#[cfg(test)]
mod tests {
    use super::redact_secrets;
    use rstest::rstest;

    #[rstest]
    #[case(
        "Authorization: Bearer eyJhbGciOi.abc.def",
        "Authorization: Bearer [redacted]"
    )]
    #[case("auth=Basic dXNlcjpwdw== then", "auth=Basic [redacted] then")]
    #[case("password=hunter2&user=admin", "password=[redacted]&user=admin")]
    #[case(
        r#"{"token":"abc123","expires":"x"}"#,
        r#"{"token":"[redacted]","expires":"x"}"#
    )]
    #[case(
        r#"{"access_token": "zz", "token_type":"Bearer"}"#,
        r#"{"access_token": "[redacted]", "token_type":"Bearer"}"#
    )]
    #[case("client_secret: s3cr3t done", "client_secret: [redacted] done")]
    #[case("PASSWORD=Xy", "PASSWORD=[redacted]")]
    #[case("tokens_count=3 mytoken=5", "tokens_count=3 mytoken=5")]
    #[case("synced 38 devices", "synced 38 devices")]
    fn removes_secrets(#[case] input: &str, #[case] expected: &str) {
        assert_eq!(redact_secrets(input), expected);
    }

    #[test]
    fn never_panics_on_odd_text() {
        for s in [
            "",
            "Bearer",
            "Bearer ",
            "password=",
            "token:",
            "é token=ü ",
            "\"token\"",
        ] {
            let _ = redact_secrets(s);
        }
        assert!(!redact_secrets("x token=é y").contains('é'));
    }
}
