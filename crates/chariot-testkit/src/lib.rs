//! Test support shared by Chariot's crates. A dev-dependency only: no shipped crate may
//! depend on it.

pub mod samples;
