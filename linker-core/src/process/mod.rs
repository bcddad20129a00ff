//! The embedder's entry point (glibc's `rtld.c`): load a main module and its library tree into a
//! fresh store, then run it, open libraries, look symbols up and make closures from the host.

pub(crate) mod imports;

use std::collections::HashMap;
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, RwLock};

use crate::dlfcn::dlclose::dlclose;
use crate::dlfcn::dlopen::{dlopen, handle_of};
use crate::dlfcn::dlsym::dlsym;
use crate::engine::{Engine, Extern, HostError, HostFn};
use crate::error::{LinkError, Result};
use crate::plan::config::LinkerConfig;
use crate::plan::discover::{read_module, walk};
use crate::plan::image::{Accounting, Image, MAIN};
use crate::plan::launch::LaunchKey;
use crate::plan::layout::PAGE;
use crate::plan::ldd::{summaries, ModuleSummary};
use crate::plan::records::plan_startup;
use crate::process::imports::ProcessImports;
use crate::runtime::closures::{alloc_closure, free_closure};
use crate::runtime::compile::{compile_added, with_compiler};
use crate::runtime::dlsym_cache::SymbolAddress;
use crate::runtime::host::HostResolver;
use crate::runtime::init::initialize;
use crate::runtime::module_cache::{Code, ModuleCache};
use crate::runtime::new_group::{create_group, ThreadStack};
use crate::runtime::safepoint::{enter, install_safepoint, leave};
use crate::runtime::state::{
    link_error, lock, GroupCx, GroupRef, ImportSource, ProcessMemory, ProcessState, Shared,
};
use crate::runtime::support;
use crate::types::{FuncType, Val};

/// How running the program ended, when it did not return an exit code.
#[derive(Debug, Clone, thiserror::Error)]
#[non_exhaustive]
pub enum RunError {
    /// A link error surfaced while running (a lazily bound symbol nothing defines, ...).
    #[error("{0}")]
    Link(LinkError),
    /// The program trapped.
    #[error("wasm trap: {0}")]
    Trap(String),
}

impl From<HostError> for RunError {
    fn from(e: HostError) -> Self {
        match link_error(&e) {
            Some(l) => RunError::Link(l),
            None => RunError::Trap(e.to_string()),
        }
    }
}

/// A process image with its main instance group.
pub struct Process<E: Engine> {
    shared: Arc<Shared<E>>,
    store: E::Store,
    group: GroupRef<E>,
}

impl<E: Engine> Drop for Process<E> {
    fn drop(&mut self) {
        // Threads still running must not wait for this group at their next link operation.
        let id = lock(&self.group).id;
        self.shared.coord.unregister(id);
    }
}

/// The records and code of a program's start-up: reused from `cache` when the same tree was
/// started before, else planned and compiled.
fn start_up<E: Engine>(
    engine: &E,
    config: &LinkerConfig,
    cache: &ModuleCache<E>,
    main_path: &str,
) -> Result<(Image, Code<E>)> {
    let files = cache.files();
    with_compiler(engine, cache, config, |pool| {
        let main = read_module(config, Some(files), main_path, main_path, false)?;
        support::check(engine, &main.info)?;
        // The main module (the largest, as a rule) compiles while the search goes on. A
        // library's code depends on the plan: at start-up its calls into the main module are
        // bound through the PLT, whose stubs are moved into it (`stubs::inline`); so libraries
        // are queued once planned (planning is quick beside compiling), not compiled twice.
        pool.submit_found(&main);
        let found = walk(config, Some(files), None, main, MAIN, &mut |_| {})?;
        // (The main module, first, was checked above.)
        for f in found.iter().skip(1) {
            support::check(engine, &f.info)?;
        }
        let key = LaunchKey::new(config, &found);
        if let Some(hit) = key.as_ref().and_then(|k| cache.launch(k)) {
            tracing::debug!(modules = hit.0.modules.len(), "start-up records reused");
            return Ok(hit);
        }
        let (image, added) = plan_startup(config, found)?;
        let mut code = Vec::new();
        compile_added(pool, &image, added.sources, &mut code)?;
        if let Some(k) = key {
            cache.remember_launch(k, image.clone(), code.clone());
        }
        Ok((image, code))
    })
}

/// The process memory `image` asks for: a shared memory of its limits for a program built with
/// threads; otherwise made later by the first (and only) group, in its store.
fn new_process_memory<E: Engine>(engine: &E, image: &Image) -> Result<ProcessMemory<E>> {
    let (min, max) = image.memory_pages;
    if !image.memory_shared {
        return Ok(ProcessMemory::Private {
            min,
            max,
            taken: AtomicBool::new(false),
        });
    }
    engine
        .new_shared_memory(min, max)
        .map(ProcessMemory::Shared)
        .map_err(|e| LinkError::OutOfMemory {
            module: image.modules[MAIN].name.clone(),
            bytes: min as u64 * PAGE,
            align: 1,
            reason: e.0,
        })
}

