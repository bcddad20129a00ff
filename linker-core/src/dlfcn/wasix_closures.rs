//! WASIX's closure and dynamic-call calls (module `wasix_32v1`): the guest makes functions at
//! run time (`closure_allocate`, `closure_prepare`, `closure_free`, as libffi's WASIX port and
//! language runtimes do), calls any table slot with values packed in memory (`call_dynamic`) and
//! asks a slot's signature (`reflect_signature`). Value types are WASIX's bytes (i32 0, i64 1,
//! f32 2, f64 3, v128 4); values are packed back to back (`runtime/packed_values.rs`).
//!
//! Stricter than wasmer-wasix (docs/abi.md, "WASIX"): preparing or freeing a slot that is not a
//! closure, and freeing one twice, are `INVAL`; a backing function that is missing or not
//! `(i32, i32, i32) -> ()` is `INVAL` at `closure_prepare`; a strict `call_dynamic` checks
//! both buffers before the call, so a wrong size never runs the function.

use crate::dlfcn::wasix::{args, done, errno, read_bytes, write_bytes};
use crate::engine::{Engine, HostError};
use crate::error::LinkError;
use crate::runtime::closure_record::{ClosureKind, GuestClosure};
use crate::runtime::closures::{free_closure, prepare_closure, reserve_closure};
use crate::runtime::packed_values::{pack, packed_size, size_of, unpack};
use crate::runtime::state::GroupCx;
use crate::types::{FuncType, Val, ValType};

/// A WASIX value-type byte as a value type.
fn value_type(b: u8) -> Option<ValType> {
    Some(match b {
        0 => ValType::I32,
        1 => ValType::I64,
        2 => ValType::F32,
        3 => ValType::F64,
        4 => ValType::V128,
        _ => return None,
    })
}

/// A value type as its WASIX byte, if it has one.
fn type_byte(t: ValType) -> Option<u8> {
    Some(match t {
        ValType::I32 => 0,
        ValType::I64 => 1,
        ValType::F32 => 2,
        ValType::F64 => 3,
        ValType::V128 => 4,
        _ => return None,
    })
}

/// `count` value-type bytes at `ptr`.
fn read_types<E: Engine>(
    g: &mut GroupCx<'_, E>,
    mem: &E::Memory,
    ptr: u32,
    count: u32,
) -> Result<Vec<ValType>, i32> {
    read_bytes(g, mem, ptr, count)?
        .into_iter()
        .map(|b| value_type(b).ok_or(errno::INVAL))
        .collect()
}

/// `closure_allocate(out_slot)`: a table slot reserved in every thread's table, null until
/// prepared.
pub(crate) fn wasix_closure_allocate<E: Engine>(
    g: &mut GroupCx<'_, E>,
    mem: &E::Memory,
    a: &[Val],
) -> std::result::Result<Val, HostError> {
    let [out] = args(a);
    done(match reserve_closure(g) {
        Ok(slot) => write_bytes(g, mem, out, &slot.to_le_bytes()),
        Err(e) => {
            tracing::debug!(error = %e, "closure_allocate failed");
            Err(errno::FAULT)
        }
    })
}

/// `closure_prepare(backing, slot, arg_types, arg_count, result_types, result_count, env)`:
/// the slot becomes, in every thread, a function of those types that calls `backing(args,
/// results, env)`.
pub(crate) fn wasix_closure_prepare<E: Engine>(
    g: &mut GroupCx<'_, E>,
    mem: &E::Memory,
    a: &[Val],
) -> std::result::Result<Val, HostError> {
    let [backing, slot, argp, argn, resp, resn, env] = args(a);
    done((|| {
        let params = read_types(g, mem, argp, argn)?;
        let results = read_types(g, mem, resp, resn)?;
        let ty = FuncType::new(params, results);
        // The backing function must be there, of the type the call will use.
        let table = g.table();
        let f =
            g.cx.table_get(&table, backing as u64)
                .ok()
                .flatten()
                .ok_or(errno::INVAL)?;
        if g.cx.func_type(&f) != FuncType::new([ValType::I32; 3], []) {
            return Err(errno::INVAL);
        }
        let closure = GuestClosure { ty, backing, env };
        // `prepare_closure` refuses what packed values cannot carry (v128).
        prepare_closure(g, slot, closure).map_err(|e| match e {
            LinkError::NotAClosure { .. } => errno::INVAL,
            LinkError::Unsupported { .. } => errno::NOTSUP,
            _ => errno::FAULT,
        })
    })())
}

