//! Modules a group has not instantiated yet (lazy replication; docs/threads.md).
//!
//! When a thread catches up with a library another thread loaded, it need not instantiate it:
//! nothing in the thread can reach the library before it calls one of its functions, and every
//! way to call one goes through the table (a function pointer), a lazy binding (the PLT), or a
//! module instantiated after it (which instantiates it first). So the thread *defers* it: the
//! library's slots in the thread's table get stand-ins (`stubs/standin.rs`), which instantiate
//! it on the first call (`materialize.rs`) and then call the real function. A thread that never
//! calls into the library never pays for it, and an unload only nulls the stand-ins.
//!
//! This file is the bottom half: deciding, placing stand-ins, and the host function the
//! stand-ins call. Instantiating a deferred module is the upper half (`materialize.rs`), reached
//! through [`crate::runtime::state::ImportSource::materialize`] so that this file needs nothing above it.

use std::collections::HashSet;
use std::sync::{Arc, Mutex, Weak};

use crate::engine::{Engine, Extern, HostError, HostFn};
use crate::error::{LinkError, Result};
use crate::metadata::{ExternType, Shape};
use crate::plan::image::{Binding, Image, LoadedModule, ModuleId, MAIN};
use crate::runtime::state::{GroupCx, GroupState, Shared, StandinShape};
use crate::stubs::standin::{slot_standin_export, slot_standin_module, standin_module};
use crate::types::{FuncType, Val};

/// Whether a group may defer module `m`: every way into the module
/// passes through the linker: a library whose element segments all sit at its `__table_base`
/// (so every slot it fills gets a stand-in), that exports no exception tag (another module
/// instantiated before it would make the group's own instead) and that has few
/// linker-allocated slots ([`MAX_DEFERRED_FILLS`]).
fn deferrable(image: &Image, m: ModuleId) -> bool {
    if m == MAIN {
        return false;
    }
    let info = &image.modules[m].info;
    info.relative_slots.is_some()
        && info.shape != Shape::Fixed
        && !info
            .exports
            .iter()
            .any(|e| matches!(e.ty, ExternType::Tag(_)))
        && image
            .table_fills
            .iter()
            .filter(|f| f.provider == m)
            .take(MAX_DEFERRED_FILLS + 1)
            .count()
            <= MAX_DEFERRED_FILLS
}

/// The modules module `m` imports from directly (functions bound without the PLT, data, TLS
/// offsets): their instances must exist before its own.
pub(crate) fn direct_providers(lm: &LoadedModule) -> impl Iterator<Item = ModuleId> + '_ {
    lm.plan.iter().filter_map(|b| match b {
        Binding::Direct { provider, .. }
        | Binding::ExportedGlobal { provider, .. }
        | Binding::GotTls { provider, .. } => Some(*provider),
        _ => None,
    })
}

/// What a group does with each module it is about to hold, in instantiation order: `true`,
/// instantiate it; `false`, defer it.
///
/// `lacking` are the modules the group lacks (catching up: the ones others loaded; a new
/// thread: every alive module). Each is deferred where `lazy` (lazy replication is on and the
/// group is not the one loading them) and [`deferrable`] allow, unless a module the group
/// instantiates imports from it directly; the same rule brings in modules the group deferred
/// earlier that such a module imports from (they are instantiated now, ahead of it). Decided
/// from the last module back, since importers come after their providers.
pub(crate) fn replication<E: Engine>(
    g: &GroupCx<'_, E>,
    lacking: &[ModuleId],
    lazy: bool,
) -> Vec<(ModuleId, bool)> {
    let lazy = lazy && g.shared.config.lazy_replication;
    let deferred_before = g.group_state().lazy.deferred.clone();
    if !lazy && deferred_before.is_empty() {
        return lacking.iter().map(|&m| (m, true)).collect();
    }
    let lacking_set: HashSet<ModuleId> = lacking.iter().copied().collect();
    let st = g.records();
    let image = &st.image;
    let mut needed: HashSet<ModuleId> = HashSet::new();
    let mut steps = Vec::with_capacity(lacking.len());
    for &m in image.init_order.iter().rev() {
        let lacks = lacking_set.contains(&m);
        if !lacks && !deferred_before.contains(&m) {
            continue;
        }
        let instantiate = needed.contains(&m) || (lacks && !(lazy && deferrable(image, m)));
        if instantiate {
            needed.extend(direct_providers(&image.modules[m]));
        }
        if lacks || instantiate {
            steps.push((m, instantiate));
        }
    }
    steps.reverse();
    steps
}

