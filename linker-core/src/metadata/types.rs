//! The value types of a module's description that the section reader produces and
//! [`super::ModuleInfo`] keeps: kept apart from both so that the reader (below) and the
//! description (above) import them and not each other.

use crate::types::{FuncType, ValType};

/// The type of an import or export.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExternType {
    /// A function of this signature.
    Func(FuncType),
    /// A global.
    Global {
        /// Type of the global's value.
        ty: ValType,
        /// Whether the global is `mut`.
        mutable: bool,
    },
    /// A linear memory. An exported memory gets a fixed placeholder (shared, no limits), since the
    /// linker only ever looks at its kind.
    Memory {
        /// Declared `shared` (threads proposal).
        shared: bool,
        /// Initial size in pages.
        min: u64,
        /// Maximum size in pages, if declared.
        max: Option<u64>,
        /// Indexed with i64 addresses (memory64 proposal).
        memory64: bool,
    },
    /// A table. An exported table gets a fixed placeholder (funcref, no limits), since the linker
    /// only ever looks at its kind.
    Table {
        /// Type of the table's elements.
        element: ValType,
        /// Initial number of elements.
        min: u64,
        /// Maximum number of elements, if declared.
        max: Option<u64>,
    },
    /// An exception tag whose payload has this signature's parameters.
    Tag(FuncType),
}

impl ExternType {
    /// The kind as a word for error messages: `function`, `global`, `memory`, `table` or `tag`.
    pub fn kind_name(&self) -> &'static str {
        match self {
            ExternType::Func(_) => "function",
            ExternType::Global { .. } => "global",
            ExternType::Memory { .. } => "memory",
            ExternType::Table { .. } => "table",
            ExternType::Tag(_) => "tag",
        }
    }
}

/// Where an active element segment starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SegmentBase {
    /// `i32.const n`
    Absolute(u64),
    /// `global.get $__table_base` plus a constant.
    TableBase(u64),
}

/// A function's slot in the table, as an element segment gives it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SegmentSlot {
    /// What the slot is relative to: `Absolute(0)` or `TableBase(0)` (the offset is all in
    /// `offset`).
    pub base: SegmentBase,
    /// The slot's index from that base.
    pub offset: u64,
}
