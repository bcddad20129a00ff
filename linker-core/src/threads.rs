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

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use crate::engine::{Engine, HostError, StoreOps};
use crate::error::{LinkError, Result};
use crate::group::{sync_group, GroupRef, Shared};

/// A group's id (the main group is 0).
pub type GroupId = u64;

#[derive(Debug, Default)]
struct Member {
    parked: bool,
    /// Not running wasm at all (the embedder holds the store between calls): counts as parked,
    /// and catches up when it is entered again instead of during the operation.
    idle: bool,
    /// Records version this group's store reflects.
    version: u64,
}

#[derive(Debug, Default)]
struct Coord {
    /// The group running a link operation, and how deeply (a constructor may dlopen).
    owner: Option<(GroupId, u32)>,
    members: HashMap<GroupId, Member>,
    /// Version every member must reach before the operation in progress returns.
    publish: u64,
}

/// Who may change the records, and who has caught up.
#[derive(Debug, Default)]
pub struct Coordinator {
    m: Mutex<Coord>,
    cv: Condvar,
    /// Set while an operator waits for groups to park: the cheap check every safepoint makes.
    stop: AtomicBool,
    next_id: AtomicU64,
}

fn lock(m: &Mutex<Coord>) -> MutexGuard<'_, Coord> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

impl Coordinator {
    /// A fresh group id.
    pub fn new_id(&self) -> GroupId {
        self.next_id.fetch_add(1, Ordering::Relaxed)
    }

    /// Adds a group that reflects records `version`. Waits while an operation is in progress, so
    /// a new group never joins half-way through one.
    pub fn register(&self, id: GroupId, version: u64) {
        let mut c = lock(&self.m);
        while c.owner.is_some() {
            c = self.cv.wait(c).unwrap_or_else(|p| p.into_inner());
        }
        c.members.insert(
            id,
            Member {
                parked: false,
                idle: false,
                version,
            },
        );
    }

    /// Removes a group (its thread exited); an operator waiting for it stops waiting.
    pub fn unregister(&self, id: GroupId) {
        let mut c = lock(&self.m);
        c.members.remove(&id);
        if let Some((o, _)) = c.owner {
            if o == id {
                c.owner = None;
                self.stop.store(false, Ordering::Release);
            }
        }
        self.cv.notify_all();
    }

    pub fn stop_requested(&self) -> bool {
        self.stop.load(Ordering::Acquire)
    }

    /// Wakes waiters (used when a thread finishes, for joiners).
    pub fn notify(&self) {
        let _c = lock(&self.m);
        self.cv.notify_all();
    }

    /// Waits up to `d` for a notification (a joiner's poll).
    pub fn wait_a_little(&self, d: Duration) {
        let c = lock(&self.m);
        let _ = self.cv.wait_timeout(c, d);
    }
}

fn group_id<E: Engine>(group: &GroupRef<E>) -> GroupId {
    group.lock().unwrap_or_else(|p| p.into_inner()).id
}

/// A safepoint: if another group runs a link operation, park until it publishes, bring this
/// group's store up to date, and go on. Cheap when nothing is pending.
pub fn safepoint<E: Engine>(
    cx: &mut dyn StoreOps<E>,
    shared: &Arc<Shared<E>>,
    group: &GroupRef<E>,
) -> Result<()> {
    let co = &shared.coord;
    if !co.stop_requested() && {
        let c = lock(&co.m);
        c.owner.is_none()
            || c.publish
                <= c.members
                    .get(&group_id(group))
                    .map_or(u64::MAX, |m| m.version)
    } {
        return Ok(());
    }
    let me = group_id(group);
    let mut c = lock(&co.m);
    loop {
        match c.owner {
            None => break,
            Some((o, _)) if o == me => break,
            Some(_) => {}
        }
        let version = c.members.get(&me).map_or(0, |m| m.version);
        if c.publish > version {
            // The operator published: catch up in our own store, outside the lock.
            drop(c);
            sync_group(cx, shared, group)?;
            let v = shared
                .state
                .read()
                .unwrap_or_else(|p| p.into_inner())
                .version;
            c = lock(&co.m);
            if let Some(m) = c.members.get_mut(&me) {
                m.version = v;
            }
            co.cv.notify_all();
            continue;
        }
        if let Some(m) = c.members.get_mut(&me) {
            m.parked = true;
        }
        co.cv.notify_all();
        c = co.cv.wait(c).unwrap_or_else(|p| p.into_inner());
    }
    if let Some(m) = c.members.get_mut(&me) {
        m.parked = false;
    }
    drop(c);
    // An operation that finished while we were not looking may still be ahead of us.
    let v = shared
        .state
        .read()
        .unwrap_or_else(|p| p.into_inner())
        .version;
    if group.lock().unwrap_or_else(|p| p.into_inner()).version < v {
        sync_group(cx, shared, group)?;
        let mut c = lock(&co.m);
        if let Some(m) = c.members.get_mut(&me) {
            m.version = v;
        }
    }
    Ok(())
}