/// The most linker-allocated slots a deferred module may have. Each needs a stand-in of its
/// own, placed by the host (a global for its slot, an export, a table write): for a library
/// that takes the address of hundreds of its exported functions (a `GOT.func` slot each),
/// that costs what instantiating it costs, which it saves only if the thread never calls into
/// it. Measured (docs/benchmarks.md section 5): a library with 768 such slots, loaded and
/// unloaded beside 16 threads, took 1.8x as long deferred as instantiated. Its own slots
/// (element segments) cost one instantiation however many they are.
const MAX_DEFERRED_FILLS: usize = 64;

/// Defers module `m` in this group: stand-ins in every slot its element segments fill.
/// (Its linker-allocated slots get theirs from `group::fill_table`.)
pub(crate) fn defer<E: Engine>(g: &mut GroupCx<'_, E>, m: ModuleId) -> Result<()> {
    let (info, base, name) = {
        let st = g.records();
        let lm = &st.image.modules[m];
        (lm.info.clone(), lm.table_base, lm.name.clone())
    };
    let entries = info.relative_slots.as_deref().unwrap_or_default();
    if !entries.is_empty() {
        place_standins(g, &name, entries, base)?;
    }
    let mut gs = g.group_state();
    if gs.instances.len() <= m {
        gs.instances.resize(m + 1, None);
    }
    gs.lazy.deferred.insert(m);
    Ok(())
}

/// Whether module `m` is deferred in this group.
pub(crate) fn is_deferred<E: Engine>(g: &GroupCx<'_, E>, m: ModuleId) -> bool {
    g.group_state().lazy.deferred.contains(&m)
}

/// Puts stand-ins in linker-allocated slots: each `(slot, provider, export)` holds export
/// `export` of deferred module `provider`. One stand-in instance serves them all (a library's
/// `GOT.func` slots: hundreds for a library that takes the addresses of its exported
/// functions), its module keyed by the functions' types in export order, so the same library
/// gets the same compiled module whatever slots it was given.
pub(crate) fn standins_for_fills<E: Engine>(
    g: &mut GroupCx<'_, E>,
    fills: &mut [(u64, ModuleId, Arc<str>)],
) -> Result<()> {
    let typed: Vec<(u64, FuncType)> = {
        let st = g.records();
        let mut typed = Vec::with_capacity(fills.len());
        for (slot, provider, export) in fills.iter() {
            let lm = &st.image.modules[*provider];
            let position = lm.info.export_position(export);
            match position.map(|i| (i, &lm.info.exports[i].ty)) {
                Some((i, ExternType::Func(ty))) => typed.push(((*provider, i), *slot, ty.clone())),
                _ => {
                    return Err(LinkError::engine(
                        &lm.name,
                        format!("{export} is not a function it exports"),
                    ))
                }
            }
        }
        typed.sort_by_key(|t| t.0);
        typed.into_iter().map(|(_, slot, ty)| (slot, ty)).collect()
    };
    let label = "linker-allocated slots (stand-ins)";
    let shape = StandinShape::Slots(typed.iter().map(|(_, ty)| ty.clone()).collect());
    let module = standin_code(g, label, shape)?;
    let eng = |e| LinkError::engine(label, e);
    let (table, materializer) = (g.table(), materializer_of(g)?);
    let mut imports: Vec<Option<Extern<E>>> = Vec::with_capacity(2 + typed.len());
    imports.push(Some(Extern::Table(table.clone())));
    imports.push(Some(Extern::Func(materializer)));
    for (slot, _) in &typed {
        let s =
            g.cx.new_global(Val::I32(*slot as i32), false)
                .map_err(eng)?;
        imports.push(Some(Extern::Global(s)));
    }
    let inst =
        g.cx.instantiate(&module, &imports)
            .map_err(|e| LinkError::Instantiate {
                module: label.to_string(),
                reason: e.to_string(),
            })?;
    for (k, (slot, _)) in typed.iter().enumerate() {
        let Some(Extern::Func(f)) = g.cx.export(&inst, &slot_standin_export(k)) else {
            return Err(LinkError::engine(label, "stand-in missing"));
        };
        g.cx.table_set(&table, *slot, Some(&f)).map_err(eng)?;
    }
    Ok(())
}

