//! Building the process image without an engine store: find the library tree breadth-first
//! (glibc's `dl-deps.c`), lay out memory and table, choose the instantiation order (needed before
//! needer, as `dl-sort-maps.c`), and bind every import (`dl-lookup.c`, `dl-reloc.c`).
//!
//! Everything here is decided once per process; instance groups replay the result.

use std::collections::{HashMap, VecDeque};
use std::sync::Arc;

use crate::cache::{content_key, ContentKey, FileEntry, LaunchKey};
use crate::config::LinkerConfig;
use crate::engine::EngineError;
use crate::engine::{Engine, Val};
use crate::error::{LinkError, Result};
use crate::image::{Binding, LinkState, LoadedModule, ModuleId, PltEntry, TableFill, MAIN};
use crate::layout::{align_up, MainLayout, MemorySpace, TableSpace, PAGE};
use crate::locate::{locate, normalize, Located};
use crate::metadata::{ExternType, ImportClass, ModuleInfo, SegmentBase, Shape, WellKnown};
use crate::scope::{ScopeIndex, Want};
use crate::stubs::{stub_module, Stub};

/// A module read from the filesystem, not yet part of the image.
pub struct Found {
    pub name: String,
    pub path: String,
    pub identity: String,
    /// Its version stamp, if its filesystem gives one.
    pub stamp: Option<u64>,
    /// Its bytes, unless its description came from the cache (then they are only read again if
    /// its compilation is missing).
    pub bytes: Option<Vec<u8>>,
    pub content: ContentKey,
    pub info: Arc<ModuleInfo>,
    pub deps: Vec<ModuleId>,
}

/// Reads the module at guest path `path` (the main module, or a library `dlopen` names by path
/// or found by [`locate`]).
pub fn read_module<E: Engine>(
    config: &LinkerConfig,
    compiler: Option<Compiler<'_, E>>,
    name: &str,
    path: &str,
    require_dylink: bool,
) -> Result<Found> {
    let path = normalize(path).ok_or_else(|| LinkError::PathEscapesRoot {
        path: path.to_string(),
    })?;
    let file = config
        .fs
        .stat(&path)?
        .ok_or_else(|| LinkError::LibraryNotFound {
            name: name.to_string(),
            needed_by: "the command line".into(),
            searched: vec![path.clone()],
        })?;
    open_module(
        config,
        compiler,
        name,
        Located { path, file },
        require_dylink,
    )
}

/// Reads and describes a located module, or takes its description from the cache when the file
/// has not changed since.
pub fn open_module<E: Engine>(
    config: &LinkerConfig,
    compiler: Option<Compiler<'_, E>>,
    name: &str,
    loc: Located,
    require_dylink: bool,
) -> Result<Found> {
    let cached = compiler.and_then(|c| c.cache.file(&loc.file));
    let (info, bytes, content) = match cached {
        Some(e) => {
            if require_dylink && !e.info.has_dylink {
                return Err(LinkError::NoDylink {
                    module: name.to_string(),
                });
            }
            (e.info, None, e.content)
        }
        None => {
            let bytes = read_bytes(config, name, &loc.path)?;
            let info = Arc::new(ModuleInfo::parse(name, &bytes, require_dylink)?);
            let content = content_key(&bytes);
            if let Some(c) = compiler {
                let entry = FileEntry {
                    info: info.clone(),
                    content,
                };
                c.cache.remember_file(&loc.file, entry);
            }
            (info, Some(bytes), content)
        }
    };
    Ok(Found {
        name: name.to_string(),
        path: loc.path,
        identity: loc.file.identity,
        stamp: loc.file.stamp,
        bytes,
        content,
        info,
        deps: Vec::new(),
    })
}

fn read_bytes(config: &LinkerConfig, name: &str, path: &str) -> Result<Vec<u8>> {
    config
        .fs
        .read(path)?
        .ok_or_else(|| LinkError::LibraryNotFound {
            name: name.to_string(),
            needed_by: "the command line".into(),
            searched: vec![path.to_string()],
        })
}

