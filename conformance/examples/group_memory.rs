//! What one more thread (instance group) costs in memory with a tree loaded:
//! `group_memory ENGINE ROOT [K]` loads ROOT's `main.wasm` (a bench tree: `bench-tree100`), then
//! starts K threads that sleep until stopped (the tree's `start_parked`) and prints the resident
//! set before and after, and the difference per thread (docs/benchmarks.md, section 10).

use std::path::Path;
use std::sync::Arc;

use conformance::wasi::{Output, Wasi};
use wasmlink::{Engine, LinkerConfig, ModuleCache, MountFs, Process, Val};

/// Resident set size in KiB, from /proc.
fn rss_kib() -> u64 {
    let statm = std::fs::read_to_string("/proc/self/statm").unwrap_or_default();
    let pages: u64 = statm
        .split_whitespace()
        .nth(1)
        .and_then(|p| p.parse().ok())
        .unwrap_or(0);
    pages * 4
}

fn run<E: Engine>(engine: E, root: &Path, k: i32) {
    let config = LinkerConfig::new(Arc::new(MountFs::root(root).unwrap()));
    let host = Arc::new(Wasi {
        args: vec!["main.wasm".into()],
        env: vec![],
        output: Arc::new(Output::default()),
        files: Default::default(),
    });
    let cache = Arc::new(ModuleCache::default());
    let mut p =
        Process::load_with_cache(engine.clone(), config, host, "/main.wasm", cache).unwrap();
    // One thread first, so that one-time costs (the engine's thread-local state, the first
    // stack pages) are not counted per thread.
    p.call("start_parked", &[Val::I32(1)]).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(200));
    let before = rss_kib();
    let got = p.call("start_parked", &[Val::I32(k + 1)]).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(500));
    let after = rss_kib();
    p.call("stop_parked", &[]).unwrap();
    println!(
        "{}: {} threads parked; RSS {} -> {} KiB: {} KiB per thread",
        engine.name(),
        got.first().map_or(0, |v| v.i32()) - 1,
        before,
        after,
        (after.saturating_sub(before)) / k as u64
    );
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let root = Path::new(args.get(2).expect("usage: group_memory ENGINE ROOT [K]"));
    let k: i32 = args.get(3).and_then(|k| k.parse().ok()).unwrap_or(16);
    match args[1].as_str() {
        "wasmtime" => run(
            wasmlink::wasmtime::WasmtimeEngine::<()>::new().unwrap(),
            root,
            k,
        ),
        _ => run(wasmlink::wasmer::WasmerEngine::new(), root, k),
    }
}
