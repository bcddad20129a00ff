//! A thread computing without host calls and a dlopen in another thread, on each engine: the
//! busy threads are paused for the link operation and the dlopen succeeds, whether the engine
//! interrupts them itself (wasmtime's epoch callback) or they pass the poll points the linker
//! compiles in (wasmer; and wasmtime too when asked, `PollPoints::Always`). Without either
//! (`PollPoints::Never` on an engine that cannot interrupt), the dlopen gives up after the
//! configured bound, cleanly: NULL, a dlerror naming the thread and the reason, and the program
//! goes on. A dlclose while they spin stops no thread and succeeds at once in every setting.

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use conformance::testing::built_test_tree;
use conformance::wasi::{Output, Wasi};
use wasmlink::{Engine, LinkerConfig, MountFs, PollPoints, Process};

fn run<E: Engine>(engine: E, root: &Path, polls: PollPoints) -> String {
    let mut config = LinkerConfig::new(Arc::new(MountFs::root(root).unwrap()));
    config.safepoint_timeout = Duration::from_secs(2);
    config.poll_points = polls;
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
    out.strip_prefix("closed: 0\n")
        .unwrap_or_else(|| panic!("{name}: the dlclose while threads spin: {out}"))
        .to_string()
}

fn check<E: Engine>(engine: E, root: &Path) {
    let name = engine.name();
    let interrupts = engine.capabilities().resumable_safepoints;
    for polls in [PollPoints::Auto, PollPoints::Always] {
        let out = run(engine.clone(), root, polls);
        assert_eq!(out, "loaded: 7\n", "{name} {polls:?}");
    }
    let out = run(engine, root, PollPoints::Never);
    if interrupts {
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
