//! Errors: the typed error of the library API, and the exact error documents Jamf Pro sends
//! (JSON `ApiError` on the Jamf Pro API, HTML "Status page" on the Classic API).

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::json;

/// Failure to start the simulator.
#[derive(Debug, thiserror::Error)]
pub enum SimError {
    #[error("cannot listen on 127.0.0.1:{port}: {source}")]
    Bind {
        port: u16,
        #[source]
        source: std::io::Error,
    },
    #[error("invalid simulator configuration: {0}")]
    Config(String),
}

/// An error on the Jamf Pro API: `{"httpStatus": n, "errors": [...]}`.
#[derive(Debug, Clone)]
pub struct ApiError {
    pub status: u16,
    pub errors: Vec<ApiErrorItem>,
}

#[derive(Debug, Clone)]
pub struct ApiErrorItem {
    pub code: Option<String>,
    pub field: Option<String>,
    pub description: String,
}

impl ApiError {
    pub fn new(status: u16, code: &str, description: impl Into<String>) -> Self {
        ApiError {
            status,
            errors: vec![ApiErrorItem {
                code: Some(code.to_string()),
                field: None,
                description: description.into(),
            }],
        }
    }

    pub fn with_field(mut self, field: &str) -> Self {
        if let Some(e) = self.errors.first_mut() {
            e.field = Some(field.to_string());
        }
        self
    }

    /// The bare 401 Jamf sends after `invalidate-token` (fixture
    /// `errors/jamfpro-401-after-invalidate-token.json`).
    pub fn unauthorized_empty() -> Self {
        ApiError {
            status: 401,
            errors: vec![],
        }
    }

    /// The 401 for a bad or expired token (fixture `errors/jamfpro-401-invalid-token.json`).
    pub fn invalid_token() -> Self {
        ApiError::new(401, "INVALID_TOKEN", "Unauthorized")
    }

    pub fn bad_request(code: &str, description: impl Into<String>) -> Self {
        ApiError::new(400, code, description)
    }

    pub fn not_found(description: impl Into<String>) -> Self {
        // [guess] the exact 404 code string is not captured (reference §12).
        ApiError::new(404, "NOT_FOUND", description)
    }

    pub fn body(&self) -> serde_json::Value {
        let errors: Vec<_> = self
            .errors
            .iter()
            .map(|e| {
                json!({
                    "code": e.code,
                    "description": e.description,
                    "id": "0",
                    "field": e.field,
                })
            })
            .collect();
        json!({ "httpStatus": self.status, "errors": errors })
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let mut resp = (status, axum::Json(self.body())).into_response();
        if self.status == 401 {
            resp.headers_mut()
                .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        resp
    }
}

/// A Classic API error page.
#[derive(Debug, Clone)]
pub struct ClassicError {
    pub status: u16,
    pub message: String,
}

impl ClassicError {
    pub fn new(status: u16, message: impl Into<String>) -> Self {
        ClassicError {
            status,
            message: message.into(),
        }
    }

    pub fn unauthorized() -> Self {
        ClassicError::new(401, "The request requires user authentication")
    }

    pub fn not_found() -> Self {
        // [guess] reference §2.6: "404 is the same template with Not Found".
        ClassicError::new(
            404,
            "The server has not found anything matching the request URI",
        )
    }

    pub fn conflict(message: impl Into<String>) -> Self {
        ClassicError::new(409, message)
    }

    pub fn bad_request(message: impl Into<String>) -> Self {
        ClassicError::new(400, message)
    }
}

impl IntoResponse for ClassicError {
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let mut resp = (status, classic_page(self.status, &self.message)).into_response();
        let h = resp.headers_mut();
        h.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/html;charset=UTF-8"),
        );
        if self.status == 401 {
            h.insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static(
                    "Basic realm=\"Restful JSS Access -- Please supply your credentials\"",
                ),
            );
        }
        resp
    }
}

/// Renders Jamf's Classic "Status page" template (fixtures `errors/classic-*.html`).
pub fn classic_page(status: u16, message: &str) -> String {
    let reason = StatusCode::from_u16(status)
        .ok()
        .and_then(|s| s.canonical_reason())
        .unwrap_or("Error");
    let title = if status == 500 {
        "Status Page"
    } else {
        "Status page"
    };
    let body = match status {
        // 401 and the 403 variant carry the RFC 2616 link paragraph on real servers.
        401 => format!(
            "<p>{}</p>\n<p>You can get technical details <a href=\"http://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html#sec10.4.2\">here</a>.<br>\nPlease continue your visit at our <a href=\"/\">home page</a>.\n</p>",
            html_escape(message)
        ),
        _ => format!("<p>{}\n</p>", html_escape(message)),
    };
    format!(
        "<html>\n<head>\n   <title>{title}</title>\n</head>\n<body style=\"font-family: sans-serif;\">\n<p style=\"font-size: 1.2em;font-weight: bold;margin: 1em 0px;\">{reason}</p>\n{body}\n</body>\n</html>\n"
    )
}

pub fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_token_body_matches_fixture_shape() {
        let b = ApiError::invalid_token().body();
        assert_eq!(b["httpStatus"], 401);
        assert_eq!(b["errors"][0]["code"], "INVALID_TOKEN");
        assert_eq!(b["errors"][0]["id"], "0");
        assert!(b["errors"][0]["field"].is_null());
    }

    #[test]
    fn classic_page_names_the_status() {
        let p = classic_page(409, "Error: Duplicate name");
        assert!(p.contains("<title>Status page</title>"));
        assert!(p.contains(">Conflict</p>"));
        assert!(p.contains("Error: Duplicate name"));
    }
}
