//! Embedding with your own `wasmtime::Linker<T>`: imports that no loaded module defines come
//! from it (here two host functions; `wasmtime-wasi` plugs in the same way). Runs a module built
//! in-process, so it needs no toolchain.

use std::sync::atomic::{AtomicI32, Ordering};
use std::sync::Arc;

use backend_wasmtime::WasmtimeEngine;
use linker_core::{LinkerConfig, MountFs, NoHost, Process};

const MAIN: &str = r#"(module
  (@custom "dylink.0" "\01\04\00\00\00\00")
  (import "host" "answer" (func $answer (result i32)))
  (import "host" "report" (func $report (param i32)))
  (func (export "_start") (call $report (call $answer))))"#;

#[test]
fn imports_come_from_the_embedders_linker() {
    let dir = std::env::temp_dir().join(format!("wasmlink-wasmtime-embed-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("main.wasm"), wat::parse_str(MAIN).unwrap()).unwrap();

    let reported = Arc::new(AtomicI32::new(0));
    let engine = WasmtimeEngine::<()>::new().unwrap();
    let mut linker = wasmtime::Linker::new(engine.wasmtime());
    linker.func_wrap("host", "answer", || 42i32).unwrap();
    let r = reported.clone();
    linker
        .func_wrap("host", "report", move |v: i32| r.store(v, Ordering::SeqCst))
        .unwrap();
    let engine = engine.with_linker(linker);

    let fs = Arc::new(MountFs::root(&dir).unwrap());
    let mut process = Process::load(
        engine,
        LinkerConfig::new(fs),
        Arc::new(NoHost),
        "/main.wasm",
    )
    .unwrap();
    assert_eq!(process.run().unwrap(), 0);
    assert_eq!(reported.load(Ordering::SeqCst), 42);
    let _ = std::fs::remove_dir_all(&dir);
}
