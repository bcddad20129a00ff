//! The link-operation protocol between instance groups, free of any engine so that it can be
//! model-checked with `loom` (`RUSTFLAGS="--cfg loom" cargo test -p linker-core --test loom_coordinator`).
//! docs/threads.md explains it; `threads.rs` drives it with real stores.
//!
//! One mutex (`m`) and one condition variable guard everything below; nothing else is locked
//! while waiting on it, and no guest code runs while it is held.

#[cfg(loom)]
use loom::sync::atomic::{AtomicBool, AtomicU64, Ordering};
#[cfg(loom)]
use loom::sync::{Arc, Condvar, Mutex, MutexGuard};
#[cfg(not(loom))]
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
#[cfg(not(loom))]
use std::sync::{Arc, Condvar, Mutex, MutexGuard};

use std::collections::HashMap;
use std::time::{Duration, Instant};

/// A group's id (the main group is 0).
pub type GroupId = u64;

#[derive(Debug, Default)]
struct Member {
    /// Waiting in [`Coordinator::safepoint`] for an operation to finish.
    parked: bool,
    /// Not running wasm at all (the embedder holds the store between calls): counts as parked,
    /// and catches up when entered again instead of during the operation.
    idle: bool,
    /// Records version this group's store reflects.
    version: u64,
}

#[derive(Debug, Default)]
struct Coord {
    /// The group running a link operation, and how deeply (a constructor may dlopen).
    owner: Option<(GroupId, u32)>,
    members: HashMap<GroupId, Member>,
    /// Version every non-idle member must reach before the operation in progress returns.
    publish: u64,
}

