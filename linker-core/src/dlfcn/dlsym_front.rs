//! The guest's `dlsym`, answered in wasm when it can be: a per-thread cache of results kept in
//! the process memory, read by a small generated function before the host is entered.
//!
//! Why: a host call is the dominant cost of a repeated `dlsym` (the engine's switch to the host
//! stack, reading the name out of guest memory, the host-side lookup), and a program that looks
//! the same symbol up in a loop (a plugin table resolved per call, `dlsym(RTLD_DEFAULT, ...)` in
//! a hot path) pays it every time. glibc answers such a lookup in user space; so does this.
//!
//! How:
//! - Every group gets one *front* module (`crate::stubs::dlsym_front`): it imports the process
//!   memory, the host `dlsym`, two globals and the caller's id, and exports `dlsym`. Every module
//!   that imports `env.dlsym` gets its own instance of it (compiled once), whose id the front
//!   passes to the host on a miss: `dlsym(RTLD_NEXT)` searches after the calling module, and a
//!   wasm call has no return address to find it by.
//! - The front hashes the name (FNV-1a), looks at one entry of this thread's cache (64 entries of
//!   64 bytes: generation, handle, result, length, the name itself) and returns the result if the
//!   entry holds this handle and this exact name and its generation is the process's current one.
//!   Otherwise it calls the host, which looks the symbol up and writes the entry.
//! - The *generation* is one word of the process memory, bumped ([`forget_results`]) by every
//!   link operation that can change a lookup's result, where the host-side cache
//!   ([`crate::runtime::dlsym_cache`]) is cleared: a `dlopen` that adds to a scope, a `dlclose`, a failed
//!   load's rollback. The host reads the generation before it looks up, so a result computed
//!   across such an operation is stored with the old generation and never served.
//! - The cache is per thread (allocated as thread memory, freed when the thread exits), so only
//!   its own thread writes it and no entry is ever read half-written; the generation is read with
//!   an atomic load and written with an atomic store.
//! - Names longer than 48 bytes, and failed lookups (whose `dlerror` text must be set), always
//!   go to the host.
//! - The cache and the generation word are allocated at the first lookup made outside a link
//!   operation (a constructor run by `dlopen` does not allocate: a failed `dlopen` gives back
//!   every allocation it made). Until then the front always calls the host.

use std::sync::atomic::Ordering;

use crate::engine::{Engine, Extern, HostFn};
use crate::error::{LinkError, Result};
use crate::plan::image::ModuleId;
use crate::runtime::guest_word::word;
use crate::runtime::state::{DlsymFront, GroupCx};
use crate::runtime::thread_memory::alloc_thread_memory;
use crate::stubs::dlsym_front::{front_module, hash, ENTRIES, ENTRY, NAME_MAX};
use crate::types::{FuncType, Val, ValType};

/// The `dlsym` module `importer` imports in this group: its front (compiled at the first request
/// in the group, calling `host` on a miss), instantiated for it with its id.
pub(crate) fn front<E: Engine>(
    g: &mut GroupCx<'_, E>,
    host: HostFn<E>,
    importer: ModuleId,
) -> Result<E::Func> {
    if let Some(func) = g
        .group_state()
        .dlsym_front
        .as_ref()
        .and_then(|f| f.funcs.get(&importer).cloned())
    {
        return Ok(func);
    }
    let (module, host, cache, generation) = front_parts(g, host)?;
    let eng = |e| LinkError::engine(FRONT, e);
    let caller =
        g.cx.new_global(Val::I32(importer as i32), false)
            .map_err(eng)?;
    let imports = [
        Some(Extern::Memory(g.memory())),
        Some(Extern::Func(host)),
        Some(Extern::Global(cache)),
        Some(Extern::Global(generation)),
        Some(Extern::Global(caller)),
    ];
    let inst =
        g.cx.instantiate(&module, &imports)
            .map_err(|e| LinkError::Instantiate {
                module: FRONT.to_string(),
                reason: e.to_string(),
            })?;
    let Some(Extern::Func(func)) = g.cx.export(&inst, "dlsym") else {
        return Err(LinkError::engine(FRONT, "export missing"));
    };
    if let Some(f) = g.group_state().dlsym_front.as_mut() {
        f.funcs.insert(importer, func.clone());
    }
    Ok(func)
}

/// The front's name in errors.
const FRONT: &str = "dlsym (front)";

/// What every front of a group shares: the compiled module, the host function and the cache's
/// and generation's globals.
type FrontParts<E> = (
    <E as Engine>::Module,
    <E as Engine>::Func,
    <E as Engine>::Global,
    <E as Engine>::Global,
);

