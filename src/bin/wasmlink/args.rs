//! The command line: `wasmlink run` and `wasmlink ldd`, and what they take.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

#[derive(Parser)]
#[command(
    name = "wasmlink",
    version,
    about = "A dynamic linker for WebAssembly dylink.0 programs",
    long_about = "Runs a WebAssembly program built as a main module and shared libraries \
                  (clang/wasm-ld, dylink.0), as ld.so runs an ELF program."
)]
pub(crate) struct Cli {
    #[command(subcommand)]
    pub(crate) command: Command,
}

#[derive(Subcommand)]
pub(crate) enum Command {
    /// Load a program and its shared libraries, and run it.
    Run(RunArgs),
    /// Print the shared libraries a program loads (and, with -r, the symbols nothing defines).
    Ldd(LddArgs),
}

/// The engines this build has.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum EngineChoice {
    /// wasmtime 48 (Cranelift), with WASI from wasmtime-wasi.
    #[cfg(feature = "wasmtime")]
    Wasmtime,
    /// wasmer 7.4 (Cranelift), with WASI from wasmer-wasix.
    #[cfg(feature = "wasmer")]
    Wasmer,
    /// wasmi 2.0 (an interpreter: no threads, no exceptions), with WASI from wasmi_wasi.
    #[cfg(feature = "wasmi")]
    Wasmi,
}

#[cfg(feature = "wasmtime")]
pub(crate) const DEFAULT_ENGINE: EngineChoice = EngineChoice::Wasmtime;
#[cfg(all(not(feature = "wasmtime"), feature = "wasmer"))]
pub(crate) const DEFAULT_ENGINE: EngineChoice = EngineChoice::Wasmer;
#[cfg(all(not(feature = "wasmtime"), not(feature = "wasmer"), feature = "wasmi"))]
pub(crate) const DEFAULT_ENGINE: EngineChoice = EngineChoice::Wasmi;

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum CompilerChoice {
    Cranelift,
    Winch,
    Singlepass,
}

/// The program's filesystem (docs/abi.md, "The namespace"): what `--dir` gives it, and the
/// library directories and main module named on the command line.
#[derive(clap::Args)]
pub(crate) struct Namespace {
    /// Search DIR for libraries, before LD_LIBRARY_PATH (may be repeated). The linker sees DIR
    /// read-only at its own absolute path (the program's files do not include it).
    #[arg(short = 'L', long = "library-path", value_name = "DIR")]
    pub(crate) lib_dirs: Vec<PathBuf>,
    /// Give the program the host directory HOST, as GUEST in its filesystem (default: HOST).
    /// Its files and the libraries in it are seen at GUEST by `open` and `dlopen` alike.
    #[arg(long = "dir", value_name = "HOST[::GUEST]")]
    pub(crate) dirs: Vec<String>,
}

#[derive(clap::Args)]
pub(crate) struct RunArgs {
    /// The engine to run on.
    #[arg(long, value_enum, default_value_t = DEFAULT_ENGINE)]
    pub(crate) engine: EngineChoice,
    #[command(flatten)]
    pub(crate) namespace: Namespace,
    /// Give the program the variable NAME, with VAL or its value here (may be repeated).
    #[arg(long = "env", value_name = "NAME[=VAL]")]
    pub(crate) envs: Vec<String>,
    /// Load LIB after the main module and before its own libraries (as LD_PRELOAD: a name
    /// searched as a needed library is, or a path in the program's namespace).
    #[arg(long, value_name = "LIB")]
    pub(crate) preload: Vec<String>,
    /// Bind every function at load and fail if one is missing (as LD_BIND_NOW).
    #[arg(long)]
    pub(crate) bind_now: bool,
    /// Do not keep compiled modules on disk.
    #[arg(long)]
    pub(crate) no_cache: bool,
    /// How many threads compile modules at start-up and `dlopen` (0: one per core).
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub(crate) compile_threads: usize,
    /// The compiler: the engine's optimizing one (Cranelift, on both), or its baseline one,
    /// which compiles several times faster into slower code and lacks wasm exceptions (winch on
    /// wasmtime, singlepass on wasmer).
    #[arg(long, value_enum, default_value_t = CompilerChoice::Cranelift)]
    pub(crate) compiler: CompilerChoice,
    /// The most native stack wasm may use, in bytes (deep recursion; CPython's parser wants
    /// 8 MiB): wasmtime's `max_wasm_stack` (default 512 KiB), wasmer's wasm stack (default
    /// 1 MiB). Every thread of the program gets that much, and more, of its own. wasmi, which
    /// counts frames, gets one frame per 64 bytes (default 100,000 frames).
    #[arg(long, value_name = "BYTES")]
    pub(crate) max_wasm_stack: Option<usize>,
    /// The C stack of each thread of the program, in bytes (the linker lays it out in the
    /// program's memory; default 1 MiB).
    #[arg(long, value_name = "BYTES")]
    pub(crate) stack_size: Option<u64>,
    /// The main module.
    pub(crate) main: PathBuf,
    /// Arguments for the program (after the main module, or after `--`).
    #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
    pub(crate) args: Vec<String>,
}

#[derive(clap::Args)]
pub(crate) struct LddArgs {
    /// Also report function imports no library defines.
    #[arg(short = 'r')]
    pub(crate) relocs: bool,
    #[command(flatten)]
    pub(crate) namespace: Namespace,
    /// The main module.
    pub(crate) main: PathBuf,
}