/// What every group of a new process shares, before any group exists.
fn new_shared<E: Engine>(
    engine: E,
    config: LinkerConfig,
    imports: Arc<dyn ImportSource<E>>,
    state: ProcessState<E>,
    memory: ProcessMemory<E>,
    cache: Arc<ModuleCache<E>>,
) -> Arc<Shared<E>> {
    Arc::new(Shared {
        engine,
        config,
        imports,
        state: RwLock::new(state),
        memory,
        dlsym_cache: Default::default(),
        dlsym_generation: Default::default(),
        polls: Default::default(),
        cache,
        coord: Default::default(),
        standins: Default::default(),
        threads: Default::default(),
    })
}

impl<E: Engine> Process<E> {
    /// Loads `main_path` (a path in `config.fs`) and every library it needs, binds, instantiates
    /// and initialises them (data relocations and constructors; the main module's own
    /// constructors run in `_start`). On error nothing is left behind: the store and memory are
    /// dropped with it.
    pub fn load(
        engine: E,
        config: LinkerConfig,
        host: Arc<dyn HostResolver<E>>,
        main_path: &str,
    ) -> Result<Process<E>> {
        Self::load_with_cache(engine, config, host, main_path, Arc::default())
    }

    /// As [`Process::load`], compiling through `cache` (shared with other processes of the same
    /// engine, so a module is compiled once).
    pub fn load_with_cache(
        engine: E,
        config: LinkerConfig,
        host: Arc<dyn HostResolver<E>>,
        main_path: &str,
        cache: Arc<ModuleCache<E>>,
    ) -> Result<Process<E>> {
        Self::load_into(engine, config, host, main_path, cache, None)
    }

    /// As [`Process::load_with_cache`], in the embedder's own shared memory (made with
    /// [`Engine::new_shared_memory`] or the engine's API), so the embedder can read and write
    /// the program's memory through its own handle. It is grown to what the program needs at
    /// start; its maximum must leave room for the program's growth (the engine refuses a grow
    /// past it: `OutOfMemory`). A program built without threads, whose memory is not shared,
    /// is refused (`Unsupported`).
    pub fn load_with_memory(
        engine: E,
        config: LinkerConfig,
        host: Arc<dyn HostResolver<E>>,
        main_path: &str,
        cache: Arc<ModuleCache<E>>,
        memory: E::SharedMemory,
    ) -> Result<Process<E>> {
        Self::load_into(engine, config, host, main_path, cache, Some(memory))
    }

    #[tracing::instrument(level = "info", skip(engine, config, host, cache, memory), fields(engine = engine.name()))]
    fn load_into(
        engine: E,
        config: LinkerConfig,
        host: Arc<dyn HostResolver<E>>,
        main_path: &str,
        cache: Arc<ModuleCache<E>>,
        memory: Option<E::SharedMemory>,
    ) -> Result<Process<E>> {
        let config = config.for_engine(engine.capabilities().resumable_safepoints);
        let (image, code) = start_up(&engine, &config, &cache, main_path)?;
        let memory = match memory {
            Some(m) if image.memory_shared => ProcessMemory::Shared(m),
            Some(_) => {
                return Err(LinkError::Unsupported {
                    module: image.modules[MAIN].name.clone(),
                    what: "the embedder's shared memory for a program built without threads (its memory is not shared)".into(),
                })
            }
            None => new_process_memory(&engine, &image)?,
        };
        let shared = new_shared(
            engine.clone(),
            config,
            Arc::new(ProcessImports { host }),
            ProcessState {
                image,
                code,
                closures: HashMap::new(),
                closure_stamp: 0,
            },
            memory,
            cache,
        );
        let id = shared.coord.new_id();
        shared.coord.register(id, 0);
        let mut store = engine.new_store();
        let cell = install_safepoint(&mut store, &shared);
        let created = engine.with_store(&mut store, |cx| -> Result<GroupRef<E>> {
            let group = create_group(cx, &shared, id, ThreadStack::Main)?;
            let _ = cell.set(group.clone());
            let v = crate::runtime::state::lock(&group).version;
            shared.coord.set_version(id, v);
            initialize(&mut GroupCx::new(cx, &shared, &group))?;
            Ok(group)
        });
        let group = match created {
            Ok(g) => g,
            Err(e) => {
                shared.coord.unregister(id);
                return Err(e);
            }
        };
        leave(&shared, &group);
        Ok(Process {
            shared,
            store,
            group,
        })
    }

