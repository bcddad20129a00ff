//! Model checking of the link-operation protocol (linker-core/src/coordinator/mod.rs) with loom:
//! every interleaving of 2-3 groups that run operations (load), take part at safepoints
//! (resolve), and exit, checked for deadlock and for the protocol's promise: a group that runs
//! after an operation ended has caught up with it (it was stopped at a safepoint and left it
//! only caught up).
//!
//! Run: RUSTFLAGS="--cfg loom" cargo test -p linker-core --release --lib loom_model

use loom::sync::atomic::{AtomicU64, Ordering};
use loom::sync::Arc;
use loom::thread;

use super::Coordinator;

/// The model checker, allowing the spinning of the test's groups (a group that runs wasm
/// between safepoints is a loop with `yield_now`).
fn builder() -> loom::model::Builder {
    let mut b = loom::model::Builder::new();
    b.max_branches = 20_000;
    b
}

fn model(f: impl Fn() + Sync + Send + 'static) {
    builder().check(f)
}

/// The records' version and what each group's store reflects (what `sync_group` would do).
struct World {
    co: Coordinator,
    version: AtomicU64,
    seen: [AtomicU64; 3],
}

impl World {
    fn new() -> Arc<World> {
        Arc::new(World {
            co: Coordinator::default(),
            version: AtomicU64::new(0),
            seen: [AtomicU64::new(0), AtomicU64::new(0), AtomicU64::new(0)],
        })
    }

    /// Registers group `id`, built from version 0 (what a thread does before running wasm).
    fn join(&self, id: u64) {
        self.co.register(id, 0);
        self.co.set_version(id, 0);
    }

    fn safepoint(&self, me: u64) {
        self.co
            .safepoint::<()>(
                me,
                || self.version.load(Ordering::SeqCst),
                |v| {
                    self.seen[me as usize].fetch_max(v, Ordering::SeqCst);
                    Ok(())
                },
            )
            .unwrap();
    }

    /// A stopping link operation of `me` (a dlopen): every other registered group that is not
    /// idle is parked while it runs, and catches up before it runs again.
    fn operation(&self, me: u64) {
        self.operation_of(me, super::OpKind::Stop)
    }

    /// A link operation of `kind`.
    fn operation_of(&self, me: u64, kind: super::OpKind) {
        self.co.begin(me, kind, None, || {}).unwrap();
        let v = self.version.fetch_add(1, Ordering::SeqCst) + 1;
        self.seen[me as usize].fetch_max(v, Ordering::SeqCst);
        self.co.end(me, v);
    }
}

#[test]
fn two_groups_load_and_resolve() {
    model(|| {
        let w = World::new();
        w.join(0);
        w.join(1);
        let w1 = w.clone();
        let t = thread::spawn(move || {
            // Group 1 reaches a safepoint (a host call), then does its own operation, then exits.
            w1.safepoint(1);
            w1.operation(1);
            w1.co.unregister(1);
        });
        w.operation(0);
        // Waiting for the other thread is not running wasm: idle, as an embedder's join is.
        w.co.leave(0);
        t.join().unwrap();
        w.co.enter::<()>(
            0,
            || w.version.load(Ordering::SeqCst),
            |v| {
                w.seen[0].fetch_max(v, Ordering::SeqCst);
                Ok(())
            },
        )
        .unwrap();
        // Entering again caught up with group 1's operation.
        assert_eq!(w.seen[0].load(Ordering::SeqCst), 2);
    });
}

#[test]
fn a_group_runs_only_caught_up_with_every_operation_that_ended() {
    model(|| {
        let w = World::new();
        w.join(0);
        w.join(1);
        let ended = Arc::new(AtomicU64::new(0));
        let (w1, e1) = (w.clone(), ended.clone());
        let t = thread::spawn(move || {
            // Group 1 runs wasm between safepoints until it has seen the operation. Whenever it
            // runs after the operation ended, it has caught up with it: the operation stopped it
            // at a safepoint, and it left that safepoint only caught up (the operation does not
            // wait for that itself).
            loop {
                w1.safepoint(1);
                let seen = w1.seen[1].load(Ordering::SeqCst);
                if e1.load(Ordering::SeqCst) == 1 {
                    assert!(
                        seen >= 1,
                        "running after the operation ended, not caught up"
                    );
                }
                if seen >= 1 {
                    break;
                }
                thread::yield_now();
            }
            w1.co.unregister(1);
        });
        w.operation(0);
        ended.store(1, Ordering::SeqCst);
        t.join().unwrap();
    });
}

