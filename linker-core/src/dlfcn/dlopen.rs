//! Loading at run time (glibc's `dl-open.c`).
//!
//! `dlopen` plans the new modules on a copy of the records, compiles them, commits, then
//! instantiates and initialises them in the calling group. Any failure restores the records as
//! they were, returns the memory and table space the attempt took (memory pages it grew become
//! free ranges, table slots it filled are nulled and freed), so nothing half-linked remains.
//! Every other group has the library before `dlopen` returns (a link operation,
//! `runtime/safepoint.rs`).

use std::sync::Arc;

use crate::coordinator::OpKind;
use crate::dlfcn::dlsym_front::forget_results;
use crate::engine::Engine;
use crate::error::{LinkError, Result};
use crate::metadata::ImportClass;
use crate::plan::discover::{open_module, walk};
use crate::plan::image::{Image, ModuleId, MAIN};
use crate::plan::layout::Placement;
use crate::plan::locate::locate;
use crate::plan::order::local_scope;
use crate::plan::records::add_modules;
use crate::runtime::compile::{compile_added, with_compiler};
use crate::runtime::group::{fill_plt, fill_table, Fill};
use crate::runtime::init::init_modules;
use crate::runtime::instantiate::instantiate_module;
use crate::runtime::lazy::materialize::materialize_all;
use crate::runtime::safepoint::coordinated;
use crate::runtime::state::{GroupCx, ThreadRange};
use crate::runtime::support;
use crate::runtime::table_space::sync_tables;

/// Lazy function binding (bindings are lazy unless `RTLD_NOW` or `bind_now`).
pub const RTLD_LAZY: i32 = 0x1;
/// Bind every function at load; fail the load if one is missing.
pub const RTLD_NOW: i32 = 0x2;
/// Only return a handle if the library is loaded already.
pub const RTLD_NOLOAD: i32 = 0x4;
/// The library's symbols join the global scope.
pub const RTLD_GLOBAL: i32 = 0x100;
/// Never unload the library.
pub const RTLD_NODELETE: i32 = 0x1000;

/// A handle as the guest sees it: module id + 1, so that 0 stays `NULL` / `RTLD_DEFAULT`.
pub(crate) fn handle_of(m: ModuleId) -> u32 {
    m as u32 + 1
}

/// The loaded module `handle` names.
pub(crate) fn module_of(image: &Image, handle: u32) -> Result<ModuleId> {
    let m = (handle as usize).wrapping_sub(1);
    match image.modules.get(m) {
        Some(lm) if lm.alive => Ok(m),
        _ => Err(LinkError::InvalidHandle { handle }),
    }
}

/// Opens `name` (a path if it contains `/`, else searched like a needed library from the main
/// module). `None` opens the global scope. Returns the module, or `None` for `RTLD_NOLOAD` of a
/// library that is not loaded.
#[tracing::instrument(level = "info", skip(g))]
pub(crate) fn dlopen<E: Engine>(
    g: &mut GroupCx<'_, E>,
    name: Option<&str>,
    flags: i32,
) -> Result<Option<ModuleId>> {
    dlopen_searching(g, name, flags, &[])
}

/// [`dlopen`], with `first_dirs` searched for the library and its dependencies before the
/// process's `LD_LIBRARY_PATH` (WASIX's `ld_library_path` argument).
pub(crate) fn dlopen_searching<E: Engine>(
    g: &mut GroupCx<'_, E>,
    name: Option<&str>,
    flags: i32,
    first_dirs: &[String],
) -> Result<Option<ModuleId>> {
    let Some(name) = name else {
        return Ok(Some(MAIN));
    };
    coordinated(g, OpKind::Stop, |g| {
        dlopen_in_group(g, name, flags, first_dirs)
    })
}

