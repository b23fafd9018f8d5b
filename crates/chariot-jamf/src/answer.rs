//! Reading a server's answer: JSON decoding, and turning a non-2xx status into a typed error
//! with the server's own words (never the whole body).

use serde::de::DeserializeOwned;

use crate::client::Answer;
use crate::error::JamfError;
use crate::server::ServerUrl;

pub(crate) fn decode<T: DeserializeOwned>(what: &str, body: &[u8]) -> Result<T, JamfError> {
    // The body's UTF-8 is checked once, as a whole: parsed from bytes, serde_json checks
    // each string on its own, which took ~4 % of a full sync (inventory pages are mostly
    // short strings).
    let text = std::str::from_utf8(body).map_err(|e| JamfError::Decode {
        what: what.to_owned(),
        detail: format!("the answer is not UTF-8 text ({e})"),
    })?;
    serde_json::from_str(text).map_err(|e| JamfError::Decode {
        what: what.to_owned(),
        detail: e.to_string(),
    })
}

/// Turns a non-2xx answer into an error, with the server's own words when it gave some.
pub(crate) fn classify(path: &str, server: &ServerUrl, answer: Answer) -> JamfError {
    let detail = error_detail(&answer.body);
    let what = path.to_owned();
    match answer.status.as_u16() {
        401 => JamfError::Unauthorized {
            host: server.host().to_owned(),
            detail: if detail.is_empty() {
                "HTTP 401".into()
            } else {
                detail
            },
            no_api_clients: false,
        },
        403 => JamfError::Forbidden { what },
        404 => JamfError::NotFound { what },
        429 => JamfError::RateLimited {
            what,
            retry_after: answer.retry_after,
        },
        status => JamfError::Server {
            status,
            what,
            detail,
            retry_after: answer.retry_after,
        },
    }
}

/// A refused sign-in. OAuth servers answer a bad client id or secret with 400 (RFC 6749
/// §5.2) as often as with 401: both are wrong credentials, not a server fault to wait out.
/// A server without API clients (before Jamf Pro 10.49) has no token endpoint at all.
pub(crate) fn classify_sign_in(path: &str, server: &ServerUrl, answer: Answer) -> JamfError {
    let host = server.host().to_owned();
    match answer.status.as_u16() {
        400 => {
            let detail = error_detail(&answer.body);
            let oauth_refusal = ["invalid_client", "unauthorized_client", "invalid_grant"]
                .iter()
                .any(|code| answer_mentions(&answer.body, code));
            if oauth_refusal {
                JamfError::Unauthorized {
                    host,
                    detail: if detail.is_empty() {
                        "HTTP 400".into()
                    } else {
                        detail
                    },
                    no_api_clients: false,
                }
            } else {
                classify(path, server, answer)
            }
        }
        404 => JamfError::Unauthorized {
            host,
            detail: "this server has no API clients (they need Jamf Pro 10.49 or later): \
                     sign in with a user name and password"
                .into(),
            no_api_clients: true,
        },
        _ => classify(path, server, answer),
    }
}

/// Whether a JSON error body's `error` field is `code`.
fn answer_mentions(body: &[u8], code: &str) -> bool {
    serde_json::from_slice::<serde_json::Value>(body)
        .ok()
        .and_then(|json| json.get("error")?.as_str().map(|e| e == code))
        .unwrap_or(false)
}

/// The readable part of an error body: Jamf Pro API `errors[].description`/`code`, OAuth
/// `error_description`, or the one sentence of a Classic HTML page. Never the whole body.
pub(crate) fn error_detail(body: &[u8]) -> String {
    if let Ok(json) = serde_json::from_slice::<serde_json::Value>(body) {
        if let Some(errors) = json.get("errors").and_then(|e| e.as_array()) {
            let parts: Vec<String> = errors
                .iter()
                .filter_map(|e| {
                    e.get("description")
                        .and_then(|d| d.as_str())
                        .or_else(|| e.get("code").and_then(|c| c.as_str()))
                        .map(str::to_owned)
                })
                .collect();
            return parts.join("; ");
        }
        if let Some(d) = json.get("error_description").or_else(|| json.get("error")) {
            return d.as_str().unwrap_or_default().to_owned();
        }
        return String::new();
    }
    let text = String::from_utf8_lossy(body);
    // Classic pages: <p>Error: Duplicate name</p> ... keep the first paragraph's text.
    let paragraph = text
        .split("<p>")
        .nth(1)
        .and_then(|p| p.split("</p>").next())
        .unwrap_or_default();
    paragraph
        .chars()
        .take(200)
        .collect::<String>()
        .trim()
        .to_owned()
}

