//! The fleet as the school guide sees it: device roles and carts.

pub mod naming;

pub use naming::{DeviceRole, RoleReason, cart_from_groups, classify_name};
