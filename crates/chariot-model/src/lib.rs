//! What Chariot's Jamf client (`chariot-jamf`) and its local store (`chariot-store`) must
//! agree on, written once. Neither crate depends on the other, so the rule lives here, with
//! no dependency but chrono.

pub mod newest;