/// The safepoint as a host error (for use inside host functions).
pub fn safepoint_host<E: Engine>(
    cx: &mut dyn StoreOps<E>,
    shared: &Arc<Shared<E>>,
    group: &GroupRef<E>,
) -> std::result::Result<(), HostError> {
    safepoint(cx, shared, group).map_err(HostError::from)
}

/// Becomes the operator: waits (taking part in other operations meanwhile) until no other group
/// runs one, then until every other group is parked. Fails, changing nothing, if a group does not
/// reach a safepoint in time.
pub fn begin_op<E: Engine>(
    cx: &mut dyn StoreOps<E>,
    shared: &Arc<Shared<E>>,
    group: &GroupRef<E>,
) -> Result<()> {
    let co = &shared.coord;
    let me = group_id(group);
    loop {
        let mut c = lock(&co.m);
        match c.owner {
            Some((o, depth)) if o == me => {
                c.owner = Some((o, depth + 1));
                return Ok(());
            }
            None => {
                c.owner = Some((me, 1));
                co.stop.store(true, Ordering::Release);
                break;
            }
            Some(_) => {
                drop(c);
                safepoint(cx, shared, group)?;
                co.wait_a_little(Duration::from_millis(1));
            }
        }
    }
    let timeout = shared.config.safepoint_timeout;
    let start = Instant::now();
    let mut c = lock(&co.m);
    loop {
        let waiting: Vec<GroupId> = c
            .members
            .iter()
            .filter(|(id, m)| **id != me && !m.parked && !m.idle)
            .map(|(id, _)| *id)
            .collect();
        if waiting.is_empty() {
            return Ok(());
        }
        if start.elapsed() > timeout {
            c.owner = None;
            co.stop.store(false, Ordering::Release);
            co.cv.notify_all();
            return Err(LinkError::Unsupported {
                module: format!("thread {}", waiting[0]),
                what: format!(
                    "it did not reach a safepoint within {timeout:?} (it runs wasm without host calls, \
                     and the {} engine cannot pause it there)",
                    shared.engine.name()
                ),
            });
        }
        drop(c);
        shared.engine.request_safepoints();
        c = lock(&co.m);
        c = co
            .cv
            .wait_timeout(c, Duration::from_millis(1))
            .unwrap_or_else(|p| p.into_inner())
            .0;
    }
}

/// Ends an operation: every parked group brings its store up to the records' current version
/// before this returns; then all go on.
pub fn end_op<E: Engine>(shared: &Arc<Shared<E>>, group: &GroupRef<E>) {
    let co = &shared.coord;
    let me = group_id(group);
    let version = shared
        .state
        .read()
        .unwrap_or_else(|p| p.into_inner())
        .version;
    group.lock().unwrap_or_else(|p| p.into_inner()).version = version;
    let mut c = lock(&co.m);
    match c.owner {
        Some((o, depth)) if o == me && depth > 1 => {
            c.owner = Some((o, depth - 1));
            return;
        }
        Some((o, _)) if o == me => {}
        _ => return,
    }
    if let Some(m) = c.members.get_mut(&me) {
        m.version = version;
    }
    c.publish = version;
    co.cv.notify_all();
    while c
        .members
        .iter()
        .any(|(id, m)| *id != me && !m.idle && m.version < version)
    {
        c = co.cv.wait(c).unwrap_or_else(|p| p.into_inner());
    }
    c.owner = None;
    co.stop.store(false, Ordering::Release);
    co.cv.notify_all();
}

/// The embedder is about to run wasm in `group`'s store: wait for an operation in progress, then
/// catch up with the records.
pub fn enter<E: Engine>(
    cx: &mut dyn StoreOps<E>,
    shared: &Arc<Shared<E>>,
    group: &GroupRef<E>,
) -> Result<()> {
    let co = &shared.coord;
    let me = group_id(group);
    {
        let mut c = lock(&co.m);
        while c.owner.is_some_and(|(o, _)| o != me) {
            c = co.cv.wait(c).unwrap_or_else(|p| p.into_inner());
        }
        if let Some(m) = c.members.get_mut(&me) {
            m.idle = false;
        }
    }
    let v = shared
        .state
        .read()
        .unwrap_or_else(|p| p.into_inner())
        .version;
    if group.lock().unwrap_or_else(|p| p.into_inner()).version < v {
        sync_group(cx, shared, group)?;
        if let Some(m) = lock(&co.m).members.get_mut(&me) {
            m.version = v;
        }
    }
    Ok(())
}

/// The embedder is done running wasm in `group`'s store for now.
pub fn leave<E: Engine>(shared: &Arc<Shared<E>>, group: &GroupRef<E>) {
    let co = &shared.coord;
    let me = group_id(group);
    let mut c = lock(&co.m);
    if c.owner.is_some_and(|(o, _)| o == me) {
        return;
    }
    if let Some(m) = c.members.get_mut(&me) {
        m.idle = true;
    }
    co.cv.notify_all();
}

/// Runs `op` as a link operation of `group` (see the module docs). The records' version is
/// bumped when `op` succeeds, so other groups catch up.
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
        if let Some(m) = lock(&shared.coord.m).members.get_mut(&id) {
            m.version = v;
        }
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
