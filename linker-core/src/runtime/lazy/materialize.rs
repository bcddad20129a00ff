//! Instantiating a module a group deferred (`deferred.rs`), on its first use there: a call
//! through one of its stand-ins, a lazy binding to it, a `dlsym` of its thread-local data, a
//! module instantiated after it that imports from it, or a `dlopen` in the group.

use crate::engine::Engine;
use crate::error::Result;
use crate::plan::image::ModuleId;
use crate::runtime::group::{fill_plt, fill_table, sync_group, Fill};
use crate::runtime::instantiate::instantiate_module;
use crate::runtime::lazy::deferred::{direct_providers, is_deferred};
use crate::runtime::state::GroupCx;
use crate::runtime::thread_memory::init_tls;

/// Instantiates module `m` in this group if it is deferred there, after the modules it imports
/// from (deferred ones first, the same way), as catching up would have: its instance, this
/// thread's TLS block, its linker-allocated slots and PLT entries. The caller holds the records
/// still: it is the operator, or inside [`materialize_held`].
#[tracing::instrument(level = "debug", skip(g))]
pub(crate) fn materialize<E: Engine>(g: &mut GroupCx<'_, E>, m: ModuleId) -> Result<()> {
    if !is_deferred(g, m) {
        return Ok(());
    }
    let (alive, providers) = {
        let st = g.records();
        let lm = &st.image.modules[m];
        let providers: Vec<ModuleId> = direct_providers(lm).collect();
        (lm.alive, providers)
    };
    if !alive {
        // Unloaded since: catching up drops it (and nulls its stand-ins).
        return Ok(());
    }
    // Direct imports form no cycle (a provider is instantiated before its importer; cycles go
    // through the PLT), so this recursion ends.
    for p in providers {
        materialize(g, p)?;
    }
    tracing::debug!(module = %g.module_name(m), thread = g.id(), "instantiating on first use");
    instantiate_module(g, m, false)?;
    g.group_state().lazy.deferred.remove(&m);
    init_tls(g, m)?;
    let version = g.group_state().version;
    let new = [m];
    let which = Fill::Since { version, new: &new };
    fill_table(g, which)?;
    fill_plt(g, which)
}

/// [`materialize`] from a host call of the group (a stand-in, a lazy binding, `dlsym`):
/// holds the records still first, as a catch-up does, catching the group up if it is behind.
pub(crate) fn materialize_held<E: Engine>(g: &mut GroupCx<'_, E>, m: ModuleId) -> Result<()> {
    let shared = g.shared;
    let me = g.id();
    shared.coord.hold(
        me,
        || shared.version(),
        |mine, now| {
            if mine < now {
                sync_group(g)?;
            }
            materialize(g, m)
        },
    )
}

/// Instantiates every module this group deferred, in load order. A `dlopen` in the group does
/// this first: what it loads may import from them, and a failed `dlopen` gives back the memory
/// the thread took during it, which must not include TLS blocks of modules that stay.
pub(crate) fn materialize_all<E: Engine>(g: &mut GroupCx<'_, E>) -> Result<()> {
    if g.group_state().lazy.deferred.is_empty() {
        return Ok(());
    }
    let order: Vec<ModuleId> = g.records().image.init_order.clone();
    for m in order {
        materialize(g, m)?;
    }
    Ok(())
}
