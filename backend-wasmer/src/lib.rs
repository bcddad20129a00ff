//! wasmer backend for `linker-core`: adapts wasmer 7.4 (Cranelift) to the linker's engine traits
//! and nothing more.
//!
//! Imports that neither the loaded modules nor the linker's host resolver define are taken from
//! the embedder's own [`wasmer::Imports`], given with [`WasmerEngine::with_imports`] (or
//! [`WasmerEngine::with_imports_and_setup`], for imports such as wasmer-wasix's that must be told
//! the process memory before they are called). With the feature `wasi` (default), [`wasi`] serves
//! WASI preview 1 from wasmer's own crate, `wasmer-wasix`, that way.
//!
//! ```no_run
//! use std::sync::Arc;
//! use backend_wasmer::WasmerEngine;
//! use linker_core::{MountFs, LinkerConfig, NoHost, Process};
//!
//! let engine = WasmerEngine::new();
//! // Functions of your own, as with any wasmer embedding. Functions in `wasmer::Imports` belong
//! // to a store, so they are made per store by a closure.
//! let engine = engine.with_imports(|store| {
//!     let answer = wasmer::Function::new_typed(store, || 42i32);
//!     wasmer::imports! { "host" => { "answer" => answer } }
//! });
//! let fs = Arc::new(MountFs::root("/path/to/root").unwrap());
//! let mut process = Process::load(engine, LinkerConfig::new(fs), Arc::new(NoHost), "/app/main.wasm").unwrap();
//! let exit_code = process.run().unwrap();
//! # let _ = exit_code;
//! ```

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

#[cfg(feature = "wasi")]
pub mod wasi;

use linker_core::engine::{
    Capabilities, Engine, EngineError, Extern, FuncType, HostError, HostFn, MemoryBytes, StoreOps,
    Val, ValType,
};
use wasmer::{AsStoreMut, FunctionEnv, FunctionEnvMut, StoreMut};

