//! The poll word: where code the linker instrumented with polls (`plan/instrument.rs`) learns
//! that a link operation wants every thread stopped. One word of the process memory, on a cache
//! line of its own (a guest's writes to neighbouring data must not slow every poll), allocated
//! when the first module that polls is instantiated (the main module, at start-up) and kept for
//! the life of the process.
//!
//! A link operation that stops the groups raises it before it waits for them and lowers it when
//! it ends; several may be waiting to operate at once, so the word stays raised while any does
//! (a count, changed under a lock, decides what is stored). A poll that finds it raised calls
//! the group's safepoint, which parks while the operation runs and catches up after it.

use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Mutex;

use crate::engine::{Engine, Extern};
use crate::error::{LinkError, Result};
use crate::runtime::guest_word::word;
use crate::runtime::state::GroupCx;
use crate::types::Val;

/// Bytes the word is given: a cache line.
const LINE: u64 = 64;

/// The process's poll word.
#[derive(Default)]
pub(crate) struct PollWord {
    /// Its address; 0 until allocated.
    addr: AtomicU32,
    /// How many operations want the groups stopped.
    raised: Mutex<u32>,
}

/// The `wasmlink.poll_flag` global for an instance in this group: the word's address,
/// allocating the word the first time.
pub(crate) fn flag_global<E: Engine>(g: &mut GroupCx<'_, E>) -> Result<Extern<E>> {
    let mut addr = g.shared.polls.addr.load(Ordering::Acquire);
    if addr == 0 {
        let memory = g.memory();
        let mut st = g.records_mut();
        addr = g.shared.polls.addr.load(Ordering::Acquire);
        if addr == 0 {
            let cx = &mut *g.cx;
            let mut grow = |pages: u64| cx.memory_grow(&memory, pages).map_err(|e| e.0);
            let at = st
                .image
                .memory
                .alloc(LINE, LINE, &mut grow)
                .map_err(|reason| LinkError::ThreadMemory {
                    thread: g.id(),
                    bytes: LINE,
                    reason,
                })?;
            drop(st);
            g.cx.memory_write(&memory, at, &[0; LINE as usize])
                .map_err(|e| LinkError::store("the poll word", e))?;
            addr = at as u32;
            g.shared.polls.addr.store(addr, Ordering::Release);
        }
    }
    g.cx.new_global(Val::I32(addr as i32), false)
        .map(Extern::Global)
        .map_err(|e| LinkError::store("the poll word", e))
}

/// Raises the word for an operation about to stop the groups. Returns whether it did (nothing
/// polls before the word exists), in which case [`lower`] must follow.
pub(crate) fn raise<E: Engine>(g: &mut GroupCx<'_, E>) -> bool {
    let addr = g.shared.polls.addr.load(Ordering::Acquire);
    if addr == 0 {
        return false;
    }
    let mut n = g
        .shared
        .polls
        .raised
        .lock()
        .unwrap_or_else(|p| p.into_inner());
    *n += 1;
    if *n == 1 {
        word(g, addr, Some(1));
    }
    true
}

/// Lowers the word once no operation wants the groups stopped.
pub(crate) fn lower<E: Engine>(g: &mut GroupCx<'_, E>) {
    let addr = g.shared.polls.addr.load(Ordering::Acquire);
    let mut n = g
        .shared
        .polls
        .raised
        .lock()
        .unwrap_or_else(|p| p.into_inner());
    *n = n.saturating_sub(1);
    if *n == 0 {
        word(g, addr, Some(0));
    }
}
