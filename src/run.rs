//! Running a program with its engine's own WASI, as the `wasmlink run` command does: one WASI
//! context for the whole process, its directories preopened at the guest paths the linker
//! resolves library names in, compiled modules kept in a [`ModuleCache`], and a native stack
//! large enough for the wasm stack asked for. The command and the conformance suite's CPython
//! group both run programs through here, so what the suite proves is what the command does.

use std::path::PathBuf;
use std::sync::Arc;

use linker_core::{LinkerConfig, ModuleCache, Mount, RunError};

/// Native stack for the host's own frames around wasm, above the wasm stack.
pub const HOST_STACK: usize = 4 << 20;

/// What the program is given.
#[derive(Clone, Debug, Default)]
pub struct Program {
    /// `argv`, the program's name first.
    pub argv: Vec<String>,
    /// The environment, exactly (nothing is inherited).
    pub env: Vec<(String, String)>,
    /// Directories preopened at their guest paths: the same mounts as the linker's namespace,
    /// so the guest's `open` and its `dlopen` see one filesystem.
    pub dirs: Vec<Mount>,
}

/// How the engine runs it.
#[derive(Clone, Debug, Default)]
#[non_exhaustive]
pub struct RunOptions {
    /// Where compiled modules are kept between runs (`None`: in memory, for this run only).
    pub cache_dir: Option<PathBuf>,
    /// The engine's baseline compiler (Winch, singlepass) instead of Cranelift.
    pub baseline: bool,
    /// The engine's wasm stack, in bytes (`None`: the engine's default).
    pub max_wasm_stack: Option<usize>,
}

impl RunOptions {
    /// The defaults: Cranelift, no disk cache, the engine's own stack limit.
    pub fn new() -> RunOptions {
        RunOptions::default()
    }
    /// Keeps compiled modules in `dir`.
    pub fn cache_dir(mut self, dir: Option<PathBuf>) -> RunOptions {
        self.cache_dir = dir;
        self
    }
    /// Uses the engine's baseline compiler.
    pub fn baseline(mut self, yes: bool) -> RunOptions {
        self.baseline = yes;
        self
    }
    /// Sets the engine's wasm stack.
    pub fn max_wasm_stack(mut self, bytes: Option<usize>) -> RunOptions {
        self.max_wasm_stack = bytes;
        self
    }
    /// The native stack a thread running wasm needs: the wasm stack and the host's frames.
    pub fn native_stack(&self) -> Option<usize> {
        self.max_wasm_stack.map(|b| b.saturating_add(HOST_STACK))
    }
}

/// Why a run gave no exit code.
#[derive(Debug)]
#[non_exhaustive]
pub enum ProgramError {
    /// The program could not be loaded (its WASI could not be set up, or linking failed).
    Load(String),
    /// It was loaded and then failed (a trap, a link error at run time).
    Run(RunError),
}

impl std::fmt::Display for ProgramError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ProgramError::Load(e) => write!(f, "{e}"),
            ProgramError::Run(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for ProgramError {}

fn cache<E: linker_core::Engine>(options: &RunOptions) -> Arc<ModuleCache<E>> {
    match &options.cache_dir {
        Some(dir) => Arc::new(ModuleCache::with_disk_dir(dir.clone())),
        None => Arc::default(),
    }
}

/// Runs `f` on a thread with `native_stack` bytes of stack (engines that run wasm on the
/// thread's own stack need it to hold the wasm stack), or on this thread when `None`.
pub fn on_native_stack<T: Send + 'static>(
    native_stack: Option<usize>,
    f: impl FnOnce() -> Result<T, ProgramError> + Send + 'static,
) -> Result<T, ProgramError> {
    let Some(bytes) = native_stack else {
        return f();
    };
    std::thread::Builder::new()
        .name("main".into())
        .stack_size(bytes)
        .spawn(f)
        .map_err(|e| ProgramError::Load(format!("a thread for the program: {e}")))?
        .join()
        .unwrap_or_else(|_| Err(ProgramError::Load("the program's thread panicked".into())))
}

