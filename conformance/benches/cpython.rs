//! CPython 3.11 on the linker (issue: CPython with its extension modules as shared libraries):
//! the dynamic build (every stdlib extension module a side module loaded by `dlopen`, and the C
//! libraries they wrap shared libraries of their own) against the static build of the same
//! sources (all of it linked into python.wasm), on each engine, in one run. docs/benchmarks.md
//! has the ratios and how to reproduce them:
//!
//!     cargo bench -p conformance --bench cpython
//!
//! Each run is a process of its own, as `wasmlink run` is (conformance/src/program.rs), with the
//! engine's own WASI. Groups:
//! - `startup/pass`, `startup/imports`: `python -c pass`, and a start that imports json, zlib,
//!   sqlite3, decimal and xml.etree, with compiled modules cached on disk (a warm-up run fills
//!   the cache);
//! - `work/{json,zlib,decimal,sqlite}`: extension-heavy work timed by the guest's own clock, so
//!   start-up is left out: json round-trips, zlib compress and decompress, decimal arithmetic,
//!   sqlite inserts;
//! - `cold/pass`: `python -c pass` with nothing cached (every module compiled, on every core).

use std::path::{Path, PathBuf};
use std::time::Duration;

use conformance::cpython::{prefix, BUILDS};
use conformance::program::{run_program, serve_child, ProgramRun};
use conformance::runner::EngineKind;
use criterion::{BenchmarkId, Criterion, SamplingMode};

const TIMEOUT: Duration = Duration::from_secs(600);

/// A run of `python3.11 ARGS` from `prefix` on `engine`, compiled modules kept in `cache`.
fn python_run(
    engine: EngineKind,
    prefix: &Path,
    args: &[&str],
    cache: Option<PathBuf>,
) -> ProgramRun {
    let scripts = Path::new(env!("CARGO_MANIFEST_DIR")).join("cpython/scripts");
    let tmp = std::env::temp_dir().join("wasmlink-cpython-bench");
    let _ = std::fs::create_dir_all(tmp.join("root"));
    ProgramRun {
        engine: engine.name().into(),
        mounts: vec![
            (tmp.join("root"), "/".into()),
            (prefix.to_path_buf(), "/usr/local".into()),
            (scripts, "/suite".into()),
        ],
        main: "/usr/local/bin/python3.11.wasm".into(),
        args: args.iter().map(|s| s.to_string()).collect(),
        env: vec![
            ("PYTHONHOME".into(), "/usr/local".into()),
            ("PYTHONDONTWRITEBYTECODE".into(), "1".into()),
        ],
        max_wasm_stack: Some(8 << 20),
        cache_dir: cache,
    }
}

/// Runs it and insists it worked; returns its standard output.
fn run_ok(run: &ProgramRun) -> String {
    let out = run_program(run, TIMEOUT);
    assert_eq!(out.exit_code, 0, "{run:?}\n{}{}", out.stdout, out.stderr);
    out.stdout
}

fn builds() -> Vec<(&'static str, PathBuf)> {
    BUILDS
        .iter()
        .map(|b| (*b, prefix(b).expect("building CPython")))
        .collect()
}

fn startup(c: &mut Criterion, builds: &[(&'static str, PathBuf)], cache: &Path) {
    const IMPORTS: &str = "import json, zlib, sqlite3, decimal, xml.etree.ElementTree";
    let mut g = c.benchmark_group("startup");
    g.sample_size(20).measurement_time(Duration::from_secs(8));
    for engine in EngineKind::all() {
        for (build, prefix) in builds {
            for (name, code) in [("pass", "pass"), ("imports", IMPORTS)] {
                let run = python_run(engine, prefix, &["-c", code], Some(cache.to_path_buf()));
                // The warm-up fills the cache.
                run_ok(&run);
                let id = BenchmarkId::new(name, format!("{}/{build}", engine.name()));
                g.bench_function(id, |b| b.iter(|| run_ok(&run)));
            }
        }
    }
    g.finish();
}

fn work(c: &mut Criterion, builds: &[(&'static str, PathBuf)], cache: &Path) {
    let mut g = c.benchmark_group("work");
    g.sample_size(10).measurement_time(Duration::from_secs(6));
    for engine in EngineKind::all() {
        for (build, prefix) in builds {
            for name in ["json", "zlib", "decimal", "sqlite"] {
                let id = BenchmarkId::new(name, format!("{}/{build}", engine.name()));
                g.bench_function(id, |b| {
                    b.iter_custom(|rounds| {
                        let n = rounds.to_string();
                        let args = ["/suite/bench_work.py", name, n.as_str()];
                        let run = python_run(engine, prefix, &args, Some(cache.to_path_buf()));
                        let nanos: u64 = run_ok(&run).trim().parse().expect("nanoseconds");
                        Duration::from_nanos(nanos)
                    })
                });
            }
        }
    }
    g.finish();
}

fn cold(c: &mut Criterion, builds: &[(&'static str, PathBuf)]) {
    let mut g = c.benchmark_group("cold");
    // Seconds a run: ten runs, one a sample.
    g.sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .measurement_time(Duration::from_secs(40));
    for engine in EngineKind::all() {
        for (build, prefix) in builds {
            let run = python_run(engine, prefix, &["-c", "pass"], None);
            let id = BenchmarkId::new("pass", format!("{}/{build}", engine.name()));
            g.bench_function(id, |b| b.iter(|| run_ok(&run)));
        }
    }
    g.finish();
}

fn main() {
    // Each run is this executable again, as the child that runs one program.
    serve_child();
    let builds = builds();
    let cache = std::env::temp_dir().join("wasmlink-cpython-bench-cache");
    let mut c = Criterion::default().configure_from_args();
    startup(&mut c, &builds, &cache);
    work(&mut c, &builds, &cache);
    cold(&mut c, &builds);
    c.final_summary();
}
