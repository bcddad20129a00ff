//! What the linker knows about a module before instantiating it.

mod convert;
pub mod dylink;
pub mod module_info;
mod reader;
pub(crate) mod reencode;
mod types;

pub use dylink::{Dylink, DylinkError, SymFlags};
pub use module_info::{
    Export, ExternType, Import, ImportClass, ModuleInfo, SegmentBase, SegmentSlot, Shape, WellKnown,
};
