//! The embedder's entry point: load a main module and its library tree into a fresh store, then
//! run it.

use std::sync::{Arc, RwLock};

use crate::config::LinkerConfig;
use crate::engine::{CallError, Engine, Extern, StoreOps};
use crate::error::{LinkError, Result};
use crate::group::{create_group, initialize, GroupRef, Shared};
use crate::host::HostResolver;
use crate::image::MAIN;
use crate::load::{prepare, unresolved_functions, Unresolved};

/// How running the program ended, when it did not return an exit code.
#[derive(Debug, Clone, thiserror::Error)]
pub enum RunError {
    #[error("{0}")]
    Link(LinkError),
    #[error("wasm trap: {0}")]
    Trap(String),
}

/// A loaded module, as `ldd` and `dl_iterate_phdr` would show it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ModuleSummary {
    pub name: String,
    pub path: String,
    pub memory_base: u64,
    pub table_base: u64,
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
        let id = self.group.lock().unwrap_or_else(|p| p.into_inner()).id;
        self.shared.coord.unregister(id);
    }
}

/// Installs the linker's safepoint handler on a store; the group is filled in once it exists.
pub(crate) fn install_safepoint<E: Engine>(
    engine: &E,
    store: &mut E::Store,
    shared: &Arc<Shared<E>>,
) -> Arc<std::sync::OnceLock<GroupRef<E>>> {
    let cell: Arc<std::sync::OnceLock<GroupRef<E>>> = Arc::default();
    let (c, weak) = (cell.clone(), Arc::downgrade(shared));
    engine.set_safepoint(
        store,
        Arc::new(move |cx| match (c.get(), weak.upgrade()) {
            (Some(g), Some(shared)) => crate::threads::safepoint_host(cx, &shared, g),
            _ => Ok(()),
        }),
    );
    cell
}

