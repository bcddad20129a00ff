//! Values packed back to back in guest memory, little-endian with no padding: the layout of
//! WASIX's `call_dynamic` buffers and of a guest closure's argument and result frames
//! (i32 and f32 take 4 bytes, i64 and f64 8). A `v128` has no [`Val`] here: signatures with one
//! are refused where they are made or called.

use crate::types::{Val, ValType};

/// Bytes one value of type `t` takes, if it can be packed.
pub(crate) fn size_of(t: ValType) -> Option<usize> {
    match t {
        ValType::I32 | ValType::F32 => Some(4),
        ValType::I64 | ValType::F64 => Some(8),
        _ => None,
    }
}

/// Bytes the values of `types` take together, if every one can be packed.
pub(crate) fn packed_size(types: &[ValType]) -> Option<usize> {
    types.iter().map(|t| size_of(*t)).sum()
}

/// `vals` packed.
pub(crate) fn pack(vals: &[Val]) -> Vec<u8> {
    let mut out = Vec::with_capacity(vals.len() * 8);
    for v in vals {
        match *v {
            Val::I32(x) => out.extend_from_slice(&x.to_le_bytes()),
            Val::F32(x) => out.extend_from_slice(&x.to_le_bytes()),
            Val::I64(x) => out.extend_from_slice(&x.to_le_bytes()),
            Val::F64(x) => out.extend_from_slice(&x.to_le_bytes()),
        }
    }
    out
}

/// Values of `types` read from `bytes`, which holds at least their packed size.
pub(crate) fn unpack(types: &[ValType], bytes: &[u8]) -> Vec<Val> {
    let mut at = 0;
    let mut out = Vec::with_capacity(types.len());
    for t in types {
        let take = |n: usize| &bytes[at..at + n];
        let v = match t {
            ValType::I32 => Val::I32(i32::from_le_bytes(take(4).try_into().unwrap_or_default())),
            ValType::F32 => Val::F32(u32::from_le_bytes(take(4).try_into().unwrap_or_default())),
            ValType::I64 => Val::I64(i64::from_le_bytes(take(8).try_into().unwrap_or_default())),
            _ => Val::F64(u64::from_le_bytes(take(8).try_into().unwrap_or_default())),
        };
        at += size_of(*t).unwrap_or(8);
        out.push(v);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packs_without_padding_and_reads_back() {
        let types = [ValType::I32, ValType::F64, ValType::I64, ValType::F32];
        let vals = [
            Val::I32(-7),
            Val::F64(2.5f64.to_bits()),
            Val::I64(1 << 40),
            Val::F32(1.5f32.to_bits()),
        ];
        let bytes = pack(&vals);
        assert_eq!(bytes.len(), 24);
        assert_eq!(packed_size(&types), Some(24));
        assert_eq!(&bytes[..4], &(-7i32).to_le_bytes());
        assert_eq!(unpack(&types, &bytes), vals);
        assert_eq!(packed_size(&[ValType::V128]), None);
    }
}
