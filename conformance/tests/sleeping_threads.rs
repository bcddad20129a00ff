//! A thread sleeping in a host call the embedder marks blocking (`HostImport::Blocking`: here
//! WASI's `poll_oneoff`) does not hold up another thread's dlopen, on either engine: the link
//! operation treats it as idle (safepoint waits are bounded to 300 ms; it sleeps 1.5 s), and it
//! catches up before running wasm again: it calls the new library through a function pointer.

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use conformance::testing::built_test_tree;
use conformance::wasi::{Output, Wasi};
use wasmlink::{Engine, HostDirFs, LinkerConfig, Process};

fn check<E: Engine>(engine: E, root: &Path) {
    let mut config = LinkerConfig::new(Arc::new(HostDirFs::new(root).unwrap()));
    config.safepoint_timeout = Duration::from_millis(300);
    let output = Arc::new(Output::default());
    let host = Arc::new(Wasi {
        args: vec!["main.wasm".into()],
        env: vec![],
        output: output.clone(),
        files: Default::default(),
    });
    let name = engine.name();
    let mut p = Process::load(engine, config, host, "/main.wasm").unwrap();
    assert_eq!(p.run().unwrap(), 0, "{name}: {}", output.stdout_string());
    assert_eq!(
        output.stdout_string(),
        "loaded: 7\nsleeper calls: 7\n",
        "{name}"
    );
}

#[test]
fn dlopen_while_a_thread_sleeps() {
    let root = built_test_tree("sleeping");
    conformance::on_each_engine!(check(&root));
}
