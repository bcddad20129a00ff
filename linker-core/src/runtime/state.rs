//! The runtime side of a process: the state every instance group shares ([`Shared`]), the
//! handles of one group's store ([`GroupState`]), and [`GroupCx`], the context every runtime
//! operation runs in (a store, the process, the group), with the lock helpers.
//!
//! This is the bottom of the runtime: it imports nothing of the runtime above it. What the
//! replay needs from higher layers (the guest ABI, the embedder's host functions wrapped as
//! safepoints) reaches it through [`ImportSource`], a trait object the process installs.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard, RwLock, RwLockReadGuard, RwLockWriteGuard};

use crate::coordinator::{Coordinator, GroupId};
use crate::engine::{Engine, Extern, HostError, LinkFailure, StoreOps};
use crate::error::{LinkError, Result};
use crate::metadata::Import;
use crate::plan::builtin::Builtin;
use crate::plan::config::LinkerConfig;
use crate::plan::image::{Image, ModuleId};
use crate::runtime::closure_record::ClosureRecord;
use crate::runtime::dlsym_cache::DlsymCache;
use crate::runtime::module_cache::{Code, ModuleCache};
use crate::types::FuncType;

impl From<LinkError> for HostError {
    fn from(e: LinkError) -> Self {
        HostError::Link(LinkFailure::new(e))
    }
}

/// The link error `e` carries, if it carries one of ours.
pub(crate) fn link_error(e: &HostError) -> Option<LinkError> {
    match e {
        HostError::Link(l) => l.downcast_ref::<LinkError>().cloned(),
        _ => None,
    }
}

/// Locks a mutex; a panic in another holder does not poison the linker's state for the others
/// (every update of the records is made on a copy and published whole, or is a single field).
pub(crate) fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

/// Reads a lock (see [`lock`]).
pub(crate) fn read<T>(m: &RwLock<T>) -> RwLockReadGuard<'_, T> {
    m.read().unwrap_or_else(|p| p.into_inner())
}

/// Writes a lock (see [`lock`]).
pub(crate) fn write<T>(m: &RwLock<T>) -> RwLockWriteGuard<'_, T> {
    m.write().unwrap_or_else(|p| p.into_inner())
}

/// The process's records and what the runtime keeps beside them.
#[derive(Clone)]
pub(crate) struct ProcessState<E: Engine> {
    /// The engine-free records (modules, layout, bindings).
    pub image: Image,
    /// Each module's compiled code, by id.
    pub code: Code<E>,
    /// Closure slots (the embedder's and the guest's), with what each group needs to recreate
    /// them.
    pub closures: HashMap<u64, ClosureRecord<E>>,
    /// The last [`ClosureRecord::stamp`] given.
    pub closure_stamp: u64,
}

