//! Lazy replication (docs/threads.md) happens, on both engines: threads that were running when
//! another thread loaded a library instantiate it only on their first use of it, each through
//! the way it reached it first, and a thread that never uses it never instantiates it. The
//! case `threads-lazy` checks what the program sees (the same with replication eager); this
//! test checks which thread instantiated what, from the linker's `tracing` events.

use std::path::Path;
use std::sync::{Arc, Mutex, OnceLock};

use conformance::testing::built_case;
use conformance::wasi::Wasi;
use tracing::field::{Field, Visit};
use tracing_subscriber::layer::{Context, SubscriberExt};
use tracing_subscriber::Layer;
use wasmlink::{Engine, LinkerConfig, MountFs, Process};

/// Every "instantiating on first use" event: (module, thread).
static EVENTS: Mutex<Vec<(String, u64)>> = Mutex::new(Vec::new());

/// Held by each test while it runs: the events are collected for the whole binary, so two
/// tests running at once (the harness's default) would see each other's.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

struct FirstUse;

#[derive(Default)]
struct Fields {
    module: String,
    thread: u64,
    first_use: bool,
}

impl Visit for Fields {
    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        match field.name() {
            "module" => self.module = format!("{value:?}"),
            "message" => self.first_use = format!("{value:?}").contains("first use"),
            _ => {}
        }
    }
    fn record_u64(&mut self, field: &Field, value: u64) {
        if field.name() == "thread" {
            self.thread = value;
        }
    }
}

impl<S: tracing::Subscriber> Layer<S> for FirstUse {
    fn on_event(&self, event: &tracing::Event<'_>, _cx: Context<'_, S>) {
        let mut f = Fields::default();
        event.record(&mut f);
        if f.first_use {
            EVENTS.lock().unwrap().push((f.module, f.thread));
        }
    }
}

/// Installs the collecting subscriber for the whole test binary (the guest's threads run on
/// threads of their own, so a thread-local one would not see them).
fn collect() {
    static ONCE: OnceLock<()> = OnceLock::new();
    ONCE.get_or_init(|| {
        let filter = tracing_subscriber::filter::Targets::new().with_target(
            "linker_core::runtime::lazy::materialize",
            tracing::Level::DEBUG,
        );
        let subscriber = tracing_subscriber::registry().with(FirstUse.with_filter(filter));
        tracing::subscriber::set_global_default(subscriber).unwrap();
    });
}

/// Runs the case; returns its output and the first-use instantiations, sorted.
fn run<E: Engine>(engine: E, root: &Path, lazy: bool) -> (String, Vec<(String, u64)>) {
    EVENTS.lock().unwrap().clear();
    let mut config = LinkerConfig::new(Arc::new(MountFs::root(root).unwrap()));
    config.lazy_replication = lazy;
    let (host, output) = Wasi::quiet();
    let name = engine.name();
    let mut p = Process::load(engine, config, host, "/main.wasm").unwrap();
    assert_eq!(p.run().unwrap(), 0, "{name}: {}", output.stdout_string());
    drop(p);
    let mut events = std::mem::take(&mut *EVENTS.lock().unwrap());
    events.sort();
    (output.stdout_string(), events)
}

fn check<E: Engine>(engine: E, root: &Path) {
    let name = engine.name();
    let (lazy_out, lazy) = run(engine.clone(), root, true);
    let (eager_out, eager) = run(engine, root, false);
    assert!(
        lazy_out.contains("thread 1: cb 8, tls 101 102 own 1, dep 42, late 30, extra 5"),
        "{name}: {lazy_out}"
    );
    assert_eq!(lazy_out, eager_out, "{name}");
    // The main thread (0) loaded everything itself. Threads 1-3 (the program's workers 0-2)
    // each used libplug, which needs libdep, and called into liblate; thread 4 (worker 3)
    // never called into any of them: only its own dlopen instantiated what it had deferred,
    // liblate (libplug and libdep had been unloaded meanwhile).
    let mut want: Vec<(String, u64)> = Vec::new();
    for t in 1..=3 {
        for m in ["libdep.so", "liblate.so", "libplug.so"] {
            want.push((m.to_string(), t));
        }
    }
    want.push(("liblate.so".to_string(), 4));
    want.sort();
    assert_eq!(lazy, want, "{name}: instantiations on first use");
    assert!(
        eager.is_empty(),
        "{name}: eager replication deferred {eager:?}"
    );
}

#[test]
fn threads_instantiate_a_library_on_first_use() {
    let _one = ONE_AT_A_TIME.lock().unwrap_or_else(|p| p.into_inner());
    collect();
    let root = built_case("threads-lazy");
    conformance::on_each_engine!(check(&root));
}

fn check_late_start<E: Engine>(engine: E, root: &Path) {
    let name = engine.name();
    let (lazy_out, lazy) = run(engine.clone(), root, true);
    let (eager_out, eager) = run(engine, root, false);
    assert!(
        lazy_out.contains("worker 1: bump 41 42, own calls 42"),
        "{name}: {lazy_out}"
    );
    assert_eq!(lazy_out, eager_out, "{name}");
    // Each of the two threads started after the loads instantiated, on its first call, the
    // library it used and that library's dependency (first, since the library calls it
    // directly), and never the library it did not call.
    let mut by_thread: std::collections::BTreeMap<u64, Vec<String>> = Default::default();
    for (m, t) in lazy {
        by_thread.entry(t).or_default().push(m);
    }
    assert_eq!(by_thread.len(), 2, "{name}: {by_thread:?}");
    for (t, mut modules) in by_thread {
        assert_ne!(t, 0, "{name}: the main thread loaded them itself");
        modules.sort();
        assert_eq!(modules, ["libdep.so", "libplug.so"], "{name}: thread {t}");
    }
    assert!(
        eager.is_empty(),
        "{name}: eager replication deferred {eager:?}"
    );
}

#[test]
fn threads_started_after_dlopen_instantiate_libraries_on_first_use() {
    let _one = ONE_AT_A_TIME.lock().unwrap_or_else(|p| p.into_inner());
    collect();
    let root = built_case("threads-late-start");
    conformance::on_each_engine!(check_late_start(&root));
}
