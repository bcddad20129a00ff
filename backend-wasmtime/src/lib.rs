//! wasmtime backend for `linker-core`: adapts wasmtime 48 to the linker's engine traits and
//! nothing more.
//!
//! The store's data type `T` stays the embedder's: imports the linker does not define are looked
//! up in the embedder's own [`wasmtime::Linker<T>`] (so `wasmtime-wasi` plugs in unchanged), after
//! the linker's [`linker_core::HostResolver`].
//!
//! ```no_run
//! use std::sync::Arc;
//! use backend_wasmtime::WasmtimeEngine;
//! use linker_core::{MountFs, LinkerConfig, NoHost, Process};
//!
//! // Functions of your own, as with any wasmtime embedding.
//! let engine = WasmtimeEngine::<()>::new().unwrap();
//! let mut native = wasmtime::Linker::new(engine.wasmtime());
//! native.func_wrap("host", "answer", || 42i32).unwrap();
//! let engine = engine.with_linker(native);
//!
//! let fs = Arc::new(MountFs::root("/path/to/root").unwrap());
//! let mut process = Process::load(engine, LinkerConfig::new(fs), Arc::new(NoHost), "/app/main.wasm").unwrap();
//! let exit_code = process.run().unwrap();
//! # let _ = exit_code;
//! ```

#![deny(missing_docs)]

use std::sync::Arc;

use linker_core::engine::{
    Capabilities, Engine, EngineError, StoreOps, PROBE_EXCEPTIONS, PROBE_SHARED_MEMORY,
};
use wasmtime::{AsContextMut, StoreContextMut};

mod convert;
mod limits;
mod memory;
mod store;
#[cfg(feature = "wasi")]
pub mod wasi;

use convert::err;
use limits::Unbounded;
use store::Cx;

pub use memory::WasmtimeMemory;

/// The embedder's epoch deadline callback, called after the linker's safepoint on every tick.
type EpochFn<T> =
    dyn Fn(StoreContextMut<'_, T>) -> wasmtime::Result<wasmtime::UpdateDeadline> + Send + Sync;

/// The embedder's store limiter: given the store's data, the limiter to consult.
type LimiterFn<T> = dyn (Fn(&mut T) -> &mut dyn wasmtime::ResourceLimiter) + Send + Sync;

/// The wasmtime engine, configured for dynamic linking (threads, shared memory, exceptions).
pub struct WasmtimeEngine<T: 'static> {
    engine: wasmtime::Engine,
    make_data: Arc<dyn Fn() -> T + Send + Sync>,
    linker: Option<Arc<wasmtime::Linker<T>>>,
    limiter: Option<Arc<LimiterFn<T>>>,
    epoch: Option<Arc<EpochFn<T>>>,
    /// What this engine's configuration allows, found by validating probe modules.
    caps: Capabilities,
}

impl<T: 'static> Clone for WasmtimeEngine<T> {
    fn clone(&self) -> Self {
        WasmtimeEngine {
            engine: self.engine.clone(),
            make_data: self.make_data.clone(),
            linker: self.linker.clone(),
            limiter: self.limiter.clone(),
            epoch: self.epoch.clone(),
            caps: self.caps.clone(),
        }
    }
}

/// The wasmtime configuration the linker needs: shared memories (threads) and exception
/// handling (setjmp/longjmp, C++ exceptions). Tables are initialised eagerly
/// (`table_lazy_init(false)`): the linker fills the program's table at instantiation anyway, and
/// every `call_indirect` then skips wasmtime's lazy-initialisation check (a call through a
/// function pointer: 4.40 -> 3.58 ns, instantiation unchanged within noise; docs/benchmarks.md
/// section 2).
pub fn config() -> wasmtime::Config {
    let mut c = wasmtime::Config::new();
    c.wasm_threads(true)
        .shared_memory(true)
        // Resumable safepoints for threads that make no host calls (docs/threads.md).
        .epoch_interruption(true)
        .wasm_exceptions(true)
        .wasm_function_references(true)
        .wasm_gc(true)
        .table_lazy_init(false);
    c
}

