//! Giving back what unloading freed once no group can still hold it. A link operation that only
//! takes away (`dlclose`, freeing a closure) does not wait for the other groups, which catch up
//! at their next safepoint; a table slot is not reused until every group that is not idle
//! reflects the version that freed it ([`crate::coordinator::Coordinator::running_versions`]:
//! an idle group rewrites its table when it enters, before any wasm runs), a module id until
//! every group, idle or not, either does or never saw the module
//! ([`crate::coordinator::Coordinator::versions`]: catching up drops a module by its record).
//! Every link operation reclaims first ([`reclaim`]), as the operator.

use crate::engine::Engine;
use crate::runtime::state::{GroupCx, ProcessState};

/// Reclaims what every group has let go of: quarantined table slots and the records of unloaded
/// modules. Runs as the operator of a link operation, at the start of every one: the records'
/// write lock is taken only when there is something to give back.
pub(crate) fn reclaim<E: Engine>(g: &mut GroupCx<'_, E>) {
    let versions = g.shared.coord.versions();
    // Threads blocked for long (a futex wait, a sleep) do not hold slots back: without this, a
    // dlopen/dlclose loop beside them left every freed slot in quarantine, the table grew at
    // every dlopen and each reclaim scanned all of it (docs/benchmarks.md section 5).
    let floor = g
        .shared
        .coord
        .running_versions()
        .into_iter()
        .min()
        .unwrap_or(u64::MAX);
    let pending = {
        let st = g.records();
        !st.image.table.quarantine.is_empty() || trimmable(&st, &versions) > 0
    };
    if !pending {
        return;
    }
    let keep = {
        let mut st = g.records_mut();
        st.image.table.reclaim(floor);
        trim_unloaded(&mut st, &versions)
    };
    if let Some(keep) = keep {
        let mut gs = g.group_state();
        gs.instances.truncate(keep);
        gs.lazy.deferred.retain(|&m| m < keep);
    }
}

/// How many records at the end of the module list are of modules no group can hold any more:
/// every group has caught up with the unloading, or never saw the module (it was loaded and
/// unloaded while the group slept). The second half matters: threads asleep in blocking calls
/// lag behind by the operations made meanwhile, so with only the first, a `dlopen`/`dlclose`
/// loop beside them left the record just unloaded at the end of the list at every `dlopen`,
/// nothing was trimmed, and the records (and every operation's and catch-up's scan of them)
/// grew to thousands (docs/benchmarks.md section 5).
fn trimmable<E: Engine>(st: &ProcessState<E>, versions: &[u64]) -> usize {
    st.image
        .modules
        .iter()
        .rev()
        .take_while(|lm| {
            !lm.alive
                && versions
                    .iter()
                    .all(|&v| v >= lm.unloaded_at || v < lm.loaded_at)
        })
        .count()
}

/// Drops the records of unloaded modules at the end of the module list once every group has
/// caught up with their unloading, so that their ids are given to the next modules loaded.
/// Without this, a program that opens and closes libraries in a loop would make every later
/// link operation slower: the records, and each group's scan of them, would grow with every
/// `dlopen` ever made. Returns how many records are kept, when some were dropped (the operator
/// drops its instances of them).
fn trim_unloaded<E: Engine>(st: &mut ProcessState<E>, versions: &[u64]) -> Option<usize> {
    let dropped = trimmable(st, versions);
    if dropped == 0 {
        return None;
    }
    let keep = st.image.modules.len() - dropped;
    tracing::debug!(
        records = dropped,
        "trimming the records of unloaded modules"
    );
    let image = &mut st.image;
    image.modules.truncate(keep);
    // PLT entries are added with their importer, so those of trimmed modules are the last ones.
    while image.plt.last().is_some_and(|e| e.importer >= keep) {
        image.plt.pop();
    }
    st.code.truncate(keep);
    Some(keep)
}
