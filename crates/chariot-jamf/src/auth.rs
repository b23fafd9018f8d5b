//! Sign-in to Jamf Pro: user accounts (bearer token from `/api/v1/auth/token`, kept alive with
//! `/api/v1/auth/keep-alive`) and OAuth API clients (`/api/oauth/token`, client credentials).

use std::time::{Duration, Instant};

use serde::Deserialize;

use crate::secret::Secret;

/// Who Chariot signs in as.
#[derive(Debug, Clone)]
pub enum Credentials {
    User {
        username: String,
        password: Secret,
    },
    ApiClient {
        client_id: String,
        client_secret: Secret,
    },
}

impl Credentials {
    /// The account name for the audit journal and messages (never the secret).
    pub fn account(&self) -> &str {
        match self {
            Credentials::User { username, .. } => username,
            Credentials::ApiClient { client_id, .. } => client_id,
        }
    }
}

/// A bearer token and when to renew it.
#[derive(Debug, Clone)]
pub(crate) struct Token {
    pub value: Secret,
    pub obtained: Instant,
    pub lifetime: Duration,
}

impl Token {
    pub fn new(value: Secret, lifetime: Duration) -> Token {
        // Bounded: a skewed clock or an odd `expires` must neither make every call re-login
        // nor keep a token far past its real end.
        let lifetime = lifetime.clamp(Duration::from_secs(10), Duration::from_secs(24 * 3600));
        Token {
            value,
            obtained: Instant::now(),
            lifetime,
        }
    }

    pub fn remaining(&self) -> Duration {
        self.lifetime.saturating_sub(self.obtained.elapsed())
    }

    /// Renew when less than a fifth of the lifetime is left (6 min of a 30-min user token,
    /// 2 min of a 10-min client token), and never use a token in its last 5 seconds.
    pub fn needs_renewal(&self) -> bool {
        self.remaining() < (self.lifetime / 5).max(Duration::from_secs(5))
    }

    pub fn is_expired(&self) -> bool {
        self.remaining() < Duration::from_secs(5)
    }
}

/// The client's current token, numbered: each token put in the cache gets the next
/// generation. A request refused with 401 forgets the token only if the cache still holds the
/// generation it was sent with; if a concurrent request already replaced it, the new token is
/// simply used. Without this, N requests meeting one dead token would each clear the cache and
/// sign in again, minting N tokens of which N − 1 are never invalidated (and, for a user
/// account, one sign-in may end another's token).
#[derive(Debug, Default)]
pub(crate) struct TokenCache {
    token: Option<Token>,
    generation: u64,
}

/// A token as handed to one request: its value and the cache generation it came from.
pub(crate) struct Bearer {
    pub value: Secret,
    pub generation: u64,
}

impl TokenCache {
    pub fn current(&self) -> Option<&Token> {
        self.token.as_ref()
    }

    /// The cached token, unless it is due for renewal.
    pub fn usable(&self) -> Option<Bearer> {
        self.token
            .as_ref()
            .filter(|t| !t.needs_renewal())
            .map(|t| Bearer {
                value: t.value.clone(),
                generation: self.generation,
            })
    }

    /// Caches a new token (a sign-in or a keep-alive) and hands it out.
    pub fn put(&mut self, token: Token) -> Bearer {
        self.generation += 1;
        let value = token.value.clone();
        self.token = Some(token);
        Bearer {
            value,
            generation: self.generation,
        }
    }

    /// After a 401 for the token of `generation`: forgets it unless it was already replaced.
    pub fn forget(&mut self, generation: u64) {
        if self.generation == generation {
            self.token = None;
        }
    }

    /// Empties the cache (signing out).
    pub fn take(&mut self) -> Option<Token> {
        self.token.take()
    }
}

/// `AuthTokenV1`: `{"token": "...", "expires": "2020-04-21T21:09:31.626Z"}`. The token is a
/// [`Secret`] so that printing the answer (`{:?}`) cannot leak it.
#[derive(Debug, Deserialize)]
pub struct UserTokenResponse {
    pub token: Secret,
    pub expires: String,
}

