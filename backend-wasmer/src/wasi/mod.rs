//! WASI preview 1 from wasmer's own crate, `wasmer-wasix` (0.704.2, the release for wasmer
//! 7.4.2), for every thread of a process.
//!
//! wasmer-wasix serves WASI as `wasmer::Imports` over a [`WasiEnv`], and each store needs its own
//! `FunctionEnv<WasiEnv>`, initialised with the memory before the first call. So [`WasixWasi`]
//! builds one `WasiEnv` for the process and [`WasixWasi::install`] gives each store (each thread's
//! instance group) a clone of it through [`WasmerEngine::with_imports_and_setup`]: clones share
//! wasmer-wasix's process state (`WasiState`: descriptor table, filesystem, arguments,
//! environment), so all threads see one descriptor table, as POSIX has it. Each store's
//! environment is initialised on the linker's forwarder (the instance through which the guest
//! calls these imports, which exports the process memory as `memory`) with
//! `WasiFunctionEnv::initialize`, before any WASI call can be made.
//!
//! wasmer-wasix runs host files, stdio and timers on tokio; [`WasixWasi`] owns the runtime they
//! use (a multi-thread runtime with one worker, which drives the timers and I/O while wasm
//! threads block on WASI calls). Host directories are mounted at their guest paths with
//! wasmer-wasix's host filesystem and preopened read-write; stdio is the host's.
//!
//! `poll_oneoff` goes through a wrapper (`wasi/poll.rs`): wasmer-wasix waits forever on a clock
//! subscription with a zero timeout, which `poll(fds, n, 0)` makes.
//!
//! `proc_exit` comes back as [`HostError::Exit`](linker_core::HostError::Exit) (see
//! [`exit_code`]). After the program has run, [`WasixWasi::finish`] closes the program's files
//! (flushing them), as wasmer-wasix's own runner does at exit.
//!
//! ```no_run
//! use std::sync::Arc;
//! use backend_wasmer::{wasi::WasixWasi, WasmerEngine};
//! use linker_core::{MountFs, LinkerConfig, NoHost, Process};
//!
//! let engine = WasmerEngine::new();
//! let wasi = WasixWasi::builder("main.wasm")
//!     .args(["--verbose"])
//!     .env("HOME", "/data")
//!     .preopened_dir("/tmp/data", "/data")
//!     .build(&engine)
//!     .unwrap();
//! let engine = wasi.install(engine);
//! let fs = Arc::new(MountFs::root("/path/to/root").unwrap());
//! let mut process =
//!     Process::load(engine, LinkerConfig::new(fs), Arc::new(NoHost), "/app/main.wasm").unwrap();
//! let exit_code = process.run().unwrap();
//! wasi.finish(exit_code);
//! ```

use std::path::{Path, PathBuf};
use std::sync::Arc;

use wasmer::FunctionEnv;
use wasmer_wasix::virtual_fs::{host_fs, mount_fs::MountFileSystem, FsError};
use wasmer_wasix::{
    runtime::task_manager::tokio::TokioTaskManager, PluggableRuntime, WasiEnv, WasiEnvBuilder,
    WasiError, WasiFunctionEnv, WasiVersion,
};

use crate::{StoreSetup, WasmerEngine};

mod poll;

/// The `wasmer-wasix` crate [`WasixWasi`] is built on (version 0.704.2).
pub use wasmer_wasix;

