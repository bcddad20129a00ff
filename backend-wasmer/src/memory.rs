//! The process memory in a wasmer store: a shared memory attached to every store (a program
//! built with threads), or a memory of one store alone (a program built without).

use linker_core::engine::{EngineError, MemoryBytes};
use wasmer::StoreMut;

use crate::convert::err;

/// A new shared memory of `min`..`max` pages, made in a store of its own (every group's store
/// attaches it).
pub(crate) fn shared(
    engine: &wasmer::Engine,
    min: u32,
    max: u32,
) -> Result<wasmer::SharedMemory, EngineError> {
    let mut store = wasmer::Store::new(engine.clone());
    let ty = wasmer::MemoryType::new(wasmer::Pages(min), Some(wasmer::Pages(max)), true);
    let mem = wasmer::Memory::new(&mut store, ty).map_err(err)?;
    mem.as_shared(&store)
        .ok_or_else(|| EngineError("this wasmer backend cannot share memories".into()))
}

/// The shared memory `mem` in `store`.
pub(crate) fn attach(store: &mut StoreMut<'_>, mem: &wasmer::SharedMemory) -> wasmer::Memory {
    mem.clone().attach(store)
}

/// A memory of `store` alone, of `min`..`max` pages.
pub(crate) fn private(
    store: &mut StoreMut<'_>,
    min: u32,
    max: u32,
) -> Result<wasmer::Memory, EngineError> {
    let ty = wasmer::MemoryType::new(wasmer::Pages(min), Some(wasmer::Pages(max)), false);
    wasmer::Memory::new(store, ty).map_err(err)
}

/// The memory's bytes, as [`linker_core::engine::StoreOps::memory_bytes`] hands them out.
pub(crate) fn bytes<'a>(store: &'a mut StoreMut<'_>, mem: &'a wasmer::Memory) -> MemoryBytes<'a> {
    let shared = mem.ty(&*store).shared;
    let view = mem.view(&*store);
    let (ptr, len) = (view.data_ptr(), view.data_size() as usize);
    if shared {
        // SAFETY: `ptr..ptr + len` is the memory's current data. A shared memory is mapped
        // once at its maximum size and never moves or shrinks, and this store keeps it alive
        // for `'a`; other threads may access it meanwhile, so it is handed out as cells,
        // accessed only through their raw pointers (as wasmtime's `SharedMemory::data`).
        MemoryBytes::Shared(unsafe {
            std::slice::from_raw_parts(ptr as *const std::cell::UnsafeCell<u8>, len)
        })
    } else {
        // SAFETY: a memory that is not shared belongs to this store alone, which `store` holds
        // exclusively for `'a`: no wasm runs and nothing grows (moves) the memory until the
        // slice is dropped, so it is the only reference to these bytes.
        MemoryBytes::Private(unsafe { std::slice::from_raw_parts_mut(ptr, len) })
    }
}

/// Grows the memory by `pages`; returns its old size in pages.
pub(crate) fn grow(
    store: &mut StoreMut<'_>,
    mem: &wasmer::Memory,
    pages: u64,
) -> Result<u64, EngineError> {
    let pages = u32::try_from(pages).map_err(err)?;
    mem.grow(store, wasmer::Pages(pages))
        .map(|p| p.0 as u64)
        .map_err(err)
}
