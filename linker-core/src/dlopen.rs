//! Loading and unloading at run time (glibc's `dl-open.c`, `dl-close.c`, `dl-sym.c`).
//!
//! `dlopen` plans the new modules on a copy of the records, commits it, then instantiates and
//! initialises them in the calling group. Any failure restores the records as they were, returns
//! the memory and table space the attempt took (memory pages it grew become free ranges, table
//! slots it filled are nulled and freed), so nothing half-linked remains.

use std::sync::Arc;

pub use crate::dlsym_cache::{DlsymCache, SymbolAddress};
use crate::engine::{Engine, Extern, StoreOps, Val};
use crate::error::{LinkError, Result};
use crate::group::{
    call_export, fill_plt, fill_table, init_modules, instance_export, instantiate_module,
    sync_tables, GroupRef, Shared,
};
use crate::image::{LinkState, ModuleId, MAIN};
use crate::layout::PAGE;
use crate::load::{add_modules, local_scope, open_module, walk, Placement};
use crate::locate::locate;
use crate::metadata::{ExternType, ImportClass};
use crate::scope::lookup;

/// `dlopen` flags, with glibc's values (our `dlfcn.h` defines the same).
pub const RTLD_LAZY: i32 = 0x1;
pub const RTLD_NOW: i32 = 0x2;
pub const RTLD_NOLOAD: i32 = 0x4;
pub const RTLD_GLOBAL: i32 = 0x100;
pub const RTLD_NODELETE: i32 = 0x1000;

/// A handle as the guest sees it: module id + 1, so that 0 stays `NULL` / `RTLD_DEFAULT`.
pub fn handle_of(m: ModuleId) -> u32 {
    m as u32 + 1
}

fn module_of(state: &LinkState<impl Engine>, handle: u32) -> Result<ModuleId> {
    let m = (handle as usize).wrapping_sub(1);
    match state.modules.get(m) {
        Some(lm) if lm.alive => Ok(m),
        _ => Err(LinkError::Unsupported {
            module: format!("handle {handle:#x}"),
            what: "not a handle returned by dlopen (or already closed)".into(),
        }),
    }
}

fn read_state<E: Engine>(shared: &Shared<E>) -> std::sync::RwLockReadGuard<'_, LinkState<E>> {
    shared.state.read().unwrap_or_else(|p| p.into_inner())
}

fn write_state<E: Engine>(shared: &Shared<E>) -> std::sync::RwLockWriteGuard<'_, LinkState<E>> {
    shared.state.write().unwrap_or_else(|p| p.into_inner())
}

fn group_memory<E: Engine>(group: &GroupRef<E>) -> E::Memory {
    group
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .memory
        .clone()
}

/// Opens `name` (a path if it contains `/`, else searched like a needed library from the main
/// module). `None` opens the global scope. Returns the module, or `None` for `RTLD_NOLOAD` of a
/// library that is not loaded.
/// Every instance group has the library before this returns (docs/threads.md).
#[tracing::instrument(level = "info", skip(cx, shared, group))]
pub fn dlopen<E: Engine>(
    cx: &mut dyn StoreOps<E>,
    shared: &Arc<Shared<E>>,
    group: &GroupRef<E>,
    name: Option<&str>,
    flags: i32,
) -> Result<Option<ModuleId>> {
    if name.is_none() {
        return Ok(Some(MAIN));
    }
    crate::threads::coordinated(cx, shared, group, |cx| {
        dlopen_in_group(cx, shared, group, name, flags)
    })
}

