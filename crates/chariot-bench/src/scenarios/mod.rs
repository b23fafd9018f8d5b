//! One module per measured scenario. `sync`, `raw_fetch` and `search` run inside a child
//! process (see `child`); `sdk` runs Jamf's Python SDK as a subprocess of the parent.

pub mod raw_fetch;
pub mod sdk;
pub mod search;
pub mod sync;
