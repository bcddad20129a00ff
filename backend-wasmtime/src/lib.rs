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
//! use linker_core::{HostDirFs, LinkerConfig, NoHost, Process};
//!
//! // Functions of your own, as with any wasmtime embedding.
//! let engine = WasmtimeEngine::<()>::new().unwrap();
//! let mut native = wasmtime::Linker::new(engine.wasmtime());
//! native.func_wrap("host", "answer", || 42i32).unwrap();
//! let engine = engine.with_linker(native);
//!
//! let fs = Arc::new(HostDirFs::new("/path/to/root").unwrap());
//! let mut process = Process::load(engine, LinkerConfig::new(fs), Arc::new(NoHost), "/app/main.wasm").unwrap();
//! let exit_code = process.run().unwrap();
//! # let _ = exit_code;
//! ```

use std::sync::Arc;

use linker_core::engine::{
    Capabilities, Engine, EngineError, Extern, FuncType, HostError, HostFn, StoreOps, Val, ValType,
};
use wasmtime::{AsContextMut, Caller, StoreContextMut};

#[cfg(feature = "wasi")]
pub mod wasi;

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
}

impl<T: 'static> Clone for WasmtimeEngine<T> {
    fn clone(&self) -> Self {
        WasmtimeEngine {
            engine: self.engine.clone(),
            make_data: self.make_data.clone(),
            linker: self.linker.clone(),
            limiter: self.limiter.clone(),
            epoch: self.epoch.clone(),
        }
    }
}

/// The wasmtime configuration the linker needs: shared memories (threads) and exception
/// handling (setjmp/longjmp, C++ exceptions).
pub fn config() -> wasmtime::Config {
    let mut c = wasmtime::Config::new();
    c.wasm_threads(true)
        .shared_memory(true)
        // Resumable safepoints for threads that make no host calls (docs/threads.md).
        .epoch_interruption(true)
        .wasm_exceptions(true)
        .wasm_function_references(true)
        .wasm_gc(true);
    c
}

