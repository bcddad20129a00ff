//! The guest's `dlsym`, answered in wasm when it can be: a per-thread cache of results kept in
//! the process memory, read by a small generated function before the host is entered.
//!
//! Why: a host call is the dominant cost of a repeated `dlsym` (the engine's switch to the host
//! stack, reading the name out of guest memory, the host-side lookup), and a program that looks
//! the same symbol up in a loop (a plugin table resolved per call, `dlsym(RTLD_DEFAULT, ...)` in
//! a hot path) pays it every time. glibc answers such a lookup in user space; so does this.
//!
//! How:
//! - Every group gets one *front* module ([`front_module`]): it imports the process memory, the
//!   host `dlsym` and two globals, and exports `dlsym`. Every module's `env.dlsym` import is
//!   bound to that export.
//! - The front hashes the name (FNV-1a), looks at one entry of this thread's cache (64 entries of
//!   64 bytes: generation, handle, result, length, the name itself) and returns the result if the
//!   entry holds this handle and this exact name and its generation is the process's current one.
//!   Otherwise it calls the host, which looks the symbol up and writes the entry.
//! - The *generation* is one word of the process memory, bumped ([`forget_results`]) by every
//!   link operation that can change a lookup's result, where the host-side cache
//!   ([`crate::dlsym_cache`]) is cleared: a `dlopen` that adds to a scope, a `dlclose`, a failed
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

use std::sync::atomic::{AtomicU32, Ordering};

use wasm_encoder::{
    BlockType, CodeSection, EntityType, ExportKind, ExportSection, Function, FunctionSection,
    GlobalType, ImportSection, Instruction, MemArg, TypeSection, ValType,
};

use crate::engine::{Engine, Extern, HostFn, MemoryBytes, Val};
use crate::error::{LinkError, Result};
use crate::runtime::{DlsymFront, GroupCx};
use crate::stubs::{assemble, process_memory_type};
use crate::thread_memory::alloc_thread_memory;

/// Entries per thread (a power of two: the hash's low bits pick one).
const ENTRIES: u32 = 64;
/// Bytes per entry: generation, handle, result, length (4 bytes each), then the name.
const ENTRY: u32 = 64;
/// The longest name an entry holds.
const NAME_MAX: u32 = ENTRY - 16;

/// FNV-1a over the name's bytes: what the front computes, to pick the same entry.
fn hash(name: &[u8]) -> u32 {
    name.iter().fold(0x811c_9dc5u32, |h, &b| {
        (h ^ b as u32).wrapping_mul(0x0100_0193)
    })
}

