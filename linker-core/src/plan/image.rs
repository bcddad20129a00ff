//! The process image: what is loaded, where it lives, and how every import was bound.
//!
//! These records are shared by every instance group (thread) of the process. They hold everything
//! another group needs to rebuild the same image in its own store: the binding of each import is
//! decided once, here, and replayed; no group ever looks a symbol up on its own.
//!
//! The image is engine-free (as wasmtime's `environ` is): planning produces it without an
//! engine, so `ldd` and the planning tests need none. Compiled code and instances live on the
//! runtime side (`runtime/state.rs`).

use std::collections::HashMap;
use std::sync::Arc;

use crate::metadata::ModuleInfo;
use crate::plan::builtin::Builtin;
use crate::plan::layout::{MemorySpace, TableSpace};
use crate::types::{FuncType, Val};

/// Index of a module in [`LinkState::modules`]. The main module is always 0.
pub type ModuleId = usize;

/// The main module's id.
pub const MAIN: ModuleId = 0;

/// One PLT stub of a module: calls PLT slot `slot` with signature `ty` (see `stubs`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stub {
    /// The PLT slot it calls through.
    pub slot: u32,
    /// The function's signature.
    pub ty: FuncType,
}

/// A PLT stub moved into its importer (`stubs::inline`): the import's position among the
/// module's imports (all kinds) and the PLT slot its stub calls through.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) struct Inlined {
    pub import: usize,
    pub slot: u32,
}

/// How one import of a module is satisfied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Binding {
    /// The process memory.
    Memory,
    /// The program's function table.
    Table,
    /// The group's `__stack_pointer`.
    StackPointer,
    /// `__stack_low` / `__stack_high` (`true`): the bounds of the group's own stack (each thread
    /// the linker starts has its own; see `group::ThreadStack`).
    StackBound(bool),
    /// A new global holding this value (mutability as the import asks): `__memory_base`,
    /// `__table_base`, `GOT.mem.*` addresses, `GOT.func.*` table slots.
    Value(Val),
    /// A `GOT.mem` entry for a TLS symbol: the defining module's TLS block in the importing
    /// group, plus `offset`.
    GotTls { provider: ModuleId, offset: u64 },
    /// A direct import of a function the provider exports (the provider is instantiated first).
    Direct { provider: ModuleId, export: String },
    /// A lazy binding through PLT slot `slot` (stub `stub` of the module's stub set).
    Plt { stub: usize, slot: u32 },
    /// A weak undefined function: calling it traps with a message naming it.
    WeakMissing { symbol: String },
    /// Another module's exported global, used as is.
    ExportedGlobal { provider: ModuleId, export: String },
    /// An exception tag shared by the whole group (`__c_longjmp`, `__cpp_exception`).
    Tag { name: String, ty: FuncType },
    /// Served by the linker itself: the guest ABI (`<dlfcn.h>`, threads) when no loaded module
    /// defines the symbol.
    Builtin(Builtin),
    /// Asked of the embedder's host resolver.
    Host,
}

/// A PLT slot: a symbol bound lazily.
#[derive(Clone, Debug)]
pub struct PltEntry {
    /// The symbol.
    pub symbol: String,
    /// Its signature, as the importer declares it.
    pub ty: FuncType,
    /// The importing module.
    pub importer: ModuleId,
    /// The definition, once known.
    pub target: Option<(ModuleId, String)>,
    /// The records version that added it or last took its target away (an unload): a group
    /// that reflects an earlier version must rewrite the slot. (A lazy binding in one group does
    /// not count: the other groups' resolvers find the recorded target on their first call.)
    pub changed_at: u64,
}

/// A function-table slot the linker allocated for a function no element segment placed.
#[derive(Clone, Debug)]
pub struct TableFill {
    /// The slot.
    pub slot: u64,
    /// The module that defines the function.
    pub provider: ModuleId,
    /// Shared: the records are copied per `dlopen` and per start-up from the cache.
    pub export: Arc<str>,
    /// The records version that added it: a group that reflects an earlier one must fill it.
    pub added_at: u64,
}

/// One loaded module.
#[derive(Clone)]
pub struct LoadedModule {
    /// The name it was asked for by (`libfoo.so`), or the main module's path.
    pub name: String,
    /// The guest path it was read from.
    pub path: String,
    /// Identity used to load each file once.
    pub identity: String,
    /// What the module declares.
    pub info: Arc<ModuleInfo>,
    /// Where its data starts (`__memory_base`).
    pub memory_base: u64,
    /// Where its table slots start (`__table_base`).
    pub table_base: u64,
    /// Resolved `needed` list.
    pub deps: Vec<ModuleId>,
    /// One binding per import, in import order. Shared: decided once, read by every group.
    pub plan: Arc<[Binding]>,
    /// Stubs this module's PLT bindings go through.
    pub stubs: Arc<[Stub]>,
    /// Open handles plus loaded modules that need this one. At zero it can be unloaded.
    pub refcount: usize,
    /// Never unloaded (`RTLD_NODELETE`, start-up modules, libraries that register atexit
    /// destructors).
    pub nodelete: bool,
    /// False once unloaded by `dlclose`. The id is reused only after the record is trimmed
    /// (`dlclose::trim_unloaded`): once no group can still hold an instance of it.
    pub alive: bool,
    /// Table slots that held this module's functions, nulled when it was unloaded (other groups
    /// null them too when they catch up).
    pub released_slots: Vec<u64>,
    /// The records version in which it was loaded: a group at an earlier version has never seen
    /// it (its store holds nothing of it).
    pub loaded_at: u64,
    /// The records version in which it was unloaded (0 while loaded): a group at this version
    /// or later has dropped its instance.
    pub unloaded_at: u64,
}