/// The compiled stand-in module of `shape`, compiled once per process.
fn standin_code<E: Engine>(
    g: &GroupCx<'_, E>,
    label: &str,
    shape: StandinShape,
) -> Result<E::Module> {
    let shared = g.shared;
    if let Some(m) = crate::runtime::state::lock(&shared.standins).get(&shape) {
        return Ok(m.clone());
    }
    let bytes = match &shape {
        StandinShape::Region(entries) => standin_module(entries),
        StandinShape::Slots(types) => slot_standin_module(types),
    };
    let module = shared
        .cache
        .compile(&shared.engine, label, &bytes)
        .map_err(|e| LinkError::engine(label, e))?;
    crate::runtime::state::lock(&shared.standins).insert(shape, module.clone());
    Ok(module)
}

/// This group's `wasmlink.materialize`, made on first use.
fn materializer_of<E: Engine>(g: &mut GroupCx<'_, E>) -> Result<E::Func> {
    let made = g.group_state().lazy.materializer.clone();
    if let Some(f) = made {
        return Ok(f);
    }
    let f =
        g.cx.new_host_func(
            &FuncType::new([crate::types::ValType::I32], []),
            materializer(g.shared.clone(), Arc::downgrade(g.group)),
        )
        .map_err(|e| LinkError::engine("wasmlink.materialize", e))?;
    g.group_state().lazy.materializer = Some(f.clone());
    Ok(f)
}

/// Instantiates the stand-in module for a library's own slots, `entries` (offsets from `base`
/// and types): its element segment writes the stand-ins into this group's table.
fn place_standins<E: Engine>(
    g: &mut GroupCx<'_, E>,
    name: &str,
    entries: &[(u64, FuncType)],
    base: u64,
) -> Result<()> {
    let label = format!("{name} (stand-ins)");
    let module = standin_code(g, &label, StandinShape::Region(entries.to_vec()))?;
    let materializer = materializer_of(g)?;
    let base =
        g.cx.new_global(Val::I32(base as i32), false)
            .map_err(|e| LinkError::engine(&label, e))?;
    let table = g.table();
    g.cx.instantiate(
        &module,
        &[
            Some(Extern::Table(table)),
            Some(Extern::Global(base)),
            Some(Extern::Func(materializer)),
        ],
    )
    .map_err(|e| LinkError::Instantiate {
        module: label.clone(),
        reason: e.to_string(),
    })?;
    Ok(())
}

/// The module whose function slot `slot` is in the records: the library whose element
/// segments fill it, or the provider of a linker-allocated slot.
pub(crate) fn owner_of_slot(image: &Image, slot: u64) -> Option<ModuleId> {
    image
        .modules
        .iter()
        .position(|lm| {
            lm.alive
                && slot >= lm.table_base
                && slot < lm.table_base + lm.info.dylink.table_size as u64
        })
        .or_else(|| {
            image
                .table_fills
                .iter()
                .find(|f| f.slot == slot)
                .map(|f| f.provider)
        })
}

/// `wasmlink.materialize(slot)`, which every stand-in calls first: instantiates the library
/// that owns `slot` in the calling group, if it is deferred there. The stand-in then calls
/// through the slot; if the library was unloaded meanwhile (a call into an unloaded library
/// is undefined in C), the slot is null and that call traps.
fn materializer<E: Engine>(shared: Arc<Shared<E>>, group: Weak<Mutex<GroupState<E>>>) -> HostFn<E> {
    Arc::new(move |cx, args, _results| {
        let group = group
            .upgrade()
            .ok_or_else(|| HostError::Trap("instance group is gone".into()))?;
        let slot = args.first().map_or(0, |v| v.i32() as u32 as u64);
        let mut g = GroupCx::new(cx, &shared, &group);
        let owner = owner_of_slot(&g.records().image, slot);
        let Some(m) = owner else {
            return Ok(());
        };
        let imports = shared.imports.clone();
        imports.materialize(&mut g, m).map_err(HostError::from)
    })
}