/// Walks the needed lists from `first` breadth-first (glibc's `dl-deps.c`), reading each library
/// once. Libraries already loaded in `state` are reused, not read again. The returned modules get
/// ids `base_id`, `base_id + 1`, ... in breadth-first order; `first` is `base_id`.
#[tracing::instrument(level = "debug", skip_all, fields(root = %first.name))]
pub fn walk<E: Engine>(
    config: &LinkerConfig,
    compiler: Option<Compiler<'_, E>>,
    state: Option<&LinkState<E>>,
    first: Found,
    base_id: ModuleId,
) -> Result<Vec<Found>> {
    let mut by_identity: HashMap<String, ModuleId> =
        state.map(|s| s.by_identity.clone()).unwrap_or_default();
    by_identity.insert(first.identity.clone(), base_id);
    let mut found = vec![first];
    let mut queue = VecDeque::from([0usize]);
    while let Some(i) = queue.pop_front() {
        let needed = found[i].info.dylink.needed.clone();
        for name in needed {
            let loc = locate(
                &*config.fs,
                &config.search,
                &name,
                &found[i].path,
                &found[i].info.dylink.runtime_path,
            )?;
            let dep = match by_identity.get(loc.identity()) {
                Some(&d) => d,
                None => {
                    tracing::debug!(library = %name, path = %loc.path, needed_by = %found[i].name, "found library");
                    let d = base_id + found.len();
                    by_identity.insert(loc.identity().to_string(), d);
                    found.push(open_module(config, compiler, &name, loc, true)?);
                    queue.push_back(found.len() - 1);
                    d
                }
            };
            if !found[i].deps.contains(&dep) {
                found[i].deps.push(dep);
            }
        }
    }
    Ok(found)
}

/// Needed before needer, as glibc's `_dl_sort_maps_dfs`: a depth-first walk from each module of
/// `bfs` (breadth-first load order) taken in reverse, following `needed` lists in order; the
/// post-order is the initialisation order. A cycle is broken where the walk meets a module already
/// on its path. Modules for which `loaded` holds are already initialised and left out.
pub fn dependency_order(
    deps: &[Vec<ModuleId>],
    bfs: &[ModuleId],
    loaded: impl Fn(ModuleId) -> bool,
) -> Vec<ModuleId> {
    // 0 new, 1 on path, 2 done
    let mut state: Vec<u8> = (0..deps.len())
        .map(|m| if loaded(m) { 2 } else { 0 })
        .collect();
    let mut order = Vec::new();
    for &root in bfs.iter().rev() {
        if state[root] != 0 {
            continue;
        }
        let mut stack = vec![(root, 0usize)];
        state[root] = 1;
        while let Some((m, i)) = stack.pop() {
            if let Some(&d) = deps[m].get(i) {
                stack.push((m, i + 1));
                if state[d] == 0 {
                    state[d] = 1;
                    stack.push((d, 0));
                }
            } else {
                state[m] = 2;
                order.push(m);
            }
        }
    }
    order
}

/// Breadth-first closure of `root` over `needed`: the scope `dlsym(handle)` searches.
pub fn local_scope<E: Engine>(state: &LinkState<E>, root: ModuleId) -> Vec<ModuleId> {
    let mut seen = vec![false; state.modules.len()];
    let mut out = vec![root];
    seen[root] = true;
    let mut i = 0;
    while i < out.len() {
        for &d in &state.modules[out[i]].deps {
            if !seen[d] {
                seen[d] = true;
                out.push(d);
            }
        }
        i += 1;
    }
    out
}

/// How modules are compiled: an engine, through a cache.
pub struct Compiler<'a, E: Engine> {
    pub engine: &'a E,
    pub cache: &'a crate::cache::ModuleCache<E>,
}

impl<E: Engine> Clone for Compiler<'_, E> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<E: Engine> Copy for Compiler<'_, E> {}