fn dlopen_in_group<E: Engine>(
    cx: &mut dyn StoreOps<E>,
    shared: &Arc<Shared<E>>,
    group: &GroupRef<E>,
    name: Option<&str>,
    flags: i32,
) -> Result<Option<ModuleId>> {
    let Some(name) = name else {
        return Ok(Some(MAIN));
    };
    let config = &shared.config;
    let (main_path, main_runpath) = {
        let st = read_state(shared);
        let main = &st.modules[MAIN];
        (main.path.clone(), main.info.dylink.runtime_path.clone())
    };
    let loc = locate(&*config.fs, &config.search, name, &main_path, &main_runpath)?;
    {
        let mut st = write_state(shared);
        if let Some(&m) = st.by_identity.get(loc.identity()) {
            Arc::make_mut(&mut st.modules[m]).refcount += 1;
            if flags & RTLD_NODELETE != 0 {
                Arc::make_mut(&mut st.modules[m]).nodelete = true;
            }
            if flags & RTLD_GLOBAL != 0 {
                for d in local_scope(&st, m) {
                    if !st.global_scope.contains(&d) {
                        st.global_scope.push(d);
                    }
                }
                invalidate_dlsym_cache(shared);
            }
            return Ok(Some(m));
        }
    }
    if flags & RTLD_NOLOAD != 0 {
        return Ok(None);
    }
    let compiler = crate::load::Compiler {
        engine: &shared.engine,
        cache: &shared.cache,
    };
    let first = open_module(config, Some(compiler), name, loc, true)?;

    // Plan on a copy of the records.
    let old = read_state(shared).clone();
    let mut draft = old.clone();
    let base_id = draft.modules.len();
    let found = walk(config, Some(compiler), Some(&draft), first, base_id)?;
    let memory = group_memory(group);
    let mut grown: Vec<(u64, u64)> = Vec::new();
    let planned = {
        let mut grow = |pages: u64| -> std::result::Result<u64, String> {
            let old = cx.memory_grow(&memory, pages).map_err(|e| e.0)?;
            grown.push((old * PAGE, pages * PAGE));
            Ok(old)
        };
        add_modules(
            &mut draft,
            config,
            Some(compiler),
            found,
            Placement::Runtime(&mut grow),
            flags & RTLD_GLOBAL != 0,
        )
    };
    let order = match planned {
        Ok(o) => o,
        Err(e) => {
            let mut st = write_state(shared);
            // Grown pages cannot be given back to the engine: they become free space.
            for &(s, l) in &grown {
                st.memory.free.release(s, l);
                st.memory.obtained += l;
            }
            return Err(e);
        }
    };
    Arc::make_mut(&mut draft.modules[base_id]).refcount += 1;
    for &m in &order {
        let lm = Arc::make_mut(&mut draft.modules[m]);
        // musl runs atexit destructors at exit, after any dlclose: a library that registers them
        // must stay loaded (musl never unloads at all).
        let registers_dtors = lm.info.imports.iter().any(|i| {
            i.class == ImportClass::Func("__cxa_atexit".into())
                || i.class == ImportClass::Func("atexit".into())
        });
        lm.nodelete |= registers_dtors || (m == base_id && flags & RTLD_NODELETE != 0);
    }
    *write_state(shared) = draft;

    let result = (|| -> Result<()> {
        sync_tables(cx, shared, group)?;
        // Reused memory must read as zero (.bss, and the once-only init flag of the module's
        // start function).
        let regions: Vec<(String, u64, usize)> = {
            let st = read_state(shared);
            order
                .iter()
                .map(|&m| {
                    let lm = &st.modules[m];
                    (
                        lm.name.clone(),
                        lm.memory_base,
                        lm.info.dylink.mem_size as usize,
                    )
                })
                .collect()
        };
        for (name, base, size) in regions {
            cx.memory_write(&memory, base, &vec![0u8; size])
                .map_err(|e| LinkError::engine(&name, e))?;
        }
        let bind_now = config.bind_now || flags & RTLD_NOW != 0;
        for &m in &order {
            instantiate_module(cx, shared, group, m, bind_now)?;
        }
        fill_table(cx, shared, group)?;
        fill_plt(cx, shared, group)?;
        init_modules(cx, shared, group, &order)
    })();
    if let Err(e) = result {
        rollback(cx, shared, group, old, &grown);
        return Err(e);
    }
    invalidate_dlsym_cache(shared);
    tracing::info!(library = name, modules = order.len(), "dlopen loaded");
    Ok(Some(base_id))
}

/// Restores `old` after a failed `dlopen`, keeping what cannot be taken back (grown memory and
/// table size) as free space, and nulling every table and PLT slot the attempt may have filled.
fn rollback<E: Engine>(
    cx: &mut dyn StoreOps<E>,
    shared: &Arc<Shared<E>>,
    group: &GroupRef<E>,
    mut old: LinkState<E>,
    grown: &[(u64, u64)],
) {
    let new = read_state(shared).clone();
    for &(s, l) in grown {
        old.memory.free.release(s, l);
        old.memory.obtained += l;
    }
    let mut null_slots: Vec<u64> = Vec::new();
    for lm in &new.modules[old.modules.len()..] {
        null_slots.extend(lm.table_base..lm.table_base + lm.info.dylink.table_size as u64);
    }
    null_slots.extend(
        new.table_fills[old.table_fills.len()..]
            .iter()
            .map(|f| f.slot),
    );
    if new.table.size > old.table.size {
        old.table
            .free
            .release(old.table.size, new.table.size - old.table.size);
        old.table.size = new.table.size;
    }
    let (table, plt) = {
        let mut g = group.lock().unwrap_or_else(|p| p.into_inner());
        g.instances.truncate(old.modules.len());
        (g.table.clone(), g.plt.clone())
    };
    for s in null_slots {
        let _ = cx.table_set(&table, s, None);
    }
    for s in old.plt.len()..new.plt.len() {
        let _ = cx.table_set(&plt, s as u64, None);
    }
    *write_state(shared) = old;
    invalidate_dlsym_cache(shared);
}

