//! An instance group: one store's instances of every loaded module, sharing the process memory.
//!
//! A group replays the bindings recorded in [`LinkState`]: it creates the globals, table and PLT
//! of its store, instantiates the modules in the recorded order, and fills the table slots and PLT
//! entries. It never looks a symbol up on its own except in a lazy PLT binding, which records what
//! it found so that every group agrees.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, RwLock};

use crate::config::LinkerConfig;
use crate::engine::{CallError, Engine, Extern, FuncType, HostError, HostFn, StoreOps, Val};
use crate::error::{LinkError, Result};
use crate::host::{HostContext, HostImport, HostResolver};
use crate::image::{Binding, LinkState, ModuleId, MAIN};
use crate::metadata::ExternType;
use crate::scope::{lookup_kind, Want};
use crate::stubs::stub_export;

/// State shared by every group of a process.
pub struct Shared<E: Engine> {
    pub engine: E,
    pub config: LinkerConfig,
    pub host: Arc<dyn HostResolver<E>>,
    pub state: RwLock<LinkState<E>>,
    pub memory: E::SharedMemory,
    /// Results of earlier `dlsym` calls, read without a lock; replaced (emptied) whenever a load
    /// or unload changes what a lookup could find.
    pub dlsym_cache: crate::dlsym_cache::DlsymCache,
    /// Compiled modules (libraries opened again, generated stubs and trampolines).
    pub cache: Arc<crate::cache::ModuleCache<E>>,
    /// Who may change the records, and which groups have caught up (docs/threads.md).
    pub coord: crate::coordinator::Coordinator,
    /// Spawned threads: `None` while running, then the exit code.
    pub threads: Mutex<HashMap<u64, Option<i32>>>,
}

/// Handles of one group's store. Kept apart from the store so that host functions running inside
/// the store can reach them.
pub struct GroupState<E: Engine> {
    /// The group's id (its thread id for the guest; the main group is 0).
    pub id: crate::threads::GroupId,
    /// The records version this group's store reflects.
    pub version: u64,
    pub memory: E::Memory,
    pub table: E::Table,
    pub plt: E::Table,
    pub stack_pointer: E::Global,
    pub instances: Vec<Option<E::Instance>>,
    pub tags: HashMap<String, E::Tag>,
    /// `wasmlink.bind`, imported by every stub module of this group.
    pub binder: Option<E::Func>,
    /// This thread's `dlerror` text, cleared when read.
    pub dlerror: Option<String>,
    /// This store's functions for the closures in the records, by slot.
    pub closure_funcs: HashMap<u64, E::Func>,
    /// The resolver each PLT slot holds until its symbol is bound (see `stubs`).
    pub plt_resolvers: HashMap<u32, E::Func>,
    /// Memory this thread owns (stack, TLS blocks, dlerror buffer), returned when it exits.
    pub thread_memory: Vec<(u64, u64)>,
    /// Where `dlerror` puts its text for this thread, once allocated.
    pub dlerror_buffer: Option<u64>,
}

pub type GroupRef<E> = Arc<Mutex<GroupState<E>>>;

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

fn read<T>(m: &RwLock<T>) -> std::sync::RwLockReadGuard<'_, T> {
    m.read().unwrap_or_else(|p| p.into_inner())
}

fn write<T>(m: &RwLock<T>) -> std::sync::RwLockWriteGuard<'_, T> {
    m.write().unwrap_or_else(|p| p.into_inner())
}

