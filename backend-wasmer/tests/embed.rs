//! Embedding with your own `wasmer::Imports`: imports that no loaded module defines come from
//! them (made per store by a closure, since wasmer functions belong to a store). Runs a module
//! built in-process, so it needs no toolchain.

use std::sync::atomic::{AtomicI32, Ordering};
use std::sync::Arc;

use backend_wasmer::WasmerEngine;
use linker_core::{LinkerConfig, MountFs, NoHost, Process};

const MAIN: &str = r#"(module
  (@custom "dylink.0" "\01\04\00\00\00\00")
  (import "host" "answer" (func $answer (result i32)))
  (import "host" "report" (func $report (param i32)))
  (func (export "_start") (call $report (call $answer))))"#;

static REPORTED: AtomicI32 = AtomicI32::new(0);

#[test]
fn imports_come_from_the_embedders_imports() {
    let dir = std::env::temp_dir().join(format!("wasmlink-wasmer-embed-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("main.wasm"), wat::parse_str(MAIN).unwrap()).unwrap();

    let engine = WasmerEngine::new().with_imports(|store| {
        let answer = wasmer::Function::new_typed(store, || 42i32);
        let report =
            wasmer::Function::new_typed(store, |v: i32| REPORTED.store(v, Ordering::SeqCst));
        wasmer::imports! { "host" => { "answer" => answer, "report" => report } }
    });

    let fs = Arc::new(MountFs::root(&dir).unwrap());
    let mut process = Process::load(
        engine,
        LinkerConfig::new(fs),
        Arc::new(NoHost),
        "/main.wasm",
    )
    .unwrap();
    assert_eq!(process.run().unwrap(), 0);
    assert_eq!(REPORTED.load(Ordering::SeqCst), 42);
    let _ = std::fs::remove_dir_all(&dir);
}
