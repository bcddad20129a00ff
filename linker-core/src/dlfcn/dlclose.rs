//! Unloading at run time (glibc's `dl-close.c`): references are counted; at zero, unless a
//! library must stay (`RTLD_NODELETE`, start-up modules, atexit users) or another loaded module
//! still needs it, its destructors run and its memory and table space return to the process.
//! Its dependencies are released in turn.

use std::sync::Arc;

use crate::coordinator::OpKind;
use crate::dlfcn::dlopen::module_of;
use crate::dlfcn::dlsym_front::forget_results;
use crate::engine::Engine;
use crate::error::{LinkError, Result};
use crate::plan::image::{ModuleId, MAIN};
use crate::runtime::init::call_export;
use crate::runtime::safepoint::coordinated;
use crate::runtime::state::GroupCx;

/// Drops a reference to `handle` (see the module documentation).
#[tracing::instrument(level = "info", skip(g))]
pub(crate) fn dlclose<E: Engine>(g: &mut GroupCx<'_, E>, handle: u32) -> Result<()> {
    // Nobody waits: other groups drop the library at their next safepoint (docs/threads.md).
    coordinated(g, OpKind::NoStop, |g| dlclose_in_group(g, handle))
}

fn dlclose_in_group<E: Engine>(g: &mut GroupCx<'_, E>, handle: u32) -> Result<()> {
    let m = module_of(&g.records().image, handle)?;
    if m == MAIN {
        return Ok(());
    }
    let mut pending = vec![m];
    while let Some(m) = pending.pop() {
        let unload = {
            let mut st = g.records_mut();
            let lm = Arc::make_mut(&mut st.image.modules[m]);
            if lm.refcount == 0 {
                return Err(LinkError::NotOpen {
                    module: lm.name.clone(),
                });
            }
            lm.refcount -= 1;
            lm.refcount == 0 && !lm.nodelete
        };
        if !unload {
            continue;
        }
        call_export(g, m, "__wasm_call_dtors")?;
        pending.extend(unload_module(g, m));
    }
    Ok(())
}

/// Takes module `m` out of the image; returns its dependencies (each to be released once).
fn unload_module<E: Engine>(g: &mut GroupCx<'_, E>, m: ModuleId) -> Vec<ModuleId> {
    let (table, plt) = (g.table(), g.plt());
    let alone = g.shared.coord.alone(g.id());
    let mut st = g.records_mut();
    st.code[m] = None;
    let image = &mut st.image;
    // The operation publishes its changes as the next version (`safepoint::coordinated`).
    let unloaded_at = image.version + 1;
    let (base, size, tb, ts, identity, deps) = {
        let lm = Arc::make_mut(&mut image.modules[m]);
        lm.alive = false;
        lm.unloaded_at = unloaded_at;
        // The record stays (ids are not reused) but lets go of what only a live module needs.
        lm.plan = Arc::from([]);
        lm.stubs = Arc::from([]);
        (
            lm.memory_base,
            (lm.info.dylink.mem_size as u64).max(1),
            lm.table_base,
            lm.info.dylink.table_size as u64,
            lm.identity.clone(),
            lm.deps.clone(),
        )
    };
    tracing::info!(library = %image.modules[m].name, "unloading");
    forget_results(g);
    image.by_identity.remove(&identity);
    image.global_scope.retain(|&x| x != m);
    image.init_order.retain(|&x| x != m);
    image.memory.free.release(base, size);
    let mut released: Vec<u64> = (tb..tb + ts).collect();
    image.table.release_after(unloaded_at, tb, ts, alone);
    let fills: Vec<u64> = image
        .table_fills
        .iter()
        .filter(|f| f.provider == m)
        .map(|f| f.slot)
        .collect();
    image.table_fills.retain(|f| f.provider != m);
    for &s in &fills {
        image.table.release_after(unloaded_at, s, 1, alone);
    }
    released.extend(fills);
    for &s in &released {
        let _ = g.cx.table_set(&table, s, None);
    }
    let mut gs = g.group_state();
    gs.instances[m] = None;
    gs.lazy.deferred.remove(&m);
    // This thread's TLS block of it (the loading thread's is in the library's own memory).
    if let Some(r) = gs.thread.take_tls_block(m) {
        image.memory.free.release(r.base, r.size);
    }
    Arc::make_mut(&mut image.modules[m]).released_slots = released;
    image.func_slots.retain(|(p, _), _| *p != m);
    for (i, e) in image.plt.iter_mut().enumerate() {
        if e.target.as_ref().is_some_and(|(p, _)| *p == m) {
            // Back to its resolver: a later call binds again (or reports the symbol missing).
            e.target = None;
            e.changed_at = unloaded_at;
            let resolver = gs.tables.plt_resolvers.get(&(i as u32)).cloned();
            let _ = g.cx.table_set(&plt, i as u64, resolver.as_ref());
        }
    }
    deps
}
