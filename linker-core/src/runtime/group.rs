//! An instance group: one store's instances of every loaded module, sharing the process memory.
//!
//! A group replays the records: it creates the table, PLT and stack pointer of its store,
//! instantiates the modules in the recorded order ([`crate::runtime::instantiate`]), and fills the table
//! slots and PLT entries. [`sync_group`] brings a group up to date after another group changed
//! the records. A group never looks a symbol up on its own except in a lazy PLT binding, which
//! records what it found so that every group agrees.

use std::collections::HashMap;
use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex};

use crate::coordinator::GroupId;
use crate::engine::{Engine, EngineError, Extern, HostFn, StoreOps};
use crate::error::{LinkError, Result};
use crate::metadata::Shape;
use crate::plan::image::{ModuleId, MAIN};
use crate::plan::layout::PAGE;
use crate::runtime::binder::{binder_type, plt_binder, table_func};
use crate::runtime::instantiate::instantiate_module;
use crate::runtime::lazy::deferred::{defer, deferrable, is_deferred, standins_for_fills};
use crate::runtime::state::{
    GroupCx, GroupRef, GroupState, GroupTables, LazyState, ProcessMemory, Shared, ThreadState,
};
use crate::runtime::thread_memory::{alloc_thread_memory, init_tls};
use crate::types::{FuncType, Val};

/// Whose stack a new group runs on, and so which TLS blocks the linker gives it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ThreadStack {
    /// The main thread's, laid out with the image; every module's TLS is the static block its
    /// start function set up.
    Main,
    /// A thread the linker starts (`wasmlink.thread_spawn`): a stack the linker allocates (its
    /// bounds are the group's `__stack_low`/`__stack_high`), and a TLS block in every module.
    Linker,
    /// A wasi-threads thread: the guest allocated its stack and the main module's TLS block and
    /// sets both in `wasi_thread_start`; the linker gives every other module a TLS block.
    /// `__stack_low`/`__stack_high` are the main thread's (the guest's stack is unknown to it).
    Guest,
}

/// Creates a group in the store behind `cx` and instantiates every module of the image, on the
/// stack `stack` says.
#[tracing::instrument(level = "debug", skip_all)]
pub(crate) fn create_group<E: Engine>(
    cx: &mut dyn StoreOps<E>,
    shared: &Arc<Shared<E>>,
    id: GroupId,
    stack: ThreadStack,
) -> Result<GroupRef<E>> {
    let plan = GroupPlan::of(shared);
    let group = new_group(cx, shared, id, &plan)?;
    let mut g = GroupCx::new(cx, shared, &group);
    if stack == ThreadStack::Linker {
        // Before instantiation: the modules' `__stack_low`/`__stack_high` are this stack's.
        give_stack(&mut g, &plan)?;
    }
    for &m in &plan.order {
        instantiate_module(&mut g, m, shared.config.bind_now)?;
        if m == MAIN && plan.fixed {
            adopt_fixed_main(&mut g, id == 0)?;
        }
    }
    if stack == ThreadStack::Linker && plan.fixed {
        // A non-PIE main's own `__stack_pointer` became the group's (`adopt_fixed_main`):
        // point it at this thread's stack too.
        let sp = g.group_state().stack_pointer.clone();
        let top = g.group_state().thread.stack.1;
        g.cx.global_set(&sp, Val::I32(top as i32))
            .map_err(|e| LinkError::engine(&plan.main_name, e))?;
    }
    fill_table(&mut g, Fill::All)?;
    fill_plt(&mut g, Fill::All)?;
    sync_closures(&mut g)?;
    if stack != ThreadStack::Main {
        // Another thread: its own TLS block in every module that has TLS (the first instance got
        // the static one from its start function), but main's when the guest makes its own.
        for &m in &plan.order {
            if !(stack == ThreadStack::Guest && m == MAIN) {
                init_tls(&mut g, m)?;
            }
        }
    }
    Ok(group)
}