/// [`config`] with wasmtime's baseline compiler, Winch, instead of Cranelift: it compiles in one
/// pass, several times faster, into code that runs slower (docs/benchmarks.md, "Compiler
/// tiers"). Winch does not compile exception handling (`try_table`, `throw`: C++ exceptions and
/// setjmp/longjmp built with wasm exceptions); the linker refuses a module that uses it before
/// compiling it, naming the module (`LinkError::Unsupported`).
pub fn winch_config() -> wasmtime::Config {
    let mut c = config();
    // Winch refuses an engine with these on; without them, a module using one fails to
    // validate (when compiled, naming the module). Winch needs tables initialised lazily.
    c.strategy(wasmtime::Strategy::Winch)
        .wasm_exceptions(false)
        .wasm_gc(false)
        .wasm_function_references(false)
        .table_lazy_init(true);
    c
}

impl<T: Default + Send + 'static> WasmtimeEngine<T> {
    /// An engine with [`config`], whose stores start with `T::default()`.
    pub fn new() -> Result<Self, EngineError> {
        Self::with_data(&config(), T::default)
    }

    /// An engine with [`winch_config`] (the baseline compiler), whose stores start with
    /// `T::default()`.
    pub fn winch() -> Result<Self, EngineError> {
        Self::with_data(&winch_config(), T::default)
    }
}

impl<T: Send + 'static> WasmtimeEngine<T> {
    /// An engine whose stores start with data made by `make_data`.
    pub fn with_data(
        config: &wasmtime::Config,
        make_data: impl Fn() -> T + Send + Sync + 'static,
    ) -> Result<Self, EngineError> {
        let engine = wasmtime::Engine::new(config).map_err(err)?;
        Ok(Self::from_engine(engine, make_data))
    }

    /// The embedder's own engine, whose stores start with data made by `make_data` (each thread
    /// of a process gets its own store). Its configuration must allow what dylink.0 programs use:
    /// threads and shared memory, exceptions (see [`config`]), and epoch interruption, which the
    /// linker uses to pause busy threads for link operations (docs/threads.md).
    pub fn from_engine(
        engine: wasmtime::Engine,
        make_data: impl Fn() -> T + Send + Sync + 'static,
    ) -> Self {
        // Winch, or an embedder's configuration, may leave threads or exceptions out: the
        // linker then refuses modules that need them by name, before compiling them.
        let allows = |probe| wasmtime::Module::validate(&engine, probe).is_ok();
        let caps = Capabilities {
            resumable_safepoints: true,
            host_funcs_in_tables: true,
            shared_memory: allows(PROBE_SHARED_MEMORY),
            exceptions: allows(PROBE_EXCEPTIONS),
        };
        WasmtimeEngine {
            engine,
            make_data: Arc::new(make_data),
            linker: None,
            limiter: None,
            epoch: None,
            caps,
        }
    }

    /// The embedder's own epoch deadline callback (time slices, timeouts): on every epoch tick
    /// the linker first takes its safepoint (it uses epochs to pause busy threads for link
    /// operations), then calls `callback`, whose answer decides (`Continue(n)`: the next
    /// deadline in `n` ticks; an error: the wasm traps). Without one, wasm goes on at every
    /// tick. A deadline of more than one tick delays the linker's safepoints as much: a link
    /// operation of another thread then waits that many ticks for this one.
    pub fn with_epoch_callback(
        mut self,
        callback: impl Fn(StoreContextMut<'_, T>) -> wasmtime::Result<wasmtime::UpdateDeadline>
            + Send
            + Sync
            + 'static,
    ) -> Self {
        self.epoch = Some(Arc::new(callback));
        self
    }

    /// Every store of the process consults the limiter `limiter` returns from its data, instead
    /// of the linker's default (no instance, table or memory count limit; growth bounded by each
    /// memory's and table's maximum). Allow for one instance per module and thread, another per
    /// module with lazily bound imports, and more for each `dlopen`: a wasmtime store frees its
    /// instances only when it is dropped.
    pub fn with_limiter(
        mut self,
        limiter: impl (Fn(&mut T) -> &mut dyn wasmtime::ResourceLimiter) + Send + Sync + 'static,
    ) -> Self {
        self.limiter = Some(Arc::new(limiter));
        self
    }

    /// Imports that neither the loaded modules nor the linker's host resolver define are taken
    /// from `linker`.
    pub fn with_linker(mut self, linker: wasmtime::Linker<T>) -> Self {
        self.linker = Some(Arc::new(linker));
        self
    }

    /// The wasmtime engine.
    pub fn wasmtime(&self) -> &wasmtime::Engine {
        &self.engine
    }
}

