//! Running the linked program on each engine, with that engine's own WASI, and the disk cache of
//! compiled modules.

use std::path::PathBuf;
use std::sync::Arc;

#[cfg(feature = "wasmer")]
use wasmlink::NoHost;
use wasmlink::{LinkerConfig, ModuleCache, Mount, Process, RunError};

#[cfg(feature = "wasmtime")]
use crate::HOST_STACK;
#[cfg(feature = "wasmer")]
use crate::TRAPPED;

/// Where compiled modules are kept between runs.
fn cache_dir(no_cache: bool) -> Option<PathBuf> {
    if no_cache {
        return None;
    }
    if let Some(d) = std::env::var_os("WASMLINK_CACHE_DIR") {
        return Some(PathBuf::from(d));
    }
    let base = match std::env::var_os("XDG_CACHE_HOME") {
        Some(d) if !d.is_empty() => PathBuf::from(d),
        _ => PathBuf::from(std::env::var_os("HOME")?).join(".cache"),
    };
    Some(base.join("wasmlink").join("compiled"))
}

fn cache<E: wasmlink::Engine>(no_cache: bool) -> Arc<ModuleCache<E>> {
    match cache_dir(no_cache) {
        Some(dir) => Arc::new(ModuleCache::with_disk_dir(dir)),
        None => Arc::default(),
    }
}

/// `NAME=VAL`, or `NAME` with its value here (left out if it has none).
pub(crate) fn guest_env(envs: &[String]) -> Vec<(String, String)> {
    envs.iter()
        .filter_map(|e| match e.split_once('=') {
            Some((k, v)) => Some((k.to_string(), v.to_string())),
            None => std::env::var(e).ok().map(|v| (e.clone(), v)),
        })
        .collect()
}

/// What the program is given.
pub(crate) struct Program {
    pub(crate) argv: Vec<String>,
    pub(crate) env: Vec<(String, String)>,
    /// The `--dir` mounts, which the linker's namespace has too.
    pub(crate) dirs: Vec<Mount>,
}

/// Why a run did not give an exit code.
pub(crate) enum Failure {
    Load(String),
    Run(RunError),
}

#[cfg(feature = "wasmtime")]
pub(crate) fn run_wasmtime(
    config: LinkerConfig,
    main: &str,
    program: &Program,
    no_cache: bool,
    winch: bool,
    max_wasm_stack: Option<usize>,
) -> Result<i32, Failure> {
    use wasmlink::wasmtime::wasmtime_wasi::{FsPerms, WasiCtxBuilder};
    use wasmlink::wasmtime::{WasiP1, WasmtimeEngine};

    let mut wasi = WasiCtxBuilder::new();
    wasi.inherit_stdio()
        .args(&program.argv)
        .allow_blocking_current_thread(true);
    for (k, v) in &program.env {
        wasi.env(k, v);
    }
    for m in &program.dirs {
        wasi.preopened_dir(&m.host, &m.guest, FsPerms::ReadWrite)
            .map_err(|e| Failure::Load(format!("--dir {}: {e:#}", m.host.display())))?;
    }
    let mut engine_config = if winch {
        wasmlink::wasmtime::winch_config()
    } else {
        wasmlink::wasmtime::config()
    };
    if let Some(bytes) = max_wasm_stack {
        // wasmtime checks the limit against its async stacks' size even when unused.
        engine_config
            .max_wasm_stack(bytes)
            .async_stack_size(bytes.saturating_add(HOST_STACK));
    }
    let engine = WasmtimeEngine::<()>::with_data(&engine_config, || ())
        .map_err(|e| Failure::Load(e.to_string()))?;
    let host = Arc::new(WasiP1::new(wasi.build_p1()));
    let mut process = Process::load_with_cache(engine, config, host, main, cache(no_cache))
        .map_err(|e| Failure::Load(e.to_string()))?;
    let result = process.run().map_err(Failure::Run);
    // The command exits right after: unmapping every module's code is the kernel's job (a
    // tenth of a second start-up's time for 100 libraries otherwise).
    std::mem::forget(process);
    result
}

#[cfg(feature = "wasmer")]
pub(crate) fn run_wasmer(
    config: LinkerConfig,
    main: &str,
    program: &Program,
    no_cache: bool,
    singlepass: bool,
) -> Result<i32, Failure> {
    use wasmlink::wasmer::{WasixWasi, WasmerEngine};

    let (name, args) = program
        .argv
        .split_first()
        .ok_or_else(|| Failure::Load("no program name".into()))?;
    let mut wasi = WasixWasi::builder(name.as_str())
        .args(args)
        .mounts(&program.dirs);
    for (k, v) in &program.env {
        wasi = wasi.env(k, v);
    }
    let engine = if singlepass {
        WasmerEngine::singlepass()
    } else {
        WasmerEngine::new()
    };
    let wasi = wasi
        .build(&engine)
        .map_err(|e| Failure::Load(format!("WASI: {e}")))?;
    // WASI is the engine's own imports (wasmer-wasix), so the linker's resolver serves nothing.
    let mut process = Process::load_with_cache(
        wasi.install(engine),
        config,
        Arc::new(NoHost),
        main,
        cache(no_cache),
    )
    .map_err(|e| Failure::Load(e.to_string()))?;
    let result = process.run();
    // Flush and close the program's files, whatever the outcome (a trap ends the process too).
    wasi.finish(match &result {
        Ok(code) => *code,
        Err(_) => i32::from(TRAPPED),
    });
    result.map_err(Failure::Run)
}