impl<E: Engine> Compiler<'_, E> {
    pub fn compile(
        &self,
        name: &str,
        bytes: &[u8],
    ) -> std::result::Result<E::Module, crate::engine::EngineError> {
        self.cache.compile(self.engine, name, bytes)
    }

    /// Compiles a found module (a cache hit when its bytes were compiled before; else its bytes,
    /// read again if its description came from the cache).
    fn compile_found(&self, config: &LinkerConfig, f: &Found) -> Result<E::Module> {
        let bytes = || match &f.bytes {
            Some(b) => Ok(b.clone()),
            None => read_bytes(config, &f.name, &f.path).map_err(|e| EngineError(e.to_string())),
        };
        self.cache
            .compile_keyed(self.engine, &f.name, f.content, bytes)
            .map_err(|err| LinkError::Malformed {
                module: f.name.clone(),
                reason: err.0,
            })
    }
}

/// Where new modules' data goes.
pub enum Placement<'a> {
    /// Below `__heap_base`, while the process is built (before the program runs).
    Startup,
    /// Anywhere: freed ranges first, else new pages; `grow(pages)` grows the memory and returns
    /// its previous size in pages.
    Runtime(&'a mut dyn FnMut(u64) -> std::result::Result<u64, String>),
}

/// Builds the image of a program: discovery, layout, bindings. Compiles with `engine` when given
/// (`ldd` passes none).
#[tracing::instrument(level = "info", skip(config, compiler))]
pub fn prepare<E: Engine>(
    config: &LinkerConfig,
    compiler: Option<Compiler<'_, E>>,
    main_path: &str,
) -> Result<LinkState<E>> {
    let main = read_module(config, compiler, main_path, main_path, false)?;
    let fixed = main.info.shape == Shape::Fixed;
    let layout = if fixed {
        // A non-PIE main has its data, stack and heap at fixed addresses from 0.
        MainLayout {
            memory_base: 0,
            stack_low: 0,
            stack_high: 0,
        }
    } else {
        MainLayout::pic(
            &main.name,
            main.info.dylink.mem_size as u64,
            main.info.dylink.mem_p2align,
            config.stack_size,
        )?
    };
    let (min_pages, max_pages) = main
        .info
        .imports
        .iter()
        .find_map(|i| match (&i.class, &i.ty) {
            (ImportClass::Memory, ExternType::Memory { min, max, .. }) => {
                Some((*min, max.unwrap_or(config.default_max_pages as u64)))
            }
            _ => None,
        })
        .unwrap_or((0, config.default_max_pages as u64));
    // A non-PIE main defines its table with its own slots (from 1); libraries' slots follow.
    let main_table_end = if fixed {
        main.info.table_min
    } else {
        1 + main.info.dylink.table_size as u64
    };
    let found = walk::<E>(config, compiler, None, main, MAIN)?;
    // The same tree over unchanged files, with the same settings: the records are those of the
    // first start (see `cache`).
    let launch = compiler.and_then(|_| LaunchKey::new(config, &found));
    if let (Some(c), Some(key)) = (compiler, &launch) {
        if let Some(state) = c.cache.launch(key) {
            tracing::debug!(modules = state.modules.len(), "start-up records reused");
            return Ok(state);
        }
    }
    let mut state = LinkState {
        modules: Vec::with_capacity(found.len()),
        by_identity: HashMap::new(),
        global_scope: Vec::new(),
        init_order: Vec::new(),
        memory: MemorySpace {
            // Non-PIE: the start-up libraries go in pages grown right after the main module's
            // initial memory (see `group::place_fixed_libraries`).
            bump: Some(if fixed {
                min_pages * PAGE
            } else {
                layout.stack_high
            }),
            free: Default::default(),
            max_bytes: max_pages * PAGE,
            obtained: 0,
        },
        table: TableSpace {
            size: main_table_end,
            ..Default::default()
        },
        plt: Vec::new(),
        func_slots: Default::default(),
        table_fills: Vec::new(),
        closures: HashMap::new(),
        main_memory_base: layout.memory_base,
        heap_base: 0,
        stack_low: layout.stack_low,
        stack_high: layout.stack_high,
        memory_pages: (0, max_pages as u32),
        version: 0,
        fixed_grow_pages: 0,
    };
    add_modules(
        &mut state,
        config,
        compiler,
        found,
        Placement::Startup,
        true,
    )?;
    if fixed {
        let end = state.memory.bump.unwrap_or(min_pages * PAGE);
        state.fixed_grow_pages = end.div_ceil(PAGE).saturating_sub(min_pages);
        state.heap_base = 0;
    }
    // Start-up modules stay for the life of the process.
    for m in state.modules.iter_mut() {
        let m = Arc::make_mut(m);
        m.refcount += 1;
        m.nodelete = true;
    }
    state.memory.bump = None;
    state.memory_pages.0 = min_pages.max(state.heap_base.div_ceil(PAGE)) as u32;
    if let (Some(c), Some(key)) = (compiler, launch) {
        c.cache.remember_launch(key, state.clone());
    }
    Ok(state)
}