/// Creates a group in the store behind `cx` and instantiates every module of the image.
#[tracing::instrument(level = "debug", skip_all)]
pub fn create_group<E: Engine>(
    cx: &mut dyn StoreOps<E>,
    shared: &Arc<Shared<E>>,
    id: crate::threads::GroupId,
) -> Result<GroupRef<E>> {
    let (table_size, plt_size, stack_high, n, order, version) = {
        let st = read(&shared.state);
        let alive: Vec<ModuleId> = st
            .init_order
            .iter()
            .copied()
            .filter(|&m| st.modules[m].alive)
            .collect();
        (
            st.table.size,
            st.plt.len() as u64,
            st.stack_high,
            st.modules.len(),
            alive,
            st.version,
        )
    };
    let main_name = read(&shared.state).modules[MAIN].name.clone();
    let eng = |e| LinkError::engine(&main_name, e);
    let memory = cx.attach_memory(&shared.memory).map_err(eng)?;
    let table = cx.new_table(table_size, None).map_err(eng)?;
    let plt = cx.new_table(plt_size, None).map_err(eng)?;
    let stack_pointer = cx
        .new_global(Val::I32(stack_high as i32), true)
        .map_err(eng)?;
    let group = Arc::new(Mutex::new(GroupState {
        id,
        version,
        memory,
        table,
        plt: plt.clone(),
        stack_pointer,
        instances: vec![None; n],
        tags: HashMap::new(),
        binder: None,
        dlerror: None,
        closure_funcs: HashMap::new(),
        thread_memory: Vec::new(),
        dlerror_buffer: None,
        plt_resolvers: HashMap::new(),
    }));
    let binder = cx
        .new_host_func(
            &FuncType::new([crate::engine::ValType::I32], []),
            plt_binder(shared.clone(), Arc::downgrade(&group)),
        )
        .map_err(eng)?;
    lock(&group).binder = Some(binder);
    let bind_now = shared.config.bind_now;
    for &m in &order {
        instantiate_module(cx, shared, &group, m, bind_now)?;
        if m == MAIN
            && read(&shared.state).modules[MAIN].info.shape == crate::metadata::Shape::Fixed
        {
            adopt_fixed_main(cx, shared, &group, id == 0)?;
        }
    }
    fill_table(cx, shared, &group)?;
    fill_plt(cx, shared, &group)?;
    sync_closures(cx, shared, &group)?;
    if id != crate::threads::GroupId::default() {
        // Another thread: its own stack, and its own TLS block in every module that has TLS
        // (the first instance got the static one from its start function).
        let stack = shared.config.stack_size;
        let base = alloc_thread_memory(cx, shared, &group, stack, 16)?;
        let sp = lock(&group).stack_pointer.clone();
        cx.global_set(&sp, Val::I32((base + stack) as i32))
            .map_err(eng)?;
        for &m in &order {
            init_tls(cx, shared, &group, m)?;
        }
    }
    Ok(group)
}