/// Why WASI could not be set up.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum WasixError {
    /// The tokio runtime wasmer-wasix runs on could not be started.
    #[error("starting the WASI runtime: {0}")]
    Runtime(#[source] std::io::Error),
    /// A host directory given to the program cannot be used.
    #[error("{host}: {error}")]
    Dir {
        /// The host directory.
        host: PathBuf,
        /// Why.
        #[source]
        error: FsError,
    },
    /// Two directories were given the same guest path.
    #[error("{guest}: given twice")]
    DuplicateDir {
        /// The guest path.
        guest: String,
    },
    /// wasmer-wasix refused the environment (a NUL in an argument, `=` in a variable's name,
    /// a preopen it cannot make, ...).
    #[error("{0}")]
    Env(#[from] Box<wasmer_wasix::WasiRuntimeError>),
}

/// What the program is given: arguments, environment, directories. Stdio is the host's unless
/// changed with [`configure`](Self::configure).
pub struct WasixWasiBuilder {
    builder: WasiEnvBuilder,
    dirs: Vec<(PathBuf, String)>,
}

impl WasixWasiBuilder {
    /// Arguments after the program's name.
    pub fn args<S: AsRef<str>>(mut self, args: impl IntoIterator<Item = S>) -> Self {
        self.builder
            .add_args(args.into_iter().map(|a| a.as_ref().to_string()));
        self
    }

    /// A variable of the program's environment (it sees only those given here).
    pub fn env(mut self, name: impl AsRef<str>, value: impl AsRef<str>) -> Self {
        self.builder.add_env(name.as_ref(), value.as_ref());
        self
    }

    /// The host directory `host`, as `guest` in the program's filesystem, read-write.
    pub fn preopened_dir(mut self, host: impl AsRef<Path>, guest: impl Into<String>) -> Self {
        self.dirs.push((host.as_ref().to_path_buf(), guest.into()));
        self
    }

    /// Every directory of `mounts` at its guest path, read-write: the same table the linker's
    /// [`linker_core::MountFs`] is built from, so that `open` and `dlopen` see one filesystem.
    pub fn mounts<'a>(self, mounts: impl IntoIterator<Item = &'a linker_core::Mount>) -> Self {
        mounts
            .into_iter()
            .fold(self, |b, m| b.preopened_dir(&m.host, m.guest.as_str()))
    }

    /// Anything else wasmer-wasix's own builder offers (stdio of your own, capabilities, ...).
    /// Its filesystem and runtime are set by [`build`](Self::build).
    pub fn configure(mut self, f: impl FnOnce(&mut WasiEnvBuilder)) -> Self {
        f(&mut self.builder);
        self
    }

    /// The process's WASI for programs compiled by `engine` (wasmer-wasix keeps the engine to
    /// compile what it spawns itself).
    pub fn build(self, engine: &WasmerEngine) -> Result<WasixWasi, WasixError> {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .thread_name("wasmlink-wasi")
            .enable_all()
            .build()
            .map_err(WasixError::Runtime)?;
        // wasmer-wasix's host stdio and files take the runtime they run on from the context.
        let _entered = runtime.enter();
        let WasixWasiBuilder { mut builder, dirs } = self;
        let root = MountFileSystem::new();
        for (host, guest) in &dirs {
            let fs = host_fs::FileSystem::new(runtime.handle().clone(), host).map_err(|error| {
                WasixError::Dir {
                    host: host.clone(),
                    error,
                }
            })?;
            root.mount(guest, Arc::new(fs))
                .map_err(|error| match error {
                    FsError::AlreadyExists => WasixError::DuplicateDir {
                        guest: guest.clone(),
                    },
                    error => WasixError::Dir {
                        host: host.clone(),
                        error,
                    },
                })?;
            let guest = guest.clone();
            builder
                .add_preopen_build(|p| p.directory(&guest).read(true).write(true).create(true))
                .map_err(|e| WasixError::Env(Box::new(e.into())))?;
        }
        builder.set_mount_fs(root);
        let mut rt =
            PluggableRuntime::new(Arc::new(TokioTaskManager::new(runtime.handle().clone())));
        rt.set_engine(engine.wasmer().clone());
        builder.set_runtime(Arc::new(rt));
        let env = builder.build().map_err(|e| WasixError::Env(Box::new(e)))?;
        drop(_entered);
        Ok(WasixWasi {
            env: Arc::new(env),
            runtime: Arc::new(runtime),
        })
    }
}

/// WASI preview 1 for one process, from wasmer-wasix: one descriptor table for all its threads.
/// Build it with [`WasixWasi::builder`], give it to the engine with [`install`](Self::install).
#[derive(Clone)]
pub struct WasixWasi {
    /// The process's environment; each store gets a clone (sharing its state).
    env: Arc<WasiEnv>,
    /// The runtime wasmer-wasix's files, stdio and timers run on. The engine's imports keep it
    /// too, so it lives as long as any store can make a WASI call.
    runtime: Arc<tokio::runtime::Runtime>,
}

impl WasixWasi {
    /// A program named `program` (its `argv[0]`), with nothing else yet.
    pub fn builder(program: impl Into<String>) -> WasixWasiBuilder {
        WasixWasiBuilder {
            builder: WasiEnv::builder(program),
            dirs: Vec::new(),
        }
    }

    /// `engine`, with WASI preview 1 and WASIX (`wasix_32v1`) as its own imports (the engine's
    /// imports are replaced). Each store gets wasmer-wasix's imports over a clone of the process's
    /// environment, initialised on the first instance exporting `memory` in that store.
    pub fn install(&self, engine: WasmerEngine) -> WasmerEngine {
        let (env, runtime) = (self.env.clone(), self.runtime.clone());
        engine.with_imports_and_setup(move |store| {
            let fenv = FunctionEnv::new(store, WasiEnv::clone(&env));
            let mut imports =
                wasmer_wasix::generate_import_object_from_env(store, &fenv, WasiVersion::Snapshot1);
            // WASIX's own calls too (`wasix_32v1`), for programs built for WASIX: the linker
            // serves its dynamic-linking, closure and dynamic-call calls itself, before these
            // are asked (docs/abi.md, "WASIX").
            imports.extend(&wasmer_wasix::generate_import_object_from_env(
                store,
                &fenv,
                WasiVersion::Wasix32v1,
            ));
            let imports = poll::with_zero_timeouts(store, &fenv, imports);
            // Held by the engine: the runtime lives as long as any store can make a WASI call.
            let _ = &runtime;
            let setup: StoreSetup = Box::new(move |store, instance| {
                WasiFunctionEnv { env: fenv }
                    .initialize(store, instance.clone())
                    .map_err(|e| e.to_string())
            });
            (imports, setup)
        })
    }

    /// Closes the program's files (flushing them) and marks its process exited with `code`, as
    /// wasmer-wasix's runner does when a program ends. Call it once the process has run; later
    /// calls do nothing.
    pub fn finish(&self, code: i32) {
        let _entered = self.runtime.enter();
        let code = wasmer_wasix::wasmer_wasix_types::wasi::ExitCode::from(code);
        self.env.blocking_on_exit(Some(code));
    }

    /// The process's environment, as wasmer-wasix has it.
    pub fn env(&self) -> &WasiEnv {
        &self.env
    }
}

/// The exit code a wasmer call error carries if it is wasmer-wasix's `proc_exit`.
pub fn exit_code(e: &wasmer::RuntimeError) -> Option<i32> {
    match e.downcast_ref::<WasiError>()? {
        WasiError::Exit(code) => Some(code.raw()),
        _ => None,
    }
}
