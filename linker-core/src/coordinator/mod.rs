//! The link-operation protocol between instance groups, free of any engine so that it can be
//! model-checked with `loom` (`RUSTFLAGS="--cfg loom" cargo test -p linker-core --release --lib
//! loom_model`). docs/threads.md explains it; `runtime/threads.rs` and `runtime/safepoint.rs`
//! drive it with real stores. What the mutex guards is in `state.rs`.
//!
//! One mutex (`m`) guards everything below; nothing else is locked while waiting on it, and no
//! guest code runs while it is held. Two condition variables keep wake-ups linear in the number
//! of groups: `go` wakes the groups waiting for an operation to end, `op` wakes only the
//! operator, and only when what it waits for has become true. (With one condition variable
//! every park woke every parked group: 16 busy threads made each operation hundreds of futile
//! wake-ups, most of its time.)

#[cfg(loom)]
use loom::sync::atomic::{AtomicBool, AtomicU64, Ordering};
#[cfg(loom)]
use loom::sync::{Arc, Condvar, Mutex, MutexGuard};
#[cfg(not(loom))]
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
#[cfg(not(loom))]
use std::sync::{Arc, Condvar, Mutex, MutexGuard};

use std::time::{Duration, Instant};

mod state;
use state::{Coord, Member, Owner};

/// A group's id (the main group is 0).
pub type GroupId = u64;

/// Whether a link operation stops the other groups.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OpKind {
    /// Every other running group parks before the change and catches up before the operation
    /// returns: the change gives the guest something (a library, a function's table slot, a
    /// closure) that any thread may use as soon as the operation returns.
    Stop,
    /// Nobody is stopped or waited for: the change only takes away (`dlclose`, freeing a
    /// closure), which no correct program uses afterwards. Groups catch up at their next
    /// safepoint; what they may still hold (table slots, module ids) is reused only once every
    /// group has caught up with the version that freed it ([`Coordinator::versions`]).
    NoStop,
}

/// Who may change the records, and who has caught up.
#[derive(Debug)]
pub struct Coordinator {
    m: Mutex<Coord>,
    /// Groups waiting for the operation in progress to end, would-be operators,
    /// registrations and joiners.
    go: Condvar,
    /// The operator, waiting for the others to park (or to finish reading the records).
    op: Condvar,
    /// Set while an operation stops the groups: the cheap check every safepoint makes first.
    /// Shared with host functions ([`StopFlag`]) so they need no reference to the process.
    stop: Arc<AtomicBool>,
    next_id: AtomicU64,
}

/// See [`Coordinator::stop_flag`].
#[derive(Clone, Debug)]
pub struct StopFlag(Arc<AtomicBool>);

impl StopFlag {
    /// A link operation is in progress: go to a safepoint.
    pub fn is_set(&self) -> bool {
        self.0.load(Ordering::Acquire)
    }
}

/// Why [`Coordinator::begin`] gave up: these groups did not reach a safepoint in time; nothing
/// was changed.
#[derive(Debug)]
pub struct BeginTimeout(pub Vec<GroupId>);

impl Default for Coordinator {
    fn default() -> Self {
        Coordinator {
            m: Mutex::new(Coord::default()),
            go: Condvar::new(),
            op: Condvar::new(),
            stop: Arc::new(AtomicBool::new(false)),
            next_id: AtomicU64::new(0),
        }
    }
}

