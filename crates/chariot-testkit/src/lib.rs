//! Test support shared by Chariot's crates, so that no crate keeps its own copy: rstest
//! fixtures for a running simulator, a temp store file and a temp home folder, clients for
//! the simulator, the sync and job helpers of chariot-core's tests, and our Jamf payloads.
//!
//! A dev-dependency only. Each module is behind the feature of the crate it needs (`sim`,
//! `jamf`, `store`, `core`, `cli`); `samples` and `home` need none.

pub mod home;
pub mod samples;

#[cfg(feature = "cli")]
pub mod cli;
#[cfg(feature = "jamf")]
pub mod client;
#[cfg(feature = "core")]
pub mod jobs;
#[cfg(feature = "sim")]
pub mod sim;
#[cfg(feature = "store")]
pub mod store;
#[cfg(feature = "core")]
pub mod sync;
