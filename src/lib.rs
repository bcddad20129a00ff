//! # wasmlink: a dynamic linker for WebAssembly that works on any engine
//!
//! `ld.so` for `dylink.0` modules (WebAssembly tool-conventions, DynamicLinking.md): a main module
//! and its shared libraries, built by clang/wasm-ld, are found, laid out in one memory and one
//! function table, bound symbol by symbol (with `GOT.mem`/`GOT.func`, lazy binding through a
//! PLT, `dlopen`/`dlsym`/`dlclose` for the guest), initialised in dependency order and run.
//!
//! Pick the engine by cargo feature: `wasmtime` (default) or `wasmer`, either or both:
//!
//! ```toml
//! [dependencies]
//! wasmlink = { version = "0.1", default-features = false, features = ["wasmtime"] }
//! ```
//!
//! ## Embedding
//!
//! Load a program with [`Process::load`]: an engine, a [`LinkerConfig`] (the program's
//! filesystem as a [`MountFs`], in which every library name is resolved; the search path,
//! `bind_now`, ...), a [`HostResolver`] for the imports no module defines
//! (here WASI preview 1 from `wasmtime-wasi`, shared by every thread of the process), and the
//! main module's path.
//!
//! ```
//! # #[cfg(feature = "wasmtime")] {
//! use std::sync::Arc;
//! use wasmlink::wasmtime::wasmtime_wasi::{FsPerms, WasiCtxBuilder};
//! use wasmlink::wasmtime::{preopen_mounts, WasiP1, WasmtimeEngine};
//! use wasmlink::{LinkerConfig, Mount, MountFs, Process};
//!
//! # let dir = wasmlink::doc_tree().unwrap();
//! // `dir` holds main.wasm, which needs libanswer.so (found in /lib), and calls its answer()
//! // and WASI's proc_exit with the result. The program's filesystem is `dir` at `/`: one table
//! // of mounts goes to WASI and to the linker, so `open` and `dlopen` see the same files, and
//! // nothing else of the host.
//! let mounts = [Mount::new(&dir, "/")];
//! let mut wasi = WasiCtxBuilder::new();
//! wasi.inherit_stdio().args(&["main.wasm"]);
//! preopen_mounts(&mut wasi, &mounts, FsPerms::ReadOnly).unwrap();
//! let wasi = wasi.build_p1();
//! let config = LinkerConfig::new(Arc::new(MountFs::from_mounts(&mounts).unwrap()));
//! let engine = WasmtimeEngine::<()>::new().unwrap();
//! let mut process =
//!     Process::load(engine, config, Arc::new(WasiP1::new(wasi)), "/main.wasm").unwrap();
//! assert_eq!(process.modules().len(), 2);
//! assert_eq!(process.run().unwrap(), 42);
//! # }
//! ```
//!
//! ### With your own `wasmtime::Linker` and wasmtime-wasi's own `add_to_linker_sync`
//!
//! Imports that no module defines and the linker does not serve are taken from the embedder's
//! `wasmtime::Linker<T>`, unchanged: here WASI set up by `wasmtime_wasi::p1::add_to_linker_sync`
//! over a context in the store's own data, running Lua 5.4 built as `liblua.so` with C modules
//! loaded by `require` (the suite's `lua` tree). Each thread's store gets its data from the
//! factory, so with this setup each thread has its own WASI context (docs/abi.md); [`WasiP1`]
//! (above) shares one context, hence one descriptor table, between all threads.
//!
//! [`WasiP1`]: crate::wasmtime::WasiP1
//!
//! ```
//! # #[cfg(feature = "wasmtime")] {
//! use std::sync::Arc;
//! use wasmlink::wasmtime::wasmtime_wasi::p1::{self, WasiP1Ctx};
//! use wasmlink::wasmtime::wasmtime_wasi::{p2::pipe::MemoryOutputPipe, FsPerms, WasiCtxBuilder};
//! use wasmlink::wasmtime::{config, wasmtime, WasmtimeEngine};
//! use wasmlink::{MountFs, LinkerConfig, NoHost, Process};
//!
//! struct Data {
//!     wasi: WasiP1Ctx,
//! }
//!
//! # let tree = conformance::testing::built_case("lua");
//! let stdout = MemoryOutputPipe::new(1 << 20);
//! let (out, root) = (stdout.clone(), tree.clone());
//! let engine = WasmtimeEngine::with_data(&config(), move || {
//!     let mut wasi = WasiCtxBuilder::new();
//!     wasi.stdout(out.clone()).args(&["main.wasm"]);
//!     wasi.preopened_dir(&root, "/", FsPerms::ReadOnly).unwrap();
//!     Data { wasi: wasi.build_p1() }
//! })
//! .unwrap();
//! let mut linker = wasmtime::Linker::new(engine.wasmtime());
//! p1::add_to_linker_sync(&mut linker, |d: &mut Data| &mut d.wasi).unwrap();
//! let engine = engine.with_linker(linker);
//!
//! let config = LinkerConfig::new(Arc::new(MountFs::root(&tree).unwrap()));
//! let mut process = Process::load(engine, config, Arc::new(NoHost), "/main.wasm").unwrap();
//! assert_eq!(process.run().unwrap(), 0);
//! let printed = String::from_utf8_lossy(&stdout.contents()).into_owned();
//! assert!(printed.starts_with("gniknil cimanyd\n"), "{printed}");
//! assert!(printed.ends_with("true\t1\n"), "{printed}");
//! # }
//! ```
//!
//! The embedder keeps its own engine ([`wasmtime::WasmtimeEngine::from_engine`]), store data
//! (`make_data`), store limiter ([`wasmtime::WasmtimeEngine::with_limiter`]) and imports (a
//! `wasmtime::Linker<T>` with [`wasmtime::WasmtimeEngine::with_linker`], or `wasmer::Imports`
//! with [`wasmer::WasmerEngine::with_imports`]); the linker serves only what the modules define
//! and its own `<dlfcn.h>`, and asks the rest of them.
//!
//! Compiled modules can be shared between processes and kept on disk with a [`ModuleCache`]
//! ([`Process::load_with_cache`]). Threads (`wasmlink.thread_spawn`) each get their own store;
//! link operations (`dlopen`, ...) reach every thread before they return (docs/threads.md).
//!
//! To run a program as the command does, with the engine's own WASI (its directories preopened at
//! the guest paths the linker resolves in), compiled modules cached on disk and a native stack
//! for a larger wasm stack, use [`run`]: [`run::run_wasmtime`], [`run::run_wasmer`].
//!
//! The `wasmlink` command (feature `cli`) runs a program from the command line:
//! `wasmlink run -L lib --dir . main.wasm args...`, `wasmlink ldd main.wasm`.
#![deny(missing_docs)]

