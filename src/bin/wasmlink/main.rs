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

mod args;
mod engines;
mod namespace;

use std::process::ExitCode;

use clap::Parser;
use wasmlink::run::{on_native_stack, Program, ProgramError as Failure, RunOptions};
use wasmlink::RunError;

use args::{Cli, Command, CompilerChoice, EngineChoice, LddArgs, RunArgs};
use engines::{cache_dir, guest_env};
use namespace::{config, Linking};

/// Exit code when the program cannot be loaded (as glibc's `ld.so` and a shell's "cannot
/// execute").
const LOAD_FAILURE: u8 = 127;
/// Exit code when the program traps (as a native program killed by `SIGABRT`).
const TRAPPED: u8 = 134;

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
    let (engine, compiler) = (a.engine, a.compiler);
    let options = RunOptions::new()
        .cache_dir(cache_dir(a.no_cache))
        .baseline(compiler != CompilerChoice::Cranelift)
        .max_wasm_stack(a.max_wasm_stack);
    // Engines that run wasm on the thread's own stack need it to hold the wasm stack and the
    // host's frames around it: the program's thread and those the linker starts.
    let native_stack = options.native_stack();
    config.thread_native_stack = native_stack;
    let mut argv = vec![a.main.to_string_lossy().into_owned()];
    argv.extend(a.args.iter().cloned());
    let program = Program {
        argv,
        env: guest_env(&a.envs),
        dirs,
    };
    let go = move || match engine {
        #[cfg(feature = "wasmtime")]
        EngineChoice::Wasmtime if compiler == CompilerChoice::Singlepass => Err(Failure::Load(
            "singlepass is wasmer's compiler (wasmtime's baseline compiler is winch)".into(),
        )),
        #[cfg(feature = "wasmtime")]
        EngineChoice::Wasmtime => wasmlink::run::run_wasmtime(config, &main, &program, &options),
        #[cfg(feature = "wasmer")]
        EngineChoice::Wasmer if compiler == CompilerChoice::Winch => Err(Failure::Load(
            "winch is wasmtime's compiler (wasmer's baseline compiler is singlepass)".into(),
        )),
        #[cfg(feature = "wasmer")]
        EngineChoice::Wasmer => {
            wasmlink::run::run_wasmer(config, &main, &program, &options, i32::from(TRAPPED))
        }
        #[cfg(feature = "wasmi")]
        EngineChoice::Wasmi if compiler != CompilerChoice::Cranelift => Err(Failure::Load(
            "wasmi is an interpreter: it has no compilers to choose".into(),
        )),
        #[cfg(feature = "wasmi")]
        EngineChoice::Wasmi => wasmlink::run::run_wasmi(config, &main, &program, &options),
    };
    // The main thread's stack is the system's (often 8 MiB): a larger wasm stack runs the
    // program on a thread of its own.
    let result = on_native_stack(native_stack, go);
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
        Err(e) => {
            eprintln!("wasmlink: {e}");
            ExitCode::from(TRAPPED)
        }
    }
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
