//! [`WasmerEngine`]: wasmer's engine-wide operations (compiling, shared memories, stores) as
//! linker-core's [`Engine`].

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use linker_core::engine::{
    Capabilities, Engine, EngineError, StoreOps, PROBE_EXCEPTIONS, PROBE_SHARED_MEMORY,
};
use wasmer::AsStoreMut;

use crate::convert::err;
use crate::imports::{ImportsFactory, StoreImports, StoreSetup};
use crate::memory;
use crate::store::Cx;

/// The wasmer engine (Cranelift).
#[derive(Clone)]
pub struct WasmerEngine {
    engine: wasmer::Engine,
    imports: Option<Arc<ImportsFactory>>,
    /// The embedder's imports, made once per store (keyed by the store's id).
    per_store: Arc<Mutex<HashMap<wasmer_types::StoreId, Arc<StoreImports>>>>,
    /// Whether the compiler has threads and exceptions, found by validating probe modules.
    shared_memory: bool,
    exceptions: bool,
}

impl Default for WasmerEngine {
    fn default() -> Self {
        Self::new()
    }
}

impl WasmerEngine {
    /// wasmer's default engine (Cranelift).
    pub fn new() -> Self {
        Self::from_engine(wasmer::Engine::default())
    }

    /// wasmer with its baseline compiler, singlepass: it compiles in one pass, several times
    /// faster than Cranelift, into code that runs slower (docs/benchmarks.md, "Compiler
    /// tiers"). Singlepass does not compile exception handling (C++ exceptions and
    /// setjmp/longjmp built with wasm exceptions); the linker refuses a module that uses it
    /// before compiling it, naming the module (`LinkError::Unsupported`).
    pub fn singlepass() -> Self {
        Self::from_engine(wasmer::sys::Singlepass::default().into())
    }

    /// The embedder's own engine. Its compiler must support what dylink.0 programs use
    /// (threads and shared memory, exceptions): Cranelift does.
    pub fn from_engine(engine: wasmer::Engine) -> Self {
        // Singlepass has no exception handling: the linker then refuses modules that need it
        // by name, before compiling them.
        let allows = |probe| wasmer::Module::validate(&engine, probe).is_ok();
        WasmerEngine {
            shared_memory: allows(PROBE_SHARED_MEMORY),
            exceptions: allows(PROBE_EXCEPTIONS),
            engine,
            imports: None,
            per_store: Default::default(),
        }
    }

    /// Imports the linker does not define are taken from what `make` returns for each store.
    pub fn with_imports(
        mut self,
        make: impl Fn(&mut wasmer::Store) -> wasmer::Imports + Send + Sync + 'static,
    ) -> Self {
        self.imports = Some(Arc::new(move |store: &mut wasmer::Store| {
            (make(store), None)
        }));
        self
    }

    /// As [`with_imports`](Self::with_imports), for imports that need the process memory before
    /// they are called (wasmer-wasix's `WasiFunctionEnv::initialize`, for one): `make` also
    /// returns a setup, run once in that store on the first instance made there that exports
    /// `memory`. dylink.0 modules import their memory, so the linker calls the embedder's
    /// imports through a generated forwarder that exports it again as `memory`; that forwarder
    /// is made before any of its imports can be called, so the setup runs first.
    pub fn with_imports_and_setup(
        mut self,
        make: impl Fn(&mut wasmer::Store) -> (wasmer::Imports, StoreSetup) + Send + Sync + 'static,
    ) -> Self {
        self.imports = Some(Arc::new(move |store: &mut wasmer::Store| {
            let (imports, setup) = make(store);
            (imports, Some(setup))
        }));
        self
    }

    /// The size of the stack wasm runs on (wasmer runs it on stacks of its own, 1 MiB by
    /// default), clamped to 8 KiB..100 MiB. wasmer 7.4 keeps this setting for the whole process:
    /// it applies to every engine and store made after the call.
    pub fn set_wasm_stack_size(bytes: usize) {
        wasmer::sys::vm::set_stack_size(bytes);
    }

    /// The wasmer engine.
    pub fn wasmer(&self) -> &wasmer::Engine {
        &self.engine
    }
}

impl Engine for WasmerEngine {
    type Module = wasmer::Module;
    type SharedMemory = wasmer::SharedMemory;
    type Store = wasmer::Store;
    type Func = wasmer::Function;
    type Global = wasmer::Global;
    type Memory = wasmer::Memory;
    type Table = wasmer::Table;
    type Tag = wasmer::Tag;
    /// Shared: a `wasmer::Instance` clone copies its whole export map (names included), and the
    /// linker hands instances around for every import it binds and every call.
    type Instance = Arc<wasmer::Instance>;

    fn name(&self) -> &'static str {
        "wasmer"
    }

    fn capabilities(&self) -> Capabilities {
        // wasmer 7.4's host interrupt traps the running wasm: it is not a resumable safepoint.
        // The linker compiles poll points into the modules instead (`PollPoints`).
        Capabilities {
            resumable_safepoints: false,
            host_funcs_in_tables: false,
            shared_memory: self.shared_memory,
            exceptions: self.exceptions,
        }
    }

    fn compile(&self, name: &str, bytes: &[u8]) -> Result<Self::Module, EngineError> {
        let _span = tracing::debug_span!("compile", module = name, engine = "wasmer").entered();
        wasmer::Module::new(&self.engine, bytes).map_err(err)
    }

    fn compatibility(&self) -> String {
        // The engine's own identity: its compiler, target and features.
        self.engine.deterministic_id().to_string()
    }

    fn serialize(&self, module: &Self::Module) -> Option<Vec<u8>> {
        module.serialize().ok().map(|b| b.to_vec())
    }

    unsafe fn deserialize(&self, bytes: &[u8]) -> Result<Self::Module, EngineError> {
        // SAFETY: the caller's contract (bytes from `serialize`, unaltered); wasmer checks the
        // artifact's version and target.
        unsafe { wasmer::Module::deserialize(&self.engine, bytes.to_vec()) }.map_err(err)
    }

    fn new_shared_memory(&self, min: u32, max: u32) -> Result<Self::SharedMemory, EngineError> {
        memory::shared(&self.engine, min, max)
    }

    fn new_store(&self) -> Self::Store {
        wasmer::Store::new(self.engine.clone())
    }

    fn with_store<R>(
        &self,
        store: &mut Self::Store,
        f: impl FnOnce(&mut dyn StoreOps<Self>) -> R,
    ) -> R {
        let native = match &self.imports {
            Some(make) => {
                let id = store.id();
                let existing = self
                    .per_store
                    .lock()
                    .unwrap_or_else(|p| p.into_inner())
                    .get(&id)
                    .cloned();
                Some(match existing {
                    Some(i) => i,
                    None => {
                        let (imports, setup) = make(store);
                        let i = Arc::new(StoreImports {
                            imports,
                            setup: Mutex::new(setup),
                        });
                        self.per_store
                            .lock()
                            .unwrap_or_else(|p| p.into_inner())
                            .insert(id, i.clone());
                        i
                    }
                })
            }
            None => None,
        };
        let mut cx = Cx {
            store: store.as_store_mut(),
            native,
        };
        f(&mut cx)
    }
}
