//! What the linker costs, against the engines' own costs (issue: benchmarks). Each figure has its
//! reference measured in the same run; docs/benchmarks.md has the table and how to reproduce it:
//!
//!     cargo bench -p conformance --bench linking
//!
//! Groups, per engine:
//! - `load/N`: link main + N libraries (20 functions, 20 data symbols each), compiled modules
//!   cached, against `instantiate/N`: the same modules instantiated with imports already resolved
//!   (in the live process memory), and `instantiate_fresh_memory/N` (in a new one).
//!   `link` starts a program started before (its start-up records are reused while the files are
//!   unchanged); `link_unseen_tree` binds every import again.
//! - `calls/*`: 1,000,000 calls: within a module (directly and, in `*/single/*`, through a function
//!   pointer: the engine's own indirect call), through a plain import, a function pointer, a
//!   lazily bound PLT slot (the stub moved into the caller, and in a module of its own); and
//!   `dlsym` of a resolved symbol from the guest.
//! - `pingpong/*`: the whole process, 30 million calls main -> libping -> libpong, against the same
//!   sources linked into one module.
//! - `dlsym_fresh/embedder/100`: the first lookup of each of 4,000 symbols in a new process.
//! - `spawn/100`: starting and joining a thread (a new instance group) with 100 libraries loaded.
//! - `dlopen_with_threads/*`: `dlopen` + `dlsym` + `dlclose` beside k threads that are busy
//!   (yielding), spinning (no call at all), asleep (1 ms naps) or blocked in an unbounded futex
//!   wait; `poll_points/*`: the 30M-call program with and without poll points; `futex/*`: 10,000
//!   futex handoffs between two threads, with every wait a safepoint and with modules as built.
//! - `*/single/*`: on every engine, wasmi included, the trees built without threads: start-up
//!   of the 100-library tree (cached, nothing cached), the calls, `dlopen` + `dlsym` +
//!   `dlclose`, and the 30-million-call program against its one-module build.
//! - `cold/*` (both engines in one group): a start-up with nothing cached (a new `ModuleCache`
//!   each time) of the 100- and 1000-library trees, compiling on one thread and on every core,
//!   with Cranelift and with each engine's baseline compiler (Winch, singlepass); and
//!   `tiers/*`: the 30-million-call program on each compiler (compiled modules cached).

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use conformance::fixtures::build_case;
use conformance::manifest::{load_cases, Case};
use conformance::wasi::{Output, Wasi};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use wasmlink::{Engine, LinkerConfig, ModuleCache, MountFs, PollPoints, Process, Val};

fn trees() -> Vec<Case> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/trees");
    let mut cases = load_cases(&dir).expect("bench trees");
    for c in &mut cases {
        c.name = format!("bench-{}", c.name);
    }
    cases
}

fn tree_root(name: &str) -> PathBuf {
    let case = trees().into_iter().find(|c| c.name == name).expect(name);
    build_case(&case).expect("building the bench tree")
}

fn host() -> Arc<Wasi> {
    Arc::new(Wasi {
        args: vec!["main.wasm".into()],
        env: vec![],
        output: Arc::new(Output::default()),
        files: Default::default(),
    })
}

fn load<E: Engine>(engine: &E, root: &Path, main: &str, cache: &Arc<ModuleCache<E>>) -> Process<E> {
    let config = LinkerConfig::new(Arc::new(MountFs::root(root).unwrap()));
    Process::load_with_cache(engine.clone(), config, host(), main, cache.clone()).unwrap()
}