pub(crate) fn error_chain(e: &dyn std::error::Error) -> String {
    let mut out = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        out.push_str(": ");
        out.push_str(&s.to_string());
        source = s.source();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{decode, error_detail};
    use crate::error::JamfError;
    use proptest::prelude::*;

    #[test]
    fn an_answer_that_is_not_utf8_is_a_decode_error_that_says_so() {
        let body = b"{\"name\": \"iPad \xff\"}";
        let err = decode::<serde_json::Value>("/api/v2/mobile-devices", body).unwrap_err();
        let JamfError::Decode { what, detail } = err else {
            panic!("expected a decode error, got {err:?}");
        };
        assert_eq!(what, "/api/v2/mobile-devices");
        assert!(detail.contains("not UTF-8"), "{detail}");
        // Accented names (UTF-8) still decode, as they did from bytes.
        let ok: serde_json::Value = decode("x", "{\"name\": \"iPad élève\"}".as_bytes()).unwrap();
        assert_eq!(ok["name"], "iPad élève");
    }

    fn answer(status: u16, body: &str) -> crate::client::Answer {
        crate::client::Answer {
            status: reqwest::StatusCode::from_u16(status).unwrap(),
            retry_after: None,
            date: None,
            body: body.as_bytes().to_vec(),
        }
    }

    /// A bad client secret is wrong credentials (exit "auth", "check the secret"), whether
    /// the server says it with 400 or 401; a 400 for anything else stays a server error;
    /// a server without API clients says what to do instead.
    #[test]
    fn a_refused_client_secret_is_an_auth_error_whatever_the_status() {
        let server = crate::ServerUrl::parse("https://x.jamfcloud.com").unwrap();
        let path = "/api/oauth/token";
        let bad =
            r#"{"error":"invalid_client","error_description":"Client authentication failed"}"#;
        for status in [400, 401] {
            let err = super::classify_sign_in(path, &server, answer(status, bad));
            assert!(
                matches!(err, JamfError::Unauthorized { .. }),
                "{status}: {err:?}"
            );
        }
        let other =
            super::classify_sign_in(path, &server, answer(400, r#"{"error":"invalid_scope"}"#));
        assert!(
            matches!(other, JamfError::Server { status: 400, .. }),
            "{other:?}"
        );
        let old = super::classify_sign_in(path, &server, answer(404, ""));
        assert!(
            matches!(
                old,
                JamfError::Unauthorized {
                    no_api_clients: true,
                    ..
                }
            ),
            "{old:?}"
        );
        assert!(old.to_string().contains("10.49"), "{old}");
    }

    proptest! {
        /// Error bodies come from anywhere (proxies, captive portals): reading one never
        /// panics and never returns more than a short sentence.
        #[test]
        fn error_bodies_of_any_shape_are_read_safely(body in prop::collection::vec(any::<u8>(), 0..2048), html in "(<p>)?.{0,300}(</p>)?") {
            prop_assert!(error_detail(&body).chars().count() <= 2048);
            let detail = error_detail(html.as_bytes());
            prop_assert!(detail.chars().count() <= 200);
        }
    }

    #[test]
    fn reads_the_server_words_from_each_error_shape() {
        let pro = br#"{"httpStatus" : 401, "errors" : [ {"code":"INVALID_TOKEN","description":"Unauthorized","id":"0","field":null} ]}"#;
        assert_eq!(error_detail(pro), "Unauthorized");
        assert_eq!(error_detail(br#"{"httpStatus" : 401, "errors" : [ ]}"#), "");
        assert_eq!(
            error_detail(br#"{"error":"invalid_client","error_description":"Bad secret"}"#),
            "Bad secret"
        );
        // Our Classic "Status page" fixture, taken by path: unit tests do not link the test kit.
        let html = include_bytes!("../../chariot-testkit/fixtures/jamf/errors/classic-401.html");
        let detail = error_detail(html);
        assert!(!detail.is_empty() && detail.len() <= 200, "{detail}");
        assert!(!detail.contains('<'), "{detail}");
    }
}
