//! Conversions between linker-core's value and function types and wasmtime's, and of wasmtime's
//! errors to the linker's.

use linker_core::engine::{EngineError, FuncType, HostError, Val, ValType};

pub(crate) fn err(e: impl std::fmt::Display) -> EngineError {
    EngineError(e.to_string())
}

pub(crate) fn call_error(e: wasmtime::Error) -> HostError {
    if let Some(h) = e.downcast_ref::<HostError>() {
        return h.clone();
    }
    if let Some(t) = e.downcast_ref::<wasmtime::Trap>() {
        return HostError::Trap(t.to_string());
    }
    HostError::Trap(format!("{e:#}"))
}

pub(crate) fn to_wt(v: Val) -> wasmtime::Val {
    match v {
        Val::I32(x) => wasmtime::Val::I32(x),
        Val::I64(x) => wasmtime::Val::I64(x),
        Val::F32(x) => wasmtime::Val::F32(x),
        Val::F64(x) => wasmtime::Val::F64(x),
    }
}

pub(crate) fn from_wt(v: &wasmtime::Val) -> Val {
    match v {
        wasmtime::Val::I32(x) => Val::I32(*x),
        wasmtime::Val::I64(x) => Val::I64(*x),
        wasmtime::Val::F32(x) => Val::F32(*x),
        wasmtime::Val::F64(x) => Val::F64(*x),
        _ => Val::I32(0),
    }
}

pub(crate) fn vt_to_wt(t: ValType) -> wasmtime::ValType {
    match t {
        ValType::I32 => wasmtime::ValType::I32,
        ValType::I64 => wasmtime::ValType::I64,
        ValType::F32 => wasmtime::ValType::F32,
        ValType::F64 => wasmtime::ValType::F64,
        ValType::V128 => wasmtime::ValType::V128,
        ValType::FuncRef => wasmtime::ValType::FUNCREF,
        ValType::ExternRef | ValType::OtherRef => wasmtime::ValType::EXTERNREF,
    }
}

/// A wasmtime value type as the linker names it (every reference type but the two plain ones
/// is `OtherRef`).
pub(crate) fn vt_from_wt(t: &wasmtime::ValType) -> ValType {
    match t {
        wasmtime::ValType::I32 => ValType::I32,
        wasmtime::ValType::I64 => ValType::I64,
        wasmtime::ValType::F32 => ValType::F32,
        wasmtime::ValType::F64 => ValType::F64,
        wasmtime::ValType::V128 => ValType::V128,
        wasmtime::ValType::Ref(r) if r.matches(&wasmtime::RefType::FUNCREF) => ValType::FuncRef,
        wasmtime::ValType::Ref(r) if r.matches(&wasmtime::RefType::EXTERNREF) => ValType::ExternRef,
        wasmtime::ValType::Ref(_) => ValType::OtherRef,
    }
}

/// A wasmtime function type as the linker's.
pub(crate) fn func_type_from_wt(ty: &wasmtime::FuncType) -> FuncType {
    FuncType::new(
        ty.params().map(|t| vt_from_wt(&t)).collect::<Vec<_>>(),
        ty.results().map(|t| vt_from_wt(&t)).collect::<Vec<_>>(),
    )
}

pub(crate) fn func_type(engine: &wasmtime::Engine, ty: &FuncType) -> wasmtime::FuncType {
    wasmtime::FuncType::new(
        engine,
        ty.params.iter().map(|t| vt_to_wt(*t)),
        ty.results.iter().map(|t| vt_to_wt(*t)),
    )
}
