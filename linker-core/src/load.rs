//! Building the process image without an engine store: find the library tree breadth-first
//! (glibc's `dl-deps.c`), lay out memory and table, choose the instantiation order (needed before
//! needer, as `dl-sort-maps.c`), and bind every import (`dl-lookup.c`, `dl-reloc.c`).
//!
//! Everything here is decided once per process; instance groups replay the result.

use std::collections::{HashMap, VecDeque};
use std::sync::Arc;

use crate::config::LinkerConfig;
use crate::engine::{Engine, Val};
use crate::error::{LinkError, Result};
use crate::image::{Binding, LinkState, LoadedModule, ModuleId, PltEntry, TableFill, MAIN};
use crate::layout::{align_up, MainLayout, MemorySpace, TableSpace, PAGE};
use crate::locate::{locate, normalize};
use crate::metadata::{ExternType, ImportClass, ModuleInfo, SegmentBase, Shape, WellKnown};
use crate::scope::{lookup_kind, Want};
use crate::stubs::{stub_module, Stub};

/// A module found while walking the tree.
struct Found {
    name: String,
    path: String,
    identity: String,
    bytes: Vec<u8>,
    info: ModuleInfo,
    deps: Vec<ModuleId>,
}

/// Reads the main module and every library it needs, breadth-first, each once.
#[tracing::instrument(level = "debug", skip(config))]
fn discover(config: &LinkerConfig, main_path: &str) -> Result<Vec<Found>> {
    let main_path = normalize(main_path).ok_or_else(|| LinkError::PathEscapesRoot {
        path: main_path.to_string(),
    })?;
    let bytes = config
        .fs
        .read(&main_path)?
        .ok_or_else(|| LinkError::LibraryNotFound {
            name: main_path.clone(),
            needed_by: "the command line".into(),
            searched: vec![main_path.clone()],
        })?;
    let info = ModuleInfo::parse(&main_path, &bytes, false)?;
    let identity = config
        .fs
        .identity(&main_path)?
        .unwrap_or_else(|| main_path.clone());
    let mut found = vec![Found {
        name: main_path.clone(),
        path: main_path,
        identity: identity.clone(),
        bytes,
        info,
        deps: Vec::new(),
    }];
    let mut by_identity: HashMap<String, ModuleId> = HashMap::from([(identity, MAIN)]);
    let mut queue = VecDeque::from([MAIN]);
    while let Some(id) = queue.pop_front() {
        let needed = found[id].info.dylink.needed.clone();
        for name in needed {
            let loc = locate(
                &*config.fs,
                &config.search,
                &name,
                &found[id].path,
                &found[id].info.dylink.runtime_path,
            )?;
            let dep = match by_identity.get(&loc.identity) {
                Some(&d) => d,
                None => {
                    let info = ModuleInfo::parse(&name, &loc.bytes, true)?;
                    tracing::debug!(library = %name, path = %loc.path, needed_by = %found[id].name, "loading library");
                    let d = found.len();
                    by_identity.insert(loc.identity.clone(), d);
                    found.push(Found {
                        name: name.clone(),
                        path: loc.path,
                        identity: loc.identity,
                        bytes: loc.bytes,
                        info,
                        deps: Vec::new(),
                    });
                    queue.push_back(d);
                    d
                }
            };
            if !found[id].deps.contains(&dep) {
                found[id].deps.push(dep);
            }
        }
    }
    Ok(found)
}

/// Needed before needer: depth-first post-order from `root`, following each module's `needed`
/// list in order; a cycle is broken where the walk meets a module already on its path.
pub fn dependency_order(deps: &[Vec<ModuleId>], root: ModuleId) -> Vec<ModuleId> {
    let mut state = vec![0u8; deps.len()]; // 0 new, 1 on path, 2 done
    let mut order = Vec::with_capacity(deps.len());
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
    order
}