#[test]
fn three_groups_with_an_exit_during_an_operation() {
    let mut b = builder();
    b.preemption_bound = Some(2);
    b.check(|| {
        let w = World::new();
        for id in 0..3 {
            w.join(id);
        }
        let (w1, w2) = (w.clone(), w.clone());
        let t1 = thread::spawn(move || {
            w1.operation(1);
            w1.co.unregister(1);
        });
        let t2 = thread::spawn(move || {
            // Exits without ever reaching a safepoint: operators must not wait for it forever.
            w2.co.unregister(2);
        });
        w.operation(0);
        w.co.unregister(0);
        t1.join().unwrap();
        t2.join().unwrap();
        assert_eq!(w.version.load(Ordering::SeqCst), 2);
    });
}

#[test]
fn idle_groups_catch_up_when_entered() {
    model(|| {
        let w = World::new();
        w.join(0);
        w.join(1);
        w.co.leave(1); // the embedder holds group 1's store, not running wasm
        let w1 = w.clone();
        let t = thread::spawn(move || {
            w1.co
                .enter::<()>(
                    1,
                    || w1.version.load(Ordering::SeqCst),
                    |v| {
                        w1.seen[1].fetch_max(v, Ordering::SeqCst);
                        Ok(())
                    },
                )
                .unwrap();
            // Running again: whatever finished before we entered is visible.
            w1.safepoint(1);
            w1.co.unregister(1);
        });
        w.operation(0);
        t.join().unwrap();
        assert!(w.seen[1].load(Ordering::SeqCst) >= 1 || w.version.load(Ordering::SeqCst) == 1);
    });
}

#[test]
fn a_group_stopped_by_one_operation_runs_its_own() {
    let mut b = builder();
    b.preemption_bound = Some(2);
    b.check(|| {
        let w = World::new();
        for id in 0..3 {
            w.join(id);
        }
        let (w1, w2) = (w.clone(), w.clone());
        let t1 = thread::spawn(move || {
            // Parks in group 0's operation, goes on once it has caught up, and runs its own.
            w1.safepoint(1);
            w1.operation(1);
            w1.co.unregister(1);
        });
        let t2 = thread::spawn(move || {
            // A running group that takes part in both operations, then exits.
            while w2.seen[2].load(Ordering::SeqCst) < 2 {
                w2.safepoint(2);
                thread::yield_now();
            }
            w2.co.unregister(2);
        });
        w.operation(0);
        w.co.unregister(0);
        t1.join().unwrap();
        t2.join().unwrap();
        assert_eq!(w.version.load(Ordering::SeqCst), 2);
    });
}

#[test]
fn an_operation_that_does_not_stop_waits_for_no_one_but_readers() {
    let mut b = builder();
    b.preemption_bound = Some(3);
    b.check(|| {
        let w = World::new();
        for id in 0..2 {
            w.join(id);
        }
        let w1 = w.clone();
        let t = thread::spawn(move || {
            // Group 1 reaches safepoints now and then; it catches up with the unload whenever it
            // comes to one after it, then stops a load of its own.
            w1.safepoint(1);
            w1.operation(1);
            w1.safepoint(1);
            w1.co.unregister(1);
        });
        // An unload: group 0 never waits for group 1.
        w.operation_of(0, super::OpKind::NoStop);
        w.safepoint(0);
        w.co.unregister(0);
        t.join().unwrap();
        assert_eq!(w.version.load(Ordering::SeqCst), 2);
        // Group 1's own load came after it caught up with everything before it.
        assert!(w.seen[1].load(Ordering::SeqCst) >= 1);
    });
}

#[test]
fn holding_the_records_keeps_operations_from_changing_them() {
    model(|| {
        let w = World::new();
        w.join(0);
        w.join(1);
        let w1 = w.clone();
        let t = thread::spawn(move || {
            // Group 1 instantiates a module it deferred (a call through a stand-in): it catches
            // up first if it is behind, and the records stay as it read them until it is done.
            w1.co
                .hold::<()>(
                    1,
                    || w1.version.load(Ordering::SeqCst),
                    |mine, now| {
                        if mine < now {
                            w1.seen[1].fetch_max(now, Ordering::SeqCst);
                        }
                        assert_eq!(w1.seen[1].load(Ordering::SeqCst), now, "behind while held");
                        thread::yield_now();
                        assert_eq!(
                            w1.version.load(Ordering::SeqCst),
                            now,
                            "the records changed while held"
                        );
                        Ok(())
                    },
                )
                .unwrap();
            w1.co.unregister(1);
        });
        w.operation_of(0, super::OpKind::NoStop);
        w.operation_of(0, super::OpKind::Stop);
        t.join().unwrap();
    });
}