/// Where imports the loaded modules do not define come from: the linker's own guest ABI and the
/// embedder's host resolver, one chain (`imports.rs`), installed by the process.
pub(crate) trait ImportSource<E: Engine>: Send + Sync {
    /// The function serving builtin `b` in this group, for an import of module `importer` (the
    /// caller `dlsym(RTLD_NEXT)` searches after).
    fn builtin(&self, g: &mut GroupCx<'_, E>, b: Builtin, importer: ModuleId) -> Result<Extern<E>>;
    /// What the embedder supplies for `import` of module `module`, made usable in this group
    /// (host functions become safepoints); `None` leaves it to the backend's own imports.
    fn host(
        &self,
        g: &mut GroupCx<'_, E>,
        module: &str,
        import: &Import,
    ) -> Result<Option<Extern<E>>>;
    /// The guards of a forwarder module (`stubs::forwarder_module`) in this group:
    /// `safepoint`, `leave`, `enter`.
    fn guards(&self, g: &mut GroupCx<'_, E>) -> Result<[E::Func; 3]>;
    /// Instantiates module `m`, deferred in this group (`runtime/lazy/deferred.rs`), now, from a host call
    /// of the group (`runtime/lazy/materialize.rs`).
    fn materialize(&self, g: &mut GroupCx<'_, E>, m: ModuleId) -> Result<()>;
}

/// The process memory, as the main module declares it.
pub(crate) enum ProcessMemory<E: Engine> {
    /// Shared (built with threads): every group attaches the same memory.
    Shared(E::SharedMemory),
    /// Not shared (built without threads): made in the first group's store, of these limits in
    /// pages; no other group can exist. `taken` is set once the first group has made it.
    Private {
        /// Initial pages.
        min: u32,
        /// Maximum pages.
        max: u32,
        /// Whether a group made it already.
        taken: std::sync::atomic::AtomicBool,
    },
}

impl<E: Engine> ProcessMemory<E> {
    /// Whether other threads (instance groups) can share it.
    pub fn is_shared(&self) -> bool {
        matches!(self, ProcessMemory::Shared(_))
    }
}

/// The process's poll word (`runtime/polls.rs`).
#[derive(Default)]
pub(crate) struct PollWord {
    /// How many operations want the groups stopped.
    pub raised: Mutex<u32>,
}

/// State shared by every group of a process.
pub(crate) struct Shared<E: Engine> {
    pub engine: E,
    pub config: LinkerConfig,
    pub imports: Arc<dyn ImportSource<E>>,
    pub state: RwLock<ProcessState<E>>,
    pub memory: ProcessMemory<E>,
    /// Results of earlier `dlsym` calls, read without a lock; replaced (emptied) whenever a load
    /// or unload changes what a lookup could find.
    pub dlsym_cache: DlsymCache,
    /// Address of the word in the process memory whose value is the generation of the guests'
    /// own `dlsym` caches (`dlfcn/dlsym_front.rs`); 0 until the first thread enables its cache.
    pub dlsym_generation: std::sync::atomic::AtomicU32,
    /// The word instrumented code polls (`runtime/polls.rs`).
    pub polls: PollWord,
    /// Compiled modules (libraries opened again, generated stubs and trampolines).
    pub cache: Arc<ModuleCache<E>>,
    /// Who may change the records, and which groups have caught up (docs/threads.md).
    pub coord: Coordinator,
    /// Compiled stand-in modules by shape (`runtime/lazy/deferred.rs`).
    pub standins: Mutex<HashMap<StandinShape, E::Module>>,
    /// Spawned threads: `None` while running, then the exit code.
    pub threads: Mutex<HashMap<u64, Option<i32>>>,
}

impl<E: Engine> Shared<E> {
    /// The records, for reading.
    pub fn records(&self) -> RwLockReadGuard<'_, ProcessState<E>> {
        read(&self.state)
    }

    /// The records, for changing.
    pub fn records_mut(&self) -> RwLockWriteGuard<'_, ProcessState<E>> {
        write(&self.state)
    }

    /// The records' version: bumped by every change groups must apply to their stores.
    pub fn version(&self) -> u64 {
        self.records().image.version
    }
}

/// What a generated stand-in module (`runtime/lazy/deferred.rs`) is made for, and the key under which the
/// process keeps it compiled: generating and hashing the bytes of hundreds of functions at
/// every catch-up would cost more than the instantiation they save.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) enum StandinShape {
    /// A library's own slots, by offset from its `__table_base`, with their functions' types.
    Region(Vec<(u64, FuncType)>),
    /// Linker-allocated slots anywhere in the table, by their functions' types.
    Slots(Vec<FuncType>),
}

/// Handles of one group's store. Kept apart from the store so that host functions running inside
/// the store can reach them. Its parts are named by concern: the tables, the thread's own
/// memory, lazy replication, the wasm `dlsym`.
pub(crate) struct GroupState<E: Engine> {
    /// The group's id (its thread id for the guest; the main group is 0).
    pub id: GroupId,
    /// The records version this group's store reflects.
    pub version: u64,
    /// The process memory in this store.
    pub memory: E::Memory,
    /// This group's `__stack_pointer`.
    pub stack_pointer: E::Global,
    /// Each module's instance in this store, by id (`None`: not instantiated here).
    pub instances: Vec<Option<E::Instance>>,
    /// The exception tags of this store, by name (`__c_longjmp`, `__cpp_exception`).
    pub tags: HashMap<String, E::Tag>,
    /// The guards forwarders of this group import, once made.
    pub guards: Option<[E::Func; 3]>,
    /// The program's function table, the PLT, and what the linker fills them with.
    pub tables: GroupTables<E>,
    /// What belongs to this thread: its memory, stack and `dlerror`.
    pub thread: ThreadState,
    /// Modules this group has not instantiated yet (lazy replication).
    pub lazy: LazyState<E>,
    /// The wasm `dlsym` every module of this group imports, once made (`dlfcn/dlsym_front.rs`).
    pub dlsym_front: Option<DlsymFront<E>>,
}

/// A group's tables and the functions the linker puts in them.
pub(crate) struct GroupTables<E: Engine> {
    /// The program's function table in this store.
    pub table: E::Table,
    /// The PLT table in this store.
    pub plt: E::Table,
    /// `wasmlink.bind`, imported by every stub module of this group.
    pub binder: Option<E::Func>,
    /// The resolver each PLT slot holds until its symbol is bound (see `stubs`).
    pub plt_resolvers: HashMap<u32, E::Func>,
    /// This store's functions for the closures in the records, by slot, with the stamp of the
    /// record each was made from.
    pub closure_funcs: HashMap<u64, (u64, E::Func)>,
}

