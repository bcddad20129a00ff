//! A group's own functions for the closure slots in the records: every instance group makes
//! its function for each slot from the record (the embedder's host function, or a guest
//! closure's call through the group's own stack pointer and table), when it is created and at
//! each catch-up, so a thread started later has every closure made before it.

use std::sync::Arc;

use crate::engine::{Engine, HostError, HostFn};
use crate::error::{LinkError, Result};
use crate::runtime::binder::table_func;
use crate::runtime::closure_record::{ClosureKind, ClosureRecord, GuestClosure};
use crate::runtime::packed_values::{pack, packed_size, unpack};
use crate::runtime::state::GroupCx;
use crate::types::{FuncType, Val, ValType};

/// Makes this group's table hold exactly the records' closures: slots freed since are nulled,
/// and a slot whose record changed (a new closure, a guest closure prepared again) gets a
/// function made from the record.
pub(crate) fn sync_closures<E: Engine>(g: &mut GroupCx<'_, E>) -> Result<()> {
    let records: Vec<(u64, ClosureRecord<E>)> = g
        .records()
        .closures
        .iter()
        .map(|(s, r)| (*s, r.clone()))
        .collect();
    let table = g.table();
    let store = |e| LinkError::store("closure", e);
    let gone: Vec<u64> = {
        let gs = g.group_state();
        gs.tables
            .closure_funcs
            .keys()
            .filter(|s| !records.iter().any(|(c, _)| c == *s))
            .copied()
            .collect()
    };
    for s in gone {
        g.group_state().tables.closure_funcs.remove(&s);
        g.cx.table_set(&table, s, None).map_err(store)?;
    }
    for (s, r) in records {
        let current = g.group_state().tables.closure_funcs.get(&s).map(|f| f.0);
        if current == Some(r.stamp)
            || (current.is_none() && matches!(r.kind, ClosureKind::Reserved))
        {
            continue;
        }
        let func = closure_func(g, &r.kind)?;
        g.cx.table_set(&table, s, func.as_ref()).map_err(store)?;
        let mut gs = g.group_state();
        match func {
            Some(f) => gs.tables.closure_funcs.insert(s, (r.stamp, f)),
            None => gs.tables.closure_funcs.remove(&s),
        };
    }
    Ok(())
}

/// This group's function for the closure `kind`, of the type it has; `None` for a reserved
/// slot.
fn closure_func<E: Engine>(
    g: &mut GroupCx<'_, E>,
    kind: &ClosureKind<E>,
) -> Result<Option<E::Func>> {
    let (ty, f) = match kind {
        ClosureKind::Reserved => return Ok(None),
        ClosureKind::Host(ty, f) => (ty.clone(), f.clone()),
        ClosureKind::Guest(c) => (c.ty.clone(), guest_closure_fn(g, c.clone())),
    };
    table_func(g.cx, g.shared, &ty, f).map(Some)
}

/// The host function behind a guest closure in the group of `g`: it runs on that group's store,
/// so it uses that thread's stack pointer and table.
fn guest_closure_fn<E: Engine>(g: &GroupCx<'_, E>, c: GuestClosure) -> HostFn<E> {
    let shared = g.shared.clone();
    let weak = Arc::downgrade(g.group);
    Arc::new(move |cx, args, results| {
        let group = weak
            .upgrade()
            .ok_or_else(|| HostError::Trap("instance group is gone".into()))?;
        let mut g = GroupCx::new(cx, &shared, &group);
        let out = call_backing(&mut g, &c, args)?;
        results.copy_from_slice(&out);
        Ok(())
    })
}

/// A guest closure's call: a frame below the stack pointer holds the packed arguments, then the
/// results (each part rounded up to 16 bytes, as the stack's alignment wants), the backing
/// function is called with (arguments, results, environment), and the stack pointer is put back.
fn call_backing<E: Engine>(
    g: &mut GroupCx<'_, E>,
    c: &GuestClosure,
    args: &[Val],
) -> std::result::Result<Vec<Val>, HostError> {
    let round = |n: usize| (n as u32).div_ceil(16) * 16;
    let a = round(packed_size(&c.ty.params).unwrap_or(0));
    let r = round(packed_size(&c.ty.results).unwrap_or(0));
    let trap = |what: String| HostError::Trap(format!("closure {}: {what}", c.ty));
    let sp = g.group_state().stack_pointer.clone();
    let sp0 = g.cx.global_get(&sp).i32() as u32;
    let results_at = sp0
        .checked_sub(r)
        .ok_or_else(|| trap("stack overflow".into()))?;
    let args_at = results_at
        .checked_sub(a)
        .ok_or_else(|| trap("stack overflow".into()))?;
    let table = g.table();
    let backing =
        g.cx.table_get(&table, c.backing as u64)
            .map_err(|e| trap(e.to_string()))?
            .ok_or_else(|| trap(format!("backing function slot {} is null", c.backing)))?;
    let want = FuncType::new([ValType::I32; 3], []);
    let have = g.cx.func_type(&backing);
    if have != want {
        return Err(trap(format!(
            "backing function slot {} has type {have}, not {want}",
            c.backing
        )));
    }
    let memory = g.memory();
    g.cx.memory_write(&memory, args_at as u64, &pack(args))
        .map_err(|e| trap(e.to_string()))?;
    g.cx.global_set(&sp, Val::I32(args_at as i32))
        .map_err(|e| trap(e.to_string()))?;
    let called = g.cx.call(
        &backing,
        &[
            Val::I32(args_at as i32),
            Val::I32(results_at as i32),
            Val::I32(c.env as i32),
        ],
    );
    g.cx.global_set(&sp, Val::I32(sp0 as i32))
        .map_err(|e| trap(e.to_string()))?;
    called?;
    let mut bytes = vec![0u8; packed_size(&c.ty.results).unwrap_or(0)];
    g.cx.memory_read(&memory, results_at as u64, &mut bytes)
        .map_err(|e| trap(e.to_string()))?;
    Ok(unpack(&c.ty.results, &bytes))
}