/// Runs `main` (a guest path in `config`'s namespace) on wasmtime, with WASI preview 1 from
/// wasmtime-wasi and the process's standard streams. Call it on a thread with
/// [`RunOptions::native_stack`] bytes of stack ([`on_native_stack`]).
#[cfg(feature = "wasmtime")]
pub fn run_wasmtime(
    config: LinkerConfig,
    main: &str,
    program: &Program,
    options: &RunOptions,
) -> Result<i32, ProgramError> {
    use backend_wasmtime::wasi::WasiP1;
    use backend_wasmtime::WasmtimeEngine;
    use wasmtime_wasi::{FsPerms, WasiCtxBuilder};

    let mut wasi = WasiCtxBuilder::new();
    wasi.inherit_stdio()
        .args(&program.argv)
        .allow_blocking_current_thread(true);
    for (k, v) in &program.env {
        wasi.env(k, v);
    }
    for m in &program.dirs {
        wasi.preopened_dir(&m.host, &m.guest, FsPerms::ReadWrite)
            .map_err(|e| ProgramError::Load(format!("--dir {}: {e:#}", m.host.display())))?;
    }
    let mut engine_config = if options.baseline {
        backend_wasmtime::winch_config()
    } else {
        backend_wasmtime::config()
    };
    if let Some(bytes) = options.max_wasm_stack {
        // wasmtime checks the limit against its async stacks' size even when unused.
        engine_config
            .max_wasm_stack(bytes)
            .async_stack_size(bytes.saturating_add(HOST_STACK));
    }
    let engine = WasmtimeEngine::<()>::with_data(&engine_config, || ())
        .map_err(|e| ProgramError::Load(e.to_string()))?;
    let host = Arc::new(WasiP1::new(wasi.build_p1()));
    let mut process =
        linker_core::Process::load_with_cache(engine, config, host, main, cache(options))
            .map_err(|e| ProgramError::Load(e.to_string()))?;
    let result = process.run().map_err(ProgramError::Run);
    // The program's end is the caller's end: unmapping every module's code is the kernel's
    // job (a tenth of a second of start-up's time for 100 libraries otherwise).
    std::mem::forget(process);
    result
}

/// Runs `main` on wasmi, the interpreter, with WASI preview 1 from wasmi_wasi (wasi-common) and
/// the process's standard streams. wasmi bounds deep recursion by frames, not bytes: a
/// `max_wasm_stack` becomes as many frames as a JIT's stack of that size holds
/// ([`WasmiEngine::with_max_stack`](backend_wasmi::WasmiEngine::with_max_stack)).
#[cfg(feature = "wasmi")]
pub fn run_wasmi(
    config: LinkerConfig,
    main: &str,
    program: &Program,
    options: &RunOptions,
) -> Result<i32, ProgramError> {
    use backend_wasmi::wasi::wasmi_wasi::{ambient_authority, Dir, WasiCtxBuilder};
    use backend_wasmi::WasmiEngine;

    let load = |what: &str, e: &dyn std::fmt::Display| ProgramError::Load(format!("{what}: {e}"));
    let mut wasi = WasiCtxBuilder::new();
    wasi.inherit_stdio()
        .args(&program.argv)
        .map_err(|e| load("arguments", &e))?;
    for (k, v) in &program.env {
        wasi.env(k, v).map_err(|e| load("environment", &e))?;
    }
    for m in &program.dirs {
        let what = format!("--dir {}", m.host.display());
        let dir =
            Dir::open_ambient_dir(&m.host, ambient_authority()).map_err(|e| load(&what, &e))?;
        wasi.preopened_dir(dir, &m.guest)
            .map_err(|e| load(&what, &e))?;
    }
    let mut engine = WasmiEngine::with_wasi(wasi.build());
    if let Some(bytes) = options.max_wasm_stack {
        engine = engine.with_max_stack(bytes);
    }
    let mut process = linker_core::Process::load_with_cache(
        engine,
        config,
        Arc::new(linker_core::NoHost),
        main,
        cache(options),
    )
    .map_err(|e| ProgramError::Load(e.to_string()))?;
    let result = process.run().map_err(ProgramError::Run);
    std::mem::forget(process);
    result
}

/// Runs `main` on wasmer, with WASI preview 1 from wasmer-wasix and the process's standard
/// streams; `trapped` is the exit code its WASI records when the program traps. Sets wasmer's
/// wasm stack, which is process-wide in wasmer 7.4, when the options ask.
#[cfg(feature = "wasmer")]
pub fn run_wasmer(
    config: LinkerConfig,
    main: &str,
    program: &Program,
    options: &RunOptions,
    trapped: i32,
) -> Result<i32, ProgramError> {
    use backend_wasmer::wasi::WasixWasi;
    use backend_wasmer::WasmerEngine;

    if let Some(bytes) = options.max_wasm_stack {
        WasmerEngine::set_wasm_stack_size(bytes);
    }
    let (name, args) = program
        .argv
        .split_first()
        .ok_or_else(|| ProgramError::Load("no program name".into()))?;
    let mut wasi = WasixWasi::builder(name.as_str())
        .args(args)
        .mounts(&program.dirs);
    for (k, v) in &program.env {
        wasi = wasi.env(k, v);
    }
    let engine = if options.baseline {
        WasmerEngine::singlepass()
    } else {
        WasmerEngine::new()
    };
    let wasi = wasi
        .build(&engine)
        .map_err(|e| ProgramError::Load(format!("WASI: {e}")))?;
    // WASI is the engine's own imports (wasmer-wasix), so the linker's resolver serves nothing.
    let mut process = linker_core::Process::load_with_cache(
        wasi.install(engine),
        config,
        Arc::new(linker_core::NoHost),
        main,
        cache(options),
    )
    .map_err(|e| ProgramError::Load(e.to_string()))?;
    let result = process.run();
    // Flush and close the program's files, whatever the outcome (a trap ends the process too).
    wasi.finish(match &result {
        Ok(code) => *code,
        Err(_) => trapped,
    });
    result.map_err(ProgramError::Run)
}
