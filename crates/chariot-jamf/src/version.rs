//! The server's version (`GET /api/v1/jamf-pro-version` → `{"version":"11.30.1-t1667311080"}`),
//! used to pick endpoints: several Classic commands were removed in 11.x.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct JamfVersion {
    pub major: u32,
    pub minor: u32,
    pub patch: u32,
}

impl JamfVersion {
    pub const fn new(major: u32, minor: u32, patch: u32) -> Self {
        Self {
            major,
            minor,
            patch,
        }
    }

    /// Parses `10.42.1-t1667311080`, `11.30.1`, `11.4.0-beta` ... (build suffix ignored).
    pub fn parse(text: &str) -> Option<JamfVersion> {
        let core = text.trim().split(['-', '+', ' ']).next()?;
        let mut parts = core.split('.').map(|p| p.parse::<u32>());
        let major = parts.next()?.ok()?;
        let minor = parts.next().unwrap_or(Ok(0)).ok()?;
        let patch = parts.next().unwrap_or(Ok(0)).ok()?;
        Some(JamfVersion {
            major,
            minor,
            patch,
        })
    }

    pub fn at_least(&self, major: u32, minor: u32) -> bool {
        (self.major, self.minor) >= (major, minor)
    }
}

impl fmt::Display for JamfVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}.{}", self.major, self.minor, self.patch)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[rstest]
    #[case("10.42.1-t1667311080", Some(JamfVersion::new(10, 42, 1)))]
    #[case("11.30.1", Some(JamfVersion::new(11, 30, 1)))]
    #[case("11.4", Some(JamfVersion::new(11, 4, 0)))]
    #[case(" 11.28.0-beta ", Some(JamfVersion::new(11, 28, 0)))]
    #[case("garbage", None)]
    #[case("", None)]
    fn parses(#[case] text: &str, #[case] expected: Option<JamfVersion>) {
        assert_eq!(JamfVersion::parse(text), expected);
    }

    #[test]
    fn orders_numerically() {
        let v = JamfVersion::parse("11.9.0").unwrap();
        assert!(JamfVersion::parse("11.10.0").unwrap() > v);
        assert!(v.at_least(11, 9) && !v.at_least(11, 28));
    }
}