impl Coordinator {
    fn lock(&self) -> MutexGuard<'_, Coord> {
        self.m.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn wait<'a>(&self, g: MutexGuard<'a, Coord>) -> MutexGuard<'a, Coord> {
        self.go.wait(g).unwrap_or_else(|p| p.into_inner())
    }

    fn wait_op<'a>(&self, g: MutexGuard<'a, Coord>) -> MutexGuard<'a, Coord> {
        self.op.wait(g).unwrap_or_else(|p| p.into_inner())
    }

    /// Wakes the operator if what it waits for now holds.
    fn poke_operator(&self, c: &Coord) {
        if c.operator_ready() {
            self.op.notify_all();
        }
    }

    /// A fresh group id.
    pub fn new_id(&self) -> GroupId {
        self.next_id.fetch_add(1, Ordering::Relaxed)
    }

    /// Adds a group that reflects records `version` and is about to be built from them (it
    /// reads them until [`Coordinator::set_version`]). Waits while an operation is in
    /// progress, so a group never joins half-way through one.
    pub fn register(&self, id: GroupId, version: u64) {
        let mut c = self.lock();
        while c.owner.is_some() {
            c = self.wait(c);
        }
        c.members.insert(
            id,
            Member {
                parked: false,
                idle: false,
                reading: true,
                version,
            },
        );
    }

    /// Removes a group (its thread exited); an operator waiting for it stops waiting.
    pub fn unregister(&self, id: GroupId) {
        let mut c = self.lock();
        c.members.remove(&id);
        if c.owner_id() == Some(id) {
            c.owner = None;
            self.stop.store(false, Ordering::Release);
        }
        self.poke_operator(&c);
        self.go.notify_all();
    }

    pub fn stop_requested(&self) -> bool {
        self.stop.load(Ordering::Acquire)
    }

    /// The stop flag, for a host function to check on every call. Checking it through the
    /// process instead (upgrading a weak reference) makes every thread's host calls contend on
    /// the process's reference count.
    pub fn stop_flag(&self) -> StopFlag {
        StopFlag(self.stop.clone())
    }

    /// Wakes every waiter (a thread finished: joiners look again).
    pub fn notify(&self) {
        let _c = self.lock();
        self.go.notify_all();
    }

    /// Waits up to `d` for a notification (a joiner's poll).
    #[cfg(not(loom))]
    pub fn wait_a_little(&self, d: Duration) {
        let c = self.lock();
        let _ = self.go.wait_timeout(c, d);
    }

    /// Under the model checker there is no time: just let others run.
    #[cfg(loom)]
    pub fn wait_a_little(&self, _d: Duration) {
        loom::thread::yield_now();
    }

    /// A safepoint of group `me`: while another group's operation is in progress, park until it
    /// ends; then catch up (`catch_up(version)` brings the store to that version of the
    /// records, outside the lock) with what changed meanwhile. `version()` reads the records'
    /// current version.
    pub fn safepoint<E>(
        &self,
        me: GroupId,
        version: impl Fn() -> u64,
        catch_up: impl FnMut(u64) -> Result<(), E>,
    ) -> Result<(), E> {
        let c = self.lock();
        if c.members.get(&me).is_some_and(|m| m.reading) {
            // A safepoint inside this group's own catch-up (wasm it runs while instantiating,
            // reaching the engine's safepoint): parking here would make an operation that waits
            // for the catch-up to end wait for ever. The catch-up finishes first.
            return Ok(());
        }
        if c.owner_id() == Some(me) {
            // A safepoint inside this group's own operation (a start function or constructor it
            // runs, reaching the engine's interrupt that the operation itself requested): the
            // operation changes this store itself. Catching it up here, to records the operation
            // has half changed, instantiated a library a second time inside its first
            // instantiation (`conformance/cases/threads-lagging-dlopen`).
            return Ok(());
        }
        let c = self.park_while_other_owner(c, me);
        self.catch_up_now(c, me, version, catch_up_if_behind(catch_up))
    }

    /// Runs `work` with the records held still for group `me`, from a host call of its own
    /// (the first call into a library it has not instantiated, `runtime/lazy`): parked first while
    /// another group runs an operation, then marked as reading them, as in a catch-up, so that
    /// no operation changes them until `work` returns. `work(mine, now)` gets the version the
    /// group reflects and the records' current one, and catches up first when they differ; it
    /// then reflects `now`. Inside the group's own operation or catch-up, `work` runs at once
    /// (with `mine == now`): the records are already held.
    pub fn hold<E>(
        &self,
        me: GroupId,
        version: impl Fn() -> u64,
        work: impl FnOnce(u64, u64) -> Result<(), E>,
    ) -> Result<(), E> {
        let c = self.lock();
        if c.owner_id() == Some(me) || c.members.get(&me).is_some_and(|m| m.reading) {
            drop(c);
            let now = version();
            return work(now, now);
        }
        let c = self.park_while_other_owner(c, me);
        self.catch_up_now(c, me, version, work)
    }

    /// Parks `me` (it counts as stopped) while another group runs an operation.
    fn park_while_other_owner<'a>(
        &self,
        mut c: MutexGuard<'a, Coord>,
        me: GroupId,
    ) -> MutexGuard<'a, Coord> {
        while c.other_owner(me) {
            if let Some(m) = c.members.get_mut(&me) {
                m.parked = true;
            }
            self.poke_operator(&c);
            c = self.wait(c);
        }
        if let Some(m) = c.members.get_mut(&me) {
            m.parked = false;
        }
        c
    }

    /// Runs `work(mine, now)` for `me` (catching it up with the records as they are, from the
    /// version it reflects), outside any operation of another group (`c` shows none), marked as
    /// reading the records so that none starts changing them meanwhile.
    fn catch_up_now<E>(
        &self,
        mut c: MutexGuard<'_, Coord>,
        me: GroupId,
        version: impl Fn() -> u64,
        work: impl FnOnce(u64, u64) -> Result<(), E>,
    ) -> Result<(), E> {
        let mine = c.version_of(me);
        c.set_reading(me, true);
        drop(c);
        let now = version();
        let r = work(mine, now);
        let mut c = self.lock();
        match r {
            Ok(()) if mine < now => c.caught_up(me, now),
            _ => c.set_reading(me, false),
        }
        self.poke_operator(&c);
        r
    }

    /// Makes `me` the operator of an operation of `kind`: waits, parked (it takes part in
    /// another group's operation meanwhile, as at a safepoint), until no other group runs an
    /// operation; then, stopping the groups, until every other non-idle group is parked, asking
    /// for safepoints with `request`; not stopping them, until none is reading the records.
    /// With a `timeout`, gives up when it passes, changing nothing. The caller catches its own
    /// store up afterwards: it may have missed operations while parked here.
    pub fn begin(
        &self,
        me: GroupId,
        kind: OpKind,
        timeout: Option<Duration>,
        request: impl Fn(),
    ) -> Result<(), BeginTimeout> {
        let nested_stop;
        let mut c = self.lock();
        loop {
            match &mut c.owner {
                Some(o) if o.id == me => {
                    o.depth += 1;
                    if kind == OpKind::NoStop || o.stopped {
                        return Ok(());
                    }
                    // A stopping operation inside one that did not stop the groups (a
                    // destructor that calls dlopen): stop them now.
                    o.stopped = true;
                    nested_stop = true;
                    break;
                }
                None => {
                    c.owner = Some(Owner {
                        id: me,
                        depth: 1,
                        stopped: kind == OpKind::Stop,
                    });
                    nested_stop = false;
                    break;
                }
                Some(_) => c = self.park_while_other_owner(c, me),
            }
        }
        drop(c);
        if kind == OpKind::Stop {
            self.stop.store(true, Ordering::Release);
            // One request suffices: every store running wasm reaches its safepoint once after it.
            request();
        }
        let start = Instant::now();
        let mut c = self.lock();
        loop {
            if c.operator_ready() {
                return Ok(());
            }
            match timeout {
                Some(t) if start.elapsed() > t && kind == OpKind::Stop => {
                    return Err(self.abandon(&mut c, me, nested_stop));
                }
                #[cfg(not(loom))]
                Some(_) if kind == OpKind::Stop => {
                    c = self
                        .op
                        .wait_timeout(c, Duration::from_millis(5))
                        .unwrap_or_else(|p| p.into_inner())
                        .0;
                    // Stores that were between safepoint checks when we asked: ask again.
                    drop(c);
                    request();
                    c = self.lock();
                }
                _ => c = self.wait_op(c),
            }
        }
    }

    /// Gives up `me`'s stopping operation whose wait timed out, as if it had not begun (or, for
    /// one nested in an operation that did not stop the groups, back to that one); returns the
    /// groups it waited for.
    fn abandon(&self, c: &mut Coord, me: GroupId, nested_stop: bool) -> BeginTimeout {
        let waiting: Vec<GroupId> = c
            .members
            .iter()
            .filter(|(id, m)| **id != me && !m.parked && !m.idle)
            .map(|(id, _)| *id)
            .collect();
        self.stop.store(false, Ordering::Release);
        if nested_stop {
            if let Some(o) = &mut c.owner {
                o.depth -= 1;
                o.stopped = false;
            }
        } else {
            c.owner = None;
        }
        self.go.notify_all();
        BeginTimeout(waiting)
    }

    /// Ends `me`'s operation, which left the records at `version`, and lets everyone go on.
    ///
    /// It does not wait for the groups it stopped to catch up: each is parked, and brings its
    /// store up to date before it runs wasm again (idle groups when they are entered), so a
    /// pointer the operation returned can be called in any thread all the same. The next
    /// operation waits for them to park again, or, not stopping them, to finish reading.
    pub fn end(&self, me: GroupId, version: u64) {
        let mut c = self.lock();
        match &mut c.owner {
            Some(o) if o.id == me && o.depth > 1 => {
                o.depth -= 1;
                return;
            }
            Some(o) if o.id == me => {}
            _ => return,
        }
        if let Some(m) = c.members.get_mut(&me) {
            m.version = m.version.max(version);
        }
        c.owner = None;
        self.stop.store(false, Ordering::Release);
        self.go.notify_all();
    }

    /// Group `me` is about to run wasm again: waits for an operation in progress, leaves idle,
    /// and catches up.
    pub fn enter<E>(
        &self,
        me: GroupId,
        version: impl Fn() -> u64,
        catch_up: impl FnMut(u64) -> Result<(), E>,
    ) -> Result<(), E> {
        let mut c = self.lock();
        while c.other_owner(me) {
            c = self.wait(c);
        }
        if let Some(m) = c.members.get_mut(&me) {
            m.idle = false;
        }
        self.catch_up_now(c, me, version, catch_up_if_behind(catch_up))
    }

    /// Group `me` stops running wasm for now (counts as parked until it enters again).
    pub fn leave(&self, me: GroupId) {
        let mut c = self.lock();
        if c.owner_id() == Some(me) {
            return;
        }
        if let Some(m) = c.members.get_mut(&me) {
            m.idle = true;
        }
        // Only an operator (waiting for every member to park or go idle) cares; without one,
        // no waiter looks at idleness, and the wake-up would be a system call per leave.
        self.poke_operator(&c);
    }

    /// The records version each group's store reflects, idle ones included.
    pub fn versions(&self) -> Vec<u64> {
        self.lock().members.values().map(|m| m.version).collect()
    }

    /// The records version each group that is not idle reflects. An idle group (between
    /// embedder calls, in a blocking host call, in a futex wait) runs no wasm until it enters
    /// again, and entering brings its whole store up to date first (slots of unloaded modules
    /// nulled, then every slot changed since its version rewritten), so no stale table slot of
    /// it can be called: what it still holds does not keep a freed slot from reuse.
    pub fn running_versions(&self) -> Vec<u64> {
        self.lock()
            .members
            .values()
            .filter(|m| !m.idle)
            .map(|m| m.version)
            .collect()
    }

    /// Whether `me` runs a link operation now (a constructor `dlopen` runs, for instance).
    pub fn is_owner(&self, me: GroupId) -> bool {
        self.lock().owner_id() == Some(me)
    }

    /// Whether `me` is the only group: what it frees nobody else can still hold.
    pub fn alone(&self, me: GroupId) -> bool {
        self.lock().members.keys().all(|&id| id == me)
    }

    /// Records that `me` reflects `version` (after building its store from the records).
    pub fn set_version(&self, me: GroupId, version: u64) {
        let mut c = self.lock();
        c.caught_up(me, version);
        self.poke_operator(&c);
    }
}

/// A catch-up as [`Coordinator::catch_up_now`]'s work: runs only when the group is behind.
fn catch_up_if_behind<E>(
    mut catch_up: impl FnMut(u64) -> Result<(), E>,
) -> impl FnOnce(u64, u64) -> Result<(), E> {
    move |mine, now| if mine < now { catch_up(now) } else { Ok(()) }
}

#[cfg(all(test, loom))]
mod loom_model;

#[cfg(all(test, not(loom)))]
mod tests;
