//! Server profiles: the Jamf Pro servers the IT manager connects to (and the demo school).
//!
//! A profile holds no secret: the password or client secret lives in the OS keychain under
//! (server URL, account). Each profile has its own snapshot database, so switching schools never
//! mixes two inventories.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// How Chariot signs in to Jamf Pro.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum AuthKind {
    /// A Jamf Pro user account (user name + password, bearer token).
    User,
    /// An API client (client id + secret, Jamf Pro ≥ 10.49).
    ApiClient,
}

/// A saved server.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ServerProfile {
    /// Stable id, also the name of the profile's database file.
    pub id: String,
    /// What the user calls it ("Collège Jean Moulin").
    pub label: String,
    /// e.g. `https://ecollege31.jamfcloud.com`; empty for the demo school (its port changes at
    /// every start).
    pub server_url: String,
    pub auth: AuthKind,
    /// User name or client id.
    pub account: String,
    /// The built-in demonstration school (simulator on loopback).
    pub demo: bool,
}

pub const DEMO_PROFILE_ID: &str = "demo";

/// The id (and database file name) of a server's profile: `host[_port]`, e.g.
/// `ecollege31.jamfcloud.com`. The same name `chariot sync` uses, so both share one snapshot.
pub fn profile_id(server: &chariot_jamf::ServerUrl) -> String {
    let url = server.to_string();
    let id = url.split("://").nth(1).unwrap_or(&url);
    id.trim_end_matches('/')
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '.' || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

impl ServerProfile {
    /// Who acts on this server, for the audit journal: the Jamf account, or the demo school's.
    pub fn acting_account(&self) -> &str {
        if self.account.is_empty() && self.demo {
            "chariot-demo"
        } else {
            &self.account
        }
    }

    pub fn demo(label: &str) -> ServerProfile {
        ServerProfile {
            id: DEMO_PROFILE_ID.to_owned(),
            label: label.to_owned(),
            server_url: String::new(),
            auth: AuthKind::ApiClient,
            account: String::new(),
            demo: true,
        }
    }
}

/// A secret typed in the connection form. Crosses the IPC boundary once, goes to the keychain,
/// and never shows in a Debug print or a log.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(type = "string")]
pub struct TypedSecret(pub String);

impl std::fmt::Debug for TypedSecret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("TypedSecret(••••)")
    }
}

/// The connection form: a new profile, or changes to a saved one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ProfileDraft {
    /// The profile being edited; `None` for a new one.
    pub id: Option<String>,
    pub label: String,
    pub server_url: String,
    pub auth: AuthKind,
    pub account: String,
    /// The password or client secret; `None` keeps the one already in the keychain.
    #[ts(type = "string | null")]
    pub secret: Option<TypedSecret>,
}

/// One privilege Chariot needs, and whether the account has it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PrivilegeCheck {
    /// The Jamf Pro privilege name, as in Settings › User accounts / API roles.
    pub privilege: String,
    /// What Chariot reads with it, e.g. "inventory".
    pub needed_for: String,
    pub granted: bool,
}

/// What the "Tester" button found, step by step; the first failed step says what to fix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ConnectionCheck {
    /// The server answered at all (DNS, TLS, HTTP).
    pub reachable: bool,
    /// The credentials were accepted.
    pub signed_in: bool,
    /// Jamf Pro version, e.g. `11.30.1`.
    pub version: Option<String>,
    pub privileges: Vec<PrivilegeCheck>,
    /// The blocking problem, when a step failed.
    pub problem: Option<crate::error::AppError>,
}

impl ConnectionCheck {
    pub fn ok(&self) -> bool {
        self.reachable
            && self.signed_in
            && self.problem.is_none()
            && self.privileges.iter().all(|p| p.granted)
    }
}
