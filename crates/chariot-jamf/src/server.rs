//! The server address, checked once: HTTPS everywhere, plain HTTP only to this machine.

use std::fmt;
use std::net::IpAddr;

use url::Url;

use crate::error::JamfError;

/// A validated Jamf Pro base URL such as `https://ecollege31.jamfcloud.com`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServerUrl(Url);

impl ServerUrl {
    /// Accepts `https://host[:port][/path]`, and `http://` only for loopback addresses (the
    /// built-in simulator): credentials must never cross a network in clear text.
    pub fn parse(input: &str) -> Result<ServerUrl, JamfError> {
        let trimmed = input.trim();
        // Error messages repeat the address: never with a password someone typed into it,
        // whichever check fails first.
        let shown = without_credentials(trimmed);
        let with_scheme = if trimmed.contains("://") {
            trimmed.to_owned()
        } else {
            format!("https://{trimmed}")
        };
        let mut url = Url::parse(&with_scheme).map_err(|e| JamfError::InvalidUrl {
            url: shown.clone(),
            reason: e.to_string(),
        })?;
        if !url.username().is_empty() || url.password().is_some() {
            return Err(credentials_in_address());
        }
        if url.host_str().is_none_or(str::is_empty) {
            return Err(JamfError::InvalidUrl {
                url: shown,
                reason: "it has no host name".into(),
            });
        }
        match url.scheme() {
            "https" => {}
            "http" if is_loopback(&url) => {}
            "http" => {
                return Err(JamfError::InsecureUrl { url: shown });
            }
            other => {
                return Err(JamfError::InvalidUrl {
                    url: shown,
                    reason: format!("`{other}` is not a web address scheme"),
                });
            }
        }
        url.set_query(None);
        url.set_fragment(None);
        let path = url.path().trim_end_matches('/').to_owned();
        url.set_path(&path);
        Ok(ServerUrl(url))
    }

    /// `base` + `path` (`path` starts with `/api/...` or `/JSSResource/...`).
    pub fn join(&self, path: &str) -> Url {
        let mut url = self.0.clone();
        let joined = format!("{}{}", self.0.path().trim_end_matches('/'), path);
        url.set_path(&joined);
        url
    }

    pub fn host(&self) -> &str {
        self.0.host_str().unwrap_or_default()
    }

    pub fn is_loopback(&self) -> bool {
        is_loopback(&self.0)
    }
}

fn credentials_in_address() -> JamfError {
    JamfError::InvalidUrl {
        url: "(hidden: it contains credentials)".into(),
        reason: "put the user name and password in the login fields, not in the address".into(),
    }
}

/// The address as typed, with anything before an `@` in its host part replaced: what error
/// messages may repeat. (Done on the text, so it also holds when the address does not parse.)
fn without_credentials(input: &str) -> String {
    let start = input.find("://").map_or(0, |i| i + 3);
    let end = input[start..]
        .find(['/', '?', '#'])
        .map_or(input.len(), |i| start + i);
    match input[start..end].rfind('@') {
        Some(at) => format!("{}…@{}", &input[..start], &input[start + at + 1..]),
        None => input.to_owned(),
    }
}

impl fmt::Display for ServerUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0.as_str().trim_end_matches('/'))
    }
}

fn is_loopback(url: &Url) -> bool {
    match url.host() {
        Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
        Some(url::Host::Ipv4(ip)) => IpAddr::V4(ip).is_loopback(),
        Some(url::Host::Ipv6(ip)) => IpAddr::V6(ip).is_loopback(),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[rstest]
    #[case("https://ecollege31.jamfcloud.com", "https://ecollege31.jamfcloud.com")]
    #[case("ecollege31.jamfcloud.com/", "https://ecollege31.jamfcloud.com")]
    #[case(
        "https://jamf.ac-toulouse.fr:8443/",
        "https://jamf.ac-toulouse.fr:8443"
    )]
    #[case("http://127.0.0.1:4567", "http://127.0.0.1:4567")]
    #[case("http://127.9.9.9:80", "http://127.9.9.9")]
    #[case("http://localhost:9000/", "http://localhost:9000")]
    #[case("http://[::1]:9000", "http://[::1]:9000")]
    #[case("https://x.jamfcloud.com/?q=1#frag", "https://x.jamfcloud.com")]
    fn accepts(#[case] input: &str, #[case] shown: &str) {
        assert_eq!(ServerUrl::parse(input).unwrap().to_string(), shown);
    }

    /// Whatever else is wrong with the address, a password typed into it is never repeated.
    #[rstest]
    #[case("http://admin:hunter2@jamf.example.org")]
    #[case("https://admin:hunter2@jamf.example.org:99999")]
    #[case("ftp://admin:hunter2@jamf.example.org")]
    #[case("https://admin:hunter2@jamf.example.org")]
    #[case("admin:hunter2@jamf.example.org/path")]
    #[case("https://admin:hunter2@")]
    fn never_repeats_a_password_typed_into_the_address(#[case] input: &str) {
        let err = ServerUrl::parse(input).unwrap_err();
        let said = format!("{err} {err:?}");
        assert!(!said.contains("hunter2"), "{said}");
    }

    #[test]
    fn hides_only_the_credentials() {
        assert_eq!(
            without_credentials("http://a:b@host:1/x@y"),
            "http://…@host:1/x@y"
        );
        assert_eq!(without_credentials("host/p"), "host/p");
    }

    #[rstest]
    #[case("http://ecollege31.jamfcloud.com")]
    #[case("http://192.168.1.10:8080")]
    #[case("http://10.0.0.1")]
    fn refuses_clear_text_to_a_real_server(#[case] input: &str) {
        assert!(matches!(
            ServerUrl::parse(input),
            Err(JamfError::InsecureUrl { .. })
        ));
    }

    #[rstest]
    #[case("")]
    #[case("https://")]
    #[case("ftp://jamf.example.org")]
    #[case("https://admin:pw@jamf.example.org")]
    fn refuses_nonsense(#[case] input: &str) {
        let err = ServerUrl::parse(input).unwrap_err();
        assert!(matches!(err, JamfError::InvalidUrl { .. }), "{err:?}");
        assert!(!err.to_string().contains("pw@"));
    }

    #[test]
    fn joins_api_paths_under_a_prefix() {
        let s = ServerUrl::parse("https://h.example/jamf/").unwrap();
        assert_eq!(
            s.join("/api/v1/auth/token").as_str(),
            "https://h.example/jamf/api/v1/auth/token"
        );
    }
}
