//! Test support shared by Chariot's crates, so that no crate keeps its own copy: an rstest
//! fixture for a running simulator, clients for it, and our Jamf payloads.
//!
//! A dev-dependency only. Each module is behind the feature of the crate it needs (`sim`,
//! `jamf`); `samples` needs none.

pub mod samples;

#[cfg(feature = "jamf")]
pub mod client;
#[cfg(feature = "sim")]
pub mod sim;