fn invalidate_dlsym_cache<E: Engine>(shared: &Shared<E>) {
    shared.dlsym_cache.clear();
}

/// Looks `symbol` up: `handle` 0 (`RTLD_DEFAULT`) or the main module's handle searches the global
/// scope; another handle searches that library and its dependencies, breadth-first.
#[tracing::instrument(level = "debug", skip(cx, shared, group))]
pub fn dlsym<E: Engine>(
    cx: &mut dyn StoreOps<E>,
    shared: &Arc<Shared<E>>,
    group: &GroupRef<E>,
    handle: u32,
    symbol: &str,
) -> Result<SymbolAddress> {
    // Fast path: a lock-free read of earlier results.
    if let Some(a) = shared.dlsym_cache.get(handle, symbol) {
        return Ok(a);
    }
    let found = dlsym_slow(cx, shared, group, handle, symbol)?;
    if let (addr, false) = found {
        shared.dlsym_cache.insert(handle, symbol, addr);
    }
    Ok(found.0)
}

/// The lookup itself; also says whether the result is thread-local (not cacheable).
fn dlsym_slow<E: Engine>(
    cx: &mut dyn StoreOps<E>,
    shared: &Arc<Shared<E>>,
    group: &GroupRef<E>,
    handle: u32,
    symbol: &str,
) -> Result<(SymbolAddress, bool)> {
    let (hit, handle_name) = {
        let st = read_state(shared);
        let (scope, handle_name) = match handle {
            0 => (st.global_scope.clone(), "RTLD_DEFAULT".to_string()),
            h if h == u32::MAX => {
                return Err(LinkError::Unsupported {
                    module: "RTLD_NEXT".into(),
                    what: "RTLD_NEXT".into(),
                })
            }
            h => {
                let m = module_of(&st, h)?;
                let scope = if m == MAIN {
                    st.global_scope.clone()
                } else {
                    local_scope(&st, m)
                };
                (scope, st.modules[m].name.clone())
            }
        };
        let infos = st.infos();
        let hit = lookup(&infos, scope, symbol, shared.config.weak_policy, false)
            .map(|(p, e)| (p, e.ty.clone(), e.const_value, e.flags.tls));
        (hit, handle_name)
    };
    let Some((p, ty, value, tls)) = hit else {
        return Err(LinkError::UndefinedSymbol {
            module: handle_name,
            symbol: symbol.to_string(),
        });
    };
    match ty {
        ExternType::Func(_) => {
            let (known, position) = {
                let st = read_state(shared);
                // The lookup found it in this module's exports, so it has a position.
                let position = st.modules[p].info.export_position(symbol).ok_or_else(|| {
                    LinkError::UndefinedSymbol {
                        module: st.modules[p].name.clone(),
                        symbol: symbol.to_string(),
                    }
                })?;
                (st.func_slots.get(&(p, position as u32)).copied(), position)
            };
            let slot = match known {
                Some(s) => s,
                // A new slot changes every group's table: a link operation.
                None => crate::threads::coordinated(cx, shared, group, |cx| {
                    let (slot, fresh) = {
                        let mut st = write_state(shared);
                        let fills = st.table_fills.len();
                        let slot = crate::load::func_slot(&mut st, p, position)?;
                        (slot, st.table_fills.len() > fills)
                    };
                    if fresh {
                        sync_tables(cx, shared, group)?;
                        if let Some(Extern::Func(f)) = instance_export(cx, group, p, symbol) {
                            let table = group
                                .lock()
                                .unwrap_or_else(|p| p.into_inner())
                                .table
                                .clone();
                            cx.table_set(&table, slot, Some(&f))
                                .map_err(|e| LinkError::engine(symbol, e))?;
                        }
                    }
                    Ok(slot)
                })?,
            };
            Ok((SymbolAddress::Function(slot as u32), false))
        }
        ExternType::Global { .. } => {
            let off = value.ok_or_else(|| LinkError::Unsupported {
                module: handle_name.clone(),
                what: format!("{symbol} is a mutable global, not a data symbol"),
            })? as u64;
            let base = if tls {
                match instance_export(cx, group, p, "__tls_base") {
                    Some(Extern::Global(g)) => cx.global_get(&g).i32() as u32 as u64,
                    _ => 0,
                }
            } else {
                read_state(shared).modules[p].memory_base
            };
            Ok((SymbolAddress::Data((base + off) as u32), tls))
        }
        _ => Err(LinkError::UndefinedSymbol {
            module: handle_name,
            symbol: symbol.to_string(),
        }),
    }
}

