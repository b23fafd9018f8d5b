//! The simulated tenant: data model, deterministic demo-school generator, smart-group
//! criteria, and the device behaviour engine driven by the simulated clock.

pub mod criteria;
pub mod devices;
pub mod engine;
pub mod generator;
mod history;
pub mod model;
pub mod names;
pub mod profiles;
pub mod world;

pub use world::World;