/// A range of the process memory one thread owns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct ThreadRange {
    pub base: u64,
    pub size: u64,
    /// The module this is the thread's TLS block of: given back when the thread drops the
    /// module, not only when it exits.
    pub tls_of: Option<ModuleId>,
}

/// What belongs to one thread (engine-free).
#[derive(Default)]
pub(crate) struct ThreadState {
    /// Memory this thread owns (stack, TLS blocks, dlerror buffer), returned when it exits.
    pub memory: Vec<ThreadRange>,
    /// This thread's stack: lowest and highest address (`__stack_low`, `__stack_high`).
    pub stack: (u64, u64),
    /// This thread's `dlerror` text, cleared when read.
    pub dlerror: Option<String>,
    /// Where `dlerror` puts its text for this thread, once allocated.
    pub dlerror_buffer: Option<u64>,
}

impl ThreadState {
    /// Stops owning this thread's TLS block of module `m` (the group dropped the module), and
    /// returns it for the caller to give back to the process.
    pub fn take_tls_block(&mut self, m: ModuleId) -> Option<ThreadRange> {
        let i = self.memory.iter().position(|r| r.tls_of == Some(m))?;
        Some(self.memory.remove(i))
    }
}

/// Lazy replication in one group (`runtime/lazy`).
pub(crate) struct LazyState<E: Engine> {
    /// Loaded modules this group has not instantiated: its table holds stand-ins in their slots
    /// until the first call.
    pub deferred: std::collections::HashSet<ModuleId>,
    /// `wasmlink.materialize`, imported by the group's stand-in modules.
    pub materializer: Option<E::Func>,
}

impl<E: Engine> Default for LazyState<E> {
    fn default() -> Self {
        LazyState {
            deferred: Default::default(),
            materializer: None,
        }
    }
}

/// One group's wasm `dlsym` (`dlfcn/dlsym_front.rs`): the compiled front and the host function
/// its misses call, one front instance per importing module (which passes its id to the host,
/// for `RTLD_NEXT`), and the globals the host sets when it enables the thread's cache (the
/// cache's address and the generation word's; both 0 until then), which every front shares.
pub(crate) struct DlsymFront<E: Engine> {
    pub module: E::Module,
    pub host: E::Func,
    pub funcs: std::collections::HashMap<ModuleId, E::Func>,
    pub cache: E::Global,
    pub generation: E::Global,
    pub enabled: bool,
}

/// A group, shared with the host functions of its store.
pub(crate) type GroupRef<E> = Arc<Mutex<GroupState<E>>>;

/// What every runtime operation works on: one store, the process, and the group whose store it
/// is. Built where wasm is entered (`Process`, a thread's body) or in a host function.
pub(crate) struct GroupCx<'a, E: Engine> {
    pub cx: &'a mut dyn StoreOps<E>,
    pub shared: &'a Arc<Shared<E>>,
    pub group: &'a GroupRef<E>,
}

impl<'a, E: Engine> GroupCx<'a, E> {
    /// The context of `group`'s store `cx`.
    pub fn new(
        cx: &'a mut dyn StoreOps<E>,
        shared: &'a Arc<Shared<E>>,
        group: &'a GroupRef<E>,
    ) -> Self {
        GroupCx { cx, shared, group }
    }

    /// The records, for reading.
    pub fn records(&self) -> RwLockReadGuard<'a, ProcessState<E>> {
        read(&self.shared.state)
    }

    /// The records, for changing.
    pub fn records_mut(&self) -> RwLockWriteGuard<'a, ProcessState<E>> {
        write(&self.shared.state)
    }

    /// The group's handles.
    pub fn group_state(&self) -> MutexGuard<'a, GroupState<E>> {
        lock(self.group)
    }

    /// The group's id.
    pub fn id(&self) -> GroupId {
        self.group_state().id
    }

    /// The process memory in this store.
    pub fn memory(&self) -> E::Memory {
        self.group_state().memory.clone()
    }

    /// The program's function table in this store.
    pub fn table(&self) -> E::Table {
        self.group_state().tables.table.clone()
    }

    /// The PLT table in this store.
    pub fn plt(&self) -> E::Table {
        self.group_state().tables.plt.clone()
    }

    /// The name of module `m`.
    pub fn module_name(&self, m: ModuleId) -> String {
        self.records().image.modules[m].name.clone()
    }

    /// Export `name` of module `m`'s instance in this group, if instantiated.
    pub fn export(&mut self, m: ModuleId, name: &str) -> Option<Extern<E>> {
        let inst = self.group_state().instances.get(m)?.clone()?;
        self.cx.export(&inst, name)
    }
}
