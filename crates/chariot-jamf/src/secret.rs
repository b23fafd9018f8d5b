//! A secret (password, client secret, token) that cannot be printed or serialised by accident.

use std::fmt;

/// Holds a secret value. `Debug` and `Display` print `[secret]`; there is no `Serialize`, so a
/// secret can never end up in a log line, a JSON file or an error message. It can be
/// deserialised, so a token answer is parsed straight into one.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        Self(value.into())
    }

    /// The value itself, for the one place that must send it (an HTTP header or form).
    pub fn expose(&self) -> &str {
        &self.0
    }
}

/// Read from a server's answer (a token) straight into a `Secret`, so the plain value never
/// sits in a struct that prints it. Reading only: there is still no `Serialize`.
impl<'de> serde::Deserialize<'de> for Secret {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(Secret)
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[secret]")
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[secret]")
    }
}

#[cfg(test)]
mod tests {
    use super::Secret;

    #[test]
    fn never_prints_its_value() {
        let s = Secret::new("hunter2");
        assert_eq!(format!("{s:?} {s}"), "[secret] [secret]");
        assert_eq!(s.expose(), "hunter2");
        #[derive(Debug)]
        #[allow(dead_code)]
        struct Login {
            user: String,
            password: Secret,
        }
        let shown = format!(
            "{:?}",
            Login {
                user: "admin".into(),
                password: s
            }
        );
        assert!(!shown.contains("hunter2"), "{shown}");
    }
}