/// Adds modules read by [`walk`] to the image: places their data and table slots, compiles them,
/// decides every binding, and returns them in initialisation order (needed before needer).
/// `global`: their symbols join the global scope (start-up, `RTLD_GLOBAL`).
#[tracing::instrument(level = "debug", skip_all, fields(root = %found[0].name, count = found.len()))]
pub fn add_modules<E: Engine>(
    state: &mut LinkState<E>,
    config: &LinkerConfig,
    compiler: Option<Compiler<'_, E>>,
    found: Vec<Found>,
    mut placement: Placement<'_>,
    global: bool,
) -> Result<Vec<ModuleId>> {
    let base_id = state.modules.len();
    // Data and table placement.
    let mut bases = Vec::with_capacity(found.len());
    for (i, f) in found.iter().enumerate() {
        let id = base_id + i;
        let d = &f.info.dylink;
        if id == MAIN {
            bases.push((state.main_memory_base, 1));
            continue;
        }
        let size = d.mem_size as u64;
        let align = 1u64 << d.mem_p2align;
        let oom = |reason: String| LinkError::OutOfMemory {
            module: f.name.clone(),
            bytes: size,
            align,
            reason,
        };
        let max = state.memory.max_bytes;
        let base = match &mut placement {
            Placement::Startup => {
                let bump = state
                    .memory
                    .bump
                    .expect("start-up placement before the heap is fixed");
                let base = align_up(bump, align).ok_or_else(|| oom("address overflow".into()))?;
                if base + size > max {
                    return Err(oom(format!(
                        "the memory's maximum is {max} bytes and {} would be needed",
                        base + size
                    )));
                }
                state.memory.bump = Some(base + size);
                base
            }
            Placement::Runtime(grow) => {
                state.memory.alloc(size, align, &mut **grow).map_err(oom)?
            }
        };
        let (tb, _) = state
            .table
            .alloc(&f.name, d.table_size as u64, 1 << d.table_p2align)?;
        bases.push((base, tb));
    }
    if let (Placement::Startup, Some(bump)) = (&placement, state.memory.bump) {
        state.heap_base = align_up(bump, 16).unwrap_or(bump);
    }
    // Instantiation positions: a non-PIE main module is instantiated first (it defines the table
    // and the stack pointer the libraries import).
    let main_first = base_id == MAIN && found.first().is_some_and(|f| f.info.shape == Shape::Fixed);
    // Records.
    for (i, f) in found.into_iter().enumerate() {
        let id = base_id + i;
        let compiled = match compiler {
            Some(e) => Some(e.compile_found(config, &f)?),
            None => None,
        };
        state.by_identity.insert(f.identity.clone(), id);
        state.modules.push(Arc::new(LoadedModule {
            id,
            name: f.name,
            path: f.path,
            identity: f.identity,
            info: f.info,
            compiled,
            memory_base: bases[i].0,
            table_base: bases[i].1,
            deps: f.deps,
            plan: Arc::from([]),
            stubs: Arc::from([]),
            stub_module: None,
            refcount: 0,
            nodelete: false,
            alive: true,
            released_slots: Vec::new(),
        }));
    }
    for id in base_id..state.modules.len() {
        for d in state.modules[id].deps.clone() {
            Arc::make_mut(&mut state.modules[d]).refcount += 1;
        }
    }
    // Scope: the global scope, then the new tree (glibc: global scope, then the object's local
    // scope).
    let local = local_scope(state, base_id);
    if global {
        for &m in &local {
            if !state.global_scope.contains(&m) {
                state.global_scope.push(m);
            }
        }
    }
    let mut scope = state.global_scope.clone();
    for &m in &local {
        if !scope.contains(&m) {
            scope.push(m);
        }
    }
    // Bind imports, in instantiation order.
    let deps: Vec<Vec<ModuleId>> = state.modules.iter().map(|m| m.deps.clone()).collect();
    let bfs: Vec<ModuleId> = (base_id..state.modules.len()).collect();
    let mut order = dependency_order(&deps, &bfs, |m| m < base_id);
    if main_first {
        order.retain(|&m| m != MAIN);
        order.insert(0, MAIN);
    }
    let mut position = vec![0usize; state.modules.len()];
    for (i, &m) in order.iter().enumerate() {
        position[m] = i + 1;
    }
    // Module descriptions and the scope do not change while imports are bound: look them up
    // through one list instead of rebuilding it per import.
    let infos_owned: Vec<Arc<ModuleInfo>> = state.modules.iter().map(|m| m.info.clone()).collect();
    let infos: Vec<&ModuleInfo> = infos_owned.iter().map(|i| &**i).collect();
    let index = ScopeIndex::new(&infos, &scope);
    for &m in &order {
        plan_module(state, config, m, &position, &infos, &index)?;
        if let (Some(e), false) = (compiler, state.modules[m].stubs.is_empty()) {
            let bytes = stub_module(&state.modules[m].stubs);
            let name = format!("{} (stubs)", state.modules[m].name);
            let compiled = e
                .compile(&name, &bytes)
                .map_err(|err| LinkError::engine(&name, err))?;
            Arc::make_mut(&mut state.modules[m]).stub_module = Some(compiled);
        }
    }
    state.init_order.extend(order.iter().copied());
    Ok(order)
}

