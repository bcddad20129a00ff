//! The engine abstraction: exactly the operations a dynamic linker needs from a WebAssembly engine.
//!
//! `linker-core` never names an engine. A backend crate implements [`Engine`] (engine-wide
//! operations: compiling, shared memories, stores) and [`StoreOps`] (operations on one store, usable
//! both from outside wasm and from inside a host call). Every engine difference the linker must know
//! about is a method or a [`Capabilities`] flag here, never a special case hidden in one backend.
//!
//! `StoreOps` is object safe on purpose: the linker's host functions (lazy binding stubs, `dlopen`,
//! WASI in the conformance host) receive a `&mut dyn StoreOps<E>` for the store they run in, which is
//! the wasmtime `Caller` or the wasmer `FunctionEnvMut` seen through one interface.

use std::fmt;
use std::sync::Arc;

pub use crate::types::{FuncType, Val, ValType};

/// A reference to something a module can import, in one store.
pub enum Extern<E: Engine> {
    /// A function.
    Func(E::Func),
    /// A global.
    Global(E::Global),
    /// A memory.
    Memory(E::Memory),
    /// A table.
    Table(E::Table),
    /// An exception tag.
    Tag(E::Tag),
}

impl<E: Engine> Clone for Extern<E> {
    fn clone(&self) -> Self {
        match self {
            Extern::Func(f) => Extern::Func(f.clone()),
            Extern::Global(g) => Extern::Global(g.clone()),
            Extern::Memory(m) => Extern::Memory(m.clone()),
            Extern::Table(t) => Extern::Table(t.clone()),
            Extern::Tag(t) => Extern::Tag(t.clone()),
        }
    }
}

impl<E: Engine> fmt::Debug for Extern<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let k = match self {
            Extern::Func(_) => "func",
            Extern::Global(_) => "global",
            Extern::Memory(_) => "memory",
            Extern::Table(_) => "table",
            Extern::Tag(_) => "tag",
        };
        write!(f, "Extern::{k}")
    }
}

/// Why wasm stopped without returning: the one error type of host functions and of calls into
/// wasm. A host function returns it; the backend carries it through the engine's trap and gives
/// it back, unchanged, from [`StoreOps::call`] or [`StoreOps::instantiate`], where a wasm trap
/// becomes [`HostError::Trap`] with the engine's message.
#[derive(Debug, Clone, thiserror::Error)]
#[non_exhaustive]
pub enum HostError {
    /// The guest asked to exit the process (`proc_exit`).
    #[error("exit with code {0}")]
    Exit(i32),
    /// A symbol could not be bound on first call, or another link-time failure surfaced at run time.
    #[error("{0}")]
    Link(LinkFailure),
    /// A wasm trap, or any other failure of a host function, with its message.
    #[error("{0}")]
    Trap(String),
}

/// A link error on its way through the engine: the linker raises it in a host function and
/// takes it back where the call or instantiation returns. The engine traits do not know its type
/// (the linker's errors sit above them); the linker recovers it with [`LinkFailure::downcast_ref`].
#[derive(Clone)]
pub struct LinkFailure(Arc<dyn std::error::Error + Send + Sync>);

impl LinkFailure {
    /// Carries `error`.
    pub fn new(error: impl std::error::Error + Send + Sync + 'static) -> Self {
        LinkFailure(Arc::new(error))
    }

    /// The error carried, if it is a `T`.
    pub fn downcast_ref<T: std::error::Error + 'static>(&self) -> Option<&T> {
        self.0.downcast_ref()
    }
}

impl fmt::Debug for LinkFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.0, f)
    }
}

impl fmt::Display for LinkFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

