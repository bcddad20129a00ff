//! The runtime half of the stubs: `wasmlink.bind`, the lazy binder a resolver calls
//! (glibc's `_dl_runtime_resolve`), and table functions for host closures.

use std::sync::{Arc, Weak};

use crate::engine::{Engine, Extern, HostError, HostFn, StoreOps};
use crate::error::{LinkError, Result};
use crate::metadata::ExternType;
use crate::plan::scope::{lookup_kind, Want};
use crate::runtime::state::{GroupCx, GroupState, Shared};
use crate::types::{FuncType, ValType};

use crate::stubs::codegen::trampoline_module;

/// The signature of `wasmlink.bind(slot)`.
pub(crate) fn binder_type() -> FuncType {
    FuncType::new([ValType::I32], [])
}

/// `wasmlink.bind(slot)`: called by the resolver a PLT slot holds until its symbol is bound.
/// Binds the symbol, fills the slot so later calls go straight to the provider, and records the
/// binding so every group agrees; traps naming the symbol when nothing defines it.
pub(crate) fn plt_binder<E: Engine>(
    shared: Arc<Shared<E>>,
    group: Weak<std::sync::Mutex<GroupState<E>>>,
) -> HostFn<E> {
    Arc::new(move |cx, args, _results| {
        let group = group
            .upgrade()
            .ok_or_else(|| HostError::Trap("instance group is gone".into()))?;
        let slot = args.first().map(|v| v.i32() as u32).unwrap_or(u32::MAX);
        if slot as usize >= shared.records().image.plt.len() {
            return Err(HostError::Trap(format!("no PLT slot {slot}")));
        }
        let mut g = GroupCx::new(cx, &shared, &group);
        bind_plt_slot(&mut g, slot).map(|_| ())
    })
}

fn bind_plt_slot<E: Engine>(
    g: &mut GroupCx<'_, E>,
    slot: u32,
) -> std::result::Result<E::Func, HostError> {
    let (entry, importer) = {
        let st = g.records();
        let e = st.image.plt[slot as usize].clone();
        let importer = st.image.modules[e.importer].name.clone();
        (e, importer)
    };
    let undefined = || {
        HostError::from(LinkError::UndefinedSymbol {
            module: importer.clone(),
            symbol: entry.symbol.clone(),
        })
    };
    let target = match entry.target.clone() {
        Some(t) => t,
        None => {
            let st = g.records();
            let image = &st.image;
            let infos = image.infos();
            match lookup_kind(
                &infos,
                image.global_scope.iter().copied(),
                &entry.symbol,
                Want::Func,
                g.shared.config.weak_policy,
            ) {
                Some(Ok((p, e))) => {
                    if !matches!(&e.ty, ExternType::Func(t) if *t == entry.ty) {
                        return Err(LinkError::SignatureMismatch {
                            module: importer.clone(),
                            symbol: entry.symbol.clone(),
                            provider: image.modules[p].name.clone(),
                            expected: entry.ty.to_string(),
                            found: format!("{:?}", e.ty),
                        }
                        .into());
                    }
                    (p, entry.symbol.clone())
                }
                _ => return Err(undefined()),
            }
        }
    };
    if g.group_state().lazy.deferred.contains(&target.0) {
        // The provider was loaded by another thread and not yet used in this one.
        let imports = g.shared.imports.clone();
        imports.materialize(g, target.0)?;
    }
    let Some(Extern::Func(f)) = g.export(target.0, &target.1) else {
        return Err(undefined());
    };
    let plt = g.plt();
    g.cx.table_set(&plt, slot as u64, Some(&f))
        .map_err(|e| HostError::Trap(e.to_string()))?;
    tracing::debug!(module = %importer, symbol = %entry.symbol, "bound lazily on first call");
    g.records_mut().image.plt[slot as usize]
        .target
        .get_or_insert(target);
    Ok(f)
}

/// A function of this store that can be placed in a table, calling `func`: the host function
/// itself, or, where the engine cannot put host functions in tables
/// ([`crate::Capabilities::host_funcs_in_tables`]), a generated wasm trampoline calling it.
pub(crate) fn table_func<E: Engine>(
    cx: &mut dyn StoreOps<E>,
    shared: &Shared<E>,
    ty: &FuncType,
    func: HostFn<E>,
) -> Result<E::Func> {
    let host = cx
        .new_host_func(ty, func)
        .map_err(|e| LinkError::store("closure", e))?;
    if shared.engine.capabilities().host_funcs_in_tables {
        return Ok(host);
    }
    let module = shared
        .cache
        .compile(&shared.engine, "closure trampoline", &trampoline_module(ty))
        .map_err(|e| LinkError::store("closure trampoline", e))?;
    let inst = cx
        .instantiate(&module, &[Some(Extern::Func(host))])
        .map_err(|e| LinkError::store("closure trampoline", e))?;
    match cx.export(&inst, "f") {
        Some(Extern::Func(f)) => Ok(f),
        _ => Err(LinkError::store("closure trampoline", "no export f")),
    }
}