/// Decides the binding of every import of module `m`.
fn plan_module<E: Engine>(
    state: &mut LinkState<E>,
    config: &LinkerConfig,
    m: ModuleId,
    position: &[usize],
    infos: &[&ModuleInfo],
    index: &ScopeIndex<'_>,
) -> Result<()> {
    let info = state.modules[m].info.clone();
    let mname = state.modules[m].name.clone();
    let mut plan = Vec::with_capacity(info.imports.len());
    let mut stubs = Vec::new();
    for imp in &info.imports {
        let undefined = || LinkError::UndefinedSymbol {
            module: mname.clone(),
            symbol: imp.name.clone(),
        };
        let mismatch = |p: ModuleId, expected: String, found: &str| LinkError::SignatureMismatch {
            module: mname.clone(),
            symbol: imp.name.clone(),
            provider: infos[p].name.clone(),
            expected,
            found: found.to_string(),
        };
        let b = match &imp.class {
            ImportClass::Memory => Binding::Memory,
            ImportClass::Table => Binding::Table,
            ImportClass::WellKnown(w) => match w {
                WellKnown::StackPointer => Binding::StackPointer,
                WellKnown::MemoryBase | WellKnown::DsoHandle => {
                    Binding::Value(Val::I32(state.modules[m].memory_base as i32))
                }
                WellKnown::TableBase => {
                    Binding::Value(Val::I32(state.modules[m].table_base as i32))
                }
                WellKnown::HeapBase => Binding::Value(Val::I32(state.heap_base as i32)),
                WellKnown::HeapEnd => {
                    Binding::Value(Val::I32(state.memory.max_bytes as u32 as i32))
                }
                WellKnown::StackLow => Binding::Value(Val::I32(state.stack_low as i32)),
                WellKnown::StackHigh => Binding::Value(Val::I32(state.stack_high as i32)),
                WellKnown::TlsBase => {
                    return Err(LinkError::Unsupported {
                        module: mname,
                        what: "importing __tls_base".into(),
                    })
                }
            },
            ImportClass::GotMem(sym) => {
                match index.lookup_kind(sym, Want::Data, config.weak_policy) {
                    Some(Ok((p, _, e))) => {
                        let Some(off) = e.const_value else {
                            return Err(LinkError::Unsupported {
                                module: mname,
                                what: format!(
                                    "GOT.mem.{sym}: {} exports it as a mutable global",
                                    state.modules[p].name
                                ),
                            });
                        };
                        if e.flags.tls {
                            Binding::GotTls {
                                provider: p,
                                offset: off as u64,
                            }
                        } else {
                            let base = if state.modules[p].info.shape == Shape::Fixed {
                                0
                            } else {
                                state.modules[p].memory_base
                            };
                            Binding::Value(Val::I32(base.wrapping_add(off as u64) as i32))
                        }
                    }
                    Some(Err((p, _, e))) => {
                        return Err(mismatch(p, "data".into(), e.ty.kind_name()))
                    }
                    None if imp.flags.weak => Binding::Value(Val::I32(0)),
                    None => return Err(undefined()),
                }
            }
            ImportClass::GotFunc(sym) => {
                match index.lookup_kind(sym, Want::Func, config.weak_policy) {
                    Some(Ok((p, pos, _))) => {
                        let slot = func_slot(state, p, pos)?;
                        Binding::Value(Val::I32(slot as i32))
                    }
                    Some(Err((p, _, e))) => {
                        return Err(mismatch(p, "function".into(), e.ty.kind_name()))
                    }
                    None if imp.flags.weak => Binding::Value(Val::I32(0)),
                    None => return Err(undefined()),
                }
            }
            ImportClass::Func(sym) => {
                let ExternType::Func(want) = &imp.ty else {
                    unreachable!("classified as a function")
                };
                match index.lookup_kind(sym, Want::Func, config.weak_policy) {
                    Some(Ok((p, _, e))) => {
                        let ExternType::Func(have) = &e.ty else {
                            unreachable!()
                        };
                        if have != want {
                            return Err(mismatch(p, want.to_string(), &have.to_string()));
                        }
                        if position[p] < position[m] {
                            Binding::Direct {
                                provider: p,
                                export: sym.clone(),
                            }
                        } else {
                            plt_binding(state, &mut stubs, m, sym, want, Some((p, sym.clone())))
                        }
                    }
                    Some(Err((p, _, e))) => {
                        return Err(mismatch(p, want.to_string(), e.ty.kind_name()))
                    }
                    None if imp.flags.weak => Binding::WeakMissing {
                        symbol: sym.clone(),
                    },
                    // Left to the host resolver, and failing that bound lazily: a missing function
                    // is reported when first called (or at load under bind_now).
                    None => plt_binding(state, &mut stubs, m, sym, want, None),
                }
            }
            ImportClass::Global(sym) => {
                match index.lookup_kind(sym, Want::Data, config.weak_policy) {
                    Some(Ok((p, _, _))) if position[p] < position[m] => Binding::ExportedGlobal {
                        provider: p,
                        export: sym.clone(),
                    },
                    Some(_) => {
                        return Err(LinkError::Unsupported {
                            module: mname,
                            what: format!(
                                "global import env.{sym} from a module instantiated later"
                            ),
                        })
                    }
                    None => Binding::Host,
                }
            }
            ImportClass::Tag(name) => {
                let ExternType::Tag(ty) = &imp.ty else {
                    unreachable!()
                };
                Binding::Tag {
                    name: name.clone(),
                    ty: ty.clone(),
                }
            }
            ImportClass::Host => Binding::Host,
        };
        if let Binding::Direct { provider, .. } = &b {
            tracing::debug!(module = %mname, symbol = %imp.name, provider = %state.modules[*provider].name, "bound directly");
        }
        plan.push(b);
    }
    let module = Arc::make_mut(&mut state.modules[m]);
    module.plan = plan.into();
    module.stubs = stubs.into();
    Ok(())
}