/// Who may change the records, and who has caught up.
#[derive(Debug)]
pub struct Coordinator {
    m: Mutex<Coord>,
    cv: Condvar,
    /// Set while an operation is in progress: the cheap check every safepoint makes first.
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

/// Why [`Coordinator::begin`] gave up.
#[derive(Debug)]
pub enum BeginError<E> {
    /// These groups did not reach a safepoint in time; nothing was changed.
    Timeout(Vec<GroupId>),
    /// Catching up while waiting for another operator failed.
    CatchUp(E),
}

impl Default for Coordinator {
    fn default() -> Self {
        Coordinator {
            m: Mutex::new(Coord::default()),
            cv: Condvar::new(),
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
        self.cv.wait(g).unwrap_or_else(|p| p.into_inner())
    }

    /// A fresh group id.
    pub fn new_id(&self) -> GroupId {
        self.next_id.fetch_add(1, Ordering::Relaxed)
    }

    /// Adds a group that reflects records `version`. Waits while an operation is in progress, so
    /// a group never joins half-way through one.
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
                version,
            },
        );
    }

    /// Removes a group (its thread exited); an operator waiting for it stops waiting.
    pub fn unregister(&self, id: GroupId) {
        let mut c = self.lock();
        c.members.remove(&id);
        if c.owner.is_some_and(|(o, _)| o == id) {
            c.owner = None;
            self.stop.store(false, Ordering::Release);
        }
        self.cv.notify_all();
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
        self.cv.notify_all();
    }

    /// Waits up to `d` for a notification (a joiner's poll).
    #[cfg(not(loom))]
    pub fn wait_a_little(&self, d: Duration) {
        let c = self.lock();
        let _ = self.cv.wait_timeout(c, d);
    }

    /// Under the model checker there is no time: just let others run.
    #[cfg(loom)]
    pub fn wait_a_little(&self, _d: Duration) {
        loom::thread::yield_now();
    }

    /// A safepoint of group `me`: while another group's operation is in progress, park; when it
    /// publishes, catch up (`catch_up(version)` brings the store to that version of the
    /// records, outside the lock); go on when it ends. Then catch up with anything that finished
    /// meanwhile. `version()` reads the records' current version.
    pub fn safepoint<E>(
        &self,
        me: GroupId,
        version: impl Fn() -> u64,
        mut catch_up: impl FnMut(u64) -> Result<(), E>,
    ) -> Result<(), E> {
        let mut c = self.lock();
        loop {
            match c.owner {
                None => break,
                Some((o, _)) if o == me => break,
                Some(_) => {}
            }
            let mine = c.members.get(&me).map_or(u64::MAX, |m| m.version);
            if c.publish > mine {
                let target = c.publish;
                drop(c);
                catch_up(target)?;
                c = self.lock();
                if let Some(m) = c.members.get_mut(&me) {
                    m.version = m.version.max(target);
                }
                self.cv.notify_all();
                continue;
            }
            if let Some(m) = c.members.get_mut(&me) {
                m.parked = true;
            }
            self.cv.notify_all();
            c = self.wait(c);
        }
        if let Some(m) = c.members.get_mut(&me) {
            m.parked = false;
        }
        let mine = c.members.get(&me).map_or(u64::MAX, |m| m.version);
        drop(c);
        let now = version();
        if mine < now {
            catch_up(now)?;
            if let Some(m) = self.lock().members.get_mut(&me) {
                m.version = m.version.max(now);
            }
        }
        Ok(())
    }

    /// Makes `me` the operator: waits (running `take_part`, a safepoint, between tries) until no
    /// other group runs an operation, then until every other non-idle group is parked, asking
    /// for safepoints with `request`. With a `timeout`, gives up when it passes, changing nothing.
    pub fn begin<E>(
        &self,
        me: GroupId,
        timeout: Option<Duration>,
        request: impl Fn(),
        mut take_part: impl FnMut() -> Result<(), E>,
    ) -> Result<(), BeginError<E>> {
        loop {
            let mut c = self.lock();
            match c.owner {
                Some((o, depth)) if o == me => {
                    c.owner = Some((o, depth + 1));
                    return Ok(());
                }
                None => {
                    c.owner = Some((me, 1));
                    self.stop.store(true, Ordering::Release);
                    break;
                }
                Some(_) => {
                    drop(c);
                    take_part().map_err(BeginError::CatchUp)?;
                }
            }
        }
        // One request suffices: every store running wasm reaches its safepoint once after it.
        request();
        let start = Instant::now();
        let mut c = self.lock();
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
            match timeout {
                Some(t) if start.elapsed() > t => {
                    c.owner = None;
                    self.stop.store(false, Ordering::Release);
                    self.cv.notify_all();
                    return Err(BeginError::Timeout(waiting));
                }
                #[cfg(not(loom))]
                Some(_) => {
                    c = self
                        .cv
                        .wait_timeout(c, Duration::from_millis(5))
                        .unwrap_or_else(|p| p.into_inner())
                        .0;
                    // Stores that were between safepoint checks when we asked: ask again.
                    drop(c);
                    request();
                    c = self.lock();
                }
                _ => c = self.wait(c),
            }
        }
    }

    /// Ends `me`'s operation, which left the records at `version`: every non-idle member
    /// catches up before this returns; then all go on.
    pub fn end(&self, me: GroupId, version: u64) {
        let mut c = self.lock();
        match c.owner {
            Some((o, depth)) if o == me && depth > 1 => {
                c.owner = Some((o, depth - 1));
                return;
            }
            Some((o, _)) if o == me => {}
            _ => return,
        }
        if let Some(m) = c.members.get_mut(&me) {
            m.version = m.version.max(version);
        }
        c.publish = version;
        self.cv.notify_all();
        while c
            .members
            .iter()
            .any(|(id, m)| *id != me && !m.idle && m.version < version)
        {
            c = self.wait(c);
        }
        c.owner = None;
        self.stop.store(false, Ordering::Release);
        self.cv.notify_all();
    }

    /// Group `me` is about to run wasm again: waits for an operation in progress, leaves idle,
    /// and catches up.
    pub fn enter<E>(
        &self,
        me: GroupId,
        version: impl Fn() -> u64,
        mut catch_up: impl FnMut(u64) -> Result<(), E>,
    ) -> Result<(), E> {
        let mine = {
            let mut c = self.lock();
            while c.owner.is_some_and(|(o, _)| o != me) {
                c = self.wait(c);
            }
            let m = c.members.get_mut(&me);
            m.map(|m| {
                m.idle = false;
                m.version
            })
            .unwrap_or(u64::MAX)
        };
        let now = version();
        if mine < now {
            catch_up(now)?;
            if let Some(m) = self.lock().members.get_mut(&me) {
                m.version = m.version.max(now);
            }
        }
        Ok(())
    }

    /// Group `me` stops running wasm for now (counts as parked until it enters again).
    pub fn leave(&self, me: GroupId) {
        let mut c = self.lock();
        if c.owner.is_some_and(|(o, _)| o == me) {
            return;
        }
        if let Some(m) = c.members.get_mut(&me) {
            m.idle = true;
        }
        // Only an operator (waiting for every member to park or go idle) cares; without one,
        // no waiter looks at idleness, and the wake-up would be a system call per leave.
        if c.owner.is_some() {
            self.cv.notify_all();
        }
    }

    /// Records that `me` reflects `version` (after building its store from the records).
    pub fn set_version(&self, me: GroupId, version: u64) {
        if let Some(m) = self.lock().members.get_mut(&me) {
            m.version = m.version.max(version);
        }
    }
}

#[cfg(all(test, loom))]
mod loom_model;