fn bench_engine<E: Engine>(c: &mut Criterion, engine: E) {
    let name = engine.name();
    // 1. Load-time link against bare instantiation.
    let mut g = c.benchmark_group(format!("{name}/load"));
    g.sample_size(10).measurement_time(Duration::from_secs(3));
    for n in [1, 10, 100] {
        let root = tree_root(&format!("bench-tree{n}"));
        let cache = Arc::new(ModuleCache::default());
        let p = load(&engine, &root, "/main.wasm", &cache);
        g.bench_function(BenchmarkId::new("link", n), |b| {
            b.iter(|| load(&engine, &root, "/main.wasm", &cache))
        });
        // The same, for a tree whose start-up records are not cached (files parsed and modules
        // compiled still are): every import bound again.
        g.bench_function(BenchmarkId::new("link_unseen_tree", n), |b| {
            b.iter_batched(
                || cache.clear_launches(),
                |_| drop(load(&engine, &root, "/main.wasm", &cache)),
                criterion::BatchSize::PerIteration,
            )
        });
        g.bench_function(BenchmarkId::new("instantiate", n), |b| {
            b.iter(|| p.instantiate_again().unwrap())
        });
        // The same in a new process memory: what an embedder starting the linked program by
        // hand also pays (the memory's pages faulted in, then unmapped).
        g.bench_function(BenchmarkId::new("instantiate_fresh_memory", n), |b| {
            b.iter(|| p.instantiate_fresh().unwrap())
        });
    }
    g.finish();

    // 3a'. dlsym of fresh symbols: the first lookup of each of the tree's 2,000 functions and
    // 2,000 data symbols in a new process (a miss of the lookup cache: a scope walk, and for a
    // function its canonical table slot). New processes are made outside the timing.
    let root = tree_root("bench-tree100");
    let cache = Arc::new(ModuleCache::default());
    let names: Vec<String> = (0..100)
        .flat_map(|i| (0..20).flat_map(move |j| [format!("f{i}_{j}"), format!("d{i}_{j}")]))
        .collect();
    let mut g = c.benchmark_group(format!("{name}/dlsym_fresh"));
    g.sample_size(10).measurement_time(Duration::from_secs(3));
    g.bench_function("embedder/100", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            let mut done = 0u64;
            while done < iters {
                let mut p = load(&engine, &root, "/main.wasm", &cache);
                let k = names.len().min((iters - done) as usize);
                let start = Instant::now();
                for n in &names[..k] {
                    p.dlsym(0, n).unwrap();
                }
                total += start.elapsed();
                done += k as u64;
            }
            total
        })
    });
    g.finish();

    // 4. Spawning an instance group with 100 libraries loaded (against `instantiate/100` above).
    let mut p = load(&engine, &root, "/main.wasm", &cache);
    let mut g = c.benchmark_group(format!("{name}/spawn"));
    g.sample_size(10).measurement_time(Duration::from_secs(5));
    g.bench_function("spawn_join/100", |b| {
        b.iter(|| assert_eq!(p.call("spawn_join", &[]).unwrap(), vec![Val::I32(0)]))
    });
    g.finish();
    drop(p);

    // 3b. dlopen + dlclose of a small library with k other threads running: busy (yielding) or
    // mostly asleep (1 ms sleeps, a blocking host call).
    let root = tree_root("bench-dlopen-threads");
    let cache = Arc::new(ModuleCache::default());
    let mut p = load(&engine, &root, "/main.wasm", &cache);
    let mut g = c.benchmark_group(format!("{name}/dlopen_with_threads"));
    g.sample_size(10).measurement_time(Duration::from_secs(3));
    for (kind, start) in [
        ("busy", "start_threads"),
        ("spinning", "start_spinners"),
        ("sleeping", "start_sleepers"),
        ("waiting", "start_waiters"),
    ] {
        for k in [0, 1, 4, 16] {
            if k == 0 && kind != "busy" {
                continue;
            }
            assert_eq!(p.call(start, &[Val::I32(k)]).unwrap(), vec![Val::I32(0)]);
            g.bench_function(BenchmarkId::new(kind, k), |b| {
                b.iter(|| {
                    assert_eq!(
                        p.call("open_close", &[Val::I32(1)]).unwrap(),
                        vec![Val::I32(1)]
                    )
                })
            });
            p.call("stop_threads", &[]).unwrap();
        }
    }
    g.finish();
    drop(p);

    // 3c. A futex handoff between two threads (10,000 round trips, each side waiting for its
    // turn): with every wait a safepoint (bracketed by the linker's leave/enter) and with the
    // modules as built (`wait_safepoints` off, its own cache).
    let mut g = c.benchmark_group(format!("{name}/futex"));
    g.sample_size(10).measurement_time(Duration::from_secs(3));
    for (label, on) in [("bracketed", true), ("as_built", false)] {
        let mut config = LinkerConfig::new(Arc::new(MountFs::root(&root).unwrap()));
        config.wait_safepoints = on;
        let cache = Arc::new(ModuleCache::default());
        let mut p =
            Process::load_with_cache(engine.clone(), config, host(), "/main.wasm", cache).unwrap();
        g.bench_function(BenchmarkId::new("handoff_x10000", label), |b| {
            b.iter(|| {
                assert_eq!(
                    p.call("futex_handoff", &[Val::I32(10_000)]).unwrap(),
                    vec![Val::I32(0)]
                )
            })
        });
    }
    g.finish();

    // 2. Cross-module calls in steady state.
    let root = tree_root("bench-calls");
    let cache = Arc::new(ModuleCache::default());
    let mut p = load(&engine, &root, "/main.wasm", &cache);
    assert_eq!(p.run().unwrap(), 0);
    let mut g = c.benchmark_group(format!("{name}/calls"));
    g.sample_size(10).measurement_time(Duration::from_secs(3));
    const N: i32 = 1_000_000;
    for f in ["loop_local", "loop_import", "loop_pointer", "loop_plt"] {
        g.bench_function(f, |b| b.iter(|| p.call(f, &[Val::I32(N)]).unwrap()));
    }
    g.bench_function("dlsym_resolved_x1000", |b| {
        b.iter(|| p.call("loop_dlsym", &[Val::I32(1000)]).unwrap())
    });
    // The same lookup from the embedder: no guest-to-host call, the lock-free snapshot.
    g.bench_function("dlsym_resolved_embedder", |b| {
        b.iter(|| p.dlsym(0, "lib_inc").unwrap())
    });
    // The PLT as it was: each stub in a generated module of its own (`inline_plt` off).
    let mut config = LinkerConfig::new(Arc::new(MountFs::root(&root).unwrap()));
    config.inline_plt = false;
    let mut q =
        Process::load_with_cache(engine.clone(), config, host(), "/main.wasm", cache).unwrap();
    assert_eq!(q.run().unwrap(), 0);
    g.bench_function("loop_plt_separate_stub", |b| {
        b.iter(|| q.call("loop_plt", &[Val::I32(N)]).unwrap())
    });
    g.finish();

    // 3d. What poll points cost (`PollPoints`): the 30M-call program (built with threads, so
    // polled where asked) with and without them, on every engine (wasmtime polls only when
    // asked: its epochs interrupt), against the same sources in one module.
    let root = tree_root("bench-pingpong");
    let mut g = c.benchmark_group(format!("{name}/poll_points"));
    g.sample_size(10).measurement_time(Duration::from_secs(5));
    for (label, polls) in [("never", PollPoints::Never), ("always", PollPoints::Always)] {
        let cache = Arc::new(ModuleCache::default());
        for main in ["/main.wasm", "/static.wasm"] {
            let mut config = LinkerConfig::new(Arc::new(MountFs::root(&root).unwrap()));
            config.poll_points = polls;
            let p = Process::load_with_cache(engine.clone(), config, host(), main, cache.clone());
            drop(p.unwrap());
            let id = format!("{}/{label}", main.trim_start_matches('/'));
            g.bench_function(id, |b| {
                b.iter(|| {
                    let mut config = LinkerConfig::new(Arc::new(MountFs::root(&root).unwrap()));
                    config.poll_points = polls;
                    let mut p = Process::load_with_cache(
                        engine.clone(),
                        config,
                        host(),
                        main,
                        cache.clone(),
                    )
                    .unwrap();
                    assert_eq!(p.run().unwrap(), 0);
                })
            });
        }
    }
    g.finish();

    // 3. The whole program, dynamically linked against one module.
    let root = tree_root("bench-pingpong");
    let cache = Arc::new(ModuleCache::default());
    let mut g = c.benchmark_group(format!("{name}/pingpong"));
    g.sample_size(10).measurement_time(Duration::from_secs(5));
    for main in ["/main.wasm", "/static.wasm"] {
        g.bench_function(main.trim_start_matches('/'), |b| {
            b.iter(|| {
                let mut p = load(&engine, &root, main, &cache);
                assert_eq!(p.run().unwrap(), 0);
            })
        });
    }
    g.finish();
}