impl<T: Default + Send + 'static> WasmtimeEngine<T> {
    /// An engine with [`config`], whose stores start with `T::default()`.
    pub fn new() -> Result<Self, EngineError> {
        Self::with_data(&config(), T::default)
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
        WasmtimeEngine {
            engine,
            make_data: Arc::new(make_data),
            linker: None,
            limiter: None,
            epoch: None,
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

fn err(e: impl std::fmt::Display) -> EngineError {
    EngineError(e.to_string())
}

fn call_error(e: wasmtime::Error) -> HostError {
    if let Some(h) = e.downcast_ref::<HostError>() {
        return h.clone();
    }
    if let Some(t) = e.downcast_ref::<wasmtime::Trap>() {
        return HostError::Trap(t.to_string());
    }
    HostError::Trap(format!("{e:#}"))
}

impl<T: Send + 'static> Cx<'_, T> {
    /// A host function over raw values, for signatures of numbers only (nearly every host import:
    /// WASI, `<dlfcn.h>`, the PLT binder): the engine's untyped path converts every argument to
    /// and from `wasmtime::Val`, which costs as much as a `dlsym` itself. No allocation either.
    fn new_raw_host_func(
        &mut self,
        wt: wasmtime::FuncType,
        ty: &FuncType,
        func: HostFn<WasmtimeEngine<T>>,
    ) -> wasmtime::Func {
        let params = ty.params.clone();
        let results = ty.results.clone();
        let linker = self.linker.clone();
        let raw = move |mut caller: Caller<'_, T>,
                        slots: &mut [std::mem::MaybeUninit<wasmtime::ValRaw>]|
              -> wasmtime::Result<()> {
            let mut args = [Val::I32(0); 8];
            for ((a, t), slot) in args.iter_mut().zip(&params).zip(slots.iter()) {
                // SAFETY: wasmtime passes one initialized slot per parameter, of its type.
                let raw = unsafe { slot.assume_init_ref() };
                *a = match t {
                    ValType::I32 => Val::I32(raw.get_i32()),
                    ValType::I64 => Val::I64(raw.get_i64()),
                    ValType::F32 => Val::F32(raw.get_f32()),
                    _ => Val::F64(raw.get_f64()),
                };
            }
            let mut out = [Val::I32(0); 4];
            for (o, t) in out.iter_mut().zip(&results) {
                *o = Val::default_for(*t);
            }
            let out = &mut out[..results.len()];
            let mut cx = Cx {
                cx: caller.as_context_mut(),
                linker: linker.clone(),
            };
            func(&mut cx, &args[..params.len()], out).map_err(wasmtime::Error::new)?;
            for (slot, v) in slots.iter_mut().zip(out.iter()) {
                slot.write(match *v {
                    Val::I32(x) => wasmtime::ValRaw::i32(x),
                    Val::I64(x) => wasmtime::ValRaw::i64(x),
                    Val::F32(x) => wasmtime::ValRaw::f32(x),
                    Val::F64(x) => wasmtime::ValRaw::f64(x),
                });
            }
            Ok(())
        };
        // SAFETY: every parameter is read as its declared numeric type, and every result slot
        // is written with a value of its declared type (`Val::default_for` gives each result its
        // type; a host function that stores another type is a bug the linker's own functions do
        // not have, and results of the wrong type are still plain numbers, never references).
        unsafe { wasmtime::Func::new_unchecked(&mut self.cx, wt, raw) }
    }
}

/// A store limiter with no instance, table or memory count limit. A wasmtime store frees its
/// instances only when it is dropped, and every `dlopen` instantiates the library (and its PLT
/// stubs) in each thread's store: a long-running program that loads and unloads libraries goes
/// past the default 10,000 instances per store. Growth is still bounded by each memory's and
/// table's declared maximum. (A zero-sized type: the `&'static mut` handed out per call is free.)
struct Unbounded;

impl wasmtime::ResourceLimiter for Unbounded {
    fn memory_growing(
        &mut self,
        _current: usize,
        desired: usize,
        maximum: Option<usize>,
    ) -> wasmtime::Result<bool> {
        Ok(maximum.is_none_or(|m| desired <= m))
    }

    fn table_growing(
        &mut self,
        _current: usize,
        desired: usize,
        maximum: Option<usize>,
    ) -> wasmtime::Result<bool> {
        Ok(maximum.is_none_or(|m| desired <= m))
    }

    fn instances(&self) -> usize {
        usize::MAX
    }

    fn tables(&self) -> usize {
        usize::MAX
    }

    fn memories(&self) -> usize {
        usize::MAX
    }
}

fn to_wt(v: Val) -> wasmtime::Val {
    match v {
        Val::I32(x) => wasmtime::Val::I32(x),
        Val::I64(x) => wasmtime::Val::I64(x),
        Val::F32(x) => wasmtime::Val::F32(x),
        Val::F64(x) => wasmtime::Val::F64(x),
    }
}

fn from_wt(v: &wasmtime::Val) -> Val {
    match v {
        wasmtime::Val::I32(x) => Val::I32(*x),
        wasmtime::Val::I64(x) => Val::I64(*x),
        wasmtime::Val::F32(x) => Val::F32(*x),
        wasmtime::Val::F64(x) => Val::F64(*x),
        _ => Val::I32(0),
    }
}

fn vt_to_wt(t: ValType) -> wasmtime::ValType {
    match t {
        ValType::I32 => wasmtime::ValType::I32,
        ValType::I64 => wasmtime::ValType::I64,
        ValType::F32 => wasmtime::ValType::F32,
        ValType::F64 => wasmtime::ValType::F64,
        ValType::V128 => wasmtime::ValType::V128,
        ValType::FuncRef => wasmtime::ValType::FUNCREF,
        ValType::ExternRef | ValType::OtherRef => wasmtime::ValType::EXTERNREF,
    }
}

fn func_type(engine: &wasmtime::Engine, ty: &FuncType) -> wasmtime::FuncType {
    wasmtime::FuncType::new(
        engine,
        ty.params.iter().map(|t| vt_to_wt(*t)),
        ty.results.iter().map(|t| vt_to_wt(*t)),
    )
}

impl<T: Send + 'static> Engine for WasmtimeEngine<T> {
    type Module = wasmtime::Module;
    type SharedMemory = wasmtime::SharedMemory;
    type Store = wasmtime::Store<T>;
    type Func = wasmtime::Func;
    type Global = wasmtime::Global;
    type Memory = wasmtime::SharedMemory;
    type Table = wasmtime::Table;
    type Tag = wasmtime::Tag;
    type Instance = wasmtime::Instance;

    fn name(&self) -> &'static str {
        "wasmtime"
    }

    fn capabilities(&self) -> Capabilities {
        Capabilities {
            resumable_safepoints: true,
            host_funcs_in_tables: true,
        }
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

/// A wasmtime store context (from a `Store` or a `Caller`) seen as [`StoreOps`].
struct Cx<'a, T: 'static> {
    cx: StoreContextMut<'a, T>,
    linker: Option<Arc<wasmtime::Linker<T>>>,
}

fn to_extern<T: Send + 'static>(e: &Extern<WasmtimeEngine<T>>) -> wasmtime::Extern {
    match e {
        Extern::Func(f) => wasmtime::Extern::Func(*f),
        Extern::Global(g) => wasmtime::Extern::Global(*g),
        Extern::Memory(m) => wasmtime::Extern::SharedMemory(m.clone()),
        Extern::Table(t) => wasmtime::Extern::Table(*t),
        Extern::Tag(t) => wasmtime::Extern::Tag(*t),
    }
}

impl<T: Send + 'static> StoreOps<WasmtimeEngine<T>> for Cx<'_, T> {
    fn attach_memory(
        &mut self,
        mem: &wasmtime::SharedMemory,
    ) -> Result<wasmtime::SharedMemory, EngineError> {
        Ok(mem.clone())
    }

    fn memory_size(&mut self, mem: &wasmtime::SharedMemory) -> u64 {
        mem.data_size() as u64
    }

    fn memory_grow(
        &mut self,
        mem: &wasmtime::SharedMemory,
        pages: u64,
    ) -> Result<u64, EngineError> {
        mem.grow(pages).map_err(err)
    }

    fn memory_read(
        &mut self,
        mem: &wasmtime::SharedMemory,
        addr: u64,
        buf: &mut [u8],
    ) -> Result<(), EngineError> {
        let data = mem.data();
        let end = addr
            .checked_add(buf.len() as u64)
            .filter(|&e| e <= data.len() as u64);
        if end.is_none() {
            return Err(EngineError(format!(
                "memory access out of bounds at {addr:#x}+{}",
                buf.len()
            )));
        }
        // Shared memory may change under us (other threads): copy through the UnsafeCells'
        // raw pointers, which is what wasmtime documents as the sound way to read it.
        let src = &data[addr as usize..addr as usize + buf.len()];
        // SAFETY: `src` is in bounds of the memory's current data (checked above, and a shared
        // memory never shrinks, so the range stays valid during the copy); `buf` is a distinct
        // Rust buffer of the same length, so the ranges do not overlap. Other threads may write
        // the same bytes concurrently: the copy then sees some mix of old and new bytes, which is
        // what a wasm thread reading racy memory sees too; no Rust reference to the shared bytes
        // is created (only the UnsafeCell's raw pointer is read through).
        unsafe {
            std::ptr::copy_nonoverlapping(src.as_ptr() as *const u8, buf.as_mut_ptr(), buf.len())
        };
        Ok(())
    }

    fn memory_write(
        &mut self,
        mem: &wasmtime::SharedMemory,
        addr: u64,
        bytes: &[u8],
    ) -> Result<(), EngineError> {
        let data = mem.data();
        let end = addr
            .checked_add(bytes.len() as u64)
            .filter(|&e| e <= data.len() as u64);
        if end.is_none() {
            return Err(EngineError(format!(
                "memory access out of bounds at {addr:#x}+{}",
                bytes.len()
            )));
        }
        let dst = &data[addr as usize..addr as usize + bytes.len()];
        // SAFETY: `dst` is in bounds of the memory's current data (checked above; a shared
        // memory never shrinks); `bytes` is a distinct Rust buffer, so the ranges do not overlap.
        // The write goes through the UnsafeCells' raw pointer, which wasmtime documents as the way
        // to write a shared memory; concurrent wasm accesses to the same bytes are a data race of
        // the guest program, as they would be between two wasm threads.
        unsafe {
            std::ptr::copy_nonoverlapping(bytes.as_ptr(), dst.as_ptr() as *mut u8, bytes.len())
        };
        Ok(())
    }

    fn new_table(&mut self, min: u64, max: Option<u64>) -> Result<wasmtime::Table, EngineError> {
        let min = u32::try_from(min).map_err(err)?;
        let max = max.map(u32::try_from).transpose().map_err(err)?;
        let ty = wasmtime::TableType::new(wasmtime::RefType::FUNCREF, min, max);
        wasmtime::Table::new(&mut self.cx, ty, wasmtime::Ref::Func(None)).map_err(err)
    }

    fn table_size(&mut self, table: &wasmtime::Table) -> u64 {
        table.size(&self.cx)
    }

    fn table_grow(&mut self, table: &wasmtime::Table, delta: u64) -> Result<u64, EngineError> {
        table
            .grow(&mut self.cx, delta, wasmtime::Ref::Func(None))
            .map_err(err)
    }

    fn table_set(
        &mut self,
        table: &wasmtime::Table,
        index: u64,
        func: Option<&wasmtime::Func>,
    ) -> Result<(), EngineError> {
        table
            .set(&mut self.cx, index, wasmtime::Ref::Func(func.copied()))
            .map_err(err)
    }

    fn table_get(
        &mut self,
        table: &wasmtime::Table,
        index: u64,
    ) -> Result<Option<wasmtime::Func>, EngineError> {
        match table.get(&mut self.cx, index) {
            Some(wasmtime::Ref::Func(f)) => Ok(f),
            Some(_) => Err(EngineError("not a funcref table".into())),
            None => Err(EngineError(format!("table index {index} out of bounds"))),
        }
    }

    fn new_global(&mut self, value: Val, mutable: bool) -> Result<wasmtime::Global, EngineError> {
        let m = if mutable {
            wasmtime::Mutability::Var
        } else {
            wasmtime::Mutability::Const
        };
        let ty = wasmtime::GlobalType::new(vt_to_wt(value.ty()), m);
        wasmtime::Global::new(&mut self.cx, ty, to_wt(value)).map_err(err)
    }

    fn global_get(&mut self, global: &wasmtime::Global) -> Val {
        from_wt(&global.get(&mut self.cx))
    }

    fn global_set(&mut self, global: &wasmtime::Global, value: Val) -> Result<(), EngineError> {
        global.set(&mut self.cx, to_wt(value)).map_err(err)
    }

    fn new_tag(&mut self, params: &[ValType]) -> Result<wasmtime::Tag, EngineError> {
        let ft = func_type(self.cx.engine(), &FuncType::new(params.to_vec(), []));
        wasmtime::Tag::new(&mut self.cx, &wasmtime::TagType::new(ft)).map_err(err)
    }

    fn new_host_func(
        &mut self,
        ty: &FuncType,
        func: HostFn<WasmtimeEngine<T>>,
    ) -> Result<wasmtime::Func, EngineError> {
        let wt = func_type(self.cx.engine(), ty);
        let numeric =
            |t: &ValType| matches!(t, ValType::I32 | ValType::I64 | ValType::F32 | ValType::F64);
        if ty.params.len() <= 8
            && ty.results.len() <= 4
            && ty.params.iter().chain(&ty.results).all(numeric)
        {
            return Ok(self.new_raw_host_func(wt, ty, func));
        }
        let result_types = ty.results.clone();
        let linker = self.linker.clone();
        wasmtime::Func::try_new(
            &mut self.cx,
            wt,
            move |mut caller: Caller<'_, T>,
                  params: &[wasmtime::Val],
                  results: &mut [wasmtime::Val]| {
                let mut cx = Cx {
                    cx: caller.as_context_mut(),
                    linker: linker.clone(),
                };
                let args: Vec<Val> = params.iter().map(from_wt).collect();
                let mut out: Vec<Val> = result_types.iter().map(|t| Val::default_for(*t)).collect();
                func(&mut cx, &args, &mut out).map_err(wasmtime::Error::new)?;
                for (r, v) in results.iter_mut().zip(out) {
                    *r = to_wt(v);
                }
                Ok(())
            },
        )
        .map_err(err)
    }

    fn instantiate(
        &mut self,
        module: &wasmtime::Module,
        imports: &[Option<Extern<WasmtimeEngine<T>>>],
    ) -> Result<wasmtime::Instance, HostError> {
        let mut resolved = Vec::with_capacity(imports.len());
        for (imp, ext) in module.imports().zip(imports) {
            let e = match ext {
                Some(e) => to_extern(e),
                None => self
                    .linker
                    .as_ref()
                    .and_then(|l| l.get(&mut self.cx, imp.module(), imp.name()).ok())
                    .ok_or_else(|| {
                        HostError::Trap(format!("unknown import: {}::{}", imp.module(), imp.name()))
                    })?,
            };
            resolved.push(e);
        }
        wasmtime::Instance::new(&mut self.cx, module, &resolved).map_err(call_error)
    }

    fn export(
        &mut self,
        instance: &wasmtime::Instance,
        name: &str,
    ) -> Option<Extern<WasmtimeEngine<T>>> {
        Some(match instance.get_export(&mut self.cx, name)? {
            wasmtime::Extern::Func(f) => Extern::Func(f),
            wasmtime::Extern::Global(g) => Extern::Global(g),
            wasmtime::Extern::Table(t) => Extern::Table(t),
            wasmtime::Extern::SharedMemory(m) => Extern::Memory(m),
            wasmtime::Extern::Tag(t) => Extern::Tag(t),
            wasmtime::Extern::Memory(_) => return None,
        })
    }

    fn call(&mut self, func: &wasmtime::Func, args: &[Val]) -> Result<Vec<Val>, HostError> {
        let n = func.ty(&self.cx).results().len();
        let params: Vec<wasmtime::Val> = args.iter().map(|v| to_wt(*v)).collect();
        let mut results = vec![wasmtime::Val::I32(0); n];
        func.call(&mut self.cx, &params, &mut results)
            .map_err(call_error)?;
        Ok(results.iter().map(from_wt).collect())
    }
}
