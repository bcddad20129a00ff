//! Programs run with their engine's own WASI (wasmtime-wasi, wasmer-wasix, wasmi_wasi) through
//! `wasmlink::run`, exactly as the `wasmlink run` command runs them, each in a child process of
//! the suite. The CPython group needs what only a full WASI gives (writable files, clocks,
//! `poll_oneoff`); a child process lets the suite capture the program's standard streams, which
//! the engines' WASI writes to the process's own, and bound a hang with a timeout.
//!
//! The child is this same executable started with [`CHILD_VAR`] set to the run's JSON: every
//! binary that runs such programs calls [`serve_child`] first.

use std::io::Read;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};
use wasmlink::run::{on_native_stack, Program, ProgramError, RunOptions};
use wasmlink::{LinkerConfig, Mount, MountFs};

use crate::runner::{EngineKind, Outcome, LOAD_FAILURE_EXIT, TRAP_EXIT};

/// The variable that makes this executable the child running one program.
pub const CHILD_VAR: &str = "WASMLINK_CONFORMANCE_PROGRAM";

/// One run of a program, as the parent hands it to the child.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ProgramRun {
    /// [`EngineKind::name`].
    pub engine: String,
    /// `(host directory, guest path)`: the linker's namespace and the program's preopens.
    pub mounts: Vec<(PathBuf, String)>,
    /// Guest path of the main module.
    pub main: String,
    /// The arguments after the program's name.
    pub args: Vec<String>,
    pub env: Vec<(String, String)>,
    /// The engine's wasm stack in bytes (`None`: its default).
    pub max_wasm_stack: Option<usize>,
    /// Where compiled modules are kept between runs.
    pub cache_dir: Option<PathBuf>,
}

/// In the child (when [`CHILD_VAR`] is set), runs the program and exits with its code; otherwise
/// returns at once.
pub fn serve_child() {
    let Ok(spec) = std::env::var(CHILD_VAR) else {
        return;
    };
    let code = match serde_json::from_str::<ProgramRun>(&spec) {
        Ok(run) => run_here(run),
        Err(e) => {
            eprintln!("conformance child: {e}");
            LOAD_FAILURE_EXIT
        }
    };
    std::process::exit(code);
}

/// Runs `run` in this process, as `wasmlink run` does; returns the exit code.
fn run_here(run: ProgramRun) -> i32 {
    let Some(engine) = EngineKind::parse(&run.engine) else {
        eprintln!("conformance child: no engine {}", run.engine);
        return LOAD_FAILURE_EXIT;
    };
    let mounts: Vec<Mount> = run
        .mounts
        .iter()
        .map(|(host, guest)| Mount::new(host, guest.clone()))
        .collect();
    let fs = match MountFs::from_mounts(&mounts) {
        Ok(fs) => fs,
        Err(e) => {
            eprintln!("error while loading shared libraries: mounts: {e}");
            return LOAD_FAILURE_EXIT;
        }
    };
    let options = RunOptions::new()
        .cache_dir(run.cache_dir.clone())
        .baseline(engine.is_baseline())
        .max_wasm_stack(run.max_wasm_stack);
    let mut config = LinkerConfig::new(Arc::new(fs));
    config.thread_native_stack = options.native_stack();
    let mut argv = vec![run.main.clone()];
    argv.extend(run.args.iter().cloned());
    let program = Program {
        argv,
        env: run.env.clone(),
        dirs: mounts,
    };
    let main = run.main.clone();
    let native_stack = options.native_stack();
    let result = on_native_stack(native_stack, move || match engine {
        #[cfg(feature = "wasmtime")]
        EngineKind::Wasmtime | EngineKind::WasmtimeWinch => {
            wasmlink::run::run_wasmtime(config, &main, &program, &options)
        }
        #[cfg(feature = "wasmer")]
        EngineKind::Wasmer | EngineKind::WasmerSinglepass => {
            wasmlink::run::run_wasmer(config, &main, &program, &options, TRAP_EXIT)
        }
        #[cfg(feature = "wasmi")]
        EngineKind::Wasmi => wasmlink::run::run_wasmi(config, &main, &program, &options),
    });
    match result {
        Ok(code) => code,
        Err(ProgramError::Load(e)) => {
            eprintln!("error while loading shared libraries: {e}");
            LOAD_FAILURE_EXIT
        }
        Err(e) => {
            eprintln!("{e}");
            TRAP_EXIT
        }
    }
}

/// Runs `run` in a child process and waits at most `timeout` for it.
pub fn run_program(run: &ProgramRun, timeout: Duration) -> Outcome {
    let start = Instant::now();
    let mut outcome = Outcome::default();
    let spawned = std::env::current_exe().and_then(|exe| {
        Command::new(exe)
            .env(CHILD_VAR, serde_json::to_string(run).unwrap_or_default())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
    });
    let mut child = match spawned {
        Ok(c) => c,
        Err(e) => {
            outcome.load_error = Some(format!("starting the child: {e}"));
            outcome.exit_code = LOAD_FAILURE_EXIT;
            return outcome;
        }
    };
    let drain = |mut r: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            let _ = r.read_to_end(&mut buf);
            String::from_utf8_lossy(&buf).into_owned()
        })
    };
    let out = child.stdout.take().map(|s| drain(Box::new(s)));
    let err = child.stderr.take().map(|s| drain(Box::new(s)));
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break Some(status),
            Ok(None) if start.elapsed() < timeout => std::thread::sleep(Duration::from_millis(20)),
            _ => {
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
        }
    };
    outcome.stdout = out.and_then(|t| t.join().ok()).unwrap_or_default();
    outcome.stderr = err.and_then(|t| t.join().ok()).unwrap_or_default();
    outcome.millis = start.elapsed().as_millis();
    match status {
        Some(s) => {
            outcome.exit_code = s.code().unwrap_or(TRAP_EXIT);
            if outcome.exit_code == LOAD_FAILURE_EXIT {
                outcome.load_error = Some(outcome.stderr.clone());
            }
        }
        None => {
            outcome.exit_code = -1;
            outcome
                .stderr
                .push_str(&format!("\n(killed after {} s)\n", timeout.as_secs()));
        }
    }
    outcome
}