/// A non-PIE main module defines the function table and `__stack_pointer` that its libraries
/// import: the group uses the main instance's. In the first group, the start-up libraries' data
/// then gets its pages: right after the main module's initial memory, grown only once wasi-libc's
/// malloc has claimed its initial heap (it takes everything from `__heap_base` to the end of
/// memory on its first call, so pages grown before that call would be given out twice).
fn adopt_fixed_main<E: Engine>(
    cx: &mut dyn StoreOps<E>,
    shared: &Arc<Shared<E>>,
    group: &GroupRef<E>,
    first: bool,
) -> Result<()> {
    let name = read(&shared.state).modules[MAIN].name.clone();
    let table =
        match instance_export(cx, group, MAIN, "__indirect_function_table") {
            Some(Extern::Table(t)) => t,
            _ => return Err(LinkError::Unsupported {
                module: name,
                what:
                    "a non-PIE main module must export __indirect_function_table (--growable-table)"
                        .into(),
            }),
        };
    let sp =
        match instance_export(cx, group, MAIN, "__stack_pointer") {
            Some(Extern::Global(g)) => g,
            _ => return Err(LinkError::Unsupported {
                module: name,
                what:
                    "a non-PIE main module must export __stack_pointer (--export=__stack_pointer)"
                        .into(),
            }),
        };
    {
        let mut g = lock(group);
        g.table = table;
        g.stack_pointer = sp;
    }
    sync_tables(cx, shared, group)?;
    let (pages, initial) = {
        let st = read(&shared.state);
        (st.fixed_grow_pages, st.memory_pages.0 as u64)
    };
    if !first || pages == 0 {
        return Ok(());
    }
    if let (Some(Extern::Func(malloc)), Some(Extern::Func(free))) = (
        instance_export(cx, group, MAIN, "malloc"),
        instance_export(cx, group, MAIN, "free"),
    ) {
        let p = cx
            .call(&malloc, &[Val::I32(1)])
            .map_err(|e| LinkError::Init {
                module: name.clone(),
                function: "malloc".into(),
                reason: e.to_string(),
            })?;
        let _ = cx.call(&free, &p);
    }
    let memory = lock(group).memory.clone();
    let old = cx
        .memory_grow(&memory, pages)
        .map_err(|e| LinkError::OutOfMemory {
            module: name.clone(),
            bytes: pages * crate::layout::PAGE,
            align: crate::layout::PAGE,
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

/// Takes zeroed memory for this thread (stack, TLS), returned to the process when it exits.
pub(crate) fn alloc_thread_memory<E: Engine>(
    cx: &mut dyn StoreOps<E>,
    shared: &Arc<Shared<E>>,
    group: &GroupRef<E>,
    size: u64,
    align: u64,
) -> Result<u64> {
    let memory = lock(group).memory.clone();
    let base = {
        let mut st = write(&shared.state);
        let mut grow = |pages: u64| cx.memory_grow(&memory, pages).map_err(|e| e.0);
        st.memory.alloc(size, align, &mut grow)
    }
    .map_err(|reason| LinkError::OutOfMemory {
        module: format!("thread {}", lock(group).id),
        bytes: size,
        align,
        reason,
    })?;
    cx.memory_write(&memory, base, &vec![0u8; size as usize])
        .map_err(|e| LinkError::engine("thread memory", e))?;
    lock(group).thread_memory.push((base, size.max(1)));
    Ok(base)
}

/// Gives module `m` this thread's own TLS block, through its `__wasm_init_tls`.
pub fn init_tls<E: Engine>(
    cx: &mut dyn StoreOps<E>,
    shared: &Arc<Shared<E>>,
    group: &GroupRef<E>,
    m: ModuleId,
) -> Result<()> {
    let size = match instance_export(cx, group, m, "__tls_size") {
        Some(Extern::Global(g)) => cx.global_get(&g).i32() as u32 as u64,
        _ => 0,
    };
    if size == 0 {
        return Ok(());
    }
    let align = match instance_export(cx, group, m, "__tls_align") {
        Some(Extern::Global(g)) => (cx.global_get(&g).i32() as u32 as u64).max(1),
        _ => 16,
    };
    let Some(Extern::Func(init)) = instance_export(cx, group, m, "__wasm_init_tls") else {
        return Ok(());
    };
    let block = alloc_thread_memory(cx, shared, group, size, align.next_power_of_two())?;
    cx.call(&init, &[Val::I32(block as i32)])
        .map_err(|e| LinkError::Init {
            module: read(&shared.state).modules[m].name.clone(),
            function: "__wasm_init_tls".into(),
            reason: e.to_string(),
        })?;
    Ok(())
}

/// Size of the per-thread buffer `dlerror` returns.
pub const DLERROR_BUFFER: u64 = 1024;

/// This thread's `dlerror` buffer, taken from the process memory on first use.
pub fn dlerror_buffer<E: Engine>(
    cx: &mut dyn StoreOps<E>,
    shared: &Arc<Shared<E>>,
    group: &GroupRef<E>,
) -> Result<u64> {
    if let Some(b) = lock(group).dlerror_buffer {
        return Ok(b);
    }
    let b = alloc_thread_memory(cx, shared, group, DLERROR_BUFFER, 16)?;
    lock(group).dlerror_buffer = Some(b);
    Ok(b)
}

/// Returns this thread's stack and TLS blocks to the process (the thread is exiting).
pub fn release_thread_memory<E: Engine>(shared: &Arc<Shared<E>>, group: &GroupRef<E>) {
    let ranges = std::mem::take(&mut lock(group).thread_memory);
    let mut st = write(&shared.state);
    for (base, size) in ranges {
        st.memory.free.release(base, size);
    }
}

/// Brings this group's store up to date with the records after another group changed them:
/// instantiates modules it lacks (with their TLS for this thread), drops unloaded ones' slots,
/// refills linker-allocated slots, the PLT and closures. Idempotent.
#[tracing::instrument(level = "debug", skip_all)]
pub fn sync_group<E: Engine>(
    cx: &mut dyn StoreOps<E>,
    shared: &Arc<Shared<E>>,
    group: &GroupRef<E>,
) -> Result<()> {
    sync_tables(cx, shared, group)?;
    let (order, dead, version) = {
        let st = read(&shared.state);
        let g = lock(group);
        let has = |m: ModuleId| g.instances.get(m).is_some_and(|i| i.is_some());
        let order: Vec<ModuleId> = st
            .init_order
            .iter()
            .copied()
            .filter(|&m| st.modules[m].alive && !has(m))
            .collect();
        let dead: Vec<(ModuleId, Vec<u64>)> = (0..st.modules.len())
            .filter(|&m| !st.modules[m].alive && has(m))
            .map(|m| (m, st.modules[m].released_slots.clone()))
            .collect();
        (order, dead, st.version)
    };
    let table = lock(group).table.clone();
    for (m, slots) in dead {
        for s in slots {
            cx.table_set(&table, s, None)
                .map_err(|e| LinkError::engine("sync", e))?;
        }
        lock(group).instances[m] = None;
    }
    for &m in &order {
        instantiate_module(cx, shared, group, m, false)?;
    }
    for &m in &order {
        init_tls(cx, shared, group, m)?;
    }
    fill_table(cx, shared, group)?;
    fill_plt(cx, shared, group)?;
    sync_closures(cx, shared, group)?;
    lock(group).version = version;
    Ok(())
}

/// Makes this group's table hold exactly the records' closures.
fn sync_closures<E: Engine>(
    cx: &mut dyn StoreOps<E>,
    shared: &Arc<Shared<E>>,
    group: &GroupRef<E>,
) -> Result<()> {
    let closures: Vec<(u64, FuncType, HostFn<E>)> = read(&shared.state)
        .closures
        .iter()
        .map(|(s, (t, f))| (*s, t.clone(), f.clone()))
        .collect();
    let table = lock(group).table.clone();
    let have: Vec<u64> = lock(group).closure_funcs.keys().copied().collect();
    for s in have {
        if !closures.iter().any(|(c, _, _)| *c == s) {
            lock(group).closure_funcs.remove(&s);
            cx.table_set(&table, s, None)
                .map_err(|e| LinkError::engine("closure", e))?;
        }
    }
    for (s, ty, f) in closures {
        if lock(group).closure_funcs.contains_key(&s) {
            continue;
        }
        let func = crate::closures::table_func(cx, &shared.engine, &ty, f)?;
        cx.table_set(&table, s, Some(&func))
            .map_err(|e| LinkError::engine("closure", e))?;
        lock(group).closure_funcs.insert(s, func);
    }
    Ok(())
}

/// Instantiates module `m` in the group with its recorded bindings. `bind_now`: a function
/// import nothing defines fails here instead of at its first call.
pub fn instantiate_module<E: Engine>(
    cx: &mut dyn StoreOps<E>,
    shared: &Arc<Shared<E>>,
    group: &GroupRef<E>,
    m: ModuleId,
    bind_now: bool,
) -> Result<()> {
    let (name, info, plan, compiled, stub_module, plt_targets) = {
        let st = read(&shared.state);
        let lm = &st.modules[m];
        let targets: HashMap<u32, bool> = lm
            .plan
            .iter()
            .filter_map(|b| match b {
                Binding::Plt { slot, .. } => Some((*slot, st.plt[*slot as usize].target.is_some())),
                _ => None,
            })
            .collect();
        (
            lm.name.clone(),
            lm.info.clone(),
            lm.plan.clone(),
            lm.compiled.clone(),
            lm.stub_module.clone(),
            targets,
        )
    };
    let _span = tracing::debug_span!("instantiate", module = %name).entered();
    let eng = |e| LinkError::engine(&name, e);
    let compiled = compiled.ok_or_else(|| LinkError::engine(&name, "module was not compiled"))?;
    let (memory, table, plt, sp, binder) = {
        let g = lock(group);
        (
            g.memory.clone(),
            g.table.clone(),
            g.plt.clone(),
            g.stack_pointer.clone(),
            g.binder.clone(),
        )
    };
    let stubs = match (&stub_module, binder) {
        (Some(sm), Some(binder)) => Some(
            cx.instantiate(
                sm,
                &[Some(Extern::Table(plt.clone())), Some(Extern::Func(binder))],
            )
            .map_err(|e| LinkError::Instantiate {
                module: format!("{name} (stubs)"),
                reason: e.to_string(),
            })?,
        ),
        _ => None,
    };
    if let Some(inst) = &stubs {
        // Every PLT slot of this module starts with its resolver.
        for b in plan.iter() {
            if let Binding::Plt { stub, slot } = b {
                if let Some(Extern::Func(r)) =
                    cx.export(inst, &crate::stubs::resolver_export(*stub))
                {
                    cx.table_set(&plt, *slot as u64, Some(&r)).map_err(eng)?;
                    lock(group).plt_resolvers.insert(*slot, r);
                }
            }
        }
    }
    let mut imports: Vec<Option<Extern<E>>> = Vec::with_capacity(plan.len());
    for (imp, b) in info.imports.iter().zip(plan.iter()) {
        let ext = match b {
            Binding::Memory => Some(Extern::Memory(memory.clone())),
            Binding::Table => Some(Extern::Table(table.clone())),
            Binding::StackPointer => Some(Extern::Global(sp.clone())),
            Binding::Value(v) => {
                let mutable = matches!(imp.ty, ExternType::Global { mutable: true, .. });
                Some(Extern::Global(cx.new_global(*v, mutable).map_err(eng)?))
            }
            Binding::GotTls { provider, offset } => {
                let base = instance_export(cx, group, *provider, "__tls_base")
                    .and_then(|e| match e {
                        Extern::Global(g) => Some(cx.global_get(&g).i32() as u32 as u64),
                        _ => None,
                    })
                    .ok_or_else(|| LinkError::Unsupported {
                        module: name.clone(),
                        what: format!("TLS symbol {} from a module not yet instantiated", imp.name),
                    })?;
                Some(Extern::Global(
                    cx.new_global(Val::I32((base + offset) as i32), true)
                        .map_err(eng)?,
                ))
            }
            Binding::Direct { provider, export } | Binding::ExportedGlobal { provider, export } => {
                Some(
                    instance_export(cx, group, *provider, export).ok_or_else(|| {
                        LinkError::engine(&name, format!("provider of {export} has no such export"))
                    })?,
                )
            }
            Binding::Plt { stub, slot } => {
                let host = if plt_targets.get(slot) == Some(&false) {
                    if crate::dlfcn::provides(imp) {
                        // Nothing loaded defines it: the linker's own <dlfcn.h>.
                        Some(
                            crate::dlfcn::host_import(cx, shared, group, imp)
                                .map_err(|e| LinkError::engine(&name, e))?,
                        )
                    } else {
                        let hc = HostContext {
                            memory: &memory,
                            module: &name,
                        };
                        let supplied = shared.host.resolve(cx, &hc, imp)?;
                        host_extern(cx, shared, group, imp, supplied)?
                    }
                } else {
                    None
                };
                match host {
                    Some(h) => Some(h),
                    None if plt_targets.get(slot) == Some(&false) && bind_now => {
                        return Err(LinkError::UndefinedSymbol {
                            module: name.clone(),
                            symbol: imp.name.clone(),
                        })
                    }
                    None => {
                        let inst = stubs
                            .as_ref()
                            .expect("a module with PLT bindings has stubs");
                        Some(
                            cx.export(inst, &stub_export(*stub))
                                .ok_or_else(|| LinkError::engine(&name, "stub missing"))?,
                        )
                    }
                }
            }
            Binding::WeakMissing { symbol } => {
                let ExternType::Func(ty) = &imp.ty else {
                    unreachable!()
                };
                let err = Arc::new(LinkError::WeakUndefinedCalled {
                    module: name.clone(),
                    symbol: symbol.clone(),
                });
                let f: HostFn<E> = Arc::new(move |_, _, _| Err(HostError::Link(err.clone())));
                Some(Extern::Func(cx.new_host_func(ty, f).map_err(eng)?))
            }
            Binding::Tag { name: tag, ty } => {
                Some(Extern::Tag(group_tag(cx, shared, group, tag, ty)?))
            }
            Binding::Host if imp.module == crate::dlfcn::IMPORT_MODULE => Some(
                crate::dlfcn::host_import(cx, shared, group, imp)
                    .map_err(|e| LinkError::engine(&name, e))?,
            ),
            Binding::Host => {
                let hc = HostContext {
                    memory: &memory,
                    module: &name,
                };
                let supplied = shared.host.resolve(cx, &hc, imp)?;
                host_extern(cx, shared, group, imp, supplied)?
            }
        };
        imports.push(ext);
    }
    let inst = cx.instantiate(&compiled, &imports).map_err(|e| match e {
        CallError::Link(l) => (*l).clone(),
        e => LinkError::Instantiate {
            module: name.clone(),
            reason: e.to_string(),
        },
    })?;
    let mut g = lock(group);
    if g.instances.len() <= m {
        g.instances.resize(m + 1, None);
    }
    g.instances[m] = Some(inst);
    Ok(())
}

/// Grows this group's function table and PLT to the sizes the records now need.
pub fn sync_tables<E: Engine>(
    cx: &mut dyn StoreOps<E>,
    shared: &Arc<Shared<E>>,
    group: &GroupRef<E>,
) -> Result<()> {
    let (table_size, plt_size) = {
        let st = read(&shared.state);
        (st.table.size, st.plt.len() as u64)
    };
    let (table, plt) = {
        let g = lock(group);
        (g.table.clone(), g.plt.clone())
    };
    let eng = |e| LinkError::engine("function table", e);
    let have = cx.table_size(&table);
    if have < table_size {
        cx.table_grow(&table, table_size - have).map_err(eng)?;
    }
    let have = cx.table_size(&plt);
    if have < plt_size {
        cx.table_grow(&plt, plt_size - have).map_err(eng)?;
    }
    Ok(())
}

/// Turns what the host resolver supplied into an import; host functions become safepoints.
fn host_extern<E: Engine>(
    cx: &mut dyn StoreOps<E>,
    shared: &Arc<Shared<E>>,
    group: &GroupRef<E>,
    import: &crate::metadata::Import,
    supplied: Option<HostImport<E>>,
) -> Result<Option<Extern<E>>> {
    Ok(match supplied {
        None => None,
        Some(HostImport::Extern(e)) => Some(e),
        Some(HostImport::Blocking(f)) => {
            let ExternType::Func(ty) = &import.ty else {
                return Err(LinkError::Unsupported {
                    module: format!("{}.{}", import.module, import.name),
                    what: "a host function for an import that is not a function".into(),
                });
            };
            let (sh, weak) = (Arc::downgrade(shared), Arc::downgrade(group));
            let wrapped: HostFn<E> = Arc::new(move |cx, args, results| {
                let (Some(sh), Some(g)) = (sh.upgrade(), weak.upgrade()) else {
                    return f(cx, args, results);
                };
                crate::threads::leave(&sh, &g);
                let r = f(cx, args, results);
                crate::threads::enter(cx, &sh, &g)?;
                r
            });
            Some(Extern::Func(
                cx.new_host_func(ty, wrapped)
                    .map_err(|e| LinkError::engine(&import.name, e))?,
            ))
        }
        Some(HostImport::Func(f)) => {
            let ExternType::Func(ty) = &import.ty else {
                return Err(LinkError::Unsupported {
                    module: format!("{}.{}", import.module, import.name),
                    what: "a host function for an import that is not a function".into(),
                });
            };
            let (sh, weak) = (Arc::downgrade(shared), Arc::downgrade(group));
            let stop = shared.coord.stop_flag();
            let wrapped: HostFn<E> = Arc::new(move |cx, args, results| {
                if stop.is_set() {
                    if let (Some(sh), Some(g)) = (sh.upgrade(), weak.upgrade()) {
                        crate::threads::safepoint_host(cx, &sh, &g)?;
                    }
                }
                f(cx, args, results)
            });
            Some(Extern::Func(
                cx.new_host_func(ty, wrapped)
                    .map_err(|e| LinkError::engine(&import.name, e))?,
            ))
        }
    })
}

pub fn instance_export<E: Engine>(
    cx: &mut dyn StoreOps<E>,
    group: &GroupRef<E>,
    m: ModuleId,
    name: &str,
) -> Option<Extern<E>> {
    let inst = lock(group).instances.get(m)?.clone()?;
    cx.export(&inst, name)
}

/// The group's tag named `name`: the one a loaded module exports, else one the linker creates
/// once per group, so a throw in one module is caught in another.
fn group_tag<E: Engine>(
    cx: &mut dyn StoreOps<E>,
    shared: &Arc<Shared<E>>,
    group: &GroupRef<E>,
    name: &str,
    ty: &FuncType,
) -> Result<E::Tag> {
    if let Some(t) = lock(group).tags.get(name) {
        return Ok(t.clone());
    }
    let provider = {
        let st = read(&shared.state);
        st.global_scope.iter().copied().find(|&p| {
            st.modules[p]
                .info
                .export(name)
                .is_some_and(|e| matches!(&e.ty, ExternType::Tag(t) if t == ty))
        })
    };
    let tag = match provider.and_then(|p| instance_export(cx, group, p, name)) {
        Some(Extern::Tag(t)) => t,
        _ => cx
            .new_tag(&ty.params)
            .map_err(|e| LinkError::engine(name, e))?,
    };
    lock(group).tags.insert(name.to_string(), tag.clone());
    Ok(tag)
}

/// Puts every linker-allocated function slot's function into this group's table.
pub fn fill_table<E: Engine>(
    cx: &mut dyn StoreOps<E>,
    shared: &Arc<Shared<E>>,
    group: &GroupRef<E>,
) -> Result<()> {
    let fills = read(&shared.state).table_fills.clone();
    let table = lock(group).table.clone();
    for f in fills {
        let Some(Extern::Func(func)) = instance_export(cx, group, f.provider, &f.export) else {
            continue;
        };
        cx.table_set(&table, f.slot, Some(&func))
            .map_err(|e| LinkError::engine(&f.export, e))?;
    }
    Ok(())
}

/// Binds every PLT entry whose provider is instantiated: later calls go straight to it.
pub fn fill_plt<E: Engine>(
    cx: &mut dyn StoreOps<E>,
    shared: &Arc<Shared<E>>,
    group: &GroupRef<E>,
) -> Result<()> {
    let entries: Vec<(u32, Option<(ModuleId, String)>)> = read(&shared.state)
        .plt
        .iter()
        .enumerate()
        .map(|(i, e)| (i as u32, e.target.clone()))
        .collect();
    let plt = lock(group).plt.clone();
    for (slot, target) in entries {
        // An entry without a target (never bound, or its provider unloaded) holds its resolver,
        // so its stub binds it on the next call.
        let f = match target {
            Some((p, export)) => match instance_export(cx, group, p, &export) {
                Some(Extern::Func(f)) => Some(f),
                _ => None,
            },
            None => None,
        }
        .or_else(|| lock(group).plt_resolvers.get(&slot).cloned());
        cx.table_set(&plt, slot as u64, f.as_ref())
            .map_err(|e| LinkError::engine("PLT", e))?;
    }
    Ok(())
}

/// `wasmlink.bind(slot)`: called by a stub whose PLT slot is still null. Binds the symbol,
/// fills the slot so later calls bypass it, and records the binding; traps naming the symbol when
/// nothing defines it.
fn plt_binder<E: Engine>(
    shared: Arc<Shared<E>>,
    group: std::sync::Weak<Mutex<GroupState<E>>>,
) -> HostFn<E> {
    Arc::new(move |cx, args, _results| {
        let group = group
            .upgrade()
            .ok_or_else(|| HostError::Trap("instance group is gone".into()))?;
        let slot = args.first().map(|v| v.i32() as u32).unwrap_or(u32::MAX);
        if slot as usize >= read(&shared.state).plt.len() {
            return Err(HostError::Trap(format!("no PLT slot {slot}")));
        }
        bind_plt_slot(cx, &shared, &group, slot).map(|_| ())
    })
}

fn bind_plt_slot<E: Engine>(
    cx: &mut dyn StoreOps<E>,
    shared: &Arc<Shared<E>>,
    group: &GroupRef<E>,
    slot: u32,
) -> std::result::Result<E::Func, HostError> {
    let (entry, importer, known) = {
        let st = read(&shared.state);
        let e = st.plt[slot as usize].clone();
        let importer = st.modules[e.importer].name.clone();
        let known = e.target.clone();
        (e, importer, known)
    };
    let undefined = || {
        HostError::from(LinkError::UndefinedSymbol {
            module: importer.clone(),
            symbol: entry.symbol.clone(),
        })
    };
    let target = match known {
        Some(t) => t,
        None => {
            let st = read(&shared.state);
            let infos = st.infos();
            match lookup_kind(
                &infos,
                st.global_scope.iter().copied(),
                &entry.symbol,
                Want::Func,
                shared.config.weak_policy,
            ) {
                Some(Ok((p, e))) => {
                    if !matches!(&e.ty, ExternType::Func(t) if *t == entry.ty) {
                        return Err(LinkError::SignatureMismatch {
                            module: importer.clone(),
                            symbol: entry.symbol.clone(),
                            provider: st.modules[p].name.clone(),
                            expected: entry.ty.to_string(),
                            found: format!("{:?}", e.ty),
                        }
                        .into());
                    }
                    (p, entry.symbol.clone())
                }
                _ => return Err(undefined()),
            }
        }
    };
    let Some(Extern::Func(f)) = instance_export(cx, group, target.0, &target.1) else {
        return Err(undefined());
    };
    let plt = lock(group).plt.clone();
    cx.table_set(&plt, slot as u64, Some(&f))
        .map_err(|e| HostError::Trap(e.to_string()))?;
    tracing::debug!(module = %importer, symbol = %entry.symbol, "bound lazily on first call");
    let mut st = write(&shared.state);
    st.plt[slot as usize].target.get_or_insert(target);
    Ok(f)
}

/// Applies data relocations of every module, then runs constructors in dependency order, then the
/// main module's `_initialize` if it is a reactor. Runs once per process (memory is shared).
#[tracing::instrument(level = "debug", skip_all)]
pub fn initialize<E: Engine>(
    cx: &mut dyn StoreOps<E>,
    shared: &Arc<Shared<E>>,
    group: &GroupRef<E>,
) -> Result<()> {
    let order = read(&shared.state).init_order.clone();
    init_modules(cx, shared, group, &order)?;
    call_export(cx, shared, group, MAIN, "_initialize")
}

/// Data relocations of `order`'s modules, then their constructors (the main module's run in
/// `_start`).
pub fn init_modules<E: Engine>(
    cx: &mut dyn StoreOps<E>,
    shared: &Arc<Shared<E>>,
    group: &GroupRef<E>,
    order: &[ModuleId],
) -> Result<()> {
    for &m in order {
        call_export(cx, shared, group, m, "__wasm_apply_data_relocs")?;
    }
    for &m in order {
        if m != MAIN {
            call_export(cx, shared, group, m, "__wasm_call_ctors")?;
        }
    }
    Ok(())
}

/// Calls export `export` of module `m` if it has one; a trap is an error naming both.
pub fn call_export<E: Engine>(
    cx: &mut dyn StoreOps<E>,
    shared: &Arc<Shared<E>>,
    group: &GroupRef<E>,
    m: ModuleId,
    export: &str,
) -> Result<()> {
    let Some(Extern::Func(f)) = instance_export(cx, group, m, export) else {
        return Ok(());
    };
    let name = read(&shared.state).modules[m].name.clone();
    let _span = tracing::debug_span!("init", module = %name, function = export).entered();
    cx.call(&f, &[]).map_err(|e| match e {
        CallError::Link(l) => (*l).clone(),
        e => LinkError::Init {
            module: name,
            function: export.to_string(),
            reason: e.to_string(),
        },
    })?;
    Ok(())
}