pub use linker_core::{
    engine, ldd, metadata, Accounting, Builtin, Capabilities, Engine, EngineError, Extern, FileId,
    FuncType, HostContext, HostError, HostFn, HostImport, HostResolver, LddReport, LibraryFs,
    LinkError, LinkerConfig, ModuleCache, ModuleInfo, ModuleSummary, Mount, MountFs, NoHost,
    PollPoints, Process, RunError, SearchPath, StoreOps, SymbolAddress, Unresolved, Val, ValType,
    WeakPolicy, RTLD_GLOBAL, RTLD_LAZY, RTLD_NODELETE, RTLD_NOLOAD, RTLD_NOW,
};

/// The wasmtime engine (feature `wasmtime`).
#[cfg(feature = "wasmtime")]
pub mod wasmtime {
    /// The `wasmtime` crate this engine is built on (version 48.0.0).
    pub use ::wasmtime;
    /// The `wasmtime-wasi` crate [`WasiP1`] serves WASI from (version 48.0.0).
    pub use ::wasmtime_wasi;
    pub use backend_wasmtime::wasi::{preopen_mounts, WasiP1};
    pub use backend_wasmtime::{config, winch_config, WasmtimeEngine};
}

/// The wasmer engine (feature `wasmer`), with WASI preview 1 from wasmer-wasix.
#[cfg(feature = "wasmer")]
pub mod wasmer {
    /// The `wasmer` crate this engine is built on (version 7.4.2).
    pub use ::wasmer;
    /// The `wasmer-wasix` crate [`WasixWasi`] serves WASI from (version 0.704.2).
    pub use backend_wasmer::wasi::wasmer_wasix;
    pub use backend_wasmer::wasi::{WasixError, WasixWasi, WasixWasiBuilder};
    pub use backend_wasmer::{StoreSetup, WasmerEngine};
}

/// The wasmi engine (feature `wasmi`): the linker on an interpreter. It has no threads and no
/// exception handling; programs that need them are refused by name (`LinkError::Unsupported`).
#[cfg(feature = "wasmi")]
pub mod wasmi {
    /// The `wasmi` crate this engine is built on (version 2.0.0).
    pub use ::backend_wasmi::wasmi;
    pub use backend_wasmi::{NoSharedMemory, NoTag, WasmiEngine};
}

pub mod run;

mod doc_tree;
#[doc(hidden)]
pub use doc_tree::doc_tree;
