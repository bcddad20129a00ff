//! One word of the process memory that the linker and guest code share (the `dlsym` cache's
//! generation, the poll word): read and written atomically where the memory is shared, since
//! other threads' wasm reads it with atomic loads.

use std::sync::atomic::{AtomicU32, Ordering};

use crate::engine::{Engine, MemoryBytes};
use crate::runtime::state::GroupCx;

/// Reads or writes the word at `addr` of the process memory, atomically where it is shared.
pub(crate) fn word<E: Engine>(
    g: &mut GroupCx<'_, E>,
    addr: u32,
    store: Option<u32>,
) -> Option<u32> {
    let memory = g.memory();
    let at = addr as usize;
    match g.cx.memory_bytes(&memory) {
        MemoryBytes::Shared(b) => {
            let cell = b.get(at..at + 4)?;
            if !(cell.as_ptr() as usize).is_multiple_of(4) {
                return None;
            }
            // SAFETY: the four bytes are in bounds and 4-aligned (checked above), they live as
            // long as `b`, and every other access to this word (wasm's `i32.atomic.load`s of
            // it, other threads' calls of this function) is atomic too.
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
