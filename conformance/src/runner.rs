//! Runs a module tree on one engine through `linker-core`, with the conformance host (WASI).

use std::sync::Arc;
use std::time::Instant;

use wasmlink::{Engine, LinkerConfig, Mount, MountFs, Process, RunError};

use crate::wasi::{Output, Wasi};

/// The engines compiled into this build, each with one of its compilers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EngineKind {
    /// wasmtime with Cranelift.
    #[cfg(feature = "wasmtime")]
    Wasmtime,
    /// wasmer with Cranelift.
    #[cfg(feature = "wasmer")]
    Wasmer,
    /// wasmtime with its baseline compiler, Winch.
    #[cfg(feature = "wasmtime")]
    WasmtimeWinch,
    /// wasmer with its baseline compiler, singlepass.
    #[cfg(feature = "wasmer")]
    WasmerSinglepass,
    /// wasmi, an interpreter: no threads, no exceptions.
    #[cfg(feature = "wasmi")]
    Wasmi,
}

impl EngineKind {
    /// The engines the matrix demands every case of (their optimizing compilers).
    pub fn all() -> Vec<EngineKind> {
        vec![
            #[cfg(feature = "wasmtime")]
            EngineKind::Wasmtime,
            #[cfg(feature = "wasmer")]
            EngineKind::Wasmer,
        ]
    }
    /// The engines with their baseline compilers, which lack features (docs/conformance.md).
    pub fn baseline() -> Vec<EngineKind> {
        vec![
            #[cfg(feature = "wasmtime")]
            EngineKind::WasmtimeWinch,
            #[cfg(feature = "wasmer")]
            EngineKind::WasmerSinglepass,
        ]
    }
    /// The interpreters: every case runs, and one that needs what the engine lacks (threads,
    /// exceptions) must be refused by the linker with `Unsupported` (docs/conformance.md).
    pub fn interpreters() -> Vec<EngineKind> {
        vec![
            #[cfg(feature = "wasmi")]
            EngineKind::Wasmi,
        ]
    }
    /// Whether this is an interpreter.
    pub fn is_interpreter(self) -> bool {
        Self::interpreters().contains(&self)
    }
    /// Whether this is an engine's baseline compiler.
    pub fn is_baseline(self) -> bool {
        Self::baseline().contains(&self)
    }
    /// What the engine lacks of what the cases use: threads (shared memory) on the
    /// interpreters, exception handling on them and on the baseline compilers. Every case
    /// needing it must be refused by the linker as `Unsupported` (its engine's `Capabilities`
    /// say so); every other case must pass.
    pub fn lacks(self) -> Needs {
        Needs {
            threads: self.is_interpreter(),
            tags: self.is_interpreter() || self.is_baseline(),
        }
    }
    pub fn name(self) -> &'static str {
        match self {
            #[cfg(feature = "wasmtime")]
            EngineKind::Wasmtime => "wasmtime",
            #[cfg(feature = "wasmer")]
            EngineKind::Wasmer => "wasmer",
            #[cfg(feature = "wasmtime")]
            EngineKind::WasmtimeWinch => "wasmtime-winch",
            #[cfg(feature = "wasmer")]
            EngineKind::WasmerSinglepass => "wasmer-singlepass",
            #[cfg(feature = "wasmi")]
            EngineKind::Wasmi => "wasmi",
        }
    }
    pub fn parse(s: &str) -> Option<EngineKind> {
        Self::all()
            .into_iter()
            .chain(Self::baseline())
            .chain(Self::interpreters())
            .find(|e| e.name() == s)
    }
}

/// Features of an engine that modules need: what a case's modules need, or what an engine
/// lacks ([`EngineKind::lacks`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Needs {
    /// A shared memory (built with threads).
    pub threads: bool,
    /// Exception tags (C++ exceptions, setjmp/longjmp lowered to wasm exceptions).
    pub tags: bool,
}

impl Needs {
    /// Whether anything of `self` is in `other`.
    pub fn meets(self, other: Needs) -> bool {
        (self.threads && other.threads) || (self.tags && other.tags)
    }
}

/// What a run produced.
#[derive(Clone, Debug, Default)]
pub struct Outcome {
    pub stdout: String,
    pub stderr: String,
    pub exit_code: i32,
    /// The loader refused the tree (message also in `stderr`).
    pub load_error: Option<String>,
    pub millis: u128,
}

/// Exit code when the loader fails, as glibc's `ld.so` does.
pub const LOAD_FAILURE_EXIT: i32 = 127;
/// Exit code when the guest traps (as a native `abort`).
pub const TRAP_EXIT: i32 = 134;