/// What the records say a new group needs, read under one lock.
struct GroupPlan {
    table_size: u64,
    plt_size: u64,
    /// The main thread's stack bounds.
    stack: (u64, u64),
    /// How many modules the records have (alive or not).
    modules: usize,
    /// The alive modules in instantiation order.
    order: Vec<ModuleId>,
    version: u64,
    main_name: String,
    /// The main module is non-PIE.
    fixed: bool,
    /// The program's initial memory, in pages.
    min_pages: u64,
}

impl GroupPlan {
    fn of<E: Engine>(shared: &Shared<E>) -> GroupPlan {
        let st = shared.records();
        let image = &st.image;
        GroupPlan {
            table_size: image.table.size,
            plt_size: image.plt.len() as u64,
            stack: (image.stack_low, image.stack_high),
            modules: image.modules.len(),
            order: image
                .init_order
                .iter()
                .copied()
                .filter(|&m| image.modules[m].alive)
                .collect(),
            version: image.version,
            main_name: image.modules[MAIN].name.clone(),
            fixed: image.modules[MAIN].info.shape == Shape::Fixed,
            min_pages: image.memory_pages.0 as u64,
        }
    }
}

/// The group's state in the store behind `cx`: the process memory, tables, stack pointer and
/// PLT binder, before any module is instantiated.
fn new_group<E: Engine>(
    cx: &mut dyn StoreOps<E>,
    shared: &Arc<Shared<E>>,
    id: GroupId,
    plan: &GroupPlan,
) -> Result<GroupRef<E>> {
    let eng = |e| LinkError::engine(&plan.main_name, e);
    let memory = process_memory(cx, shared, plan)?;
    let table = cx.new_table(plan.table_size, None).map_err(eng)?;
    let plt = cx.new_table(plan.plt_size, None).map_err(eng)?;
    let stack_pointer = cx
        .new_global(Val::I32(plan.stack.1 as i32), true)
        .map_err(eng)?;
    let group = Arc::new(Mutex::new(GroupState {
        id,
        version: plan.version,
        memory,
        stack_pointer,
        instances: vec![None; plan.modules],
        tags: HashMap::new(),
        guards: None,
        tables: GroupTables {
            table,
            plt,
            binder: None,
            plt_resolvers: HashMap::new(),
            closure_funcs: HashMap::new(),
        },
        thread: ThreadState {
            stack: plan.stack,
            ..ThreadState::default()
        },
        lazy: LazyState::default(),
        dlsym_front: None,
    }));
    let binder = cx
        .new_host_func(
            &binder_type(),
            plt_binder(shared.clone(), Arc::downgrade(&group)),
        )
        .map_err(eng)?;
    crate::runtime::state::lock(&group).tables.binder = Some(binder);
    Ok(group)
}

/// The process memory in the store behind `cx`: the shared memory attached (grown to the
/// program's initial size if the embedder's is smaller), or the one private memory made.
fn process_memory<E: Engine>(
    cx: &mut dyn StoreOps<E>,
    shared: &Shared<E>,
    plan: &GroupPlan,
) -> Result<E::Memory> {
    let out_of_memory = |bytes: u64, e: EngineError| LinkError::OutOfMemory {
        module: plan.main_name.clone(),
        bytes,
        align: 1,
        reason: e.0,
    };
    match &shared.memory {
        ProcessMemory::Shared(m) => {
            let memory = cx
                .attach_memory(m)
                .map_err(|e| LinkError::engine(&plan.main_name, e))?;
            // The embedder's memory (`Process::load_with_memory`) may be smaller than the
            // program's initial size.
            let (want, have) = (plan.min_pages * PAGE, cx.memory_size(&memory));
            if have < want {
                cx.memory_grow(&memory, (want - have).div_ceil(PAGE))
                    .map_err(|e| out_of_memory(want, e))?;
            }
            Ok(memory)
        }
        ProcessMemory::Private { min, max, taken } => {
            if taken.swap(true, Ordering::AcqRel) {
                return Err(LinkError::NoSharedMemory {
                    module: plan.main_name.clone(),
                });
            }
            cx.new_memory(*min, *max)
                .map_err(|e| out_of_memory(*min as u64 * PAGE, e))
        }
    }
}

