//! `wasmlink`: run a WebAssembly program built as dylink.0 shared libraries, as `ld.so` runs an
//! ELF one. `wasmlink run` loads the main module and its libraries and runs it with WASI;
//! `wasmlink ldd` prints the tree a program loads.
//!
//! As `wasmtime run` does, the guest sees only the variables given with `--env` and the
//! directories given with `--dir`, and so does its `dlopen`: every library name is resolved in
//! the program's namespace (those directories at their guest paths, the `-L` directories and the
//! main module's directory at their own paths), never elsewhere on the host. As `ld.so` does, the linker reads `LD_LIBRARY_PATH`,
//! `LD_BIND_NOW`, `LD_PRELOAD` and `LD_DEBUG=libs|bindings|all` from the host environment.
//! Compiled modules are kept in the user's cache directory (`$XDG_CACHE_HOME/wasmlink` or
//! `~/.cache/wasmlink`; `WASMLINK_CACHE_DIR` or `--no-cache` change it), so a second start skips
//! compilation.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use clap::{Parser, Subcommand, ValueEnum};
#[cfg(feature = "wasmer")]
use wasmlink::NoHost;
use wasmlink::{LinkerConfig, ModuleCache, Mount, MountFs, Process, RunError};

/// Exit code when the program cannot be loaded (as glibc's `ld.so` and a shell's "cannot
/// execute").
const LOAD_FAILURE: u8 = 127;
/// Exit code when the program traps (as a native program killed by `SIGABRT`).
const TRAPPED: u8 = 134;
/// Native stack for the host's own frames around wasm, above `--max-wasm-stack`.
const HOST_STACK: usize = 4 << 20;

#[derive(Parser)]
#[command(
    name = "wasmlink",
    version,
    about = "A dynamic linker for WebAssembly dylink.0 programs",
    long_about = "Runs a WebAssembly program built as a main module and shared libraries \
                  (clang/wasm-ld, dylink.0), as ld.so runs an ELF program."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Load a program and its shared libraries, and run it.
    Run(RunArgs),
    /// Print the shared libraries a program loads (and, with -r, the symbols nothing defines).
    Ldd(LddArgs),
}

/// The engines this build has.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum EngineChoice {
    /// wasmtime 48 (Cranelift), with WASI from wasmtime-wasi.
    #[cfg(feature = "wasmtime")]
    Wasmtime,
    /// wasmer 7.4 (Cranelift), with WASI from wasmer-wasix.
    #[cfg(feature = "wasmer")]
    Wasmer,
}

#[cfg(feature = "wasmtime")]
const DEFAULT_ENGINE: EngineChoice = EngineChoice::Wasmtime;
#[cfg(all(not(feature = "wasmtime"), feature = "wasmer"))]
const DEFAULT_ENGINE: EngineChoice = EngineChoice::Wasmer;

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum CompilerChoice {
    Cranelift,
    Winch,
    Singlepass,
}

/// The program's filesystem (docs/abi.md, "The namespace"): what `--dir` gives it, and the
/// library directories and main module named on the command line.
#[derive(clap::Args)]
struct Namespace {
    /// Search DIR for libraries, before LD_LIBRARY_PATH (may be repeated). The linker sees DIR
    /// read-only at its own absolute path (the program's files do not include it).
    #[arg(short = 'L', long = "library-path", value_name = "DIR")]
    lib_dirs: Vec<PathBuf>,
    /// Give the program the host directory HOST, as GUEST in its filesystem (default: HOST).
    /// Its files and the libraries in it are seen at GUEST by `open` and `dlopen` alike.
    #[arg(long = "dir", value_name = "HOST[::GUEST]")]
    dirs: Vec<String>,
}