/// `closure_free(slot)`: the slot is null in every thread, and reused once all have dropped it.
pub(crate) fn wasix_closure_free<E: Engine>(
    g: &mut GroupCx<'_, E>,
    _mem: &E::Memory,
    a: &[Val],
) -> std::result::Result<Val, HostError> {
    let [slot] = args(a);
    let guest = matches!(
        g.records().closures.get(&(slot as u64)).map(|r| &r.kind),
        Some(ClosureKind::Reserved | ClosureKind::Guest(_))
    );
    // The embedder's own closures are not the guest's to free.
    if !guest {
        return Ok(Val::I32(errno::INVAL));
    }
    done(free_closure(g, slot).map_err(|_| errno::INVAL))
}

/// The function in table slot `slot` of this thread, if any.
fn slot_func<E: Engine>(g: &mut GroupCx<'_, E>, slot: u32) -> Option<E::Func> {
    let table = g.table();
    g.cx.table_get(&table, slot as u64).ok().flatten()
}

/// `call_dynamic(slot, values, values_len, results, results_len, strict)`: calls the function
/// in `slot` with its arguments read from `values` and writes its results to `results`, both
/// packed. Not strict: a missing argument reads as zero and a result that does not fit is
/// dropped. Strict: both lengths must be exact, checked before the call. A trap in the function
/// is the caller's trap.
pub(crate) fn wasix_call_dynamic<E: Engine>(
    g: &mut GroupCx<'_, E>,
    mem: &E::Memory,
    a: &[Val],
) -> std::result::Result<Val, HostError> {
    let [slot, values, values_len, results, results_len, strict] = args(a);
    let strict = strict == 1;
    let Some(f) = slot_func(g, slot) else {
        return Ok(Val::I32(errno::INVAL));
    };
    let ty = g.cx.func_type(&f);
    let (Some(need_in), Some(need_out)) = (packed_size(&ty.params), packed_size(&ty.results))
    else {
        return Ok(Val::I32(errno::NOTSUP));
    };
    if strict && (need_in != values_len as usize || need_out != results_len as usize) {
        return Ok(Val::I32(errno::INVAL));
    }
    // Each argument that fits is read; one that does not reads as zero.
    let given = match read_bytes(g, mem, values, values_len.min(need_in as u32)) {
        Ok(b) => b,
        Err(e) => return Ok(Val::I32(e)),
    };
    let mut args = Vec::with_capacity(ty.params.len());
    let mut at = 0;
    for &t in &ty.params {
        let n = size_of(t).unwrap_or(8);
        let v = if at + n <= given.len() {
            let v = unpack(&[t], &given[at..at + n])[0];
            at += n;
            v
        } else {
            zero(t)
        };
        args.push(v);
    }
    let out = g.cx.call(&f, &args)?;
    // Results in order while they fit.
    let mut bytes = Vec::new();
    for (v, &t) in out.iter().zip(&ty.results) {
        let n = size_of(t).unwrap_or(8);
        if bytes.len() + n > results_len as usize {
            break;
        }
        bytes.extend(pack(&[*v]));
    }
    done(write_bytes(g, mem, results, &bytes))
}

/// The zero of type `t`.
fn zero(t: ValType) -> Val {
    match t {
        ValType::I64 => Val::I64(0),
        ValType::F32 => Val::F32(0),
        ValType::F64 => Val::F64(0),
        _ => Val::I32(0),
    }
}

/// `reflect_signature(slot, arg_types, arg_cap, result_types, result_cap, out)`: writes `{u8
/// cacheable, u8 0, u16 params, u16 results}` at `out`, then the type bytes if they fit
/// (`OVERFLOW` if not). `cacheable` is 0 for a closure slot, whose function may change.
pub(crate) fn wasix_reflect_signature<E: Engine>(
    g: &mut GroupCx<'_, E>,
    mem: &E::Memory,
    a: &[Val],
) -> std::result::Result<Val, HostError> {
    let [slot, argp, argcap, resp, rescap, out] = args(a);
    let (argcap, rescap) = (argcap & 0xffff, rescap & 0xffff);
    let cacheable = !g.records().closures.contains_key(&(slot as u64));
    let header = |params: usize, results: usize| {
        let mut h = vec![cacheable as u8, 0];
        h.extend((params as u16).to_le_bytes());
        h.extend((results as u16).to_le_bytes());
        h
    };
    done((|| {
        let Some(f) = slot_func(g, slot) else {
            write_bytes(g, mem, out, &header(0, 0))?;
            return Err(errno::INVAL);
        };
        let ty = g.cx.func_type(&f);
        write_bytes(g, mem, out, &header(ty.params.len(), ty.results.len()))?;
        if ty.params.len() > argcap as usize || ty.results.len() > rescap as usize {
            return Err(errno::OVERFLOW);
        }
        let bytes = |ts: &[ValType]| -> Result<Vec<u8>, i32> {
            ts.iter()
                .map(|t| type_byte(*t).ok_or(errno::INVAL))
                .collect()
        };
        let (p, r) = (bytes(&ty.params)?, bytes(&ty.results)?);
        write_bytes(g, mem, argp, &p)?;
        write_bytes(g, mem, resp, &r)
    })())
}