/// OAuth 2 client-credentials answer (the token a [`Secret`], as above).
#[derive(Debug, Deserialize)]
pub struct ClientTokenResponse {
    pub access_token: Secret,
    #[serde(default)]
    pub expires_in: Option<u64>,
    #[serde(default)]
    pub token_type: Option<String>,
    #[serde(default)]
    pub scope: Option<String>,
}

/// Lifetime of a user token: `expires` minus the server's own clock (its `Date` header) when it
/// sent it, so a skewed local clock does not matter. Falls back to the local clock, then to the
/// documented 30 minutes.
pub(crate) fn user_token_lifetime(expires: &str, server_date: Option<&str>) -> Duration {
    let Ok(expires) = chrono::DateTime::parse_from_rfc3339(expires) else {
        return Duration::from_secs(30 * 60);
    };
    let now = server_date
        .and_then(|d| chrono::DateTime::parse_from_rfc2822(d).ok())
        .map(|d| d.to_utc())
        .unwrap_or_else(chrono::Utc::now);
    (expires.to_utc() - now)
        .to_std()
        .unwrap_or(Duration::from_secs(30 * 60))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lifetime_uses_the_server_clock() {
        let life = user_token_lifetime(
            "2026-11-22T10:30:00.000Z",
            Some("Sun, 22 Nov 2026 10:00:00 GMT"),
        );
        assert_eq!(life, Duration::from_secs(1800));
        assert_eq!(
            user_token_lifetime("not a date", None),
            Duration::from_secs(1800)
        );
    }

    #[test]
    fn renewal_happens_before_expiry() {
        let t = Token::new(Secret::new("x"), Duration::from_secs(1800));
        assert!(!t.needs_renewal() && !t.is_expired());
        let short = Token {
            value: Secret::new("x"),
            obtained: Instant::now() - Duration::from_secs(1500),
            lifetime: Duration::from_secs(1800),
        };
        assert!(short.needs_renewal() && !short.is_expired());
    }

    /// Two requests refused with the same dead token: the first forgets it and signs in
    /// again; the second, refused a moment later, must keep the new token.
    #[test]
    fn a_401_forgets_only_the_token_it_was_sent_with() {
        let mut cache = TokenCache::default();
        let dead = cache.put(Token::new(Secret::new("dead"), Duration::from_secs(1800)));
        cache.forget(dead.generation);
        assert!(cache.current().is_none());
        let fresh = cache.put(Token::new(Secret::new("fresh"), Duration::from_secs(1800)));
        cache.forget(dead.generation);
        let kept = cache.usable().expect("the new token is kept");
        assert_eq!(kept.value.expose(), "fresh");
        assert_eq!(kept.generation, fresh.generation);
        cache.forget(fresh.generation);
        assert!(cache.usable().is_none());
    }

    /// A token answer may end up in a `{:?}` (a trace, an error's detail): the token is not
    /// in it, the rest still is.
    #[test]
    fn token_answers_print_without_their_token() {
        let user: UserTokenResponse = serde_json::from_str(
            r#"{"token": "eyJhbGciOiJIUzUxMiJ9.user-token-value", "expires": "2026-11-22T10:30:00.000Z"}"#,
        )
        .unwrap();
        let client: ClientTokenResponse = serde_json::from_str(
            r#"{"access_token": "client-token-value", "scope": "api-role:1", "token_type": "Bearer", "expires_in": 599}"#,
        )
        .unwrap();
        let shown = format!("{user:?} {client:?}");
        assert!(!shown.contains("token-value"), "{shown}");
        assert!(
            shown.contains("2026-11-22T10:30") && shown.contains("599"),
            "{shown}"
        );
    }

    #[test]
    fn credentials_debug_hides_secrets() {
        let c = Credentials::ApiClient {
            client_id: "chariot".into(),
            client_secret: Secret::new("s3cr3t"),
        };
        assert!(!format!("{c:?}").contains("s3cr3t"));
        assert_eq!(c.account(), "chariot");
    }
}