/// Builds the image: discovery, layout, bindings. Compiles with `engine` when given (`ldd`
/// passes none).
#[tracing::instrument(level = "info", skip(config, engine))]
pub fn prepare<E: Engine>(
    config: &LinkerConfig,
    engine: Option<&E>,
    main_path: &str,
) -> Result<LinkState<E>> {
    let found = discover(config, main_path)?;
    let main = &found[MAIN].info;
    if main.shape == Shape::Fixed {
        return Err(LinkError::Unsupported {
            module: found[MAIN].name.clone(),
            what: "non-PIE main modules (fixed addresses) are not supported yet".into(),
        });
    }
    let deps: Vec<Vec<ModuleId>> = found.iter().map(|f| f.deps.clone()).collect();
    let init_order = dependency_order(&deps, MAIN);

    // Memory layout: main data, stack, start-up libraries, heap.
    let layout = MainLayout::pic(
        &found[MAIN].name,
        main.dylink.mem_size as u64,
        main.dylink.mem_p2align,
        config.stack_size,
    )?;
    let (min_pages, max_pages) = main
        .imports
        .iter()
        .find_map(|i| match (&i.class, &i.ty) {
            (ImportClass::Memory, ExternType::Memory { min, max, .. }) => {
                Some((*min, max.unwrap_or(config.default_max_pages as u64)))
            }
            _ => None,
        })
        .unwrap_or((0, config.default_max_pages as u64));
    let max_bytes = max_pages * PAGE;
    let mut bump = layout.stack_high;
    let mut bases = vec![(layout.memory_base, 1u64); found.len()];
    let mut table = TableSpace {
        size: 1 + main.dylink.table_size as u64,
        ..Default::default()
    };
    for (id, f) in found.iter().enumerate().skip(1) {
        let d = &f.info.dylink;
        let oom = |reason: &str| LinkError::OutOfMemory {
            module: f.name.clone(),
            bytes: d.mem_size as u64,
            align: 1 << d.mem_p2align,
            reason: reason.to_string(),
        };
        let base = align_up(bump, 1 << d.mem_p2align).ok_or_else(|| oom("address overflow"))?;
        bump = base + d.mem_size as u64;
        if bump > max_bytes {
            return Err(oom(&format!(
                "the memory's maximum is {max_bytes} bytes and {bump} would be needed"
            )));
        }
        let (tb, _) = table.alloc(&f.name, d.table_size as u64, 1 << d.table_p2align)?;
        bases[id] = (base, tb);
    }
    let heap_base = align_up(bump, 16).unwrap_or(bump);
    if heap_base > max_bytes {
        return Err(LinkError::OutOfMemory {
            module: found[MAIN].name.clone(),
            bytes: heap_base,
            align: 16,
            reason: format!("the memory's maximum is {max_bytes} bytes"),
        });
    }
    let initial_pages = min_pages.max(heap_base.div_ceil(PAGE));

    let mut state = LinkState {
        modules: Vec::with_capacity(found.len()),
        global_scope: (0..found.len()).collect(),
        init_order: init_order.clone(),
        memory: MemorySpace {
            bump: Some(heap_base),
            free: Default::default(),
            max_bytes,
        },
        table,
        plt: Vec::new(),
        func_slots: HashMap::new(),
        table_fills: Vec::new(),
        heap_base,
        stack_low: layout.stack_low,
        stack_high: layout.stack_high,
        memory_pages: (initial_pages as u32, max_pages as u32),
    };
    for (id, f) in found.into_iter().enumerate() {
        let compiled = match engine {
            Some(e) => Some(
                e.compile(&f.name, &f.bytes)
                    .map_err(|err| LinkError::Malformed {
                        module: f.name.clone(),
                        reason: err.0,
                    })?,
            ),
            None => None,
        };
        state.modules.push(LoadedModule {
            id,
            name: f.name,
            path: f.path,
            identity: f.identity,
            info: Arc::new(f.info),
            compiled,
            memory_base: bases[id].0,
            table_base: bases[id].1,
            deps: f.deps,
            plan: Vec::new(),
            stubs: Vec::new(),
            stub_module: None,
        });
    }

    // Bind imports, in instantiation order.
    let mut position = vec![usize::MAX; state.modules.len()];
    for (i, &m) in init_order.iter().enumerate() {
        position[m] = i;
    }
    // Module descriptions and the scope do not change while imports are bound: look them up
    // through one list instead of rebuilding it per import.
    let infos_owned: Vec<Arc<ModuleInfo>> = state.modules.iter().map(|m| m.info.clone()).collect();
    let infos: Vec<&ModuleInfo> = infos_owned.iter().map(|i| &**i).collect();
    let scope = state.global_scope.clone();
    for &m in &init_order {
        plan_module(&mut state, config, m, &position, &infos, &scope)?;
        if let (Some(e), false) = (engine, state.modules[m].stubs.is_empty()) {
            let bytes = stub_module(&state.modules[m].stubs);
            let name = format!("{} (stubs)", state.modules[m].name);
            let compiled = e
                .compile(&name, &bytes)
                .map_err(|err| LinkError::engine(&name, err))?;
            state.modules[m].stub_module = Some(compiled);
        }
    }
    Ok(state)
}