/// The front module: imports `env.memory` (the process memory's type), `wasmlink.dlsym_host`
/// (`(i32, i32) -> i32`), the mutable globals `wasmlink.dlsym_cache` and
/// `wasmlink.dlsym_generation`; exports `dlsym`.
fn front_module(max_pages: u32, shared: bool) -> Vec<u8> {
    use Instruction as I;
    let mut types = TypeSection::new();
    types
        .ty()
        .function([ValType::I32, ValType::I32], [ValType::I32]);
    let mut imports = ImportSection::new();
    imports.import("env", "memory", process_memory_type(max_pages, shared));
    imports.import("wasmlink", "dlsym_host", EntityType::Function(0));
    let global = EntityType::Global(GlobalType {
        val_type: ValType::I32,
        mutable: true,
        shared: false,
    });
    imports.import("wasmlink", "dlsym_cache", global);
    imports.import("wasmlink", "dlsym_generation", global);
    let mut funcs = FunctionSection::new();
    funcs.function(0);
    let mut exports = ExportSection::new();
    exports.export("dlsym", ExportKind::Func, 1);

    // Parameters 0 (handle) and 1 (name); locals 2 (p, then the length), 3 (hash), 4 (byte),
    // 5 (entry), 6 (i).
    let (handle, name, p, h, b, e, i) = (0, 1, 2, 3, 4, 5, 6);
    let (cache, generation) = (0, 1);
    let at = |offset: u64, align: u32| MemArg {
        offset,
        align,
        memory_index: 0,
    };
    let mut f = Function::new([(5, ValType::I32)]);
    let body = [
        I::Block(BlockType::Empty), // $slow
        // No cache yet.
        I::GlobalGet(cache),
        I::I32Eqz,
        I::BrIf(0),
        // Hash the name up to its NUL; longer than NAME_MAX: the host.
        I::LocalGet(name),
        I::LocalSet(p),
        I::I32Const(0x811c_9dc5u32 as i32),
        I::LocalSet(h),
        I::Block(BlockType::Empty), // $end
        I::Loop(BlockType::Empty),
        I::LocalGet(p),
        I::I32Load8U(at(0, 0)),
        I::LocalTee(b),
        I::I32Eqz,
        I::BrIf(1),
        I::LocalGet(h),
        I::LocalGet(b),
        I::I32Xor,
        I::I32Const(0x0100_0193),
        I::I32Mul,
        I::LocalSet(h),
        I::LocalGet(p),
        I::I32Const(1),
        I::I32Add,
        I::LocalTee(p),
        I::LocalGet(name),
        I::I32Sub,
        I::I32Const(NAME_MAX as i32),
        I::I32GtU,
        I::BrIf(2),
        I::Br(0),
        I::End,
        I::End,
        // p := length.
        I::LocalGet(p),
        I::LocalGet(name),
        I::I32Sub,
        I::LocalSet(p),
        // e := cache + (h % ENTRIES) * ENTRY.
        I::GlobalGet(cache),
        I::LocalGet(h),
        I::I32Const((ENTRIES - 1) as i32),
        I::I32And,
        I::I32Const(ENTRY.trailing_zeros() as i32),
        I::I32Shl,
        I::I32Add,
        I::LocalSet(e),
        // The entry's generation, handle and length must match.
        I::LocalGet(e),
        I::I32Load(at(0, 2)),
        I::GlobalGet(generation),
        if shared {
            I::I32AtomicLoad(at(0, 2))
        } else {
            I::I32Load(at(0, 2))
        },
        I::I32Ne,
        I::BrIf(0),
        I::LocalGet(e),
        I::I32Load(at(4, 2)),
        I::LocalGet(handle),
        I::I32Ne,
        I::BrIf(0),
        I::LocalGet(e),
        I::I32Load(at(12, 2)),
        I::LocalGet(p),
        I::I32Ne,
        I::BrIf(0),
        // And the name, byte by byte.
        I::I32Const(0),
        I::LocalSet(i),
        I::Block(BlockType::Empty), // $same
        I::Loop(BlockType::Empty),
        I::LocalGet(i),
        I::LocalGet(p),
        I::I32GeU,
        I::BrIf(1),
        I::LocalGet(e),
        I::LocalGet(i),
        I::I32Add,
        I::I32Load8U(at(16, 0)),
        I::LocalGet(name),
        I::LocalGet(i),
        I::I32Add,
        I::I32Load8U(at(0, 0)),
        I::I32Ne,
        I::BrIf(2),
        I::LocalGet(i),
        I::I32Const(1),
        I::I32Add,
        I::LocalSet(i),
        I::Br(0),
        I::End,
        I::End,
        I::LocalGet(e),
        I::I32Load(at(8, 2)),
        I::Return,
        I::End,
        // $slow: the host.
        I::LocalGet(handle),
        I::LocalGet(name),
        I::Call(0),
        I::End,
    ];
    for ins in &body {
        f.instruction(ins);
    }
    let mut code = CodeSection::new();
    code.function(&f);
    assemble(&types, &imports, &funcs, &exports, &code)
}