#[derive(clap::Args)]
struct RunArgs {
    /// The engine to run on.
    #[arg(long, value_enum, default_value_t = DEFAULT_ENGINE)]
    engine: EngineChoice,
    #[command(flatten)]
    namespace: Namespace,
    /// Give the program the variable NAME, with VAL or its value here (may be repeated).
    #[arg(long = "env", value_name = "NAME[=VAL]")]
    envs: Vec<String>,
    /// Load LIB after the main module and before its own libraries (as LD_PRELOAD: a name
    /// searched as a needed library is, or a path in the program's namespace).
    #[arg(long, value_name = "LIB")]
    preload: Vec<String>,
    /// Bind every function at load and fail if one is missing (as LD_BIND_NOW).
    #[arg(long)]
    bind_now: bool,
    /// Do not keep compiled modules on disk.
    #[arg(long)]
    no_cache: bool,
    /// How many threads compile modules at start-up and `dlopen` (0: one per core).
    #[arg(long, value_name = "N", default_value_t = 0)]
    compile_threads: usize,
    /// The compiler: the engine's optimizing one (Cranelift, on both), or its baseline one,
    /// which compiles several times faster into slower code and lacks wasm exceptions (winch on
    /// wasmtime, singlepass on wasmer).
    #[arg(long, value_enum, default_value_t = CompilerChoice::Cranelift)]
    compiler: CompilerChoice,
    /// The most native stack wasm may use, in bytes (deep recursion; CPython's parser wants
    /// 8 MiB): wasmtime's `max_wasm_stack` (default 512 KiB), wasmer's wasm stack (default
    /// 1 MiB). Every thread of the program gets that much, and more, of its own.
    #[arg(long, value_name = "BYTES")]
    max_wasm_stack: Option<usize>,
    /// The C stack of each thread of the program, in bytes (the linker lays it out in the
    /// program's memory; default 1 MiB).
    #[arg(long, value_name = "BYTES")]
    stack_size: Option<u64>,
    /// The main module.
    main: PathBuf,
    /// Arguments for the program (after the main module, or after `--`).
    #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
    args: Vec<String>,
}

#[derive(clap::Args)]
struct LddArgs {
    /// Also report function imports no library defines.
    #[arg(short = 'r')]
    relocs: bool,
    #[command(flatten)]
    namespace: Namespace,
    /// The main module.
    main: PathBuf,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    init_debug();
    match cli.command {
        Command::Run(a) => run(a),
        Command::Ldd(a) => ldd(a),
    }
}

/// `LD_DEBUG=libs|bindings|all` (comma-separated) shows the linker's work on stderr, through
/// tracing; `RUST_LOG` still works as usual.
fn init_debug() {
    let mut filter = std::env::var("RUST_LOG").unwrap_or_default();
    for what in std::env::var("LD_DEBUG")
        .unwrap_or_default()
        .split([',', ' ', ':'])
    {
        let add = match what {
            "libs" => {
                "linker_core::plan::discover=debug,linker_core::dlfcn::dlopen=info,linker_core::dlfcn::dlclose=info"
            }
            "bindings" => "linker_core::plan::bind=debug,linker_core::runtime::binder=debug,linker_core::stubs=debug",
            "all" => "linker_core=debug",
            _ => continue,
        };
        if !filter.is_empty() {
            filter.push(',');
        }
        filter.push_str(add);
    }
    if filter.is_empty() {
        return;
    }
    let _ = tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::new(filter))
        .with_writer(std::io::stderr)
        .try_init();
}

/// The program's namespace, and the guest path of the main module in it.
struct Linking {
    config: LinkerConfig,
    main: String,
    /// The `--dir` mounts, which the program's WASI is given too.
    dirs: Vec<Mount>,
}

/// The main module in the namespace. A `--dir` that shows it gives its guest path. Otherwise it
/// is `/NAME`: its directory becomes the linker's `/` (for `$ORIGIN` and the libraries beside
/// it) unless a `--dir` is mounted there, in which case the file alone is mounted at `/NAME`.
/// Either way the guest never sees the host path of a directory it was not given.
fn main_in(fs: MountFs, main: &Path) -> Result<(MountFs, String), String> {
    let canon = std::fs::canonicalize(main).map_err(|e| format!("{}: {e}", main.display()))?;
    if let Some(guest) = fs.guest_path(&canon) {
        return Ok((fs, guest));
    }
    let name = canon.file_name().unwrap_or_default().to_string_lossy();
    let guest = format!("/{name}");
    let mount = if fs.is_mounted("/") {
        Mount::new(&canon, guest.clone())
    } else {
        Mount::new(canon.parent().unwrap_or(Path::new("/")), "/")
    };
    let fs = fs
        .with(mount)
        .map_err(|e| format!("{}: {e}", main.display()))?;
    Ok((fs, guest))
}

