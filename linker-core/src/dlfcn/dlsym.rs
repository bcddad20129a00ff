//! Looking symbols up at run time (glibc's `dl-sym.c`): `RTLD_DEFAULT` and the main module's
//! handle search the global scope, another handle that library and its dependencies,
//! breadth-first. Results are cached lock-free ([`crate::runtime::dlsym_cache`]).

use std::sync::Arc;

use crate::coordinator::OpKind;
use crate::dlfcn::dlopen::module_of;
use crate::engine::{Engine, Extern};
use crate::error::{LinkError, Result};
use crate::metadata::{ExternType, SymFlags};
use crate::plan::image::{Image, ModuleId, MAIN};
use crate::plan::order::local_scope;
use crate::plan::scope::{lookup, WeakPolicy};
use crate::runtime::dlsym_cache::SymbolAddress;
use crate::runtime::lazy::deferred::{is_deferred, standins_for_fills};
use crate::runtime::lazy::materialize::materialize_held;
use crate::runtime::safepoint::coordinated;
use crate::runtime::state::GroupCx;
use crate::runtime::table_space::sync_tables;

/// The handle glibc gives `RTLD_NEXT` on wasm32 (`(void *)-1`).
pub(crate) const RTLD_NEXT: u32 = u32::MAX;

/// Where a lookup searches.
#[derive(Clone, Copy, Debug)]
enum Search {
    /// A handle: `RTLD_DEFAULT` (0), one `dlopen` gave, or `RTLD_NEXT` (refused: no caller).
    Handle(u32),
    /// `RTLD_NEXT` called from this module.
    After(ModuleId),
}

/// Looks `symbol` up in `handle`'s scope: a function's canonical table index, or a data address
/// (for a TLS symbol, in the calling thread's block).
#[tracing::instrument(level = "debug", skip(g))]
pub(crate) fn dlsym<E: Engine>(
    g: &mut GroupCx<'_, E>,
    handle: u32,
    symbol: &str,
) -> Result<SymbolAddress> {
    // Fast path: a lock-free read of earlier results.
    if let Some(a) = g.shared.dlsym_cache.get(handle, symbol) {
        return Ok(a);
    }
    let (addr, thread_local) = dlsym_slow(g, Search::Handle(handle), symbol)?;
    if !thread_local {
        g.shared.dlsym_cache.insert(handle, symbol, addr);
    }
    Ok(addr)
}

/// `dlsym(RTLD_NEXT, symbol)` called from module `caller`: the first definition after the caller
/// in the search order it belongs to, as glibc and musl do (the way a wrapper finds the function
/// it wraps). That order is the global scope when the caller is in it (the main program, its
/// dependencies, libraries opened `RTLD_GLOBAL`); for a library opened `RTLD_LOCAL` (or one of
/// its dependencies), which glibc leaves undefined, it is the caller's own local scope. Never
/// cached: the answer depends on the caller.
#[tracing::instrument(level = "debug", skip(g))]
pub(crate) fn dlsym_next<E: Engine>(
    g: &mut GroupCx<'_, E>,
    caller: ModuleId,
    symbol: &str,
) -> Result<SymbolAddress> {
    dlsym_slow(g, Search::After(caller), symbol).map(|(addr, _)| addr)
}

/// What a lookup found: the provider, the export's type, its constant value, whether it is TLS.
/// (provider, type, constant value, flags).
type Found = (ModuleId, ExternType, Option<i64>, SymFlags);

/// The lookup itself; also says whether the result is thread-local (not cacheable).
fn dlsym_slow<E: Engine>(
    g: &mut GroupCx<'_, E>,
    from: Search,
    symbol: &str,
) -> Result<(SymbolAddress, bool)> {
    let (p, ty, value, flags) = find(g, from, symbol)?;
    let tls = flags.tls;
    match ty {
        ExternType::Func(_) => Ok((SymbolAddress::Function(function_slot(g, p, symbol)?), false)),
        ExternType::Global { .. } => {
            let not_data = || LinkError::NotAddressable {
                module: g.module_name(p),
                symbol: symbol.to_string(),
            };
            let off = value.ok_or_else(not_data)? as u64;
            let base = if tls {
                // This thread's block: the module must be instantiated in it.
                materialize_held(g, p)?;
                match g.export(p, "__tls_base") {
                    Some(Extern::Global(tb)) => g.cx.global_get(&tb).i32() as u32 as u64,
                    _ => {
                        return Err(LinkError::Unsupported {
                            module: g.module_name(p),
                            what: format!("dlsym of TLS symbol {symbol} without __tls_base"),
                        })
                    }
                }
            } else if flags.absolute {
                0
            } else {
                g.records().image.modules[p].memory_base
            };
            Ok((SymbolAddress::Data((base + off) as u32), tls))
        }
        _ => Err(LinkError::UndefinedSymbol {
            module: g.module_name(p),
            symbol: symbol.to_string(),
        }),
    }
}

