//! The poll word: where code the linker instrumented with polls (`plan/instrument.rs`) learns
//! that a link operation wants every thread stopped. One word of the process memory, on a cache
//! line of its own (a guest's writes to neighbouring data must not slow every poll), placed with
//! the start-up data (`plan/records.rs`, `Image::poll_word`) and kept for the life of the
//! process.
//!
//! A link operation that stops the groups raises it before it waits for them and lowers it when
//! it ends; several may be waiting to operate at once, so the word stays raised while any does
//! (a count, changed under a lock, decides what is stored). A poll that finds it raised calls
//! the group's safepoint, which parks while the operation runs and catches up after it.

use std::sync::atomic::Ordering;

use crate::engine::{Engine, Extern};
use crate::error::{LinkError, Result};
use crate::runtime::guest_word::word;
use crate::runtime::state::GroupCx;
use crate::types::Val;

/// The `wasmlink.poll_flag` global for an instance in this group: the word's address.
///
/// A process without a poll word (a non-PIE main module: its start-up data, where the word
/// would go, is placed in pages grown only after the main module's code has run) gives address
/// 0, which such a program never writes (wasm-ld places no data there); the word is then never
/// raised, and a busy thread holds an operation up at most `safepoint_timeout`, as without
/// polls.
pub(crate) fn flag_global<E: Engine>(g: &mut GroupCx<'_, E>) -> Result<Extern<E>> {
    let addr = g.records().image.poll_word as u32;
    if addr != 0 {
        g.shared.polls.addr.store(addr, Ordering::Release);
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