/// This group's `dlsym`: its front, made at the first request, calling `host` on a miss.
pub(crate) fn front<E: Engine>(g: &mut GroupCx<'_, E>, host: HostFn<E>) -> Result<E::Func> {
    if let Some(f) = &g.g().dlsym_front {
        return Ok(f.func.clone());
    }
    const NAME: &str = "dlsym (front)";
    let eng = |e| LinkError::engine(NAME, e);
    let (max_pages, shared_memory) = {
        let st = g.st();
        (st.image.memory_pages.1, st.image.memory_shared)
    };
    let bytes = front_module(max_pages, shared_memory);
    let module = g
        .shared
        .cache
        .compile(&g.shared.engine, NAME, &bytes)
        .map_err(eng)?;
    let ty = crate::builtin::Builtin::Dlsym.ty();
    let host = g.cx.new_host_func(&ty, host).map_err(eng)?;
    let cache = g.cx.new_global(Val::I32(0), true).map_err(eng)?;
    let generation = g.cx.new_global(Val::I32(0), true).map_err(eng)?;
    let imports = [
        Some(Extern::Memory(g.memory())),
        Some(Extern::Func(host)),
        Some(Extern::Global(cache.clone())),
        Some(Extern::Global(generation.clone())),
    ];
    let inst =
        g.cx.instantiate(&module, &imports)
            .map_err(|e| LinkError::Instantiate {
                module: NAME.to_string(),
                reason: e.to_string(),
            })?;
    let Some(Extern::Func(func)) = g.cx.export(&inst, "dlsym") else {
        return Err(LinkError::engine(NAME, "export missing"));
    };
    g.g().dlsym_front = Some(DlsymFront {
        func: func.clone(),
        cache,
        generation,
        enabled: false,
    });
    Ok(func)
}

/// Reads or writes the word at `addr` of the process memory, atomically where it is shared.
fn word<E: Engine>(g: &mut GroupCx<'_, E>, addr: u32, store: Option<u32>) -> Option<u32> {
    let memory = g.memory();
    let at = addr as usize;
    match g.cx.memory_bytes(&memory) {
        MemoryBytes::Shared(b) => {
            let cell = b.get(at..at + 4)?;
            if !(cell.as_ptr() as usize).is_multiple_of(4) {
                return None;
            }
            // SAFETY: the four bytes are in bounds and 4-aligned (checked above), they live as
            // long as `b`, and every other access to this word (the fronts' `i32.atomic.load`,
            // other threads' calls of this function) is atomic too.
            let w = unsafe { AtomicU32::from_ptr(cell.as_ptr() as *mut u32) };
            Some(match store {
                Some(v) => {
                    w.store(v, Ordering::SeqCst);
                    v
                }
                None => w.load(Ordering::SeqCst),
            })
        }
        MemoryBytes::Private(b) => {
            let bytes = b.get_mut(at..at + 4)?;
            if let Some(v) = store {
                bytes.copy_from_slice(&v.to_le_bytes());
            }
            Some(u32::from_le_bytes(bytes.try_into().ok()?))
        }
    }
}

/// The generation a lookup about to run will be stored with, enabling this thread's cache first
/// if it is not yet; `None`: the result is not to be cached (no front, no cache, or a link
/// operation of this thread in progress).
pub(crate) fn generation_before_lookup<E: Engine>(g: &mut GroupCx<'_, E>) -> Option<u32> {
    let (enabled, has_front) = match &g.g().dlsym_front {
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
    let Ok(region) = alloc_thread_memory(g, (ENTRIES * ENTRY) as u64, ENTRY as u64) else {
        return false;
    };
    let generation = {
        let memory = g.memory();
        let mut st = g.st_mut();
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
        let gs = g.g();
        let f = gs.dlsym_front.as_ref().expect("checked by the caller");
        (f.cache.clone(), f.generation.clone())
    };
    let set =
        g.cx.global_set(&cache, Val::I32(region as i32))
            .and_then(|_| g.cx.global_set(&gen_global, Val::I32(generation as i32)));
    if set.is_err() {
        return false;
    }
    if let Some(f) = &mut g.g().dlsym_front {
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
        let gs = g.g();
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_front_is_valid_wasm() {
        for shared in [false, true] {
            let bytes = front_module(16384, shared);
            wasmparser::Validator::new_with_features(wasmparser::WasmFeatures::all())
                .validate_all(&bytes)
                .unwrap();
        }
    }

    #[test]
    fn fnv1a_matches_its_reference_values() {
        assert_eq!(hash(b""), 0x811c_9dc5);
        assert_eq!(hash(b"a"), 0xe40c_292c);
        assert_eq!(hash(b"foobar"), 0xbf9c_f968);
    }
}