/// Settings from the command line and the host environment, as `ld.so` reads them. Every name
/// the linker resolves is a guest path in the namespace built here: `LD_LIBRARY_PATH`,
/// `LD_PRELOAD` and `--preload` name guest paths, as they would inside the program.
fn config(
    ns: &Namespace,
    main: &Path,
    preload: &[String],
    bind_now: bool,
) -> Result<Linking, String> {
    let dirs: Vec<Mount> = ns.dirs.iter().map(|d| Mount::parse(d)).collect();
    let mut fs = MountFs::new();
    for m in &dirs {
        fs = fs
            .with(m.clone())
            .map_err(|e| format!("--dir {}: {e}", m.host.display()))?;
    }
    let (mut fs, main) = main_in(fs, main)?;
    // A library directory is searched at the guest path the namespace shows it at, or else
    // mounted at its own absolute path.
    let mut search = Vec::new();
    for d in &ns.lib_dirs {
        // As ld.so skips a search directory that does not exist.
        let Ok(canon) = std::fs::canonicalize(d) else {
            continue;
        };
        let guest = match fs.guest_path(&canon) {
            Some(g) => g,
            None => {
                let g = canon.to_string_lossy().into_owned();
                fs = fs
                    .with(Mount::new(&canon, g.clone()))
                    .map_err(|e| format!("-L {}: {e}", d.display()))?;
                g
            }
        };
        search.push(guest);
    }
    let mut config = LinkerConfig::new(Arc::new(fs));
    config.search.ld_library_path = search;
    if let Ok(path) = std::env::var("LD_LIBRARY_PATH") {
        config
            .search
            .ld_library_path
            .extend(path.split(':').filter(|d| !d.is_empty()).map(String::from));
    }
    config.bind_now = bind_now || std::env::var_os("LD_BIND_NOW").is_some_and(|v| !v.is_empty());
    if let Ok(libs) = std::env::var("LD_PRELOAD") {
        config.preload.extend(
            libs.split([':', ' '])
                .filter(|l| !l.is_empty())
                .map(String::from),
        );
    }
    config.preload.extend(preload.iter().cloned());
    // A thread's exit() ends the process, as POSIX has it (stdio was flushed by the guest's
    // libc before proc_exit).
    config.on_exit = Some(Arc::new(|code| {
        use std::io::Write;
        let _ = std::io::stdout().flush();
        let _ = std::io::stderr().flush();
        std::process::exit(code)
    }));
    Ok(Linking { config, main, dirs })
}

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
fn guest_env(envs: &[String]) -> Vec<(String, String)> {
    envs.iter()
        .filter_map(|e| match e.split_once('=') {
            Some((k, v)) => Some((k.to_string(), v.to_string())),
            None => std::env::var(e).ok().map(|v| (e.clone(), v)),
        })
        .collect()
}

