//! Typed views of Jamf's payloads. Every field is optional or defaulted and unknown fields are
//! ignored: servers of different versions add, drop and null fields (see the reference §4).

pub mod classic;
pub mod inventory;
mod lenient;

pub use classic::{ClassicDeviceSecurity, ClassicLostModeLocation, ClassicSecurity};
pub use inventory::*;