/// A memory's bytes as a host function may see them ([`StoreOps::memory_bytes`]).
pub enum MemoryBytes<'a> {
    /// A memory of this store alone: nothing else reads or writes it while the slice is held.
    Private(&'a mut [u8]),
    /// A shared memory: other threads may read and write it concurrently.
    Shared(&'a [std::cell::UnsafeCell<u8>]),
}

/// An engine operation that failed, with the engine's own message.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{0}")]
pub struct EngineError(pub String);

/// A host function: receives the store it runs in, its arguments, and writes its results.
pub type HostFn<E> =
    Arc<dyn Fn(&mut dyn StoreOps<E>, &[Val], &mut [Val]) -> Result<(), HostError> + Send + Sync>;

/// Called at a safepoint of a store: a point where the thread running it may apply link
/// operations other threads made (see docs/threads.md).
pub type SafepointFn<E> = Arc<dyn Fn(&mut dyn StoreOps<E>) -> Result<(), HostError> + Send + Sync>;

/// What an engine can and cannot do, where the linker must act differently. The core reads each
/// flag; a difference between engines is expressed here, never hidden in one backend.
#[derive(Clone, Debug, Default)]
pub struct Capabilities {
    /// A thread running wasm without host calls can be paused at a resumable safepoint
    /// (wasmtime: epoch deadline callback). The linker then installs [`Engine::set_safepoint`]
    /// on every store and calls [`Engine::request_safepoints`] when a link operation starts.
    /// Without it, the linker compiles poll points into the modules of a program built with
    /// threads instead ([`crate::PollPoints`]), so a busy thread is paused and resumed on every
    /// engine: at a loop head or function entry rather than anywhere.
    pub resumable_safepoints: bool,
    /// Host functions can be stored in a funcref table. wasmer cannot ("dynamic functions cannot
    /// be used in tables"): the linker then places a generated wasm function that calls the host
    /// function instead.
    pub host_funcs_in_tables: bool,
    /// Shared memories (the threads proposal): programs built with threads. Without it, such a
    /// program is refused before anything is compiled, naming the module
    /// (`LinkError::Unsupported`).
    pub shared_memory: bool,
    /// Exception handling (tags, `try_table`, `throw`): C++ exceptions, and setjmp/longjmp as
    /// the toolchain lowers it. Without it, a module that imports or defines a tag is refused
    /// the same way.
    pub exceptions: bool,
}

/// The smallest module that defines an exception tag: an engine that validates it has exception
/// handling ([`Capabilities::exceptions`]). For backends over an engine whose configuration
/// they do not choose (an embedder's own, or a baseline compiler) and that cannot be asked.
pub const PROBE_EXCEPTIONS: &[u8] = &[
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // magic, version 1
    0x01, 0x04, 0x01, 0x60, 0x00, 0x00, // types: [] -> []
    0x0d, 0x03, 0x01, 0x00, 0x00, // tags: one, of type 0
];

/// The smallest module that defines a shared memory: an engine that validates it has threads
/// ([`Capabilities::shared_memory`]), as [`PROBE_EXCEPTIONS`] for exceptions.
pub const PROBE_SHARED_MEMORY: &[u8] = &[
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // magic, version 1
    0x05, 0x04, 0x01, 0x03, 0x01, 0x01, // memories: one, shared, 1..1 page
];

/// Engine-wide operations. Implemented by each backend; cheap to clone (an `Arc` inside).
pub trait Engine: Clone + Send + Sync + 'static {
    /// A compiled module.
    type Module: Clone + Send + Sync + 'static;
    /// A memory shared between stores (threads).
    type SharedMemory: Clone + Send + Sync + 'static;
    /// Not `Send`: a wasmer 7.4 store must stay on the thread that made it, so groups create
    /// their store on their own thread.
    type Store: 'static;
    /// A function of one store.
    type Func: Clone + Send + Sync + 'static;
    /// A global of one store.
    type Global: Clone + Send + Sync + 'static;
    /// The process memory as one store sees it.
    type Memory: Clone + Send + Sync + 'static;
    /// A function table of one store.
    type Table: Clone + Send + Sync + 'static;
    /// An exception tag of one store.
    type Tag: Clone + Send + Sync + 'static;
    /// An instance of a module in one store.
    type Instance: Clone + Send + Sync + 'static;

    /// A short name for messages and the conformance matrix ("wasmtime", "wasmer").
    fn name(&self) -> &'static str;
    /// What this engine can do (see [`Capabilities`]).
    fn capabilities(&self) -> Capabilities;
    /// Compiles (validates) a module. `name` only labels errors.
    fn compile(&self, name: &str, bytes: &[u8]) -> Result<Self::Module, EngineError>;
    /// Identifies the engine's version and the configuration that compiled code depends on; part
    /// of the name of every compiled module kept on disk, so code compiled by another version or
    /// with other settings is never even offered to [`Engine::deserialize`].
    fn compatibility(&self) -> String {
        String::new()
    }
    /// The compiled form of `module` as bytes, to keep on disk across processes
    /// ([`crate::ModuleCache::with_disk_dir`]), or `None` if the engine cannot.
    fn serialize(&self, _module: &Self::Module) -> Option<Vec<u8>> {
        None
    }
    /// A module from bytes [`Engine::serialize`] made. Engines refuse bytes of another engine
    /// version or configuration with an error (the cache then compiles instead).
    ///
    /// # Safety
    /// `bytes` must come from `serialize` and be unaltered since: engines map them as machine code.
    unsafe fn deserialize(&self, _bytes: &[u8]) -> Result<Self::Module, EngineError> {
        Err(EngineError(
            "this engine does not load compiled modules".into(),
        ))
    }
    /// A module from a file holding bytes [`Engine::serialize`] made. Engines that can map the
    /// file instead of reading it (wasmtime) save a copy of the code and its page faults; by
    /// default it is read and given to [`Engine::deserialize`].
    ///
    /// # Safety
    /// As [`Engine::deserialize`], and the file must not change in place while the module lives
    /// (replacing it by rename is fine: the linker's disk cache only ever does that).
    unsafe fn deserialize_file(&self, path: &std::path::Path) -> Result<Self::Module, EngineError> {
        let bytes =
            std::fs::read(path).map_err(|e| EngineError(format!("{}: {e}", path.display())))?;
        // SAFETY: the caller's contract, passed on.
        unsafe { self.deserialize(&bytes) }
    }
    /// Creates a shared memory of `min` pages with a maximum of `max` pages (64 KiB pages).
    fn new_shared_memory(&self, min: u32, max: u32) -> Result<Self::SharedMemory, EngineError>;
    /// A fresh store for one instance group.
    fn new_store(&self) -> Self::Store;
    /// Runs `f` with the store's operations.
    fn with_store<R>(
        &self,
        store: &mut Self::Store,
        f: impl FnOnce(&mut dyn StoreOps<Self>) -> R,
    ) -> R;
    /// Installs the store's safepoint handler: wasm running in the store calls it soon after
    /// [`Engine::request_safepoints`], then goes on. Called only by engines whose
    /// [`Capabilities::resumable_safepoints`] is true.
    fn set_safepoint(&self, _store: &mut Self::Store, _handler: SafepointFn<Self>) {}
    /// Asks every store of this engine running wasm to reach its safepoint soon. Called only by
    /// engines whose [`Capabilities::resumable_safepoints`] is true.
    fn request_safepoints(&self) {}
}
/// Operations on one store. Object safe: host functions receive `&mut dyn StoreOps<E>`.
pub trait StoreOps<E: Engine> {
    /// Makes a shared memory usable in this store.
    fn attach_memory(&mut self, mem: &E::SharedMemory) -> Result<E::Memory, EngineError>;
    /// Creates a memory of this store only, not shared: `min` pages, at most `max` (64 KiB
    /// pages). The process memory of a program built without threads (its `env.memory` import
    /// is not `shared`); no other store can use it, so such a process has one instance group.
    fn new_memory(&mut self, min: u32, max: u32) -> Result<E::Memory, EngineError>;
    /// The memory's bytes, for a host function that hands guest memory to a library that works
    /// on a byte slice (wasmtime-wasi's preview-1 functions). Valid until the store is used
    /// again; a shared memory comes as cells, since other threads may write it meanwhile.
    fn memory_bytes<'a>(&'a mut self, mem: &'a E::Memory) -> MemoryBytes<'a>;
    /// Current size in bytes.
    fn memory_size(&mut self, mem: &E::Memory) -> u64;
    /// Grows by `pages`; returns the previous size in pages.
    fn memory_grow(&mut self, mem: &E::Memory, pages: u64) -> Result<u64, EngineError>;
    /// Copies `buf.len()` bytes at `addr` into `buf`; out of bounds is an error.
    fn memory_read(
        &mut self,
        mem: &E::Memory,
        addr: u64,
        buf: &mut [u8],
    ) -> Result<(), EngineError>;
    /// Copies `data` to `addr`; out of bounds is an error.
    fn memory_write(&mut self, mem: &E::Memory, addr: u64, data: &[u8]) -> Result<(), EngineError>;

