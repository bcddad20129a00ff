//! Planning a process image, engine-free: the layout of the main module, the placement of every
//! new module's data and table slots, the instantiation order, and the binding of every import.
//! What planning leaves for the runtime is the list of modules to compile ([`Source`]).

use std::collections::HashMap;
use std::sync::Arc;

use crate::error::{LinkError, Result};
use crate::metadata::{ExternType, ImportClass, ModuleInfo, Shape};
use crate::plan::bind::{bind_module, BindCx};
use crate::plan::config::LinkerConfig;
use crate::plan::content::ContentKey;
use crate::plan::discover::Found;
use crate::plan::image::{Image, LoadedModule, ModuleId, MAIN};
use crate::plan::layout::{
    align_up, MainLayout, MemorySpace, Placement, TableSpace, GLOBAL_BASE, PAGE, POLL_WORD,
};
use crate::plan::order::{dependency_order, local_scope};
use crate::plan::scope::ScopeIndex;

/// A new module's code, to be compiled by the runtime.
pub(crate) struct Source {
    /// The module's id in the image.
    pub id: ModuleId,
    /// The key of its bytes.
    pub content: ContentKey,
    /// Its bytes, if they were read (else the runtime reads `path` again on a compile miss).
    pub bytes: Option<Vec<u8>>,
}

/// Modules just added to the image.
pub(crate) struct Added {
    /// In initialisation order (needed before needer).
    pub order: Vec<ModuleId>,
    /// Their code.
    pub sources: Vec<Source>,
}

/// The image of a program found by [`crate::plan::discover::walk`] (the main module first).
#[tracing::instrument(level = "info", skip_all, fields(main = %found[0].name))]
pub(crate) fn plan_startup(config: &LinkerConfig, found: Vec<Found>) -> Result<(Image, Added)> {
    let main = &found[0].info;
    let fixed = main.shape == Shape::Fixed;
    let layout = if fixed {
        // A non-PIE main has its data, stack and heap at fixed addresses from 0.
        MainLayout {
            memory_base: 0,
            stack_low: 0,
            stack_high: 0,
        }
    } else {
        MainLayout::pic(
            &found[0].name,
            main.dylink.mem_size as u64,
            main.dylink.mem_p2align,
            config.stack_size,
        )?
    };
    let (min_pages, max_pages, memory_shared) = memory_limits(config, main);
    // A non-PIE main defines its table with its own slots (from 1); libraries' slots follow.
    let main_table_end = if fixed {
        main.table_min
    } else {
        1 + main.dylink.table_size as u64
    };
    let mut image = Image {
        modules: Vec::with_capacity(found.len()),
        by_identity: HashMap::new(),
        global_scope: Vec::new(),
        init_order: Vec::new(),
        memory: MemorySpace {
            // Non-PIE: the start-up libraries go in pages grown right after the main module's
            // initial memory (see `instantiate::adopt_fixed_main`).
            bump: Some(if fixed {
                min_pages * PAGE
            } else {
                layout.stack_high
            }),
            free: Default::default(),
            max_bytes: max_pages * PAGE,
            obtained: 0,
            grown: Vec::new(),
        },
        table: TableSpace {
            size: main_table_end,
            ..Default::default()
        },
        plt: Vec::new(),
        func_slots: Default::default(),
        table_fills: Vec::new(),
        main_memory_base: layout.memory_base,
        heap_base: 0,
        stack_low: layout.stack_low,
        stack_high: layout.stack_high,
        memory_pages: (0, max_pages as u32),
        memory_shared,
        version: 0,
        fixed_grow_pages: 0,
        poll_word: 0,
    };
    let added = add_modules(&mut image, config, found, Placement::Startup, true)?;
    if memory_shared && config.instrumentation().polls && poll_word_is_free(&image, fixed) {
        image.poll_word = POLL_WORD;
    }
    if fixed {
        let end = image.memory.bump.unwrap_or(min_pages * PAGE);
        image.fixed_grow_pages = end.div_ceil(PAGE).saturating_sub(min_pages);
        image.heap_base = 0;
    }
    // Start-up modules stay for the life of the process.
    for m in image.modules.iter_mut() {
        let m = Arc::make_mut(m);
        m.refcount += 1;
        m.nodelete = true;
    }
    image.memory.bump = None;
    let mut pages = min_pages.max(image.heap_base.div_ceil(PAGE));
    // A library may declare a larger initial memory than the main module does (one linked with
    // `--initial-memory`): the process memory starts that large.
    let infos: Vec<(&str, &ModuleInfo)> = image
        .modules
        .iter()
        .skip(1)
        .map(|m| (m.name.as_str(), &*m.info))
        .collect();
    if let Some((module, need)) = largest_memory_import(&infos) {
        check_fits(module, need, max_pages)?;
        pages = pages.max(need);
    }
    image.memory_pages.0 = pages as u32;
    Ok((image, added))
}

