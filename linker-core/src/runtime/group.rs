//! An instance group: one store's instances of every loaded module, sharing the process memory.
//!
//! A group replays the records: `new_group.rs` creates the table, PLT and stack pointer of its
//! store and instantiates the modules in the recorded order ([`crate::runtime::instantiate`]);
//! this file fills the table slots and PLT entries. [`sync_group`] brings a group up to date after another group changed
//! the records. A group never looks a symbol up on its own except in a lazy PLT binding, which
//! records what it found so that every group agrees.

use crate::engine::{Engine, Extern};
use crate::error::{LinkError, Result};
use crate::plan::image::{ModuleId, MAIN};
use crate::plan::layout::PAGE;
use crate::runtime::closure_funcs::sync_closures;
use crate::runtime::instantiate::instantiate_module;
use crate::runtime::lazy::deferred::{defer, is_deferred, replication, standins_for_fills};
use crate::runtime::state::GroupCx;
use crate::runtime::table_space::sync_tables;
use crate::runtime::thread_memory::{init_tls, release_tls_block};
use crate::types::Val;

/// Brings this group's store up to date with the records after another group changed them:
/// instantiates modules it lacks (with their TLS for this thread), drops unloaded ones' slots,
/// refills linker-allocated slots, the PLT and closures. Idempotent.
#[tracing::instrument(level = "debug", skip_all)]
pub(crate) fn sync_group<E: Engine>(g: &mut GroupCx<'_, E>) -> Result<()> {
    sync_tables(g)?;
    let (order, dead, version) = {
        let st = g.records();
        let image = &st.image;
        let gs = g.group_state();
        // A deferred module counts as held: its stand-ins are in the table.
        let has = |m: ModuleId| {
            gs.instances.get(m).is_some_and(|i| i.is_some()) || gs.lazy.deferred.contains(&m)
        };
        let order: Vec<ModuleId> = image
            .init_order
            .iter()
            .copied()
            .filter(|&m| image.modules[m].alive && !has(m))
            .collect();
        // Only a module unloaded after the version this group reflects can still be held (at
        // that version or later it dropped it): a field compare per record, before the lookup.
        // Records of unloaded modules can pile up while a thread sleeps (they are trimmed only
        // from the end of the list, once every thread has caught up).
        let dead: Vec<(ModuleId, Vec<u64>)> = image
            .modules
            .iter()
            .enumerate()
            .filter(|(m, lm)| !lm.alive && lm.unloaded_at > gs.version && has(*m))
            .map(|(m, lm)| (m, lm.released_slots.clone()))
            .collect();
        (order, dead, image.version)
    };
    let table = g.table();
    for (m, slots) in dead {
        for s in slots {
            g.cx.table_set(&table, s, None)
                .map_err(|e| LinkError::store("function table", e))?;
        }
        {
            let mut gs = g.group_state();
            gs.instances[m] = None;
            gs.lazy.deferred.remove(&m);
        }
        release_tls_block(g, m);
    }
    {
        // Records trimmed since (`dlclose::trim_unloaded`): their instances were dropped above
        // in an earlier catch-up.
        let n = g.records().image.modules.len();
        let mut gs = g.group_state();
        gs.instances.truncate(n);
        gs.lazy.deferred.retain(|&m| m < n);
    }
    // A module another group loaded is deferred where it may be (`lazy/deferred.rs`): stand-ins in
    // its slots until this thread first calls into it. The operator's own store is never behind
    // by a load, so `order` holds only others' loads.
    let lazy = !g.shared.coord.is_owner(g.id());
    let steps = replication(g, &order, lazy);
    let instantiated = replicate(g, &steps)?;
    for &m in &instantiated {
        init_tls(g, m)?;
    }
    let new: Vec<ModuleId> = steps.iter().map(|&(m, _)| m).collect();
    let since = Fill::Since {
        version: g.group_state().version,
        new: &new,
    };
    fill_table(g, since)?;
    fill_plt(g, since)?;
    sync_closures(g)?;
    g.group_state().version = version;
    Ok(())
}

/// Carries out [`replication`]'s steps in order: defers, or instantiates (a module deferred
/// before stops being deferred). Returns the modules instantiated, whose TLS the caller sets up.
pub(crate) fn replicate<E: Engine>(
    g: &mut GroupCx<'_, E>,
    steps: &[(ModuleId, bool)],
) -> Result<Vec<ModuleId>> {
    let mut instantiated = Vec::with_capacity(steps.len());
    for &(m, instantiate) in steps {
        if instantiate {
            instantiate_module(g, m, false)?;
            g.group_state().lazy.deferred.remove(&m);
            instantiated.push(m);
        } else {
            defer(g, m)?;
        }
    }
    Ok(instantiated)
}

/// Which linker-allocated slots and PLT entries a group (re)writes.
#[derive(Clone, Copy)]
pub(crate) enum Fill<'a> {
    /// Every one: a new group.
    All,
    /// Those changed since the records version the group reflected, and those of the modules
    /// it has just instantiated: catching up costs what changed, not what is loaded.
    Since {
        /// The version the group reflected.
        version: u64,
        /// The modules just instantiated in it.
        new: &'a [ModuleId],
    },
}

