//! Read models of the screens: what the dashboard, the inventory and the device detail show,
//! built from the local snapshot only (never from the network, so they work offline).

pub mod dashboard;
pub mod device;
pub mod inventory;
pub mod lost;
pub mod sync_history;

pub use dashboard::{CountBy, Dashboard, DeviceRef};
pub use device::{
    DeviceApp, DeviceDetail, DeviceGroup, DeviceHistory, DeviceProfile, HistoryEntry,
    HistoryStatus, LostModeInfo, Position, SharedUser,
};
pub use inventory::{
    DeviceRowsRequest, InventoryColumn, InventoryFilter, InventoryRequest, InventoryResult,
    InventoryRow, InventorySort,
};
pub use lost::{LostDevice, NoPosition, PositionStatus};
pub use sync_history::SyncRunView;