impl<T: Send + 'static> Engine for WasmtimeEngine<T> {
    type Module = wasmtime::Module;
    type SharedMemory = wasmtime::SharedMemory;
    type Store = wasmtime::Store<T>;
    type Func = wasmtime::Func;
    type Global = wasmtime::Global;
    type Memory = WasmtimeMemory;
    type Table = wasmtime::Table;
    type Tag = wasmtime::Tag;
    type Instance = wasmtime::Instance;

    fn name(&self) -> &'static str {
        "wasmtime"
    }

    fn capabilities(&self) -> Capabilities {
        self.caps.clone()
    }

    fn compile(&self, name: &str, bytes: &[u8]) -> Result<Self::Module, EngineError> {
        let _span = tracing::debug_span!("compile", module = name, engine = "wasmtime").entered();
        wasmtime::Module::new(&self.engine, bytes).map_err(|e| EngineError(format!("{e:#}")))
    }

    fn compatibility(&self) -> String {
        use std::hash::{Hash, Hasher};
        // wasmtime's own fingerprint of its version and every setting compiled code depends on.
        let mut h = std::collections::hash_map::DefaultHasher::new();
        self.engine.precompile_compatibility_hash().hash(&mut h);
        format!("{:016x}", h.finish())
    }

    fn serialize(&self, module: &Self::Module) -> Option<Vec<u8>> {
        module.serialize().ok()
    }

    unsafe fn deserialize(&self, bytes: &[u8]) -> Result<Self::Module, EngineError> {
        // SAFETY: the caller's contract (bytes from `serialize`, unaltered); wasmtime itself
        // checks that they were made by this version with a compatible configuration.
        unsafe { wasmtime::Module::deserialize(&self.engine, bytes) }
            .map_err(|e| EngineError(format!("{e:#}")))
    }

    unsafe fn deserialize_file(&self, path: &std::path::Path) -> Result<Self::Module, EngineError> {
        // SAFETY: the caller's contract (a file from `serialize`, never changed in place while
        // mapped); wasmtime maps it and checks its version and configuration header.
        unsafe { wasmtime::Module::deserialize_file(&self.engine, path) }
            .map_err(|e| EngineError(format!("{e:#}")))
    }

    fn new_shared_memory(&self, min: u32, max: u32) -> Result<Self::SharedMemory, EngineError> {
        wasmtime::SharedMemory::new(&self.engine, wasmtime::MemoryType::shared(min, max))
            .map_err(err)
    }

    fn new_store(&self) -> Self::Store {
        let mut store = wasmtime::Store::new(&self.engine, (self.make_data)());
        match &self.limiter {
            Some(limiter) => {
                let limiter = limiter.clone();
                store.limiter(move |data| limiter(data));
            }
            None => store.limiter(|_| Box::leak(Box::new(Unbounded))),
        }
        // Until a handler is installed, an epoch tick is the embedder's alone.
        store.set_epoch_deadline(1);
        let epoch = self.epoch.clone();
        store.epoch_deadline_callback(move |ctx| match &epoch {
            Some(f) => f(ctx),
            None => Ok(wasmtime::UpdateDeadline::Continue(1)),
        });
        store
    }

    fn set_safepoint(
        &self,
        store: &mut Self::Store,
        handler: linker_core::engine::SafepointFn<Self>,
    ) {
        let (linker, epoch) = (self.linker.clone(), self.epoch.clone());
        store.set_epoch_deadline(1);
        store.epoch_deadline_callback(move |mut ctx| {
            // Wasm that the handler runs (instantiation, table updates) must not hit the deadline.
            ctx.set_epoch_deadline(u64::MAX / 2);
            let mut cx = Cx {
                cx: ctx.as_context_mut(),
                linker: linker.clone(),
            };
            handler(&mut cx).map_err(wasmtime::Error::new)?;
            match &epoch {
                Some(f) => f(ctx),
                None => Ok(wasmtime::UpdateDeadline::Continue(1)),
            }
        });
    }

    fn request_safepoints(&self) {
        self.engine.increment_epoch();
    }

    fn with_store<R>(
        &self,
        store: &mut Self::Store,
        f: impl FnOnce(&mut dyn StoreOps<Self>) -> R,
    ) -> R {
        let mut cx = Cx {
            cx: store.as_context_mut(),
            linker: self.linker.clone(),
        };
        f(&mut cx)
    }
}
