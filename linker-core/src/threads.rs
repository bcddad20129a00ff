//! Instance groups on many threads: keeping every group's table consistent with the records, and
//! spawning groups. The protocol is described in docs/threads.md.
//!
//! A link operation that changes what groups must hold (dlopen, dlclose, a fresh dlsym slot, a
//! closure) runs as: [`begin_op`] (become the one operator, then wait until every other group is
//! parked at a safepoint), the change itself in the operator's store, then [`end_op`] (publish:
//! each parked group brings its store up to date with [`crate::group::sync_group`] and reports
//! its version; only then does the operation return).
//!
//! Groups reach safepoints at host calls the linker serves or wraps, while waiting in linker
//! calls (thread join, waiting to become the operator), and, on engines with resumable safepoints
//! (wasmtime's epoch callback), anywhere in running wasm. On an engine without them, a group
//! computing without host calls cannot be paused: [`begin_op`] gives up after
//! [`crate::LinkerConfig::safepoint_timeout`] with an error, having changed nothing.

use std::sync::Arc;
use std::time::Duration;

pub use crate::coordinator::{BeginError, Coordinator, GroupId};
use crate::engine::{Engine, HostError, StoreOps};
use crate::error::{LinkError, Result};
use crate::group::{sync_group, GroupRef, Shared};

fn group_id<E: Engine>(group: &GroupRef<E>) -> GroupId {
    group.lock().unwrap_or_else(|p| p.into_inner()).id
}

fn version<E: Engine>(shared: &Shared<E>) -> u64 {
    shared
        .state
        .read()
        .unwrap_or_else(|p| p.into_inner())
        .version
}

/// A safepoint of `group`: if another group runs a link operation, park until it publishes,
/// bring this group's store up to date, and go on. Cheap when nothing is pending.
pub fn safepoint<E: Engine>(
    cx: &mut dyn StoreOps<E>,
    shared: &Arc<Shared<E>>,
    group: &GroupRef<E>,
) -> Result<()> {
    let me = group_id(group);
    if !shared.coord.stop_requested()
        && group.lock().unwrap_or_else(|p| p.into_inner()).version >= version(shared)
    {
        return Ok(());
    }
    shared
        .coord
        .safepoint(me, || version(shared), |_| sync_group(cx, shared, group))
}

/// The safepoint as a host error (for use inside host functions).
pub fn safepoint_host<E: Engine>(
    cx: &mut dyn StoreOps<E>,
    shared: &Arc<Shared<E>>,
    group: &GroupRef<E>,
) -> std::result::Result<(), HostError> {
    safepoint(cx, shared, group).map_err(HostError::from)
}

/// Becomes the operator (see [`Coordinator::begin`]); fails, changing nothing, if a group does
/// not reach a safepoint within [`crate::LinkerConfig::safepoint_timeout`].
pub fn begin_op<E: Engine>(
    cx: &mut dyn StoreOps<E>,
    shared: &Arc<Shared<E>>,
    group: &GroupRef<E>,
) -> Result<()> {
    let me = group_id(group);
    let r = shared.coord.begin(
        me,
        Some(shared.config.safepoint_timeout),
        || shared.engine.request_safepoints(),
        || {
            safepoint(cx, shared, group)?;
            shared.coord.wait_a_little(Duration::from_millis(1));
            Ok(())
        },
    );
    match r {
        Ok(()) => Ok(()),
        Err(BeginError::CatchUp(e)) => Err(e),
        Err(BeginError::Timeout(waiting)) => Err(LinkError::Unsupported {
            module: format!("thread {}", waiting[0]),
            what: format!(
                "it did not reach a safepoint within {:?} (it runs wasm without host calls, which \
                 the {} engine cannot pause, or waits in a host function not marked blocking)",
                shared.config.safepoint_timeout,
                shared.engine.name()
            ),
        }),
    }
}

/// Ends the operation: every other running group catches up before this returns.
pub fn end_op<E: Engine>(shared: &Arc<Shared<E>>, group: &GroupRef<E>) {
    let v = version(shared);
    let me = {
        let mut g = group.lock().unwrap_or_else(|p| p.into_inner());
        g.version = g.version.max(v);
        g.id
    };
    shared.coord.end(me, v);
}

/// The embedder is about to run wasm in `group`'s store: wait for an operation in progress, then
/// catch up with the records.
pub fn enter<E: Engine>(
    cx: &mut dyn StoreOps<E>,
    shared: &Arc<Shared<E>>,
    group: &GroupRef<E>,
) -> Result<()> {
    let me = group_id(group);
    shared
        .coord
        .enter(me, || version(shared), |_| sync_group(cx, shared, group))
}