/// The same measurements on every engine, the interpreter included, with the trees built without
/// threads (wasmi has no shared memory): start-up of the 100- and 1000-library trees cached and
/// with nothing cached, against bare instantiation, 1,000,000 calls each way, the 30-million-call program against its one-module
/// build, and `dlopen` + `dlsym` + `dlclose`.
fn bench_single<E: Engine>(c: &mut Criterion, engine: E) {
    let name = engine.name();
    let mut g = c.benchmark_group(format!("{name}/single"));
    g.sample_size(10).measurement_time(Duration::from_secs(5));
    let root = tree_root("bench-tree100@single");
    let cache = Arc::new(ModuleCache::default());
    drop(load(&engine, &root, "/main.wasm", &cache));
    g.bench_function("link/100", |b| {
        b.iter(|| load(&engine, &root, "/main.wasm", &cache))
    });
    g.bench_function("cold/100", |b| b.iter(|| cold_start(&engine, &root, 0)));
    // Bare instantiation of the same modules, linked once, in a new memory (a memory that is
    // not shared cannot be instantiated into again): what the link adds to it.
    let p = load(&engine, &root, "/main.wasm", &cache);
    g.bench_function("instantiate_fresh_memory/100", |b| {
        b.iter(|| p.instantiate_fresh().unwrap())
    });
    drop(p);
    let root = tree_root("bench-tree1000@single");
    let cache = Arc::new(ModuleCache::default());
    drop(load(&engine, &root, "/main.wasm", &cache));
    g.bench_function("link/1000", |b| {
        b.iter(|| load(&engine, &root, "/main.wasm", &cache))
    });
    g.bench_function("cold/1000", |b| b.iter(|| cold_start(&engine, &root, 0)));
    drop(cache);
    let root = tree_root("bench-calls@single");
    let cache = Arc::new(ModuleCache::default());
    let mut p = load(&engine, &root, "/main.wasm", &cache);
    assert_eq!(p.run().unwrap(), 0);
    for f in [
        "loop_local",
        "loop_local_pointer",
        "loop_import",
        "loop_pointer",
        "loop_plt",
    ] {
        g.bench_function(format!("calls/{f}"), |b| {
            b.iter(|| p.call(f, &[Val::I32(1_000_000)]).unwrap())
        });
    }
    drop(p);
    let root = tree_root("bench-dlopen@single");
    let cache = Arc::new(ModuleCache::default());
    let mut p = load(&engine, &root, "/main.wasm", &cache);
    g.bench_function("dlopen_dlsym_dlclose", |b| {
        b.iter(|| {
            assert_eq!(
                p.call("open_close", &[Val::I32(1)]).unwrap(),
                vec![Val::I32(1)]
            )
        })
    });
    drop(p);
    let root = tree_root("bench-pingpong@single");
    let cache = Arc::new(ModuleCache::default());
    for main in ["/main.wasm", "/static.wasm"] {
        g.bench_function(format!("pingpong/{}", main.trim_start_matches('/')), |b| {
            b.iter(|| {
                let mut p = load(&engine, &root, main, &cache);
                assert_eq!(p.run().unwrap(), 0);
            })
        });
    }
    g.finish();
}