/// The group's [`FrontParts`], made at the first request (with `host` as the host function).
fn front_parts<E: Engine>(g: &mut GroupCx<'_, E>, host: HostFn<E>) -> Result<FrontParts<E>> {
    if let Some(f) = g.group_state().dlsym_front.as_ref() {
        return Ok((
            f.module.clone(),
            f.host.clone(),
            f.cache.clone(),
            f.generation.clone(),
        ));
    }
    let eng = |e| LinkError::engine(FRONT, e);
    let (max_pages, shared_memory) = {
        let st = g.records();
        (st.image.memory_pages.1, st.image.memory_shared)
    };
    let bytes = front_module(max_pages, shared_memory);
    let module = g
        .shared
        .cache
        .compile(&g.shared.engine, FRONT, &bytes)
        .map_err(eng)?;
    let host = g.cx.new_host_func(&host_type(), host).map_err(eng)?;
    let cache = g.cx.new_global(Val::I32(0), true).map_err(eng)?;
    let generation = g.cx.new_global(Val::I32(0), true).map_err(eng)?;
    g.group_state().dlsym_front = Some(DlsymFront {
        module: module.clone(),
        host: host.clone(),
        funcs: Default::default(),
        cache: cache.clone(),
        generation: generation.clone(),
        enabled: false,
    });
    Ok((module, host, cache, generation))
}

/// The host function a front calls on a miss: `dlsym`'s handle and name, and the caller's id.
fn host_type() -> FuncType {
    FuncType::new([ValType::I32; 3], [ValType::I32])
}

/// The generation a lookup about to run will be stored with, enabling this thread's cache first
/// if it is not yet; `None`: the result is not to be cached (no front, no cache, or a link
/// operation of this thread in progress).
pub(crate) fn generation_before_lookup<E: Engine>(g: &mut GroupCx<'_, E>) -> Option<u32> {
    let (enabled, has_front) = match &g.group_state().dlsym_front {
        Some(f) => (f.enabled, true),
        None => (false, false),
    };
    if !has_front {
        return None;
    }
    if !enabled && !enable(g) {
        return None;
    }
    let addr = g.shared.dlsym_generation.load(Ordering::Acquire);
    word(g, addr, None)
}

/// Allocates this thread's cache (and, the first time in the process, the generation word) and
/// gives their addresses to the front. Not inside a link operation of this thread: see the module
/// documentation.
fn enable<E: Engine>(g: &mut GroupCx<'_, E>) -> bool {
    if g.shared.coord.is_owner(g.id()) {
        return false;
    }
    let Ok(region) = alloc_thread_memory(g, (ENTRIES * ENTRY) as u64, ENTRY as u64, None) else {
        return false;
    };
    let generation = {
        let memory = g.memory();
        let mut st = g.records_mut();
        let known = g.shared.dlsym_generation.load(Ordering::Acquire);
        if known != 0 {
            known
        } else {
            let cx = &mut *g.cx;
            let mut grow = |pages: u64| cx.memory_grow(&memory, pages).map_err(|e| e.0);
            let Ok(addr) = st.image.memory.alloc(4, 4, &mut grow) else {
                return false;
            };
            drop(st);
            // Generation 1: an entry's 0 (zeroed memory) never matches.
            if word(g, addr as u32, Some(1)).is_none() {
                return false;
            }
            g.shared
                .dlsym_generation
                .store(addr as u32, Ordering::Release);
            addr as u32
        }
    };
    let (cache, gen_global) = {
        let gs = g.group_state();
        let f = gs.dlsym_front.as_ref().expect("checked by the caller");
        (f.cache.clone(), f.generation.clone())
    };
    let set =
        g.cx.global_set(&cache, Val::I32(region as i32))
            .and_then(|_| g.cx.global_set(&gen_global, Val::I32(generation as i32)));
    if set.is_err() {
        return false;
    }
    if let Some(f) = &mut g.group_state().dlsym_front {
        f.enabled = true;
    }
    true
}

/// Writes one result into this thread's cache, stored with `generation` (read before the
/// lookup by [`generation_before_lookup`]).
pub(crate) fn remember<E: Engine>(
    g: &mut GroupCx<'_, E>,
    generation: u32,
    handle: u32,
    name: &[u8],
    value: u32,
) {
    if name.len() > NAME_MAX as usize {
        return;
    }
    let region = {
        let gs = g.group_state();
        match &gs.dlsym_front {
            Some(f) if f.enabled => f.cache.clone(),
            _ => return,
        }
    };
    let base = g.cx.global_get(&region).i32() as u32 as u64;
    let entry = base + ((hash(name) & (ENTRIES - 1)) * ENTRY) as u64;
    let mut bytes = [0u8; ENTRY as usize];
    bytes[0..4].copy_from_slice(&generation.to_le_bytes());
    bytes[4..8].copy_from_slice(&handle.to_le_bytes());
    bytes[8..12].copy_from_slice(&value.to_le_bytes());
    bytes[12..16].copy_from_slice(&(name.len() as u32).to_le_bytes());
    bytes[16..16 + name.len()].copy_from_slice(name);
    let memory = g.memory();
    // Only this thread reads its cache; a failed write leaves an entry that does not match.
    let _ = g.cx.memory_write(&memory, entry, &bytes);
}

/// Forgets every `dlsym` result, host-side and in every thread's cache: called by each link
/// operation that can change what a lookup finds.
pub(crate) fn forget_results<E: Engine>(g: &mut GroupCx<'_, E>) {
    g.shared.dlsym_cache.clear();
    let addr = g.shared.dlsym_generation.load(Ordering::Acquire);
    if addr == 0 {
        return;
    }
    if let Some(v) = word(g, addr, None) {
        // Skips 0, which marks an empty entry.
        let next = v.wrapping_add(1).max(1);
        word(g, addr, Some(next));
    }
}
