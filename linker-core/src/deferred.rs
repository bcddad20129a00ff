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
//! stand-ins call. Instantiating a deferred module is the embedder-facing half, reached through
//! [`crate::runtime::ImportSource::materialize`] so that this file needs nothing above it.

use std::sync::{Arc, Mutex, Weak};

use crate::engine::{Engine, Extern, FuncType, HostError, HostFn, Val};
use crate::error::{LinkError, Result};
use crate::image::{Image, ModuleId, MAIN};
use crate::metadata::{ExternType, Shape};
use crate::runtime::{GroupCx, GroupState, Shared};
use crate::stubs::standin::standin_module;

/// Whether this group may defer module `m`, which it is catching up with: lazy replication is
/// on, the group is not the one loading it (whose `dlopen` runs its constructors), and the
/// module is one whose every way in the linker can see: a library whose element segments
/// all sit at its `__table_base` (so every slot it fills gets a stand-in) and that exports no
/// exception tag (another module instantiated before it would make its own instead).
pub(crate) fn deferrable<E: Engine>(g: &GroupCx<'_, E>, m: ModuleId) -> bool {
    if !g.shared.config.lazy_replication || m == MAIN {
        return false;
    }
    let st = g.st();
    let info = &st.image.modules[m].info;
    info.relative_slots.is_some()
        && info.shape != Shape::Fixed
        && !info
            .exports
            .iter()
            .any(|e| matches!(e.ty, ExternType::Tag(_)))
}

/// Defers module `m` in this group: stand-ins in every slot its element segments fill.
/// (Its linker-allocated slots get theirs from `group::fill_table`.)
pub(crate) fn defer<E: Engine>(g: &mut GroupCx<'_, E>, m: ModuleId) -> Result<()> {
    let (info, base, name) = {
        let st = g.st();
        let lm = &st.image.modules[m];
        (lm.info.clone(), lm.table_base, lm.name.clone())
    };
    let entries = info.relative_slots.as_deref().unwrap_or_default();
    if !entries.is_empty() {
        place_standins(g, &name, entries, base)?;
    }
    let mut gs = g.g();
    if gs.instances.len() <= m {
        gs.instances.resize(m + 1, None);
    }
    gs.deferred.insert(m);
    Ok(())
}

/// Whether module `m` is deferred in this group.
pub(crate) fn is_deferred<E: Engine>(g: &GroupCx<'_, E>, m: ModuleId) -> bool {
    g.g().deferred.contains(&m)
}

/// Puts a stand-in in linker-allocated slot `slot`, which holds export `export` of deferred
/// module `provider`.
pub(crate) fn standin_for_fill<E: Engine>(
    g: &mut GroupCx<'_, E>,
    slot: u64,
    provider: ModuleId,
    export: &str,
) -> Result<()> {
    let (ty, name) = {
        let st = g.st();
        let lm = &st.image.modules[provider];
        let ty = match lm.info.export(export).map(|e| &e.ty) {
            Some(ExternType::Func(ty)) => ty.clone(),
            _ => {
                return Err(LinkError::engine(
                    &lm.name,
                    format!("{export} is not a function it exports"),
                ))
            }
        };
        (ty, lm.name.clone())
    };
    place_standins(g, &name, &[(0, ty)], slot)
}

/// Instantiates the stand-in module for `entries` with its first slot at `base`: its element
/// segment writes the stand-ins into this group's table.
fn place_standins<E: Engine>(
    g: &mut GroupCx<'_, E>,
    name: &str,
    entries: &[(u64, FuncType)],
    base: u64,
) -> Result<()> {
    let label = format!("{name} (stand-ins)");
    let shared = g.shared;
    let module = shared
        .cache
        .compile(&shared.engine, &label, &standin_module(entries))
        .map_err(|e| LinkError::engine(&label, e))?;
    let made = g.g().materializer.clone();
    let materializer = match made {
        Some(f) => f,
        None => {
            let f =
                g.cx.new_host_func(
                    &FuncType::new([crate::engine::ValType::I32], []),
                    materializer(g.shared.clone(), Arc::downgrade(g.group)),
                )
                .map_err(|e| LinkError::engine(&label, e))?;
            g.g().materializer = Some(f.clone());
            f
        }
    };
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
        let owner = owner_of_slot(&g.st().image, slot);
        let Some(m) = owner else {
            return Ok(());
        };
        let imports = shared.imports.clone();
        imports.materialize(&mut g, m).map_err(HostError::from)
    })
}