/// Drops a reference to `handle`; at zero, unless it must stay (`RTLD_NODELETE`, start-up
/// modules, atexit users) or another loaded module still needs it, runs its destructors and
/// returns its memory and table space. Its dependencies are released in turn.
#[tracing::instrument(level = "info", skip(cx, shared, group))]
pub fn dlclose<E: Engine>(
    cx: &mut dyn StoreOps<E>,
    shared: &Arc<Shared<E>>,
    group: &GroupRef<E>,
    handle: u32,
) -> Result<()> {
    crate::threads::coordinated(cx, shared, group, |cx| {
        dlclose_in_group(cx, shared, group, handle)
    })
}

fn dlclose_in_group<E: Engine>(
    cx: &mut dyn StoreOps<E>,
    shared: &Arc<Shared<E>>,
    group: &GroupRef<E>,
    handle: u32,
) -> Result<()> {
    let m = module_of(&read_state(shared), handle)?;
    if m == MAIN {
        return Ok(());
    }
    let mut pending = vec![m];
    while let Some(m) = pending.pop() {
        let unload = {
            let mut st = write_state(shared);
            let lm = Arc::make_mut(&mut st.modules[m]);
            if lm.refcount == 0 {
                return Err(LinkError::Unsupported {
                    module: lm.name.clone(),
                    what: "dlclose of a library that is not open".into(),
                });
            }
            lm.refcount -= 1;
            lm.refcount == 0 && !lm.nodelete
        };
        if !unload {
            continue;
        }
        call_export(cx, shared, group, m, "__wasm_call_dtors")?;
        pending.extend(unload_module(cx, shared, group, m));
    }
    Ok(())
}

/// Takes module `m` out of the image; returns its dependencies (each to be released once).
fn unload_module<E: Engine>(
    cx: &mut dyn StoreOps<E>,
    shared: &Arc<Shared<E>>,
    group: &GroupRef<E>,
    m: ModuleId,
) -> Vec<ModuleId> {
    let (table, plt) = {
        let g = group.lock().unwrap_or_else(|p| p.into_inner());
        (g.table.clone(), g.plt.clone())
    };
    let mut st = write_state(shared);
    let (base, size, tb, ts, identity, deps) = {
        let lm = Arc::make_mut(&mut st.modules[m]);
        lm.alive = false;
        // The record stays (ids are not reused) but lets go of what only a live module needs.
        lm.compiled = None;
        lm.stub_module = None;
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
    tracing::info!(library = %st.modules[m].name, "unloading");
    invalidate_dlsym_cache(shared);
    st.by_identity.remove(&identity);
    st.global_scope.retain(|&x| x != m);
    st.memory.free.release(base, size);
    let mut released: Vec<u64> = (tb..tb + ts).collect();
    st.table.free.release(tb, ts);
    let fills: Vec<u64> = st
        .table_fills
        .iter()
        .filter(|f| f.provider == m)
        .map(|f| f.slot)
        .collect();
    st.table_fills.retain(|f| f.provider != m);
    for &s in &fills {
        st.table.free.release(s, 1);
    }
    released.extend(fills);
    for &s in &released {
        let _ = cx.table_set(&table, s, None);
    }
    group.lock().unwrap_or_else(|p| p.into_inner()).instances[m] = None;
    Arc::make_mut(&mut st.modules[m]).released_slots = released;
    st.func_slots.retain(|(p, _), _| *p != m);
    for (i, e) in st.plt.iter_mut().enumerate() {
        if e.target.as_ref().is_some_and(|(p, _)| *p == m) {
            // Back to its resolver: a later call binds again (or reports the symbol missing).
            e.target = None;
            let resolver = group
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .plt_resolvers
                .get(&(i as u32))
                .cloned();
            let _ = cx.table_set(&plt, i as u64, resolver.as_ref());
        }
    }
    deps
}

/// The value a guest gets for a lookup result (0 on failure).
pub fn as_guest(v: Result<SymbolAddress>) -> Val {
    Val::I32(v.map(|a| a.value() as i32).unwrap_or(0))
}