impl Fill<'_> {
    fn wants(&self, changed_at: u64, modules: [Option<ModuleId>; 2]) -> bool {
        match self {
            Fill::All => true,
            Fill::Since { version, new } => {
                changed_at > *version || modules.iter().flatten().any(|m| new.contains(m))
            }
        }
    }
}

/// Puts the linker-allocated function slots' functions into this group's table.
pub(crate) fn fill_table<E: Engine>(g: &mut GroupCx<'_, E>, which: Fill<'_>) -> Result<()> {
    let fills: Vec<_> = g
        .records()
        .image
        .table_fills
        .iter()
        .filter(|f| which.wants(f.added_at, [Some(f.provider), None]))
        .cloned()
        .collect();
    let table = g.table();
    let mut deferred = Vec::new();
    // One look at the group's lock, not one per slot, when nothing is deferred (the usual case,
    // and every slot of a new thread).
    let any_deferred = !g.group_state().lazy.deferred.is_empty();
    for f in fills {
        if any_deferred && is_deferred(g, f.provider) {
            deferred.push((f.slot, f.provider, f.export.clone()));
            continue;
        }
        let Some(Extern::Func(func)) = g.export(f.provider, &f.export) else {
            continue;
        };
        g.cx.table_set(&table, f.slot, Some(&func))
            .map_err(|e| LinkError::engine(&f.export, e))?;
    }
    if !deferred.is_empty() {
        standins_for_fills(g, &mut deferred)?;
    }
    Ok(())
}

/// Binds the PLT entries whose provider is instantiated: later calls go straight to it.
pub(crate) fn fill_plt<E: Engine>(g: &mut GroupCx<'_, E>, which: Fill<'_>) -> Result<()> {
    let entries: Vec<(u32, Option<(ModuleId, String)>)> = g
        .records()
        .image
        .plt
        .iter()
        .enumerate()
        .filter(|(_, e)| {
            which.wants(
                e.changed_at,
                [Some(e.importer), e.target.as_ref().map(|t| t.0)],
            )
        })
        .map(|(i, e)| (i as u32, e.target.clone()))
        .collect();
    let plt = g.plt();
    for (slot, target) in entries {
        // An entry without a target (never bound, or its provider unloaded) holds its resolver,
        // so its stub binds it on the next call.
        let f = match target {
            Some((p, export)) => match g.export(p, &export) {
                Some(Extern::Func(f)) => Some(f),
                _ => None,
            },
            None => None,
        }
        .or_else(|| g.group_state().tables.plt_resolvers.get(&slot).cloned());
        g.cx.table_set(&plt, slot as u64, f.as_ref())
            .map_err(|e| LinkError::store("PLT", e))?;
    }
    Ok(())
}

/// A non-PIE main module defines the function table and `__stack_pointer` that its libraries
/// import: the group uses the main instance's. In the first group, the start-up libraries' data
/// then gets its pages: right after the main module's initial memory, grown only once wasi-libc's
/// malloc has claimed its initial heap (it takes everything from `__heap_base` to the end of
/// memory on its first call, so pages grown before that call would be given out twice).
pub(crate) fn adopt_fixed_main<E: Engine>(g: &mut GroupCx<'_, E>, first: bool) -> Result<()> {
    let name = g.module_name(MAIN);
    let unsupported = |what: &str| LinkError::Unsupported {
        module: name.clone(),
        what: what.into(),
    };
    let Some(Extern::Table(table)) = g.export(MAIN, "__indirect_function_table") else {
        return Err(unsupported(
            "a non-PIE main module must export __indirect_function_table (--growable-table)",
        ));
    };
    let Some(Extern::Global(sp)) = g.export(MAIN, "__stack_pointer") else {
        return Err(unsupported(
            "a non-PIE main module must export __stack_pointer (--export=__stack_pointer)",
        ));
    };
    {
        let mut gs = g.group_state();
        gs.tables.table = table;
        gs.stack_pointer = sp;
    }
    sync_tables(g)?;
    let (pages, initial) = {
        let st = g.records();
        (st.image.fixed_grow_pages, st.image.memory_pages.0 as u64)
    };
    if !first || pages == 0 {
        return Ok(());
    }
    if let (Some(Extern::Func(malloc)), Some(Extern::Func(free))) =
        (g.export(MAIN, "malloc"), g.export(MAIN, "free"))
    {
        let p =
            g.cx.call(&malloc, &[Val::I32(1)])
                .map_err(|e| LinkError::Init {
                    module: name.clone(),
                    function: "malloc".into(),
                    reason: e.to_string(),
                })?;
        let _ = g.cx.call(&free, &p);
    }
    let memory = g.memory();
    let old =
        g.cx.memory_grow(&memory, pages)
            .map_err(|e| LinkError::OutOfMemory {
                module: name.clone(),
                bytes: pages * PAGE,
                align: PAGE,
                reason: e.0,
            })?;
    if old != initial {
        return Err(LinkError::Unsupported {
            module: name,
            what: format!(
                "memory grew from {old} pages before the libraries were placed at page {initial}"
            ),
        });
    }
    Ok(())
}
