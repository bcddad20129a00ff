//! wasmparser's view of a module turned into ours: value types, constant expressions, element
//! segment items, and the placeholder types of exported memories and tables.

use wasmparser::{BinaryReaderError, ElementItems, Operator};

use super::types::{ExternType, SegmentBase};
use crate::types::ValType;

/// The placeholder type of an exported memory (see [`ExternType::Memory`]).
pub(super) fn exported_memory() -> ExternType {
    ExternType::Memory {
        shared: true,
        min: 0,
        max: None,
        memory64: false,
    }
}

/// The placeholder type of an exported table (see [`ExternType::Table`]).
pub(super) fn exported_table() -> ExternType {
    ExternType::Table {
        element: ValType::FuncRef,
        min: 0,
        max: None,
    }
}

pub(super) fn val_type(t: wasmparser::ValType) -> ValType {
    match t {
        wasmparser::ValType::I32 => ValType::I32,
        wasmparser::ValType::I64 => ValType::I64,
        wasmparser::ValType::F32 => ValType::F32,
        wasmparser::ValType::F64 => ValType::F64,
        wasmparser::ValType::V128 => ValType::V128,
        wasmparser::ValType::Ref(r) => ref_type(r),
    }
}

pub(super) fn ref_type(r: wasmparser::RefType) -> ValType {
    if r == wasmparser::RefType::FUNCREF {
        ValType::FuncRef
    } else if r == wasmparser::RefType::EXTERNREF {
        ValType::ExternRef
    } else {
        ValType::OtherRef
    }
}

/// The value of a constant initializer made only of `i32.const`/`i64.const`.
pub(super) fn const_int(e: &wasmparser::ConstExpr<'_>) -> Option<i64> {
    let mut ops = e.get_operators_reader();
    let v = match ops.read().ok()? {
        Operator::I32Const { value } => value as u32 as i64,
        Operator::I64Const { value } => value,
        _ => return None,
    };
    matches!(ops.read().ok()?, Operator::End).then_some(v)
}

/// Where a segment starts, if its offset is a sum of `i32.const`s and at most `__table_base`: only
/// those occur in what wasm-ld emits. `None` for anything else (the segment is then skipped).
pub(super) fn segment_base(
    e: &wasmparser::ConstExpr<'_>,
    imported_globals: &[String],
) -> Option<SegmentBase> {
    let mut ops = e.get_operators_reader();
    let (mut sum, mut relative) = (0u64, false);
    loop {
        match ops.read().ok()? {
            Operator::I32Const { value } => sum = sum.wrapping_add(value as u32 as u64),
            Operator::GlobalGet { global_index } => {
                if imported_globals.get(global_index as usize)? != "__table_base" {
                    return None;
                }
                relative = true;
            }
            Operator::I32Add => {}
            Operator::End => break,
            _ => return None,
        }
    }
    Some(if relative {
        SegmentBase::TableBase(sum)
    } else {
        SegmentBase::Absolute(sum)
    })
}

/// The function each item of a segment puts in its slot; `None` for an item that is not a
/// `ref.func` (a `ref.null` leaves its slot empty).
pub(super) fn element_funcs(
    items: ElementItems<'_>,
) -> std::result::Result<Vec<Option<u32>>, BinaryReaderError> {
    match items {
        ElementItems::Functions(fs) => fs.into_iter().map(|f| f.map(Some)).collect(),
        ElementItems::Expressions(_, es) => {
            es.into_iter().map(|e| e.map(|e| ref_func(&e))).collect()
        }
    }
}

pub(super) fn ref_func(e: &wasmparser::ConstExpr<'_>) -> Option<u32> {
    match e.get_operators_reader().read().ok()? {
        Operator::RefFunc { function_index } => Some(function_index),
        _ => None,
    }
}