fn plt_binding<E: Engine>(
    state: &mut LinkState<E>,
    stubs: &mut Vec<Stub>,
    importer: ModuleId,
    symbol: &str,
    ty: &crate::engine::FuncType,
    target: Option<(ModuleId, String)>,
) -> Binding {
    let slot = state.plt.len() as u32;
    state.plt.push(PltEntry {
        symbol: symbol.to_string(),
        ty: ty.clone(),
        importer,
        target,
    });
    stubs.push(Stub {
        slot,
        ty: ty.clone(),
    });
    Binding::Plt {
        stub: stubs.len() - 1,
        slot,
    }
}

/// The canonical table slot of the function at `position` in the exports of module `p`: the slot
/// its own element segment
/// gave it, else one allocated the first time its address is needed. Every `GOT.func` import and
/// every `dlsym` of the function gets this one slot, so function pointers compare equal.
pub fn func_slot<E: Engine>(state: &mut LinkState<E>, p: ModuleId, position: usize) -> Result<u64> {
    let key = (p, position as u32);
    if let Some(&s) = state.func_slots.get(&key) {
        return Ok(s);
    }
    let module = &state.modules[p];
    let export = module.info.exports[position].name.as_str();
    let slot = match module.info.elem_slot_of_export(export) {
        Some(s) => match s.base {
            SegmentBase::TableBase(_) => module.table_base + s.offset,
            SegmentBase::Absolute(_) => s.offset,
        },
        None => {
            let name = module.name.clone();
            let (slot, _grow) = state.table.alloc(&name, 1, 1)?;
            state.table_fills.push(TableFill {
                slot,
                provider: p,
                export: export.into(),
            });
            slot
        }
    };
    state.func_slots.insert(key, slot);
    Ok(slot)
}

