//! Conversions between linker-core's value and function types and wasmer's, and of wasmer's
//! errors to the linker's.

use linker_core::engine::{EngineError, Extern, FuncType, HostError, Val, ValType};

#[cfg(feature = "wasi")]
use crate::wasi;
use crate::WasmerEngine;

pub(crate) fn err(e: impl std::fmt::Display) -> EngineError {
    EngineError(e.to_string())
}

pub(crate) fn call_error(e: wasmer::RuntimeError) -> HostError {
    if let Some(h) = e.downcast_ref::<HostError>() {
        return h.clone();
    }
    #[cfg(feature = "wasi")]
    if let Some(code) = wasi::exit_code(&e) {
        return HostError::Exit(code);
    }
    HostError::Trap(e.message())
}

pub(crate) fn to_wm(v: Val) -> wasmer::Value {
    match v {
        Val::I32(x) => wasmer::Value::I32(x),
        Val::I64(x) => wasmer::Value::I64(x),
        Val::F32(x) => wasmer::Value::F32(f32::from_bits(x)),
        Val::F64(x) => wasmer::Value::F64(f64::from_bits(x)),
    }
}

pub(crate) fn from_wm(v: &wasmer::Value) -> Val {
    match v {
        wasmer::Value::I32(x) => Val::I32(*x),
        wasmer::Value::I64(x) => Val::I64(*x),
        wasmer::Value::F32(x) => Val::F32(x.to_bits()),
        wasmer::Value::F64(x) => Val::F64(x.to_bits()),
        _ => Val::I32(0),
    }
}

pub(crate) fn vt_to_wm(t: ValType) -> wasmer::Type {
    match t {
        ValType::I32 => wasmer::Type::I32,
        ValType::I64 => wasmer::Type::I64,
        ValType::F32 => wasmer::Type::F32,
        ValType::F64 => wasmer::Type::F64,
        ValType::V128 => wasmer::Type::V128,
        ValType::FuncRef => wasmer::Type::FuncRef,
        ValType::ExternRef | ValType::OtherRef => wasmer::Type::ExternRef,
    }
}

/// A wasmer value type as the linker names it.
pub(crate) fn vt_from_wm(t: &wasmer::Type) -> ValType {
    match t {
        wasmer::Type::I32 => ValType::I32,
        wasmer::Type::I64 => ValType::I64,
        wasmer::Type::F32 => ValType::F32,
        wasmer::Type::F64 => ValType::F64,
        wasmer::Type::V128 => ValType::V128,
        wasmer::Type::FuncRef => ValType::FuncRef,
        wasmer::Type::ExternRef => ValType::ExternRef,
        _ => ValType::OtherRef,
    }
}

/// A wasmer function type as the linker's.
pub(crate) fn func_type_from_wm(ty: &wasmer::FunctionType) -> FuncType {
    FuncType::new(
        ty.params().iter().map(vt_from_wm).collect::<Vec<_>>(),
        ty.results().iter().map(vt_from_wm).collect::<Vec<_>>(),
    )
}

pub(crate) fn func_type(ty: &FuncType) -> wasmer::FunctionType {
    wasmer::FunctionType::new(
        ty.params.iter().map(|t| vt_to_wm(*t)).collect::<Vec<_>>(),
        ty.results.iter().map(|t| vt_to_wm(*t)).collect::<Vec<_>>(),
    )
}

pub(crate) fn to_extern(e: &Extern<WasmerEngine>) -> wasmer::Extern {
    match e {
        Extern::Func(f) => wasmer::Extern::Function(f.clone()),
        Extern::Global(g) => wasmer::Extern::Global(g.clone()),
        Extern::Memory(m) => wasmer::Extern::Memory(m.clone()),
        Extern::Table(t) => wasmer::Extern::Table(t.clone()),
        Extern::Tag(t) => wasmer::Extern::Tag(t.clone()),
    }
}