/// A stack of the configured size for a thread the linker starts, in thread memory, with the
/// group's stack pointer at its top.
fn give_stack<E: Engine>(g: &mut GroupCx<'_, E>, plan: &GroupPlan) -> Result<()> {
    let size = g.shared.config.stack_size;
    let base = alloc_thread_memory(g, size, 16)?;
    let sp = g.group_state().stack_pointer.clone();
    g.cx.global_set(&sp, Val::I32((base + size) as i32))
        .map_err(|e| LinkError::engine(&plan.main_name, e))?;
    g.group_state().thread.stack = (base, base + size);
    Ok(())
}

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
        let mut gs = g.group_state();
        gs.instances[m] = None;
        gs.lazy.deferred.remove(&m);
    }
    {
        // Records trimmed since (`dlclose::trim_unloaded`): their instances were dropped above
        // in an earlier catch-up.
        let n = g.records().image.modules.len();
        let mut gs = g.group_state();
        gs.instances.truncate(n);
        gs.lazy.deferred.retain(|&m| m < n);
    }
    // A module another group loaded is deferred where it may be (`deferred.rs`): stand-ins in
    // its slots until this thread first calls into it. The operator's own store is never behind
    // by a load, so `order` holds only others' loads.
    let lazy = !g.shared.coord.is_owner(g.id());
    let mut instantiated = Vec::with_capacity(order.len());
    for &m in &order {
        if lazy && deferrable(g, m) {
            defer(g, m)?;
        } else {
            instantiate_module(g, m, false)?;
            instantiated.push(m);
        }
    }
    for &m in &instantiated {
        init_tls(g, m)?;
    }
    let since = Fill::Since {
        version: g.group_state().version,
        new: &order,
    };
    fill_table(g, since)?;
    fill_plt(g, since)?;
    sync_closures(g)?;
    g.group_state().version = version;
    Ok(())
}

/// Grows this group's function table and PLT to the sizes the records now need.
pub(crate) fn sync_tables<E: Engine>(g: &mut GroupCx<'_, E>) -> Result<()> {
    let (table_size, plt_size) = {
        let st = g.records();
        (st.image.table.size, st.image.plt.len() as u64)
    };
    let (table, plt) = (g.table(), g.plt());
    let eng = |e| LinkError::store("function table", e);
    let have = g.cx.table_size(&table);
    if have < table_size {
        g.cx.table_grow(&table, table_size - have).map_err(eng)?;
    }
    let have = g.cx.table_size(&plt);
    if have < plt_size {
        g.cx.table_grow(&plt, plt_size - have).map_err(eng)?;
    }
    Ok(())
}

/// Makes this group's table hold exactly the records' closures.
fn sync_closures<E: Engine>(g: &mut GroupCx<'_, E>) -> Result<()> {
    let closures: Vec<(u64, FuncType, HostFn<E>)> = g
        .records()
        .closures
        .iter()
        .map(|(s, (t, f))| (*s, t.clone(), f.clone()))
        .collect();
    let table = g.table();
    let have: Vec<u64> = g
        .group_state()
        .tables
        .closure_funcs
        .keys()
        .copied()
        .collect();
    for s in have {
        if !closures.iter().any(|(c, _, _)| *c == s) {
            g.group_state().tables.closure_funcs.remove(&s);
            g.cx.table_set(&table, s, None)
                .map_err(|e| LinkError::store("closure", e))?;
        }
    }
    for (s, ty, f) in closures {
        if g.group_state().tables.closure_funcs.contains_key(&s) {
            continue;
        }
        let func = table_func(g.cx, g.shared, &ty, f)?;
        g.cx.table_set(&table, s, Some(&func))
            .map_err(|e| LinkError::store("closure", e))?;
        g.group_state().tables.closure_funcs.insert(s, func);
    }
    Ok(())
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
fn adopt_fixed_main<E: Engine>(g: &mut GroupCx<'_, E>, first: bool) -> Result<()> {
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
