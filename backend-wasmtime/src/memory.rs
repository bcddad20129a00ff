//! The process memory as a wasmtime store sees it: one memory every store shares (a program
//! built with threads), or a memory of one store alone (a program built without). wasmtime has a
//! type for each, with different access rules, so the backend's memory is either.

use linker_core::engine::{EngineError, MemoryBytes};
use wasmtime::{AsContext, AsContextMut};

use crate::convert::err;

/// The process memory in one store (linker-core's `Engine::Memory` for wasmtime).
#[derive(Clone)]
pub enum WasmtimeMemory {
    /// A shared memory: the same in every store of the process.
    Shared(wasmtime::SharedMemory),
    /// A memory of one store (not shared): the process has a single instance group.
    Private(wasmtime::Memory),
}

/// An out-of-bounds access's error.
fn out_of_bounds(addr: u64, len: usize) -> EngineError {
    EngineError(format!("memory access out of bounds at {addr:#x}+{len}"))
}

/// `addr..addr + len` as a range of a memory of `size` bytes, if it is inside.
fn range(addr: u64, len: usize, size: usize) -> Result<std::ops::Range<usize>, EngineError> {
    match addr.checked_add(len as u64) {
        Some(end) if end <= size as u64 => Ok(addr as usize..end as usize),
        _ => Err(out_of_bounds(addr, len)),
    }
}

impl WasmtimeMemory {
    /// As wasmtime takes it among an instance's imports.
    pub(crate) fn to_extern(&self) -> wasmtime::Extern {
        match self {
            WasmtimeMemory::Shared(m) => wasmtime::Extern::SharedMemory(m.clone()),
            WasmtimeMemory::Private(m) => wasmtime::Extern::Memory(*m),
        }
    }

    /// Current size in bytes.
    pub(crate) fn size(&self, cx: impl AsContext) -> u64 {
        match self {
            WasmtimeMemory::Shared(m) => m.data_size() as u64,
            WasmtimeMemory::Private(m) => m.data_size(&cx) as u64,
        }
    }

    /// Grows by `pages`; the previous size in pages.
    pub(crate) fn grow(&self, cx: impl AsContextMut, pages: u64) -> Result<u64, EngineError> {
        match self {
            WasmtimeMemory::Shared(m) => m.grow(pages).map_err(err),
            WasmtimeMemory::Private(m) => m.grow(cx, pages).map_err(err),
        }
    }

    /// Copies bytes at `addr` into `buf`.
    pub(crate) fn read(
        &self,
        cx: impl AsContext,
        addr: u64,
        buf: &mut [u8],
    ) -> Result<(), EngineError> {
        match self {
            WasmtimeMemory::Shared(m) => {
                let data = m.data();
                let src = &data[range(addr, buf.len(), data.len())?];
                // SAFETY: `src` is in bounds of the memory's current data (checked by `range`,
                // and a shared memory never shrinks, so it stays valid during the copy); `buf`
                // is a distinct Rust buffer of the same length, so the ranges do not overlap.
                // Other threads may write the same bytes concurrently: the copy then sees some
                // mix of old and new bytes, as a wasm thread reading racy memory does; no Rust
                // reference to the shared bytes is made (only the UnsafeCells' raw pointer is
                // read through, which wasmtime documents as the sound way to read it).
                unsafe {
                    std::ptr::copy_nonoverlapping(
                        src.as_ptr() as *const u8,
                        buf.as_mut_ptr(),
                        buf.len(),
                    )
                };
                Ok(())
            }
            WasmtimeMemory::Private(m) => m
                .read(&cx, addr as usize, buf)
                .map_err(|_| out_of_bounds(addr, buf.len())),
        }
    }

    /// Copies `bytes` to `addr`.
    pub(crate) fn write(
        &self,
        cx: impl AsContextMut,
        addr: u64,
        bytes: &[u8],
    ) -> Result<(), EngineError> {
        match self {
            WasmtimeMemory::Shared(m) => {
                let data = m.data();
                let dst = &data[range(addr, bytes.len(), data.len())?];
                // SAFETY: `dst` is in bounds of the memory's current data (checked by `range`; a
                // shared memory never shrinks); `bytes` is a distinct Rust buffer, so the ranges
                // do not overlap. The write goes through the UnsafeCells' raw pointer, which
                // wasmtime documents as the way to write a shared memory; concurrent wasm
                // accesses to the same bytes are a data race of the guest program, as they
                // would be between two wasm threads.
                unsafe {
                    std::ptr::copy_nonoverlapping(
                        bytes.as_ptr(),
                        dst.as_ptr() as *mut u8,
                        bytes.len(),
                    )
                };
                Ok(())
            }
            WasmtimeMemory::Private(m) => m
                .write(cx, addr as usize, bytes)
                .map_err(|_| out_of_bounds(addr, bytes.len())),
        }
    }

    /// The bytes, for a host function that works on a slice (see `StoreOps::memory_bytes`).
    pub(crate) fn bytes<'a, T: 'static>(
        &'a self,
        cx: &'a mut wasmtime::StoreContextMut<'_, T>,
    ) -> MemoryBytes<'a> {
        match self {
            WasmtimeMemory::Shared(m) => MemoryBytes::Shared(m.data()),
            WasmtimeMemory::Private(m) => MemoryBytes::Private(m.data_mut(cx)),
        }
    }
}