/// `dlopen` of `name`, as the operator of a link operation: locates it (or reopens it), plans
/// and compiles on a copy of the records, commits, instantiates, and rolls everything back on
/// any failure. (Over 80 lines by a few: its steps share the copy, the grown pages and the
/// rollback's state, which reads clearest in one place.)
fn dlopen_in_group<E: Engine>(
    g: &mut GroupCx<'_, E>,
    name: &str,
    flags: i32,
    first_dirs: &[String],
) -> Result<Option<ModuleId>> {
    let shared = g.shared;
    let widened;
    let config = if first_dirs.is_empty() {
        &shared.config
    } else {
        let mut c = shared.config.clone();
        c.search
            .ld_library_path
            .splice(0..0, first_dirs.iter().cloned());
        widened = c;
        &widened
    };
    let (main_path, main_runpath) = {
        let st = g.records();
        let main = &st.image.modules[MAIN];
        (main.path.clone(), main.info.dylink.runtime_path.clone())
    };
    // A bare name a library was loaded under is that library, before any search.
    let known = {
        let st = g.records();
        st.image.loaded_as(name).map(|(_, id)| id.to_string())
    };
    if let Some(identity) = known {
        if let Some(m) = reopen(g, &identity, flags) {
            return Ok(Some(m));
        }
    }
    let loc = locate(&*config.fs, &config.search, name, &main_path, &main_runpath)?;
    if let Some(m) = reopen(g, loc.identity(), flags) {
        return Ok(Some(m));
    }
    if flags & RTLD_NOLOAD != 0 {
        return Ok(None);
    }
    let files = shared.cache.files();
    let first = open_module(config, Some(files), name, loc, true)?;

    // What this thread deferred (`runtime/lazy/deferred.rs`) is instantiated first: the new modules may
    // import from it, and a rollback must not take back TLS blocks of modules that stay.
    materialize_all(g)?;
    // Plan on a copy of the records; from here on, the pages the memory space grows by are
    // listed, to be given back if the load fails.
    let owned = Owned::of(g);
    let old = {
        let mut st = g.records_mut();
        st.image.memory.grown.clear();
        st.image.clone()
    };
    let mut draft = old.clone();
    let base_id = draft.modules.len();
    let mut code = g.records().code.clone();
    let added = with_compiler(&shared.engine, &shared.cache, config, |pool| {
        // Each new library compiles as soon as it is found, while the search goes on; one the
        // engine cannot run is refused before anything is compiled (`runtime/support.rs`).
        support::check(&shared.engine, &first.info)?;
        pool.submit_found(&first);
        let mut refused = None;
        let found = walk(
            config,
            Some(files),
            Some(&draft),
            first,
            base_id,
            &mut |f| match support::check(&shared.engine, &f.info) {
                Ok(()) => pool.submit_found(f),
                Err(e) => {
                    refused.get_or_insert(e);
                }
            },
        )?;
        if let Some(e) = refused {
            return Err(e);
        }
        let memory = g.memory();
        let cx = &mut *g.cx;
        let mut grow = |pages: u64| cx.memory_grow(&memory, pages).map_err(|e| e.0);
        let added = add_modules(
            &mut draft,
            config,
            found,
            Placement::Runtime(&mut grow),
            flags & RTLD_GLOBAL != 0,
        )?;
        compile_added(pool, &draft, added.sources, &mut code)?;
        Ok(added.order)
    });
    let order = match added {
        Ok(o) => o,
        Err(e) => {
            // Grown pages cannot be given back to the engine: they become free space.
            release_grown(&mut g.records_mut().image, &draft.memory.grown);
            return Err(e);
        }
    };
    mark_nodelete(&mut draft, &order, base_id, flags);
    {
        let mut st = g.records_mut();
        st.image = draft;
        st.code = code;
    }
    if let Err(e) = instantiate_added(g, &order, flags) {
        rollback(g, old, owned);
        return Err(e);
    }
    forget_results(g);
    tracing::info!(library = name, modules = order.len(), "dlopen loaded");
    Ok(Some(base_id))
}

/// A library loaded already: one more reference (and its flags' effects).
fn reopen<E: Engine>(g: &mut GroupCx<'_, E>, identity: &str, flags: i32) -> Option<ModuleId> {
    let mut st = g.records_mut();
    let image = &mut st.image;
    let m = *image.by_identity.get(identity)?;
    let lm = Arc::make_mut(&mut image.modules[m]);
    lm.refcount += 1;
    if flags & RTLD_NODELETE != 0 {
        lm.nodelete = true;
    }
    if flags & RTLD_GLOBAL != 0 {
        for d in local_scope(image, m) {
            if !image.global_scope.contains(&d) {
                image.global_scope.push(d);
            }
        }
        forget_results(g);
    }
    Some(m)
}

