//! wasmi backend for `linker-core`: adapts wasmi 2.0, an interpreter, to the linker's engine
//! traits and nothing more.
//!
//! wasmi compiles nothing to machine code, so the linker runs where a JIT may not (iOS,
//! consoles, some embedded and blockchain hosts). What it lacks is said in
//! [`Capabilities`]: no shared memory (threads) and no exception handling (tags), so a program
//! built with threads, with C++ exceptions or with setjmp/longjmp lowered to wasm exceptions is
//! refused by the linker before anything is compiled, naming the module and the feature. A
//! process therefore has one thread (one store), and a link operation never waits for another.
//!
//! ```no_run
//! use std::sync::Arc;
//! use backend_wasmi::WasmiEngine;
//! use linker_core::{LinkerConfig, MountFs, NoHost, Process};
//!
//! let engine = WasmiEngine::<()>::new();
//! let fs = Arc::new(MountFs::root("/path/to/root").unwrap());
//! let mut process = Process::load(engine, LinkerConfig::new(fs), Arc::new(NoHost), "/app/main.wasm").unwrap();
//! let exit_code = process.run().unwrap();
//! # let _ = exit_code;
//! ```

#![deny(missing_docs)]

use std::sync::Arc;

use linker_core::engine::{Capabilities, Engine, EngineError, StoreOps};
use wasmi::{AsContextMut, StoreContextMut};

mod convert;
mod store;
#[cfg(feature = "wasi")]
pub mod wasi;

/// The `wasmi` crate this backend adapts (version 2.0.0).
pub use wasmi;

use store::Cx;

/// The shared memory wasmi does not have: no value of it exists.
#[derive(Clone, Copy, Debug)]
pub enum NoSharedMemory {}

/// The exception tag wasmi does not have: no value of it exists.
#[derive(Clone, Copy, Debug)]
pub enum NoTag {}

/// Frames a call stack may hold: wasmi's default (1000) is far below what C programs recurse to
/// on the JIT engines (their limit is the native stack, 512 KiB of wasm frames by default).
const MAX_RECURSION_DEPTH: usize = 100_000;

/// Bytes of wasmi's value stack (registers of every frame).
const MAX_STACK_HEIGHT: usize = 64 << 20;

/// The fewest bytes of native stack a JIT gives one wasm call: a stack limit in bytes
/// ([`WasmiEngine::with_max_stack`]) allows at least as many frames here as it would there.
const MIN_FRAME_BYTES: usize = 64;

/// The embedder's own function imports: given the store, an import's module, name and type,
/// the function to use for an import the linker and its host resolver left to the backend
/// (wasmi's `Linker` cannot hand back the functions it holds, so the backend asks this).
pub type ImportFn<T> = dyn for<'a> Fn(&mut StoreContextMut<'a, T>, &str, &str, &wasmi::FuncType) -> Option<wasmi::Func>
    + Send
    + Sync;

/// The wasmi engine.
pub struct WasmiEngine<T: 'static> {
    engine: wasmi::Engine,
    make_data: Arc<dyn Fn() -> T + Send + Sync>,
    imports: Option<Arc<ImportFn<T>>>,
}

impl<T: 'static> Clone for WasmiEngine<T> {
    fn clone(&self) -> Self {
        WasmiEngine {
            engine: self.engine.clone(),
            make_data: self.make_data.clone(),
            imports: self.imports.clone(),
        }
    }
}

impl<T: Default + 'static> WasmiEngine<T> {
    /// An engine whose stores start with `T::default()`.
    pub fn new() -> Self {
        Self::with_data(T::default)
    }
}

impl<T: Default + 'static> Default for WasmiEngine<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<T: 'static> WasmiEngine<T> {
    /// An engine whose stores start with `make_data()`.
    pub fn with_data(make_data: impl Fn() -> T + Send + Sync + 'static) -> Self {
        WasmiEngine {
            engine: Self::engine_with(MAX_RECURSION_DEPTH, MAX_STACK_HEIGHT),
            make_data: Arc::new(make_data),
            imports: None,
        }
    }

    /// The same engine with room for wasm calls as deep as a JIT's wasm stack of `bytes` holds
    /// (what `--max-wasm-stack` means on the JITs): wasmi bounds frames, not bytes, so it gets
    /// `bytes / 64` frames and a value stack of `bytes`, never less than the defaults (100,000
    /// frames, 64 MiB). Modules compiled by the old engine cannot be used with the new one:
    /// call this before loading anything.
    pub fn with_max_stack(mut self, bytes: usize) -> Self {
        self.engine = Self::engine_with(
            (bytes / MIN_FRAME_BYTES).max(MAX_RECURSION_DEPTH),
            bytes.max(MAX_STACK_HEIGHT),
        );
        self
    }

    /// A wasmi engine with these limits on frames and on the value stack's bytes.
    fn engine_with(frames: usize, stack_bytes: usize) -> wasmi::Engine {
        let mut config = wasmi::Config::default();
        config
            .set_max_recursion_depth(frames)
            .set_max_stack_height(stack_bytes);
        wasmi::Engine::new(&config)
    }

    /// Function imports nothing else supplies are asked of `imports`.
    pub fn with_imports(
        mut self,
        imports: impl for<'a> Fn(
                &mut StoreContextMut<'a, T>,
                &str,
                &str,
                &wasmi::FuncType,
            ) -> Option<wasmi::Func>
            + Send
            + Sync
            + 'static,
    ) -> Self {
        self.imports = Some(Arc::new(imports));
        self
    }

    /// The wasmi engine.
    pub fn wasmi(&self) -> &wasmi::Engine {
        &self.engine
    }
}

impl<T: Send + 'static> Engine for WasmiEngine<T> {
    type Module = wasmi::Module;
    type SharedMemory = NoSharedMemory;
    type Store = wasmi::Store<T>;
    type Func = wasmi::Func;
    type Global = wasmi::Global;
    type Memory = wasmi::Memory;
    type Table = wasmi::Table;
    type Tag = NoTag;
    type Instance = wasmi::Instance;

    fn name(&self) -> &'static str {
        "wasmi"
    }

    fn capabilities(&self) -> Capabilities {
        Capabilities {
            // One thread per process: no link operation ever waits for another thread. (Fuel
            // with resumable calls could pause running wasm; docs/threads.md.)
            resumable_safepoints: false,
            host_funcs_in_tables: true,
            shared_memory: false,
            exceptions: false,
        }
    }

    fn compile(&self, name: &str, bytes: &[u8]) -> Result<Self::Module, EngineError> {
        let _span = tracing::debug_span!("compile", module = name, engine = "wasmi").entered();
        wasmi::Module::new(&self.engine, bytes).map_err(|e| EngineError(e.to_string()))
    }

    fn new_shared_memory(&self, _min: u32, _max: u32) -> Result<Self::SharedMemory, EngineError> {
        Err(EngineError(
            "the engine wasmi does not support shared memory (threads)".into(),
        ))
    }

    fn new_store(&self) -> Self::Store {
        wasmi::Store::new(&self.engine, (self.make_data)())
    }

    fn with_store<R>(
        &self,
        store: &mut Self::Store,
        f: impl FnOnce(&mut dyn StoreOps<Self>) -> R,
    ) -> R {
        let mut cx = Cx {
            cx: store.as_context_mut(),
            imports: self.imports.clone(),
        };
        f(&mut cx)
    }
}