/// Run once per store, on the first instance made in it that exports `memory` (see
/// [`WasmerEngine::with_imports_and_setup`]); an error fails that instantiation with its message.
pub type StoreSetup =
    Box<dyn FnOnce(&mut StoreMut<'_>, &wasmer::Instance) -> Result<(), String> + Send>;

type ImportsFactory =
    dyn Fn(&mut wasmer::Store) -> (wasmer::Imports, Option<StoreSetup>) + Send + Sync;

/// The embedder's imports of one store, and their setup until it has run.
struct StoreImports {
    imports: wasmer::Imports,
    setup: Mutex<Option<StoreSetup>>,
}

impl StoreImports {
    /// Runs the store's setup if `instance` is the first one exporting `memory`. Instances that
    /// call the embedder's imports are forwarders (linker-core's `forwarder_module`), which
    /// export the process memory as `memory` and are made before any of those imports can be
    /// called, so the setup runs before the first call.
    fn on_instance(
        &self,
        store: &mut StoreMut<'_>,
        instance: &wasmer::Instance,
    ) -> Result<(), HostError> {
        if !matches!(
            instance.exports.get_extern("memory"),
            Some(wasmer::Extern::Memory(_))
        ) {
            return Ok(());
        }
        let setup = self.setup.lock().unwrap_or_else(|p| p.into_inner()).take();
        match setup {
            Some(setup) => setup(store, instance)
                .map_err(|e| HostError::Trap(format!("setting up the store's imports: {e}"))),
            None => Ok(()),
        }
    }
}

/// The wasmer engine (Cranelift).
#[derive(Clone)]
pub struct WasmerEngine {
    engine: wasmer::Engine,
    imports: Option<Arc<ImportsFactory>>,
    /// The embedder's imports, made once per store (keyed by the store's id).
    per_store: Arc<Mutex<HashMap<wasmer_types::StoreId, Arc<StoreImports>>>>,
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
    /// setjmp/longjmp built with wasm exceptions); a module that uses it is refused when
    /// compiled, naming the module.
    pub fn singlepass() -> Self {
        Self::from_engine(wasmer::sys::Singlepass::default().into())
    }

    /// The embedder's own engine. Its compiler must support what dylink.0 programs use
    /// (threads and shared memory, exceptions): Cranelift does.
    pub fn from_engine(engine: wasmer::Engine) -> Self {
        WasmerEngine {
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

    /// The wasmer engine.
    pub fn wasmer(&self) -> &wasmer::Engine {
        &self.engine
    }
}

fn err(e: impl std::fmt::Display) -> EngineError {
    EngineError(e.to_string())
}

fn call_error(e: wasmer::RuntimeError) -> HostError {
    if let Some(h) = e.downcast_ref::<HostError>() {
        return h.clone();
    }
    #[cfg(feature = "wasi")]
    if let Some(code) = wasi::exit_code(&e) {
        return HostError::Exit(code);
    }
    HostError::Trap(e.message())
}

fn to_wm(v: Val) -> wasmer::Value {
    match v {
        Val::I32(x) => wasmer::Value::I32(x),
        Val::I64(x) => wasmer::Value::I64(x),
        Val::F32(x) => wasmer::Value::F32(f32::from_bits(x)),
        Val::F64(x) => wasmer::Value::F64(f64::from_bits(x)),
    }
}

fn from_wm(v: &wasmer::Value) -> Val {
    match v {
        wasmer::Value::I32(x) => Val::I32(*x),
        wasmer::Value::I64(x) => Val::I64(*x),
        wasmer::Value::F32(x) => Val::F32(x.to_bits()),
        wasmer::Value::F64(x) => Val::F64(x.to_bits()),
        _ => Val::I32(0),
    }
}

fn vt_to_wm(t: ValType) -> wasmer::Type {
    match t {
        ValType::I32 => wasmer::Type::I32,
        ValType::I64 => wasmer::Type::I64,
        ValType::F32 => wasmer::Type::F32,
        ValType::F64 => wasmer::Type::F64,
        ValType::V128 => wasmer::Type::V128,
        ValType::FuncRef => wasmer::Type::FuncRef,
        ValType::ExternRef | ValType::OtherRef => wasmer::Type::ExternRef,
    }
}

fn func_type(ty: &FuncType) -> wasmer::FunctionType {
    wasmer::FunctionType::new(
        ty.params.iter().map(|t| vt_to_wm(*t)).collect::<Vec<_>>(),
        ty.results.iter().map(|t| vt_to_wm(*t)).collect::<Vec<_>>(),
    )
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
        Capabilities {
            resumable_safepoints: false,
            host_funcs_in_tables: false,
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
        let mut store = wasmer::Store::new(self.engine.clone());
        let ty = wasmer::MemoryType::new(wasmer::Pages(min), Some(wasmer::Pages(max)), true);
        let mem = wasmer::Memory::new(&mut store, ty).map_err(err)?;
        mem.as_shared(&store)
            .ok_or_else(|| EngineError("this wasmer backend cannot share memories".into()))
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

/// A wasmer store (from a `Store` or a `FunctionEnvMut`) seen as [`StoreOps`].
struct Cx<'a> {
    store: StoreMut<'a>,
    native: Option<Arc<StoreImports>>,
}

impl Cx<'_> {
    /// A host function with a typed signature when it is `i32`s to nothing or one `i32` (most
    /// host imports: WASI, `<dlfcn.h>`, the PLT binder). wasmer's dynamic functions collect the
    /// arguments and the results in vectors on every call, which costs more than a `dlsym`
    /// itself; typed ones pass them in registers.
    fn new_typed_host_func(
        &mut self,
        ty: &FuncType,
        func: HostFn<WasmerEngine>,
    ) -> Option<wasmer::Function> {
        if !ty
            .params
            .iter()
            .chain(&ty.results)
            .all(|t| *t == ValType::I32)
            || ty.results.len() > 1
        {
            return None;
        }
        let env = FunctionEnv::new(&mut self.store, ());
        let native = self.native.clone();
        let returns = ty.results.len() == 1;
        let user = |e: HostError| wasmer::RuntimeError::user(Box::new(e));
        macro_rules! typed {
            ($($a:ident),*) => {
                if returns {
                    wasmer::Function::new_typed_with_env(
                        &mut self.store,
                        &env,
                        move |mut e: FunctionEnvMut<()>, $($a: i32),*| -> Result<i32, wasmer::RuntimeError> {
                            let args: &[Val] = &[$(Val::I32($a)),*];
                            let mut out = [Val::I32(0)];
                            let mut cx = Cx { store: e.as_store_mut(), native: native.clone() };
                            func(&mut cx, args, &mut out).map_err(user)?;
                            Ok(out[0].i32())
                        },
                    )
                } else {
                    wasmer::Function::new_typed_with_env(
                        &mut self.store,
                        &env,
                        move |mut e: FunctionEnvMut<()>, $($a: i32),*| -> Result<(), wasmer::RuntimeError> {
                            let args: &[Val] = &[$(Val::I32($a)),*];
                            let mut cx = Cx { store: e.as_store_mut(), native: native.clone() };
                            func(&mut cx, args, &mut []).map_err(user)
                        },
                    )
                }
            };
        }
        Some(match ty.params.len() {
            0 => typed!(),
            1 => typed!(a0),
            2 => typed!(a0, a1),
            3 => typed!(a0, a1, a2),
            4 => typed!(a0, a1, a2, a3),
            5 => typed!(a0, a1, a2, a3, a4),
            6 => typed!(a0, a1, a2, a3, a4, a5),
            _ => return None,
        })
    }
}

fn to_extern(e: &Extern<WasmerEngine>) -> wasmer::Extern {
    match e {
        Extern::Func(f) => wasmer::Extern::Function(f.clone()),
        Extern::Global(g) => wasmer::Extern::Global(g.clone()),
        Extern::Memory(m) => wasmer::Extern::Memory(m.clone()),
        Extern::Table(t) => wasmer::Extern::Table(t.clone()),
        Extern::Tag(t) => wasmer::Extern::Tag(t.clone()),
    }
}

impl StoreOps<WasmerEngine> for Cx<'_> {
    fn attach_memory(&mut self, mem: &wasmer::SharedMemory) -> Result<wasmer::Memory, EngineError> {
        Ok(mem.clone().attach(&mut self.store))
    }

    fn new_memory(&mut self, min: u32, max: u32) -> Result<wasmer::Memory, EngineError> {
        let ty = wasmer::MemoryType::new(wasmer::Pages(min), Some(wasmer::Pages(max)), false);
        wasmer::Memory::new(&mut self.store, ty).map_err(err)
    }

    fn memory_bytes<'a>(&'a mut self, mem: &'a wasmer::Memory) -> MemoryBytes<'a> {
        let shared = mem.ty(&self.store).shared;
        let view = mem.view(&self.store);
        let (ptr, len) = (view.data_ptr(), view.data_size() as usize);
        if shared {
            // SAFETY: `ptr..ptr + len` is the memory's current data. A shared memory is mapped
            // once at its maximum size and never moves or shrinks, and this store keeps it alive
            // for `'a`; other threads may access it meanwhile, so it is handed out as cells,
            // accessed only through their raw pointers (as wasmtime's `SharedMemory::data`).
            MemoryBytes::Shared(unsafe {
                std::slice::from_raw_parts(ptr as *const std::cell::UnsafeCell<u8>, len)
            })
        } else {
            // SAFETY: a memory that is not shared belongs to this store alone, which `self` holds
            // exclusively for `'a`: no wasm runs and nothing grows (moves) the memory until the
            // slice is dropped, so it is the only reference to these bytes.
            MemoryBytes::Private(unsafe { std::slice::from_raw_parts_mut(ptr, len) })
        }
    }

    fn memory_size(&mut self, mem: &wasmer::Memory) -> u64 {
        mem.view(&self.store).data_size()
    }

    fn memory_grow(&mut self, mem: &wasmer::Memory, pages: u64) -> Result<u64, EngineError> {
        let pages = u32::try_from(pages).map_err(err)?;
        mem.grow(&mut self.store, wasmer::Pages(pages))
            .map(|p| p.0 as u64)
            .map_err(err)
    }

    fn memory_read(
        &mut self,
        mem: &wasmer::Memory,
        addr: u64,
        buf: &mut [u8],
    ) -> Result<(), EngineError> {
        mem.view(&self.store).read(addr, buf).map_err(err)
    }

    fn memory_write(
        &mut self,
        mem: &wasmer::Memory,
        addr: u64,
        data: &[u8],
    ) -> Result<(), EngineError> {
        mem.view(&self.store).write(addr, data).map_err(err)
    }

    fn new_table(&mut self, min: u64, max: Option<u64>) -> Result<wasmer::Table, EngineError> {
        let min = u32::try_from(min).map_err(err)?;
        let max = max.map(u32::try_from).transpose().map_err(err)?;
        let ty = wasmer::TableType::new(wasmer::Type::FuncRef, min, max);
        wasmer::Table::new(&mut self.store, ty, wasmer::Value::FuncRef(None)).map_err(err)
    }

    fn table_size(&mut self, table: &wasmer::Table) -> u64 {
        table.size(&self.store) as u64
    }

    fn table_grow(&mut self, table: &wasmer::Table, delta: u64) -> Result<u64, EngineError> {
        let delta = u32::try_from(delta).map_err(err)?;
        table
            .grow(&mut self.store, delta, wasmer::Value::FuncRef(None))
            .map(|p| p as u64)
            .map_err(err)
    }

    fn table_set(
        &mut self,
        table: &wasmer::Table,
        index: u64,
        func: Option<&wasmer::Function>,
    ) -> Result<(), EngineError> {
        let index = u32::try_from(index).map_err(err)?;
        table
            .set(
                &mut self.store,
                index,
                wasmer::Value::FuncRef(func.cloned()),
            )
            .map_err(err)
    }

    fn table_get(
        &mut self,
        table: &wasmer::Table,
        index: u64,
    ) -> Result<Option<wasmer::Function>, EngineError> {
        let index = u32::try_from(index).map_err(err)?;
        match table.get(&mut self.store, index) {
            Some(wasmer::Value::FuncRef(f)) => Ok(f),
            Some(_) => Err(EngineError("not a funcref table".into())),
            None => Err(EngineError(format!("table index {index} out of bounds"))),
        }
    }

    fn new_global(&mut self, value: Val, mutable: bool) -> Result<wasmer::Global, EngineError> {
        Ok(if mutable {
            wasmer::Global::new_mut(&mut self.store, to_wm(value))
        } else {
            wasmer::Global::new(&mut self.store, to_wm(value))
        })
    }

    fn global_get(&mut self, global: &wasmer::Global) -> Val {
        from_wm(&global.get(&mut self.store))
    }

    fn global_set(&mut self, global: &wasmer::Global, value: Val) -> Result<(), EngineError> {
        global.set(&mut self.store, to_wm(value)).map_err(err)
    }

    fn new_tag(&mut self, params: &[ValType]) -> Result<wasmer::Tag, EngineError> {
        let p: Vec<wasmer::Type> = params.iter().map(|t| vt_to_wm(*t)).collect();
        Ok(wasmer::Tag::new(&mut self.store, p))
    }

    fn new_host_func(
        &mut self,
        ty: &FuncType,
        func: HostFn<WasmerEngine>,
    ) -> Result<wasmer::Function, EngineError> {
        if let Some(f) = self.new_typed_host_func(ty, func.clone()) {
            return Ok(f);
        }
        let env = FunctionEnv::new(&mut self.store, ());
        let result_types = ty.results.clone();
        let native = self.native.clone();
        Ok(wasmer::Function::new_with_env(
            &mut self.store,
            &env,
            func_type(ty),
            move |mut env: FunctionEnvMut<()>, params: &[wasmer::Value]| {
                // wasmer wants the results as a Vec; the arguments need no allocation.
                let mut arg_buf = [Val::I32(0); 8];
                let spilled: Vec<Val>;
                let args: &[Val] = if params.len() <= arg_buf.len() {
                    for (a, p) in arg_buf.iter_mut().zip(params) {
                        *a = from_wm(p);
                    }
                    &arg_buf[..params.len()]
                } else {
                    spilled = params.iter().map(from_wm).collect();
                    &spilled
                };
                let mut out: Vec<Val> = result_types.iter().map(|t| Val::default_for(*t)).collect();
                let mut cx = Cx {
                    store: env.as_store_mut(),
                    native: native.clone(),
                };
                func(&mut cx, args, &mut out)
                    .map_err(|e| wasmer::RuntimeError::user(Box::new(e)))?;
                Ok(out.into_iter().map(to_wm).collect())
            },
        ))
    }

    fn instantiate(
        &mut self,
        module: &wasmer::Module,
        imports: &[Option<Extern<WasmerEngine>>],
    ) -> Result<Arc<wasmer::Instance>, HostError> {
        let mut set = wasmer::Imports::new();
        for (imp, ext) in module.imports().zip(imports) {
            let e = match ext {
                Some(e) => to_extern(e),
                None => self
                    .native
                    .as_ref()
                    .and_then(|n| n.imports.get_export(imp.module(), imp.name()))
                    .ok_or_else(|| {
                        HostError::Trap(format!("unknown import: {}::{}", imp.module(), imp.name()))
                    })?,
            };
            set.define(imp.module(), imp.name(), e);
        }
        let instance =
            wasmer::Instance::new(&mut self.store, module, &set).map_err(|e| match e {
                wasmer::InstantiationError::Start(rt) => call_error(rt),
                other => HostError::Trap(other.to_string()),
            })?;
        if let Some(native) = &self.native {
            native.on_instance(&mut self.store, &instance)?;
        }
        Ok(Arc::new(instance))
    }

    fn export(
        &mut self,
        instance: &Arc<wasmer::Instance>,
        name: &str,
    ) -> Option<Extern<WasmerEngine>> {
        Some(match instance.exports.get_extern(name)? {
            wasmer::Extern::Function(f) => Extern::Func(f.clone()),
            wasmer::Extern::Global(g) => Extern::Global(g.clone()),
            wasmer::Extern::Table(t) => Extern::Table(t.clone()),
            wasmer::Extern::Memory(m) => Extern::Memory(m.clone()),
            wasmer::Extern::Tag(t) => Extern::Tag(t.clone()),
        })
    }

    fn call(&mut self, func: &wasmer::Function, args: &[Val]) -> Result<Vec<Val>, HostError> {
        let params: Vec<wasmer::Value> = args.iter().map(|v| to_wm(*v)).collect();
        let out = func.call(&mut self.store, &params).map_err(call_error)?;
        Ok(out.iter().map(from_wm).collect())
    }
}
