//! A thread computing without host calls and a dlopen in another thread, on each engine: with
//! resumable safepoints (wasmtime's epoch callback) the busy threads are paused and the dlopen
//! succeeds; without them (wasmer 7.4) the dlopen gives up after the configured bound, cleanly:
//! NULL, a dlerror naming the thread and the reason, and the program goes on. A dlclose while
//! they spin stops no thread and succeeds at once on both.

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use conformance::testing::built_test_tree;
use conformance::wasi::{Output, Wasi};
use wasmlink::{Engine, LinkerConfig, MountFs, Process};

fn check<E: Engine>(engine: E, root: &Path) {
    let resumable = engine.capabilities().resumable_safepoints;
    let mut config = LinkerConfig::new(Arc::new(MountFs::root(root).unwrap()));
    config.safepoint_timeout = Duration::from_secs(2);
    let output = Arc::new(Output::default());
    let host = Arc::new(Wasi {
        args: vec!["main.wasm".into()],
        env: vec![],
        output: output.clone(),
        files: Default::default(),
    });
    let name = engine.name();
    let mut p = Process::load(engine, config, host, "/main.wasm").unwrap();
    assert_eq!(p.run().unwrap(), 0, "{name}");
    let out = output.stdout_string();
    let out = out
        .strip_prefix("closed: 0\n")
        .unwrap_or_else(|| panic!("{name}: the dlclose while threads spin: {out}"));
    if resumable {
        assert_eq!(out, "loaded: 7\n", "{name}");
    } else {
        assert!(out.starts_with("refused: thread"), "{name}: {out}");
        assert!(out.contains("did not reach a safepoint"), "{name}: {out}");
    }
}

#[test]
fn dlopen_while_threads_spin() {
    let root = built_test_tree("busy");
    conformance::on_each_engine!(check(&root));
}
