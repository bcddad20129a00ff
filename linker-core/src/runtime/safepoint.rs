//! Keeping every instance group consistent with the records: safepoints, entering and leaving
//! wasm, and link operations. The protocol is described in docs/threads.md; its engine-free core
//! is `coordinator/`, model-checked with loom.
//!
//! A link operation that changes what groups must hold (dlopen, dlclose, a fresh dlsym slot, a
//! closure) runs as [`coordinated`]: become the one operator; for an operation that gives the
//! guest something ([`OpKind::Stop`]), wait until every other group is parked at a safepoint;
//! make the change in the operator's store, then publish and return: each parked group brings
//! its store up to date with [`sync_group`] before it runs wasm again. An operation that only
//! takes away ([`OpKind::NoStop`]: dlclose, freeing a closure) stops nobody; groups catch up at
//! their next safepoint, and what they may still hold is reused only once they have
//! (`reclaim.rs`).
//!
//! Groups reach safepoints at host calls the linker serves or wraps, while waiting in linker
//! calls (thread join, waiting to become the operator), in futex waits (bracketed by the linker,
//! `plan/instrument.rs`), and anywhere in running wasm: on engines with
//! [`crate::Capabilities::resumable_safepoints`] (wasmtime's epoch callback) by the engine's
//! interrupt, on others at the poll points the linker compiled in (`polls.rs`). A group that
//! reaches none (a host function that blocks without being marked blocking, or modules run
//! without the instrumentation) makes the operation give up after
//! [`crate::LinkerConfig::safepoint_timeout`] with an error, having changed nothing.

use std::sync::{Arc, OnceLock};

use crate::coordinator::{BeginTimeout, OpKind};
use crate::engine::{Engine, HostError};
use crate::error::{LinkError, Result};
use crate::runtime::group::sync_group;
use crate::runtime::polls;
use crate::runtime::reclaim::reclaim;
use crate::runtime::state::{GroupCx, GroupRef, Shared};

/// A safepoint of the group: if another group runs a link operation, park until it ends, bring
/// this group's store up to date, and go on. Cheap when nothing is pending.
pub(crate) fn safepoint<E: Engine>(g: &mut GroupCx<'_, E>) -> Result<()> {
    let shared = g.shared;
    if !shared.coord.stop_requested() && g.group_state().version >= shared.version() {
        return Ok(());
    }
    let me = g.id();
    shared
        .coord
        .safepoint(me, || shared.version(), |_| sync_group(g))
}

/// The safepoint as a host error (for use inside host functions).
pub(crate) fn safepoint_host<E: Engine>(
    g: &mut GroupCx<'_, E>,
) -> std::result::Result<(), HostError> {
    safepoint(g).map_err(HostError::from)
}

/// The embedder is about to run wasm in the group's store: wait for an operation in progress,
/// then catch up with the records.
pub(crate) fn enter<E: Engine>(g: &mut GroupCx<'_, E>) -> Result<()> {
    let shared = g.shared;
    let me = g.id();
    shared
        .coord
        .enter(me, || shared.version(), |_| sync_group(g))
}

/// The embedder is done running wasm in `group`'s store for now.
pub(crate) fn leave<E: Engine>(shared: &Shared<E>, group: &GroupRef<E>) {
    shared.coord.leave(crate::runtime::state::lock(group).id);
}

/// Runs `op` as a link operation of the group: begin, change, bump the records' version, end.
pub(crate) fn coordinated<E: Engine, R>(
    g: &mut GroupCx<'_, E>,
    kind: OpKind,
    op: impl FnOnce(&mut GroupCx<'_, E>) -> Result<R>,
) -> Result<R> {
    // Instrumented code learns of the operation from the poll word (`polls.rs`), raised until
    // the operation ends or gives up.
    let raised = kind == OpKind::Stop && polls::raise(g);
    let r = coordinated_raised(g, kind, op);
    if raised {
        polls::lower(g);
    }
    r
}

fn coordinated_raised<E: Engine, R>(
    g: &mut GroupCx<'_, E>,
    kind: OpKind,
    op: impl FnOnce(&mut GroupCx<'_, E>) -> Result<R>,
) -> Result<R> {
    begin_op(g, kind)?;
    // The operator's own store may lag behind an operation that did not stop it: it changes
    // the records from where they are, and reports itself caught up at the end.
    let now = g.shared.version();
    if g.group_state().version < now {
        if let Err(e) = sync_group(g) {
            end_op(g);
            return Err(e);
        }
        // What the group reflects now counts for what `reclaim` may give back.
        g.shared.coord.set_version(g.id(), now);
    }
    reclaim(g);
    let r = op(g);
    g.records_mut().image.version += 1;
    end_op(g);
    r
}

/// Becomes the operator (see `Coordinator::begin`); fails, changing nothing, if a group does
/// not reach a safepoint within [`crate::LinkerConfig::safepoint_timeout`].
fn begin_op<E: Engine>(g: &mut GroupCx<'_, E>, kind: OpKind) -> Result<()> {
    let shared = g.shared;
    let me = g.id();
    let resumable = shared.engine.capabilities().resumable_safepoints;
    let r = shared
        .coord
        .begin(me, kind, Some(shared.config.safepoint_timeout), || {
            if resumable {
                shared.engine.request_safepoints()
            }
        });
    match r {
        Ok(()) => Ok(()),
        Err(BeginTimeout(waiting)) => Err(LinkError::SafepointTimeout {
            thread: waiting[0],
            timeout: shared.config.safepoint_timeout,
            engine: shared.engine.name(),
        }),
    }
}

/// Ends the operation: every other running group catches up before this returns.
fn end_op<E: Engine>(g: &mut GroupCx<'_, E>) {
    let v = g.shared.version();
    let me = {
        let mut gs = g.group_state();
        gs.version = gs.version.max(v);
        gs.id
    };
    g.shared.coord.end(me, v);
}

/// Installs the linker's safepoint handler on a store, where the engine has resumable
/// safepoints; the group is filled in once it exists.
pub(crate) fn install_safepoint<E: Engine>(
    store: &mut E::Store,
    shared: &Arc<Shared<E>>,
) -> Arc<OnceLock<GroupRef<E>>> {
    let cell: Arc<OnceLock<GroupRef<E>>> = Arc::default();
    if !shared.engine.capabilities().resumable_safepoints {
        return cell;
    }
    let (c, weak) = (cell.clone(), Arc::downgrade(shared));
    shared.engine.set_safepoint(
        store,
        Arc::new(move |cx| match (c.get(), weak.upgrade()) {
            (Some(group), Some(shared)) => safepoint_host(&mut GroupCx::new(cx, &shared, group)),
            _ => Ok(()),
        }),
    );
    cell
}