    /// A growable funcref table with `min` null entries.
    fn new_table(&mut self, min: u64, max: Option<u64>) -> Result<E::Table, EngineError>;
    /// Current size in entries.
    fn table_size(&mut self, table: &E::Table) -> u64;
    /// Grows by `delta` null entries; returns the previous size.
    fn table_grow(&mut self, table: &E::Table, delta: u64) -> Result<u64, EngineError>;
    /// Puts `func` (or null) in entry `index`.
    fn table_set(
        &mut self,
        table: &E::Table,
        index: u64,
        func: Option<&E::Func>,
    ) -> Result<(), EngineError>;
    /// Entry `index`.
    fn table_get(&mut self, table: &E::Table, index: u64) -> Result<Option<E::Func>, EngineError>;

    /// A global of `value`'s type holding it.
    fn new_global(&mut self, value: Val, mutable: bool) -> Result<E::Global, EngineError>;
    /// The global's value.
    fn global_get(&mut self, global: &E::Global) -> Val;
    /// Sets a mutable global.
    fn global_set(&mut self, global: &E::Global, value: Val) -> Result<(), EngineError>;

    /// An exception tag with these parameter types.
    fn new_tag(&mut self, params: &[ValType]) -> Result<E::Tag, EngineError>;

    /// A host function of type `ty`, callable from wasm in this store.
    fn new_host_func(&mut self, ty: &FuncType, func: HostFn<E>) -> Result<E::Func, EngineError>;

    /// Instantiates `module` with one import per module import, in the module's import order.
    /// `None` asks the embedder's own imports (a `wasmtime::Linker`, a `wasmer::Imports`) given to
    /// the backend; an import found nowhere fails instantiation. Runs the start function.
    fn instantiate(
        &mut self,
        module: &E::Module,
        imports: &[Option<Extern<E>>],
    ) -> Result<E::Instance, HostError>;
    /// Export `name` of `instance`.
    fn export(&mut self, instance: &E::Instance, name: &str) -> Option<Extern<E>>;
    /// Calls `func`; a trap, an exit or a host error comes back as [`HostError`].
    fn call(&mut self, func: &E::Func, args: &[Val]) -> Result<Vec<Val>, HostError>;
    /// The signature of `func` (what the guest's `reflect_signature` and `call_dynamic` read).
    fn func_type(&mut self, func: &E::Func) -> FuncType;
}