/// The definition of `symbol` in `handle`'s scope.
///
/// A lookup through `RTLD_DEFAULT` that finds a `dlopen`ed library keeps that library loaded for
/// good, as glibc does: its `dlsym(RTLD_DEFAULT)` records a dependency of the calling object on
/// the definer (`DL_LOOKUP_ADD_DEPENDENCY`), so a later `dlclose` of the library's handle leaves
/// it in place while the caller is loaded (and musl never unloads at all). The calling module is
/// not known here; it is taken to be one that stays (the main program, the usual caller), so the
/// library becomes `nodelete`. A lookup through a handle adds no dependency, in glibc as here.
fn find<E: Engine>(g: &GroupCx<'_, E>, from: Search, symbol: &str) -> Result<Found> {
    let policy = g.shared.config.weak_policy;
    // A handle's lookup names that library's tree (which stays while the handle is open); a
    // search of a scope can find any library in it.
    let pins = !matches!(from, Search::Handle(h) if h != 0);
    {
        let st = g.records();
        let found = find_in(&st.image, policy, from, symbol)?;
        if !pins || st.image.modules[found.0].nodelete {
            return Ok(found);
        }
    }
    // Again under the write lock, so the library pinned is the one found (a `dlclose` in another
    // thread may have run in between).
    let mut st = g.records_mut();
    let found = find_in(&st.image, policy, from, symbol)?;
    Arc::make_mut(&mut st.image.modules[found.0]).nodelete = true;
    Ok(found)
}

/// [`find`] in `image`, changing nothing.
fn find_in(image: &Image, policy: WeakPolicy, from: Search, symbol: &str) -> Result<Found> {
    let (scope, handle_name) = match from {
        Search::Handle(0) => (image.global_scope.clone(), "RTLD_DEFAULT".to_string()),
        Search::Handle(RTLD_NEXT) => {
            return Err(LinkError::RtldNext {
                symbol: symbol.to_string(),
            })
        }
        Search::After(caller) => {
            let after = |scope: &[ModuleId]| {
                scope
                    .iter()
                    .position(|&m| m == caller)
                    .map(|i| scope[i + 1..].to_vec())
            };
            let scope = after(&image.global_scope)
                .or_else(|| after(&local_scope(image, caller)))
                .unwrap_or_default();
            let name = image
                .modules
                .get(caller)
                .map_or("RTLD_NEXT", |m| m.name.as_str());
            (scope, format!("RTLD_NEXT from {name}"))
        }
        Search::Handle(h) => {
            let m = module_of(image, h)?;
            let scope = if m == MAIN {
                image.global_scope.clone()
            } else {
                local_scope(image, m)
            };
            (scope, image.modules[m].name.clone())
        }
    };
    let infos = image.infos();
    lookup(&infos, scope, symbol, policy, false)
        .map(|(p, e)| (p, e.ty.clone(), e.const_value, e.flags))
        .ok_or_else(|| LinkError::UndefinedSymbol {
            module: handle_name,
            symbol: symbol.to_string(),
        })
}

/// The canonical table slot of function `symbol` of module `p`; a slot allocated now changes
/// every group's table, so it is a link operation.
fn function_slot<E: Engine>(g: &mut GroupCx<'_, E>, p: ModuleId, symbol: &str) -> Result<u32> {
    let (known, position) = {
        let st = g.records();
        let lm = &st.image.modules[p];
        // The lookup found it in this module's exports, so it has a position.
        let position =
            lm.info
                .export_position(symbol)
                .ok_or_else(|| LinkError::UndefinedSymbol {
                    module: lm.name.clone(),
                    symbol: symbol.to_string(),
                })?;
        let func = lm.info.exports[position].index;
        (st.image.func_slots.get(&(p, func)).copied(), position)
    };
    if let Some(s) = known {
        return Ok(s as u32);
    }
    let slot = coordinated(g, OpKind::Stop, |g| {
        let (slot, fresh) = {
            let mut st = g.records_mut();
            let fills = st.image.table_fills.len();
            let slot = crate::plan::bind::func_slot(&mut st.image, p, position)?;
            (slot, st.image.table_fills.len() > fills)
        };
        if fresh {
            sync_tables(g)?;
            if is_deferred(g, p) {
                // Loaded by another thread, not yet used in this one.
                standins_for_fills(g, &mut [(slot, p, Arc::from(symbol))])?;
            } else if let Some(Extern::Func(f)) = g.export(p, symbol) {
                let table = g.table();
                g.cx.table_set(&table, slot, Some(&f))
                    .map_err(|e| LinkError::engine(symbol, e))?;
            }
        }
        Ok(slot)
    })?;
    Ok(slot as u32)
}