fn run(a: RunArgs) -> ExitCode {
    let Linking {
        mut config,
        main,
        dirs,
    } = match config(&a.namespace, &a.main, &a.preload, a.bind_now) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("wasmlink: {e}");
            return ExitCode::from(LOAD_FAILURE);
        }
    };
    config.compile_threads = a.compile_threads;
    if let Some(bytes) = a.stack_size {
        config.stack_size = bytes;
    }
    // Engines that run wasm on the thread's own stack need it to hold the wasm stack and the
    // host's frames around it.
    let native_stack = a.max_wasm_stack.map(|b| b.saturating_add(HOST_STACK));
    config.thread_native_stack = native_stack;
    let mut argv = vec![a.main.to_string_lossy().into_owned()];
    argv.extend(a.args.iter().cloned());
    let program = Program {
        argv,
        env: guest_env(&a.envs),
        dirs,
    };
    let (engine, compiler, no_cache) = (a.engine, a.compiler, a.no_cache);
    let baseline = compiler != CompilerChoice::Cranelift;
    let max_wasm_stack = a.max_wasm_stack;
    let go = move || match engine {
        #[cfg(feature = "wasmtime")]
        EngineChoice::Wasmtime if compiler == CompilerChoice::Singlepass => Err(Failure::Load(
            "singlepass is wasmer's compiler (wasmtime's baseline compiler is winch)".into(),
        )),
        #[cfg(feature = "wasmtime")]
        EngineChoice::Wasmtime => {
            run_wasmtime(config, &main, &program, no_cache, baseline, max_wasm_stack)
        }
        #[cfg(feature = "wasmer")]
        EngineChoice::Wasmer if compiler == CompilerChoice::Winch => Err(Failure::Load(
            "winch is wasmtime's compiler (wasmer's baseline compiler is singlepass)".into(),
        )),
        #[cfg(feature = "wasmer")]
        EngineChoice::Wasmer => {
            if let Some(bytes) = max_wasm_stack {
                wasmlink::wasmer::WasmerEngine::set_wasm_stack_size(bytes);
            }
            run_wasmer(config, &main, &program, no_cache, baseline)
        }
    };
    // The main thread's stack is the system's (often 8 MiB): a larger wasm stack runs the
    // program on a thread of its own.
    let result = match native_stack {
        None => go(),
        Some(bytes) => std::thread::Builder::new()
            .name("main".into())
            .stack_size(bytes)
            .spawn(go)
            .map_err(|e| Failure::Load(format!("a thread for the program: {e}")))
            .and_then(|t| {
                t.join()
                    .unwrap_or_else(|_| Err(Failure::Load("the program's thread panicked".into())))
            }),
    };
    match result {
        Ok(code) => ExitCode::from(code.clamp(0, 255) as u8),
        Err(Failure::Load(e)) => {
            eprintln!("wasmlink: error while loading shared libraries: {e}");
            ExitCode::from(LOAD_FAILURE)
        }
        Err(Failure::Run(RunError::Link(e))) => {
            eprintln!("wasmlink: {e}");
            ExitCode::from(LOAD_FAILURE)
        }
        Err(Failure::Run(RunError::Trap(t))) => {
            eprintln!("wasmlink: wasm trap: {t}");
            ExitCode::from(TRAPPED)
        }
        // A failure of a kind this command does not know yet: as a trap.
        Err(Failure::Run(e)) => {
            eprintln!("wasmlink: {e}");
            ExitCode::from(TRAPPED)
        }
    }
}

/// What the program is given.
struct Program {
    argv: Vec<String>,
    env: Vec<(String, String)>,
    /// The `--dir` mounts, which the linker's namespace has too.
    dirs: Vec<Mount>,
}

/// Why a run did not give an exit code.
enum Failure {
    Load(String),
    Run(RunError),
}

#[cfg(feature = "wasmtime")]
fn run_wasmtime(
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
fn run_wasmer(
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

fn ldd(a: LddArgs) -> ExitCode {
    let Linking { config, main, .. } = match config(&a.namespace, &a.main, &[], false) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("ldd: {e}");
            return ExitCode::FAILURE;
        }
    };
    // Planning is engine-free: the report needs no engine.
    let report = match wasmlink::ldd(&config, &main) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("ldd: {e}");
            return ExitCode::FAILURE;
        }
    };
    for m in &report.modules {
        println!(
            "\t{} => {} (memory {:#x}, table {})",
            m.name, m.path, m.memory_base, m.table_base
        );
    }
    if a.relocs {
        for u in &report.unresolved {
            println!("undefined symbol: {}\t({})", u.symbol, u.module);
        }
        if !report.unresolved.is_empty() {
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}