/// Whether the poll word's line ([`POLL_WORD`], below [`GLOBAL_BASE`]) is the linker's to use:
/// always under its own layout of a PIC main; under a non-PIE main, which laid out its own data
/// and stack, only when both lie above it (wasm-ld's default: data from 1024, the stack after
/// it). Otherwise the word is never raised, and busy threads are not paused on an engine
/// without interrupts (docs/threads.md, "Busy threads").
fn poll_word_is_free(image: &Image, fixed: bool) -> bool {
    if !fixed {
        return true;
    }
    let main = &image.modules[MAIN].info;
    let stack_top = main
        .export("__stack_pointer")
        .and_then(|e| e.const_value)
        .map(|v| v as u64);
    match (main.lowest_data, stack_top) {
        (Some(data), Some(top)) => data >= GLOBAL_BASE && top > data,
        _ => false,
    }
}

/// The largest initial size, in pages, that a memory import of `modules` declares, and whose.
fn largest_memory_import<'a>(modules: &[(&'a str, &ModuleInfo)]) -> Option<(&'a str, u64)> {
    modules
        .iter()
        .flat_map(|(name, info)| {
            info.imports
                .iter()
                .filter_map(move |i| match (&i.class, &i.ty) {
                    (ImportClass::Memory, ExternType::Memory { min, .. }) => Some((*name, *min)),
                    _ => None,
                })
        })
        .max_by_key(|(_, min)| *min)
}

/// Refuses a module whose memory import asks for more pages than the memory may have.
fn check_fits(module: &str, pages: u64, max_pages: u64) -> Result<()> {
    if pages <= max_pages {
        return Ok(());
    }
    Err(LinkError::OutOfMemory {
        module: module.to_string(),
        bytes: pages * PAGE,
        align: 1,
        reason: format!(
            "its memory import asks for {pages} pages; the process memory's maximum is {max_pages}"
        ),
    })
}

/// At run time, grows the process memory to the largest initial size a new module's memory
/// import declares (the engine refuses an import whose minimum exceeds the memory's size); the
/// pages grown become free space for later loads.
fn grow_to_imports(
    image: &mut Image,
    found: &[Found],
    grow: &mut dyn FnMut(u64) -> std::result::Result<u64, String>,
) -> Result<()> {
    let infos: Vec<(&str, &ModuleInfo)> =
        found.iter().map(|f| (f.name.as_str(), &*f.info)).collect();
    let Some((module, need)) = largest_memory_import(&infos) else {
        return Ok(());
    };
    // The memory never shrinks below the size it started with: only a larger import asks the
    // engine for the current size.
    if need <= image.memory_pages.0 as u64 {
        return Ok(());
    }
    check_fits(module, need, image.memory.max_bytes / PAGE)?;
    let oom = |reason: String| LinkError::OutOfMemory {
        module: module.to_string(),
        bytes: need * PAGE,
        align: 1,
        reason,
    };
    let current = grow(0).map_err(oom)?;
    if need > current {
        let old = grow(need - current).map_err(oom)?;
        image
            .memory
            .free
            .release(old * PAGE, (need - current) * PAGE);
        image.memory.obtained += (need - current) * PAGE;
    }
    Ok(())
}

/// The main module's memory limits in pages (as it declares, with the configured default
/// maximum when it gives none), and whether it is shared. A main that imports no memory gets a
/// shared one, so threads can start.
fn memory_limits(config: &LinkerConfig, main: &ModuleInfo) -> (u64, u64, bool) {
    main.imports
        .iter()
        .find_map(|i| match (&i.class, &i.ty) {
            (
                ImportClass::Memory,
                ExternType::Memory {
                    min, max, shared, ..
                },
            ) => Some((
                *min,
                max.unwrap_or(config.default_max_pages as u64),
                *shared,
            )),
            _ => None,
        })
        .unwrap_or((0, config.default_max_pages as u64, true))
}

/// Refuses, before anything is placed, a module whose memory import the process memory cannot
/// serve: a 64-bit memory (memory64: the linker places data with 32-bit addresses), or one that
/// disagrees with the main module's on `shared`.
fn check_memory(image: &Image, found: &[Found]) -> Result<()> {
    let base_id = image.modules.len();
    for (i, f) in found.iter().enumerate() {
        for imp in &f.info.imports {
            let &ExternType::Memory {
                shared, memory64, ..
            } = &imp.ty
            else {
                continue;
            };
            if memory64 {
                return Err(LinkError::Unsupported {
                    module: f.name.clone(),
                    what: format!(
                        "64-bit memory (memory64) import {}.{}: only 32-bit modules (wasm32) are linked",
                        imp.module, imp.name
                    ),
                });
            }
            if base_id + i != MAIN
                && imp.class == ImportClass::Memory
                && shared != image.memory_shared
            {
                let main = if base_id == MAIN {
                    &found[0].name
                } else {
                    &image.modules[MAIN].name
                };
                return Err(LinkError::MemoryMismatch {
                    module: f.name.clone(),
                    shared,
                    main: main.clone(),
                });
            }
        }
    }
    Ok(())
}