impl<E: Engine> Process<E> {
    /// Loads `main_path` (a path in `config.fs`) and every library it needs, binds, instantiates
    /// and initialises them (data relocations and constructors; the main module's own
    /// constructors run in `_start`). On error nothing is left behind: the store and memory are
    /// dropped with it.
    #[tracing::instrument(level = "info", skip(engine, config, host), fields(engine = engine.name()))]
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
        cache: Arc<crate::cache::ModuleCache<E>>,
    ) -> Result<Process<E>> {
        let compiler = crate::load::Compiler {
            engine: &engine,
            cache: &cache,
        };
        let state = prepare(&config, Some(compiler), main_path)?;
        let main_name = state.modules[MAIN].name.clone();
        let (min, max) = state.memory_pages;
        let memory = engine
            .new_shared_memory(min, max)
            .map_err(|e| LinkError::OutOfMemory {
                module: main_name.clone(),
                bytes: min as u64 * crate::layout::PAGE,
                align: 1,
                reason: e.0,
            })?;
        let shared = Arc::new(Shared {
            engine: engine.clone(),
            config,
            host,
            state: RwLock::new(state),
            memory,
            dlsym_cache: Default::default(),
            cache,
            coord: Default::default(),
            threads: Default::default(),
        });
        let id = shared.coord.new_id();
        shared.coord.register(id, 0);
        let mut store = engine.new_store();
        let cell = install_safepoint(&engine, &mut store, &shared);
        let created = engine.with_store(&mut store, |cx| -> Result<GroupRef<E>> {
            let g = create_group(cx, &shared, id)?;
            let _ = cell.set(g.clone());
            initialize(cx, &shared, &g)?;
            Ok(g)
        });
        let group = match created {
            Ok(g) => g,
            Err(e) => {
                shared.coord.unregister(id);
                return Err(e);
            }
        };
        crate::threads::leave(&shared, &group);
        Ok(Process {
            shared,
            store,
            group,
        })
    }

    /// Runs `f` in the main group's store, taking part in other threads' link operations.
    fn in_store<R>(
        &mut self,
        f: impl FnOnce(&mut dyn StoreOps<E>, &Arc<Shared<E>>, &GroupRef<E>) -> R,
    ) -> Result<R> {
        let (shared, group) = (self.shared.clone(), self.group.clone());
        self.shared.engine.with_store(&mut self.store, |cx| {
            crate::threads::enter(cx, &shared, &group)?;
            let r = f(cx, &shared, &group);
            crate::threads::leave(&shared, &group);
            Ok(r)
        })
    }

    /// Runs the main module's `_start` and returns the exit code (0 when `_start` returns).
    #[tracing::instrument(level = "info", skip(self))]
    pub fn run(&mut self) -> std::result::Result<i32, RunError> {
        self.in_store(|cx, _, group| {
            let main = group.lock().unwrap_or_else(|p| p.into_inner()).instances[MAIN].clone();
            let Some(main) = main else {
                return Err(RunError::Trap("main module is not instantiated".into()));
            };
            let Some(Extern::Func(start)) = cx.export(&main, "_start") else {
                return Ok(0);
            };
            match cx.call(&start, &[]) {
                Ok(_) => Ok(0),
                Err(CallError::Exit(c)) => Ok(c),
                Err(CallError::Link(l)) => Err(RunError::Link((*l).clone())),
                Err(CallError::Trap(t)) => Err(RunError::Trap(t)),
            }
        })
        .map_err(RunError::Link)?
    }

    /// The loaded modules in global scope order.
    pub fn modules(&self) -> Vec<ModuleSummary> {
        let st = self.shared.state.read().unwrap_or_else(|p| p.into_inner());
        st.global_scope
            .iter()
            .map(|&m| {
                let lm = &st.modules[m];
                ModuleSummary {
                    name: lm.name.clone(),
                    path: lm.path.clone(),
                    memory_base: lm.memory_base,
                    table_base: lm.table_base,
                }
            })
            .collect()
    }

    /// `dlopen` from the embedder, in the main group. `Ok(None)`: `RTLD_NOLOAD` and not loaded.
    /// Returns the guest-visible handle.
    pub fn dlopen(&mut self, name: Option<&str>, flags: i32) -> Result<Option<u32>> {
        self.in_store(|cx, shared, group| {
            crate::dlopen::dlopen(cx, shared, group, name, flags)
                .map(|m| m.map(crate::dlopen::handle_of))
        })?
    }

    /// `dlsym` from the embedder: a function's table index or a data address.
    ///
    /// A result looked up before is read from the lock-free cache without entering the store
    /// (the value does not depend on this group's store; anything that uses it, a call through
    /// the slot, enters the store and catches up first).
    pub fn dlsym(&mut self, handle: u32, symbol: &str) -> Result<crate::dlopen::SymbolAddress> {
        if let Some(a) = self.shared.dlsym_cache.get(handle, symbol) {
            return Ok(a);
        }
        self.in_store(|cx, shared, group| crate::dlopen::dlsym(cx, shared, group, handle, symbol))?
    }

    /// `dlclose` from the embedder.
    pub fn dlclose(&mut self, handle: u32) -> Result<()> {
        self.in_store(|cx, shared, group| crate::dlopen::dlclose(cx, shared, group, handle))?
    }

    /// Gives a host function a function-table slot, so the guest can call it through a function
    /// pointer; freed slots are reused.
    pub fn alloc_closure(
        &mut self,
        ty: &crate::engine::FuncType,
        func: crate::engine::HostFn<E>,
    ) -> Result<u32> {
        self.in_store(|cx, shared, group| {
            crate::closures::alloc_closure(cx, shared, group, ty, func)
        })?
    }

    /// Frees a slot from [`Process::alloc_closure`].
    pub fn free_closure(&mut self, slot: u32) -> Result<()> {
        self.in_store(|cx, shared, group| crate::closures::free_closure(cx, shared, group, slot))?
    }

    /// Calls an export of the main module.
    pub fn call(
        &mut self,
        export: &str,
        args: &[crate::engine::Val],
    ) -> std::result::Result<Vec<crate::engine::Val>, RunError> {
        self.in_store(|cx, _, group| {
            let main = group.lock().unwrap_or_else(|p| p.into_inner()).instances[MAIN].clone();
            let Some(Extern::Func(f)) = main.and_then(|m| cx.export(&m, export)) else {
                return Err(RunError::Trap(format!(
                    "the main module exports no function {export}"
                )));
            };
            cx.call(&f, args).map_err(|e| match e {
                CallError::Link(l) => RunError::Link((*l).clone()),
                other => RunError::Trap(other.to_string()),
            })
        })
        .map_err(RunError::Link)?
    }

    /// Instantiates the already linked image again in a fresh store, every import taken from the
    /// records (no lookup, no planning, no constructors): what the engine costs to instantiate
    /// these modules with their imports resolved by hand. The reference of the benchmarks.
    pub fn instantiate_again(&self) -> Result<E::Store> {
        let mut store = self.shared.engine.new_store();
        self.shared
            .engine
            .with_store(&mut store, |cx| create_group(cx, &self.shared, 0))?;
        Ok(store)
    }

    /// What the linker currently holds (modules, memory, table slots).
    pub fn accounting(&self) -> crate::image::Accounting {
        self.shared
            .state
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .accounting()
    }

    pub fn store_mut(&mut self) -> &mut E::Store {
        &mut self.store
    }

    pub fn engine(&self) -> &E {
        &self.shared.engine
    }
}

/// What `ldd -r` prints: the resolved tree and the symbols nothing defines.
#[derive(Clone, Debug)]
pub struct LddReport {
    pub modules: Vec<ModuleSummary>,
    pub unresolved: Vec<Unresolved>,
}

/// Resolves the tree of `main_path` and its symbols without an engine.
pub fn ldd<E: Engine>(config: &LinkerConfig, main_path: &str) -> Result<LddReport> {
    let state = prepare::<E>(config, None, main_path)?;
    let modules = state
        .global_scope
        .iter()
        .map(|&m| {
            let lm = &state.modules[m];
            ModuleSummary {
                name: lm.name.clone(),
                path: lm.path.clone(),
                memory_base: lm.memory_base,
                table_base: lm.table_base,
            }
        })
        .collect();
    Ok(LddReport {
        modules,
        unresolved: unresolved_functions(&state),
    })
}