/// The records of a process image.
#[derive(Clone)]
pub struct Image {
    /// Shared between copies of the records (`dlopen` plans on a copy; the start-up cache keeps
    /// one): copying them costs a reference count per module, and a change copies one module.
    pub modules: Vec<Arc<LoadedModule>>,
    /// Loaded (alive) modules by file identity, so a file is loaded once.
    pub by_identity: HashMap<String, ModuleId>,
    /// Global symbol scope: main, then libraries in breadth-first load order.
    pub global_scope: Vec<ModuleId>,
    /// Order in which modules were instantiated and initialised (needed before needer).
    pub init_order: Vec<ModuleId>,
    /// The memory the linker hands out.
    pub memory: MemorySpace,
    /// The function table's slots.
    pub table: TableSpace,
    /// Lazily bound symbols, by PLT slot.
    pub plt: Vec<PltEntry>,
    /// Canonical table slot of each function whose address was taken, by module and function
    /// index: two exports of one function (an alias) are one function with one address, as in
    /// ELF.
    pub func_slots: crate::symbol_map::SymbolMap<(ModuleId, u32), u64>,
    /// Linker-allocated slots every group fills with the provider's function.
    pub table_fills: Vec<TableFill>,
    /// The main module's `__memory_base`.
    pub main_memory_base: u64,
    /// `__heap_base`: where libc's heap starts.
    pub heap_base: u64,
    /// The main thread's stack: lowest address.
    pub stack_low: u64,
    /// The main thread's stack: highest address (the initial `__stack_pointer`).
    pub stack_high: u64,
    /// Initial and maximum memory, in pages.
    pub memory_pages: (u32, u32),
    /// Whether the process memory is shared (the main module was built with threads).
    pub memory_shared: bool,
    /// Bumped by every change groups must apply to their stores (docs/threads.md).
    pub version: u64,
    /// Non-PIE main module: pages to grow after it is instantiated, for the start-up libraries.
    pub fixed_grow_pages: u64,
    /// Address of the poll word (`runtime/polls.rs`) when the modules get poll points and its
    /// line is free; 0 otherwise (the word is then never raised).
    pub poll_word: u64,
}

/// What the linker holds, for checking that failed or undone operations give everything back.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Accounting {
    /// Modules loaded (alive).
    pub modules_loaded: usize,
    /// Bytes of memory the linker obtained after start-up and has not freed.
    pub memory_held: u64,
    /// Function-table slots in use (not free).
    pub table_held: u64,
    /// PLT slots.
    pub plt_slots: usize,
    /// Module records kept, loaded or not. Those of unloaded modules are trimmed by the next
    /// `dlopen` (their ids reused), so this stays bounded however often libraries are opened
    /// and closed.
    pub module_records: usize,
}

impl Image {
    /// What the records hold.
    pub fn accounting(&self) -> Accounting {
        Accounting {
            modules_loaded: self.modules.iter().filter(|m| m.alive).count(),
            memory_held: self.memory.obtained - self.memory.free.free_total(),
            table_held: self.table.size - self.table.free.free_total(),
            plt_slots: self.plt.len(),
            module_records: self.modules.len(),
        }
    }

    /// Every module's description, by id.
    pub fn infos(&self) -> Vec<&ModuleInfo> {
        self.modules.iter().map(|m| &*m.info).collect()
    }

    /// The loaded libraries by the name each was asked for by (a `needed` entry, a `dlopen`
    /// argument): glibc and musl match a name without a `/` against these before searching any
    /// directory, so a library found through one module's RUNPATH is found by a module that has
    /// none.
    pub fn loaded_names(&self) -> HashMap<String, ModuleId> {
        self.by_identity
            .values()
            .map(|&m| (self.modules[m].name.clone(), m))
            .filter(|(name, _)| !name.contains('/'))
            .collect()
    }

    /// The library loaded under the bare name `name` (see [`Image::loaded_names`]) and its
    /// identity, without building the map.
    pub fn loaded_as(&self, name: &str) -> Option<(ModuleId, &str)> {
        if name.contains('/') {
            return None;
        }
        self.by_identity
            .iter()
            .find(|(_, &m)| self.modules[m].name == name)
            .map(|(identity, &m)| (m, identity.as_str()))
    }
}