/// Adds modules read by [`crate::plan::discover::walk`] to the image: places their data and table
/// slots, decides every binding, and returns them in initialisation order with their code.
/// `global`: their symbols join the global scope (start-up, `RTLD_GLOBAL`).
#[tracing::instrument(level = "debug", skip_all, fields(root = %found[0].name, count = found.len()))]
pub(crate) fn add_modules(
    image: &mut Image,
    config: &LinkerConfig,
    found: Vec<Found>,
    mut placement: Placement<'_>,
    global: bool,
) -> Result<Added> {
    let base_id = image.modules.len();
    check_memory(image, &found)?;
    if let Placement::Runtime(grow) = &mut placement {
        grow_to_imports(image, &found, &mut **grow)?;
    }
    let bases = place(image, &found, &mut placement)?;
    if let (Placement::Startup, Some(bump)) = (&placement, image.memory.bump) {
        image.heap_base = align_up(bump, 16).unwrap_or(bump);
    }
    // A non-PIE main module is instantiated first (it defines the table and the stack pointer
    // the libraries import).
    let main_first = base_id == MAIN && found.first().is_some_and(|f| f.info.shape == Shape::Fixed);
    let mut sources = Vec::with_capacity(found.len());
    for (i, f) in found.into_iter().enumerate() {
        let id = base_id + i;
        image.by_identity.insert(f.identity.clone(), id);
        sources.push(Source {
            id,
            content: f.content,
            bytes: f.bytes,
        });
        image.modules.push(Arc::new(LoadedModule {
            name: f.name,
            path: f.path,
            identity: f.identity,
            info: f.info,
            memory_base: bases[i].0,
            table_base: bases[i].1,
            deps: f.deps,
            plan: Arc::from([]),
            stubs: Arc::from([]),
            refcount: 0,
            nodelete: false,
            alive: true,
            released_slots: Vec::new(),
            // Visible from the version the operation ends with; at start-up, from the first.
            loaded_at: if base_id == MAIN {
                0
            } else {
                image.version + 1
            },
            unloaded_at: 0,
        }));
    }
    for id in base_id..image.modules.len() {
        for d in image.modules[id].deps.clone() {
            Arc::make_mut(&mut image.modules[d]).refcount += 1;
        }
    }
    let scope = new_scope(image, base_id, global);
    let order = instantiation_order(image, base_id, main_first);
    let mut position = vec![0usize; image.modules.len()];
    for (i, &m) in order.iter().enumerate() {
        position[m] = i + 1;
    }
    // Module descriptions and the scope do not change while imports are bound: look them up
    // through one index instead of rebuilding it per import.
    let infos_owned: Vec<Arc<ModuleInfo>> = image.modules.iter().map(|m| m.info.clone()).collect();
    let infos: Vec<&ModuleInfo> = infos_owned.iter().map(|i| &**i).collect();
    let index = ScopeIndex::new(&infos, &scope);
    let bx = BindCx {
        config,
        position: &position,
        infos: &infos,
        index: &index,
    };
    for &m in &order {
        bind_module(image, &bx, m)?;
    }
    image.init_order.extend(order.iter().copied());
    Ok(Added { order, sources })
}

/// Each new module's data and table slots: (memory base, table base).
fn place(
    image: &mut Image,
    found: &[Found],
    placement: &mut Placement<'_>,
) -> Result<Vec<(u64, u64)>> {
    let base_id = image.modules.len();
    let mut bases = Vec::with_capacity(found.len());
    for (i, f) in found.iter().enumerate() {
        let d = &f.info.dylink;
        if base_id + i == MAIN {
            bases.push((image.main_memory_base, 1));
            continue;
        }
        let base =
            image
                .memory
                .place(&f.name, d.mem_size as u64, 1u64 << d.mem_p2align, placement)?;
        let (tb, _) = image
            .table
            .alloc(&f.name, d.table_size as u64, 1 << d.table_p2align)?;
        bases.push((base, tb));
    }
    Ok(bases)
}

/// The scope new modules' imports are looked up in: the global scope, then the new tree
/// (glibc: global scope, then the object's local scope). With `global`, the new tree joins the
/// global scope.
fn new_scope(image: &mut Image, root: ModuleId, global: bool) -> Vec<ModuleId> {
    let local = local_scope(image, root);
    if global {
        for &m in &local {
            if !image.global_scope.contains(&m) {
                image.global_scope.push(m);
            }
        }
    }
    let mut scope = image.global_scope.clone();
    for &m in &local {
        if !scope.contains(&m) {
            scope.push(m);
        }
    }
    scope
}

/// The new modules (ids from `base_id`) in instantiation order: needed before needer.
fn instantiation_order(image: &Image, base_id: ModuleId, main_first: bool) -> Vec<ModuleId> {
    let deps: Vec<Vec<ModuleId>> = image.modules.iter().map(|m| m.deps.clone()).collect();
    let bfs: Vec<ModuleId> = (base_id..image.modules.len()).collect();
    let mut order = dependency_order(&deps, &bfs, |m| m < base_id);
    if main_first {
        order.retain(|&m| m != MAIN);
        order.insert(0, MAIN);
    }
    order
}