/// Decides the binding of every import of module `m`.
fn plan_module<E: Engine>(
    state: &mut LinkState<E>,
    config: &LinkerConfig,
    m: ModuleId,
    position: &[usize],
    infos: &[&ModuleInfo],
    scope: &[ModuleId],
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
                match lookup_kind(
                    infos,
                    scope.iter().copied(),
                    sym,
                    Want::Data,
                    config.weak_policy,
                ) {
                    Some(Ok((p, e))) => {
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
                    Some(Err((p, e))) => return Err(mismatch(p, "data".into(), e.ty.kind_name())),
                    None if imp.flags.weak => Binding::Value(Val::I32(0)),
                    None => return Err(undefined()),
                }
            }
            ImportClass::GotFunc(sym) => {
                match lookup_kind(
                    infos,
                    scope.iter().copied(),
                    sym,
                    Want::Func,
                    config.weak_policy,
                ) {
                    Some(Ok((p, _))) => {
                        let slot = func_slot(state, p, sym)?;
                        Binding::Value(Val::I32(slot as i32))
                    }
                    Some(Err((p, e))) => {
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
                match lookup_kind(
                    infos,
                    scope.iter().copied(),
                    sym,
                    Want::Func,
                    config.weak_policy,
                ) {
                    Some(Ok((p, e))) => {
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
                    Some(Err((p, e))) => {
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
                match lookup_kind(
                    infos,
                    scope.iter().copied(),
                    sym,
                    Want::Data,
                    config.weak_policy,
                ) {
                    Some(Ok((p, _))) if position[p] < position[m] => Binding::ExportedGlobal {
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
    let module = &mut state.modules[m];
    module.plan = plan;
    module.stubs = stubs;
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

/// The canonical table slot of function `export` of module `p`: the slot its own element segment
/// gave it, else one allocated the first time its address is needed. Every `GOT.func` import and
/// every `dlsym` of the function gets this one slot, so function pointers compare equal.
pub fn func_slot<E: Engine>(state: &mut LinkState<E>, p: ModuleId, export: &str) -> Result<u64> {
    let key = (p, export.to_string());
    if let Some(&s) = state.func_slots.get(&key) {
        return Ok(s);
    }
    let module = &state.modules[p];
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
                export: export.to_string(),
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
        .filter(|p| p.target.is_none())
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
        // 0 -> 1, 2; 1 -> 3; 2 -> 3; 3 -> 0 (cycle back to main)
        let deps = vec![vec![1, 2], vec![3], vec![3], vec![0]];
        assert_eq!(dependency_order(&deps, 0), vec![3, 1, 2, 0]);
        // diamond without cycle, each once
        let deps = vec![vec![1, 2], vec![3], vec![3], vec![]];
        assert_eq!(dependency_order(&deps, 0), vec![3, 1, 2, 0]);
        // side <-> side cycle
        let deps = vec![vec![1], vec![2], vec![1]];
        assert_eq!(dependency_order(&deps, 0), vec![2, 1, 0]);
    }
}