/// The handle's reference, and which new modules may never be unloaded.
fn mark_nodelete(image: &mut Image, order: &[ModuleId], base_id: ModuleId, flags: i32) {
    Arc::make_mut(&mut image.modules[base_id]).refcount += 1;
    for &m in order {
        let lm = Arc::make_mut(&mut image.modules[m]);
        // musl runs atexit destructors at exit, after any dlclose: a library that registers them
        // must stay loaded (musl never unloads at all).
        let registers_dtors = lm.info.imports.iter().any(|i| {
            i.class == ImportClass::Func("__cxa_atexit".into())
                || i.class == ImportClass::Func("atexit".into())
        });
        lm.nodelete |= registers_dtors || (m == base_id && flags & RTLD_NODELETE != 0);
    }
}

/// Instantiates and initialises the committed new modules in the calling group.
fn instantiate_added<E: Engine>(
    g: &mut GroupCx<'_, E>,
    order: &[ModuleId],
    flags: i32,
) -> Result<()> {
    sync_tables(g)?;
    // Reused memory must read as zero (.bss, and the once-only init flag of the module's start
    // function).
    let regions: Vec<(String, u64, usize)> = {
        let st = g.records();
        order
            .iter()
            .map(|&m| {
                let lm = &st.image.modules[m];
                (
                    lm.name.clone(),
                    lm.memory_base,
                    lm.info.dylink.mem_size as usize,
                )
            })
            .collect()
    };
    let memory = g.memory();
    for (name, base, size) in regions {
        g.cx.memory_write(&memory, base, &vec![0u8; size])
            .map_err(|e| LinkError::engine(&name, e))?;
    }
    let bind_now = g.shared.config.bind_now || flags & RTLD_NOW != 0;
    for &m in order {
        instantiate_module(g, m, bind_now)?;
    }
    // Only what this operation added: the group was up to date before it.
    let since = Fill::Since {
        version: g.group_state().version,
        new: order,
    };
    fill_table(g, since)?;
    fill_plt(g, since)?;
    init_modules(g, order)
}

/// Grown memory stays the process's: it becomes free space.
fn release_grown(image: &mut Image, grown: &[(u64, u64)]) {
    for &(s, l) in grown {
        image.memory.free.release(s, l);
        image.memory.obtained += l;
    }
}

/// What the loading thread owned before a `dlopen`: memory it takes during the load (a
/// constructor's `dlerror` buffer) is recorded in the records the rollback discards, so the
/// thread must forget it too. Otherwise that memory, free again in the restored records, would be
/// given to a later load while the thread still writes its `dlerror` text there (and would be
/// released a second time when the thread exits). `conformance/cases/dlopen-rollback-ctor`.
struct Owned {
    thread_memory: Vec<ThreadRange>,
    dlerror_buffer: bool,
}

impl Owned {
    fn of<E: Engine>(g: &GroupCx<'_, E>) -> Owned {
        let gs = g.group_state();
        Owned {
            thread_memory: gs.thread.memory.clone(),
            dlerror_buffer: gs.thread.dlerror_buffer.is_some(),
        }
    }

    /// Forgets what the thread took since [`Owned::of`] (and owns again a TLS block it gave
    /// back meanwhile, a constructor's `dlclose`: the restored records have it taken).
    fn restore<E: Engine>(&self, g: &GroupCx<'_, E>) {
        let mut gs = g.group_state();
        gs.thread.memory.clone_from(&self.thread_memory);
        if !self.dlerror_buffer {
            gs.thread.dlerror_buffer = None;
        }
    }
}

/// Restores `old` after a failed `dlopen`, keeping what cannot be taken back (grown memory and
/// table size) as free space, and nulling every table and PLT slot the attempt may have filled.
/// The grown memory is every range the memory space grew by during the attempt: the new
/// libraries' data, and the TLS blocks and buffers the loading thread took while instantiating
/// and initialising them (their records are discarded with the attempt).
fn rollback<E: Engine>(g: &mut GroupCx<'_, E>, mut old: Image, owned: Owned) {
    owned.restore(g);
    let new = g.records().image.clone();
    release_grown(&mut old, &new.memory.grown);
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
    g.group_state().instances.truncate(old.modules.len());
    let (table, plt) = (g.table(), g.plt());
    for s in null_slots {
        let _ = g.cx.table_set(&table, s, None);
    }
    for s in old.plt.len()..new.plt.len() {
        let _ = g.cx.table_set(&plt, s as u64, None);
    }
    {
        let mut st = g.records_mut();
        st.code.truncate(old.modules.len());
        st.image = old;
    }
    forget_results(g);
}