/// A start-up with nothing cached: every module compiled (on `threads` threads; 0: every core).
fn cold_start<E: Engine>(engine: &E, root: &Path, threads: usize) {
    let mut config = LinkerConfig::new(Arc::new(MountFs::root(root).unwrap()));
    config.compile_threads = threads;
    let cache = Arc::new(ModuleCache::default());
    let p = Process::load_with_cache(engine.clone(), config, host(), "/main.wasm", cache).unwrap();
    drop(p);
}

/// Cold start-up on each compiler, and what each compiler's code costs to run.
fn bench_tiers<E: Engine>(c: &mut Criterion, tier: &str, engine: E, threads: &[usize]) {
    let mut g = c.benchmark_group("cold");
    g.sample_size(10).measurement_time(Duration::from_secs(5));
    for n in [100, 1000] {
        let root = tree_root(&format!("bench-tree{n}"));
        // One thread against every core on the 100-library tree; the 1000-library one (seconds
        // per start) on every core only.
        for &t in threads.iter().filter(|&&t| n == 100 || t == 0) {
            let threads = if t == 0 {
                "all".to_string()
            } else {
                t.to_string()
            };
            g.bench_function(format!("{tier}/tree{n}/threads-{threads}"), |b| {
                b.iter(|| cold_start(&engine, &root, t))
            });
        }
    }
    g.finish();
    let root = tree_root("bench-pingpong");
    let cache = Arc::new(ModuleCache::default());
    let mut g = c.benchmark_group("tiers");
    g.sample_size(10).measurement_time(Duration::from_secs(5));
    g.bench_function(format!("{tier}/pingpong"), |b| {
        b.iter(|| {
            let mut p = load(&engine, &root, "/main.wasm", &cache);
            assert_eq!(p.run().unwrap(), 0);
        })
    });
    g.finish();
}

fn benches(c: &mut Criterion) {
    use wasmlink::wasmer::WasmerEngine;
    use wasmlink::wasmtime::WasmtimeEngine;
    // Built here for `whole_process.sh`, which runs the wasmer CLI on it (no bench uses it).
    tree_root("bench-cli1000");
    bench_engine(c, WasmtimeEngine::<()>::new().unwrap());
    bench_engine(c, WasmerEngine::new());
    bench_single(c, WasmtimeEngine::<()>::new().unwrap());
    bench_single(c, WasmerEngine::new());
    bench_single(c, wasmlink::wasmi::WasmiEngine::<()>::new());
    bench_tiers(
        c,
        "wasmtime-cranelift",
        WasmtimeEngine::<()>::new().unwrap(),
        &[1, 0],
    );
    bench_tiers(
        c,
        "wasmtime-winch",
        WasmtimeEngine::<()>::winch().unwrap(),
        &[0],
    );
    bench_tiers(c, "wasmer-cranelift", WasmerEngine::new(), &[1, 0]);
    bench_tiers(c, "wasmer-singlepass", WasmerEngine::singlepass(), &[0]);
}

criterion_group!(linking, benches);
criterion_main!(linking);