/// A run request.
pub struct Request<'a> {
    /// The program's namespace: host directories at guest paths, seen alike by the linker and
    /// by the program's files (preopened read-only).
    pub mounts: Vec<Mount>,
    /// Guest path of the main module.
    pub main: &'a str,
    pub args: Vec<String>,
    pub env: Vec<(String, String)>,
    pub ld_library_path: Vec<String>,
    /// Write the guest's output to ours as it comes.
    pub passthrough: bool,
    /// `LinkerConfig::safepoint_timeout` (`None`: the default).
    pub safepoint_timeout: Option<std::time::Duration>,
}

pub fn run(kind: EngineKind, req: &Request<'_>) -> Outcome {
    match kind {
        #[cfg(feature = "wasmtime")]
        EngineKind::Wasmtime => match wasmlink::wasmtime::WasmtimeEngine::<()>::new() {
            Ok(e) => run_with(e, req),
            Err(e) => failed(format!("wasmtime: {e}")),
        },
        #[cfg(feature = "wasmer")]
        EngineKind::Wasmer => run_with(wasmlink::wasmer::WasmerEngine::new(), req),
        #[cfg(feature = "wasmtime")]
        EngineKind::WasmtimeWinch => match wasmlink::wasmtime::WasmtimeEngine::<()>::winch() {
            Ok(e) => run_with(e, req),
            Err(e) => failed(format!("wasmtime (Winch): {e}")),
        },
        #[cfg(feature = "wasmer")]
        EngineKind::WasmerSinglepass => run_with(wasmlink::wasmer::WasmerEngine::singlepass(), req),
        #[cfg(feature = "wasmi")]
        EngineKind::Wasmi => run_with(wasmlink::wasmi::WasmiEngine::<()>::new(), req),
    }
}

fn failed(msg: String) -> Outcome {
    Outcome {
        stderr: msg.clone(),
        exit_code: LOAD_FAILURE_EXIT,
        load_error: Some(msg),
        ..Default::default()
    }
}

pub fn run_with<E: Engine>(engine: E, req: &Request<'_>) -> Outcome {
    let start = Instant::now();
    let output = Arc::new(if req.passthrough {
        Output::passthrough()
    } else {
        Output::default()
    });
    let fs = match MountFs::from_mounts(&req.mounts) {
        Ok(fs) => fs,
        Err(e) => return failed(format!("mounts: {e}")),
    };
    let mut config = LinkerConfig::new(Arc::new(fs));
    config.search.ld_library_path = req.ld_library_path.clone();
    if let Some(t) = req.safepoint_timeout {
        config.safepoint_timeout = t;
    }
    let mut args = vec![req.main.to_string()];
    args.extend(req.args.iter().cloned());
    let host = Arc::new(Wasi {
        args,
        env: req.env.clone(),
        output: output.clone(),
        // The linker's namespace is also the program's (read-only) filesystem.
        files: Arc::new(crate::wasi_fs::Files::mounts(&req.mounts)),
    });
    let mut outcome = Outcome::default();
    // WASMLINK_CACHE_DIR: keep compiled modules on disk between runs (a trusted directory).
    let cache = match std::env::var_os("WASMLINK_CACHE_DIR") {
        Some(dir) => Arc::new(wasmlink::ModuleCache::with_disk_dir(dir)),
        None => Arc::default(),
    };
    match Process::load_with_cache(engine, config, host, req.main, cache) {
        Err(e) => {
            let msg = format!("error while loading shared libraries: {e}\n");
            output
                .stderr
                .lock()
                .unwrap()
                .extend_from_slice(msg.as_bytes());
            if req.passthrough {
                eprint!("{msg}");
            }
            outcome.load_error = Some(e.to_string());
            outcome.exit_code = LOAD_FAILURE_EXIT;
        }
        Ok(mut p) => {
            outcome.exit_code = match p.run() {
                Ok(c) => c,
                Err(e) => {
                    let (msg, code) = match &e {
                        RunError::Link(l) => {
                            (format!("symbol lookup error: {l}\n"), LOAD_FAILURE_EXIT)
                        }
                        _ => (format!("{e}\n"), TRAP_EXIT),
                    };
                    output
                        .stderr
                        .lock()
                        .unwrap()
                        .extend_from_slice(msg.as_bytes());
                    if req.passthrough {
                        eprint!("{msg}");
                    }
                    code
                }
            };
        }
    }
    outcome.stdout = output.stdout_string();
    outcome.stderr = output.stderr_string();
    outcome.millis = start.elapsed().as_millis();
    outcome
}
