//! Giving back what unloading freed once no group can still hold it. A link operation that only
//! takes away (`dlclose`, freeing a closure) does not wait for the other groups, which catch up
//! at their next safepoint; until every group reflects the version that freed a table slot or a
//! module id, it is not reused ([`crate::coordinator::Coordinator::min_version`]). Every link
//! operation reclaims first ([`reclaim`]), as the operator.

use crate::engine::Engine;
use crate::runtime::{GroupCx, ProcessState};

/// Reclaims what every group has let go of: quarantined table slots and the records of unloaded
/// modules. Runs as the operator of a link operation, at the start of every one: the records'
/// write lock is taken only when there is something to give back.
pub(crate) fn reclaim<E: Engine>(g: &mut GroupCx<'_, E>) {
    let floor = g.shared.coord.min_version();
    let pending = {
        let st = g.st();
        !st.image.table.quarantine.is_empty() || trimmable(&st, floor) > 0
    };
    if !pending {
        return;
    }
    let keep = {
        let mut st = g.st_mut();
        st.image.table.reclaim(floor);
        trim_unloaded(&mut st, floor)
    };
    if let Some(keep) = keep {
        let mut gs = g.g();
        gs.instances.truncate(keep);
        gs.deferred.retain(|&m| m < keep);
    }
}

/// How many records at the end of the module list are of modules unloaded in a version every
/// group has caught up with (so none holds an instance of them any more).
fn trimmable<E: Engine>(st: &ProcessState<E>, floor: u64) -> usize {
    st.image
        .modules
        .iter()
        .rev()
        .take_while(|lm| !lm.alive && lm.unloaded_at <= floor)
        .count()
}

/// Drops the records of unloaded modules at the end of the module list once every group has
/// caught up with their unloading, so that their ids are given to the next modules loaded.
/// Without this, a program that opens and closes libraries in a loop would make every later
/// link operation slower: the records, and each group's scan of them, would grow with every
/// `dlopen` ever made. Returns how many records are kept, when some were dropped (the operator
/// drops its instances of them).
fn trim_unloaded<E: Engine>(st: &mut ProcessState<E>, floor: u64) -> Option<usize> {
    let dropped = trimmable(st, floor);
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
