//! The poll word: where code the linker gave poll points (`plan/instrument.rs`) learns that a
//! link operation wants every thread stopped. One word of the process memory at a fixed
//! address, on a cache line of its own below the lowest address the linker places anything at
//! (`plan::layout::POLL_WORD`; `Image::poll_word` is 0 when the program's own layout takes that
//! line, and the word is then never raised).
//!
//! A link operation that stops the groups raises it before it waits for them and lowers it when
//! it ends; several may be waiting to operate at once, so the word stays raised while any does
//! (a count, changed under a lock, decides what is stored). A poll that finds it raised calls
//! the group's safepoint, which parks while the operation runs and catches up after it.

use crate::engine::Engine;
use crate::runtime::guest_word::word;
use crate::runtime::state::GroupCx;

/// Raises the word for an operation about to stop the groups. Returns whether it did (there is
/// a word), in which case [`lower`] must follow.
pub(crate) fn raise<E: Engine>(g: &mut GroupCx<'_, E>) -> bool {
    count(g, true)
}

/// Lowers the word once no operation wants the groups stopped.
pub(crate) fn lower<E: Engine>(g: &mut GroupCx<'_, E>) {
    count(g, false);
}

/// Counts one operation more (`up`) or less wanting the groups stopped, and stores in the word
/// whether any does. Returns whether the process has a word.
fn count<E: Engine>(g: &mut GroupCx<'_, E>, up: bool) -> bool {
    let addr = g.records().image.poll_word as u32;
    if addr == 0 {
        return false;
    }
    let mut n = g
        .shared
        .polls
        .raised
        .lock()
        .unwrap_or_else(|p| p.into_inner());
    let before = *n;
    *n = if up {
        before + 1
    } else {
        before.saturating_sub(1)
    };
    if (before == 0) != (*n == 0) {
        word(g, addr, Some((*n != 0) as u32));
    }
    true
}
