//! Conversions between linker-core's values and types and wasmi's, and of wasmi's errors to the
//! linker's.

use linker_core::engine::{EngineError, FuncType, HostError, Val, ValType};

/// A host function's error on its way through wasmi: the linker's own, given back unchanged
/// where the call into wasm returns.
#[derive(Debug)]
pub(crate) struct Carried(pub(crate) HostError);

impl std::fmt::Display for Carried {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Display::fmt(&self.0, f)
    }
}

impl wasmi::errors::HostError for Carried {}

pub(crate) fn err(e: impl std::fmt::Display) -> EngineError {
    EngineError(e.to_string())
}

/// The linker's view of why a call into wasm (or an instantiation) stopped.
pub(crate) fn call_error(e: wasmi::Error) -> HostError {
    if let Some(c) = e.downcast_ref::<Carried>() {
        return c.0.clone();
    }
    if let Some(code) = e.i32_exit_status() {
        return HostError::Exit(code);
    }
    HostError::Trap(e.to_string())
}

pub(crate) fn to_wasmi(v: Val) -> wasmi::Val {
    match v {
        Val::I32(x) => wasmi::Val::I32(x),
        Val::I64(x) => wasmi::Val::I64(x),
        Val::F32(x) => wasmi::Val::F32(wasmi::F32::from_bits(x)),
        Val::F64(x) => wasmi::Val::F64(wasmi::F64::from_bits(x)),
    }
}

pub(crate) fn from_wasmi(v: &wasmi::Val) -> Val {
    match v {
        wasmi::Val::I32(x) => Val::I32(*x),
        wasmi::Val::I64(x) => Val::I64(*x),
        wasmi::Val::F32(x) => Val::F32(x.to_bits()),
        wasmi::Val::F64(x) => Val::F64(x.to_bits()),
        _ => Val::I32(0),
    }
}

pub(crate) fn val_type(t: ValType) -> wasmi::ValType {
    match t {
        ValType::I32 => wasmi::ValType::I32,
        ValType::I64 => wasmi::ValType::I64,
        ValType::F32 => wasmi::ValType::F32,
        ValType::F64 => wasmi::ValType::F64,
        ValType::V128 => wasmi::ValType::V128,
        ValType::FuncRef => wasmi::ValType::FuncRef,
        ValType::ExternRef | ValType::OtherRef => wasmi::ValType::ExternRef,
    }
}

/// A wasmi value type as the linker names it.
pub(crate) fn val_type_from_wasmi(t: &wasmi::ValType) -> ValType {
    match t {
        wasmi::ValType::I32 => ValType::I32,
        wasmi::ValType::I64 => ValType::I64,
        wasmi::ValType::F32 => ValType::F32,
        wasmi::ValType::F64 => ValType::F64,
        wasmi::ValType::V128 => ValType::V128,
        wasmi::ValType::FuncRef => ValType::FuncRef,
        wasmi::ValType::ExternRef => ValType::ExternRef,
    }
}

/// A wasmi function type as the linker's.
pub(crate) fn func_type_from_wasmi(ty: &wasmi::FuncType) -> FuncType {
    FuncType::new(
        ty.params()
            .iter()
            .map(val_type_from_wasmi)
            .collect::<Vec<_>>(),
        ty.results()
            .iter()
            .map(val_type_from_wasmi)
            .collect::<Vec<_>>(),
    )
}

pub(crate) fn func_type(ty: &FuncType) -> wasmi::FuncType {
    wasmi::FuncType::new(
        ty.params.iter().map(|t| val_type(*t)).collect::<Vec<_>>(),
        ty.results.iter().map(|t| val_type(*t)).collect::<Vec<_>>(),
    )
}