/// A symbol that `ldd -r` would report: an import no module defines and that is not weak.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unresolved {
    pub module: String,
    pub symbol: String,
}

/// Function imports left to the host or to lazy binding because no module defines them.
pub fn unresolved_functions<E: Engine>(state: &LinkState<E>) -> Vec<Unresolved> {
    state
        .plt
        .iter()
        .filter(|p| {
            p.target.is_none()
                && !matches!(
                    p.symbol.as_str(),
                    "dlopen" | "dlsym" | "dlclose" | "dlerror"
                )
        })
        .map(|p| Unresolved {
            module: state.modules[p.importer].name.clone(),
            symbol: p.symbol.clone(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dependency_order_needed_first_and_cycles() {
        // glibc's order for main -> a, c; a -> b (BFS 0 main, 1 a, 2 c, 3 b): b, c, a, main
        let deps = vec![vec![1, 2], vec![3], vec![], vec![]];
        assert_eq!(
            dependency_order(&deps, &[0, 1, 2, 3], |_| false),
            vec![3, 2, 1, 0]
        );
        // diamond: 0 -> 1, 2; 1 -> 3; 2 -> 3: base once, first
        let deps = vec![vec![1, 2], vec![3], vec![3], vec![]];
        assert_eq!(
            dependency_order(&deps, &[0, 1, 2, 3], |_| false),
            vec![3, 2, 1, 0]
        );
        // side <-> side cycle: 0 -> 1; 1 -> 2; 2 -> 1
        let deps = vec![vec![1], vec![2], vec![1]];
        assert_eq!(
            dependency_order(&deps, &[0, 1, 2], |_| false),
            vec![1, 2, 0]
        );
        // a dlopen of 4 (needs 3, already loaded, and 5): only the new ones, needed first
        let deps = vec![vec![1, 2], vec![3], vec![3], vec![0], vec![3, 5], vec![]];
        assert_eq!(dependency_order(&deps, &[4, 5], |m| m < 4), vec![5, 4]);
    }
}
