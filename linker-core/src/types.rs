//! The value types every layer shares: wasm value types, function signatures and values. They
//! name no engine, so the engine-free plan and the metadata use them without depending on the
//! engine traits ([`crate::engine`] re-exports them).

use std::fmt;

/// A WebAssembly value type, as far as the linker needs to tell them apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ValType {
    /// `i32`
    I32,
    /// `i64`
    I64,
    /// `f32`
    F32,
    /// `f64`
    F64,
    /// `v128`
    V128,
    /// `funcref`
    FuncRef,
    /// `externref`
    ExternRef,
    /// Any other reference type (GC proposal); the linker never creates such values.
    OtherRef,
}

impl fmt::Display for ValType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = match self {
            ValType::I32 => "i32",
            ValType::I64 => "i64",
            ValType::F32 => "f32",
            ValType::F64 => "f64",
            ValType::V128 => "v128",
            ValType::FuncRef => "funcref",
            ValType::ExternRef => "externref",
            ValType::OtherRef => "ref",
        };
        f.write_str(s)
    }
}

/// A function signature.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Default)]
pub struct FuncType {
    /// Parameter types.
    pub params: Vec<ValType>,
    /// Result types.
    pub results: Vec<ValType>,
}

impl FuncType {
    /// A signature from its parameter and result types.
    pub fn new(params: impl Into<Vec<ValType>>, results: impl Into<Vec<ValType>>) -> Self {
        FuncType {
            params: params.into(),
            results: results.into(),
        }
    }
}

impl fmt::Display for FuncType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let list = |v: &[ValType]| {
            v.iter()
                .map(|t| t.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        };
        write!(f, "({}) -> ({})", list(&self.params), list(&self.results))
    }
}

/// A numeric value crossing the host boundary. Floats are carried as their bit patterns so that
/// NaN payloads survive a round trip through the linker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Val {
    /// An `i32`.
    I32(i32),
    /// An `i64`.
    I64(i64),
    /// An `f32`, as its bits.
    F32(u32),
    /// An `f64`, as its bits.
    F64(u64),
}

impl Val {
    /// Its type.
    pub fn ty(&self) -> ValType {
        match self {
            Val::I32(_) => ValType::I32,
            Val::I64(_) => ValType::I64,
            Val::F32(_) => ValType::F32,
            Val::F64(_) => ValType::F64,
        }
    }
    /// The zero value of a numeric type (used to size result buffers).
    pub fn default_for(ty: ValType) -> Val {
        match ty {
            ValType::I64 => Val::I64(0),
            ValType::F32 => Val::F32(0),
            ValType::F64 => Val::F64(0),
            _ => Val::I32(0),
        }
    }
    /// As an `i32` (integers truncated; floats as their low bits).
    pub fn i32(&self) -> i32 {
        match *self {
            Val::I32(v) => v,
            Val::I64(v) => v as i32,
            Val::F32(v) => v as i32,
            Val::F64(v) => v as i32,
        }
    }
    /// As an `i64` (integers sign-extended; floats as their bits).
    pub fn i64(&self) -> i64 {
        match *self {
            Val::I32(v) => v as i64,
            Val::I64(v) => v,
            Val::F32(v) => v as i64,
            Val::F64(v) => v as i64,
        }
    }
}