    /// Runs `f` in the main group's store, taking part in other threads' link operations.
    fn in_store<R>(&mut self, f: impl FnOnce(&mut GroupCx<'_, E>) -> R) -> Result<R> {
        let (shared, group) = (&self.shared, &self.group);
        shared.engine.with_store(&mut self.store, |cx| {
            let mut g = GroupCx::new(cx, shared, group);
            enter(&mut g)?;
            let r = f(&mut g);
            leave(shared, group);
            Ok(r)
        })
    }

    /// The main module's export `name`, if it is a function.
    fn main_func(g: &mut GroupCx<'_, E>, name: &str) -> Option<E::Func> {
        match g.export(MAIN, name) {
            Some(Extern::Func(f)) => Some(f),
            _ => None,
        }
    }

    /// Runs the main module's `_start` and returns the exit code (0 when `_start` returns, or
    /// when the main module is a reactor without one).
    #[tracing::instrument(level = "info", skip(self))]
    pub fn run(&mut self) -> std::result::Result<i32, RunError> {
        self.in_store(|g| {
            let Some(start) = Self::main_func(g, "_start") else {
                return Ok(0);
            };
            match g.cx.call(&start, &[]) {
                Ok(_) => Ok(0),
                Err(HostError::Exit(c)) => Ok(c),
                Err(e) => Err(e.into()),
            }
        })
        .map_err(RunError::Link)?
    }

    /// Calls an export of the main module.
    pub fn call(&mut self, export: &str, args: &[Val]) -> std::result::Result<Vec<Val>, RunError> {
        self.in_store(|g| {
            let Some(f) = Self::main_func(g, export) else {
                return Err(RunError::Trap(format!(
                    "the main module exports no function {export}"
                )));
            };
            g.cx.call(&f, args).map_err(RunError::from)
        })
        .map_err(RunError::Link)?
    }

    /// The loaded modules in global scope order.
    pub fn modules(&self) -> Vec<ModuleSummary> {
        summaries(&self.shared.records().image)
    }

    /// `dlopen` from the embedder, in the main group, with `<dlfcn.h>`'s flags
    /// ([`crate::RTLD_NOW`], ...). Returns the guest-visible handle; `Ok(None)`: `RTLD_NOLOAD`
    /// and not loaded. Every thread has the library when this returns.
    pub fn dlopen(&mut self, name: Option<&str>, flags: i32) -> Result<Option<u32>> {
        self.in_store(|g| dlopen(g, name, flags).map(|m| m.map(handle_of)))?
    }

    /// `dlsym` from the embedder: a function's table index or a data address.
    ///
    /// A result looked up before is read from the lock-free cache without entering the store
    /// (the value does not depend on this group's store; anything that uses it, a call through
    /// the slot, enters the store and catches up first).
    pub fn dlsym(&mut self, handle: u32, symbol: &str) -> Result<SymbolAddress> {
        if let Some(a) = self.shared.dlsym_cache.get(handle, symbol) {
            return Ok(a);
        }
        self.in_store(|g| dlsym(g, handle, symbol))?
    }

    /// `dlclose` from the embedder.
    pub fn dlclose(&mut self, handle: u32) -> Result<()> {
        self.in_store(|g| dlclose(g, handle))?
    }

    /// Gives a host function a function-table slot, so the guest can call it through a function
    /// pointer; freed slots are reused.
    pub fn alloc_closure(&mut self, ty: &FuncType, func: HostFn<E>) -> Result<u32> {
        self.in_store(|g| alloc_closure(g, ty, func))?
    }

    /// Frees a slot from [`Process::alloc_closure`].
    pub fn free_closure(&mut self, slot: u32) -> Result<()> {
        self.in_store(|g| free_closure(g, slot))?
    }

    /// Instantiates the already linked image again in a fresh store, every import taken from the
    /// records (no lookup, no planning, no constructors): what the engine costs to instantiate
    /// these modules with their imports resolved by hand. The reference of the benchmarks.
    pub fn instantiate_again(&self) -> Result<E::Store> {
        let mut store = self.shared.engine.new_store();
        self.shared.engine.with_store(&mut store, |cx| {
            create_group(cx, &self.shared, 0, ThreadStack::Main)
        })?;
        Ok(store)
    }

    /// As [`Process::instantiate_again`], in a new process memory as well: what starting the
    /// already linked program costs an embedder that resolved every import by hand (a fresh
    /// memory whose pages are faulted in by the data segments, then unmapped when dropped).
    /// Relocations and constructors are not run. The benchmarks' second reference.
    pub fn instantiate_fresh(&self) -> Result<E::Store> {
        let s = &self.shared;
        let (image, code, closures, closure_stamp) = {
            let st = s.records();
            let c = (st.closures.clone(), st.closure_stamp);
            (st.image.clone(), st.code.clone(), c.0, c.1)
        };
        let memory = new_process_memory(&s.engine, &image)?;
        let fresh = new_shared(
            s.engine.clone(),
            s.config.clone(),
            s.imports.clone(),
            ProcessState {
                image,
                code,
                closures,
                closure_stamp,
            },
            memory,
            s.cache.clone(),
        );
        let mut store = fresh.engine.new_store();
        fresh.engine.with_store(&mut store, |cx| {
            create_group(cx, &fresh, 0, ThreadStack::Main)
        })?;
        Ok(store)
    }

    /// What the linker currently holds (modules, memory, table slots).
    pub fn accounting(&self) -> Accounting {
        self.shared.records().image.accounting()
    }

    /// The main group's store, for the embedder's own use between calls.
    pub fn store_mut(&mut self) -> &mut E::Store {
        &mut self.store
    }

    /// The engine.
    pub fn engine(&self) -> &E {
        &self.shared.engine
    }
}