/// The embedder is done running wasm in `group`'s store for now.
pub fn leave<E: Engine>(shared: &Arc<Shared<E>>, group: &GroupRef<E>) {
    shared.coord.leave(group_id(group));
}

/// Runs `op` as a link operation of `group`: begin, change, bump the records' version, end.
pub fn coordinated<E: Engine, R>(
    cx: &mut dyn StoreOps<E>,
    shared: &Arc<Shared<E>>,
    group: &GroupRef<E>,
    op: impl FnOnce(&mut dyn StoreOps<E>) -> Result<R>,
) -> Result<R> {
    begin_op(cx, shared, group)?;
    let r = op(cx);
    shared
        .state
        .write()
        .unwrap_or_else(|p| p.into_inner())
        .version += 1;
    end_op(shared, group);
    r
}

/// Starts a thread: a new instance group on a new OS thread (its own store, instances of every
/// loaded module, stack and TLS), which calls the function at table index `entry` with `arg`.
/// Returns the thread id (> 0).
pub fn spawn<E: Engine>(shared: &Arc<Shared<E>>, entry: u32, arg: i32) -> Result<u64> {
    let id = shared.coord.new_id();
    shared
        .threads
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .insert(id, None);
    let sh = shared.clone();
    let spawned = std::thread::Builder::new()
        .name(format!("wasm-thread-{id}"))
        .spawn(move || {
            let code = run_thread(&sh, id, entry, arg);
            sh.threads
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .insert(id, Some(code));
            sh.coord.notify();
        });
    if let Err(e) = spawned {
        shared
            .threads
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .remove(&id);
        return Err(LinkError::Unsupported {
            module: "thread".into(),
            what: format!("cannot start an OS thread: {e}"),
        });
    }
    Ok(id)
}

/// The body of a spawned thread; returns its exit code (the entry's `proc_exit` code, 0 when
/// it returns, 134 when it traps).
fn run_thread<E: Engine>(shared: &Arc<Shared<E>>, id: GroupId, entry: u32, arg: i32) -> i32 {
    let engine = shared.engine.clone();
    // The store is made here: a wasmer store must stay on the thread that created it.
    let mut store = engine.new_store();
    let cell = crate::process::install_safepoint(&engine, &mut store, shared);
    shared.coord.register(id, 0);
    let code = engine.with_store(&mut store, |cx| {
        let group = match crate::group::create_group(cx, shared, id) {
            Ok(g) => g,
            Err(e) => {
                tracing::error!(thread = id, error = %e, "cannot create the thread's instance group");
                return 134;
            }
        };
        let _ = cell.set(group.clone());
        let v = group.lock().unwrap_or_else(|p| p.into_inner()).version;
        shared.coord.set_version(id, v);
        let code = (|| {
            safepoint(cx, shared, &group).map_err(|e| e.to_string())?;
            let table = group.lock().unwrap_or_else(|p| p.into_inner()).table.clone();
            let f = cx
                .table_get(&table, entry as u64)
                .map_err(|e| e.0)?
                .ok_or_else(|| format!("thread entry {entry} is a null function pointer"))?;
            match cx.call(&f, &[crate::engine::Val::I32(arg)]) {
                Ok(_) => Ok(0),
                Err(crate::engine::CallError::Exit(c)) => Ok(c),
                Err(e) => Err(e.to_string()),
            }
        })();
        crate::group::release_thread_memory(shared, &group);
        match code {
            Ok(c) => c,
            Err(e) => {
                tracing::error!(thread = id, error = %e, "thread trapped");
                134
            }
        }
    });
    shared.coord.unregister(id);
    code
}

/// Waits for thread `tid` to finish and returns its exit code (`None`: no such thread, or
/// already joined). Takes part in link operations while it waits.
pub fn join<E: Engine>(
    cx: &mut dyn StoreOps<E>,
    shared: &Arc<Shared<E>>,
    group: &GroupRef<E>,
    tid: u64,
) -> Result<Option<i32>> {
    loop {
        {
            let mut t = shared.threads.lock().unwrap_or_else(|p| p.into_inner());
            match t.get(&tid) {
                None => return Ok(None),
                Some(Some(code)) => {
                    let code = *code;
                    t.remove(&tid);
                    return Ok(Some(code));
                }
                Some(None) => {}
            }
        }
        safepoint(cx, shared, group)?;
        shared.coord.wait_a_little(Duration::from_millis(2));
    }
}
