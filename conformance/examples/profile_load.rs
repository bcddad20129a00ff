//! Loads one tree in a loop, for profiling (`perf record`): `profile_load ENGINE ROOT SECONDS`.
//! `WHAT` picks another loop (see below); `EAGER` turns lazy replication off.
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use conformance::wasi::{Output, Wasi};
use wasmlink::{Engine, LinkerConfig, ModuleCache, MountFs, Process};

fn run<E: Engine>(engine: E, root: &Path, secs: u64) {
    let cache = Arc::new(ModuleCache::default());
    let load = || {
        let mut config = LinkerConfig::new(Arc::new(MountFs::root(root).unwrap()));
        // EAGER set: every thread instantiates every library as it catches up (A/B of lazy
        // replication, docs/threads.md).
        config.lazy_replication = std::env::var_os("EAGER").is_none();
        let host = Arc::new(Wasi {
            args: vec!["main.wasm".into()],
            env: vec![],
            output: Arc::new(Output::default()),
            files: Default::default(),
        });
        Process::load_with_cache(engine.clone(), config, host, "/main.wasm", cache.clone()).unwrap()
    };
    let mut p = load();
    let what = std::env::var("WHAT").unwrap_or_default();
    if let Some(k) = what.strip_prefix("dlopen") {
        // The bench-dlopen-threads tree: dlopen + dlclose with k other threads yielding (or
        // sleeping, with SLEEPING set, or blocked in a futex wait, with WAITING set).
        // `dlopenbigK`: the larger library.
        let (k, open_close) = match k.strip_prefix("big") {
            Some(k) => (k, "open_close_big"),
            None => (k, "open_close"),
        };
        let k: i32 = k.parse().unwrap_or(0);
        let start = if std::env::var_os("SLEEPING").is_some() {
            "start_sleepers"
        } else if std::env::var_os("WAITING").is_some() {
            "start_waiters"
        } else {
            "start_threads"
        };
        assert_eq!(
            p.call(start, &[wasmlink::Val::I32(k)]).unwrap(),
            vec![wasmlink::Val::I32(0)]
        );
        let start = Instant::now();
        let mut n = 0u32;
        while start.elapsed() < Duration::from_secs(secs) {
            assert_eq!(
                p.call(open_close, &[wasmlink::Val::I32(1)]).unwrap(),
                vec![wasmlink::Val::I32(1)]
            );
            n += 1;
        }
        eprintln!("{n} dlopen+dlclose, {:?} each", start.elapsed() / n);
        p.call("stop_threads", &[]).unwrap();
        return;
    }
    if what == "dlsym" || what == "dlsym_embedder" {
        // The bench-calls tree: `loop_dlsym(n)` looks up a resolved symbol n times.
        assert_eq!(p.run().unwrap(), 0);
        let start = Instant::now();
        let mut n = 0u64;
        while start.elapsed() < Duration::from_secs(secs) {
            if what == "dlsym" {
                p.call("loop_dlsym", &[wasmlink::Val::I32(1000)]).unwrap();
            } else {
                for _ in 0..1000 {
                    p.dlsym(0, "lib_inc").unwrap();
                }
            }
            n += 1000;
        }
        eprintln!("{n} lookups, {:?} each", start.elapsed() / n as u32);
        return;
    }
    let start = Instant::now();
    let mut n = 0u32;
    while start.elapsed() < Duration::from_secs(secs) {
        if what == "inst" {
            p.instantiate_again().unwrap();
        } else if what == "fresh" {
            p.instantiate_fresh().unwrap();
        } else if what == "mem" {
            drop(engine.new_shared_memory(20, 16384).unwrap());
        } else if what == "prepare" {
            // Discovery and planning without an engine (what `ldd` runs).
            let config = LinkerConfig::new(Arc::new(MountFs::root(root).unwrap()));
            drop(wasmlink::ldd(&config, "/main.wasm").unwrap());
        } else {
            drop(load());
        }
        n += 1;
    }
    eprintln!("{n} iterations, {:?} each", start.elapsed() / n);
}

fn main() {
    let a: Vec<String> = std::env::args().collect();
    let root = Path::new(&a[2]);
    let secs = a[3].parse().unwrap();
    match a[1].as_str() {
        "wasmtime" => run(
            wasmlink::wasmtime::WasmtimeEngine::<()>::new().unwrap(),
            root,
            secs,
        ),
        _ => run(wasmlink::wasmer::WasmerEngine::new(), root, secs),
    }
}
