//! Giving back what unloading freed once no group can still hold it. A link operation that only
//! takes away (`dlclose`, freeing a closure) does not wait for the other groups, which catch up
//! at their next safepoint; until every group reflects the version that freed a table slot or a
//! module id, it is not reused ([`crate::coordinator::Coordinator::min_version`]). Every link
//! operation reclaims first ([`reclaim`]), as the operator.

use crate::engine::Engine;
use crate::runtime::GroupCx;

/// Reclaims what every group has let go of: quarantined table slots and the records of unloaded
/// modules. Runs as the operator of a link operation.
pub(crate) fn reclaim<E: Engine>(g: &mut GroupCx<'_, E>) {
    let floor = g.shared.coord.min_version();
    {
        let mut st = g.st_mut();
        if !st.image.table.quarantine.is_empty() {
            st.image.table.reclaim(floor);
        }
    }
    trim_unloaded(g, floor);
}

/// Drops the records of unloaded modules at the end of the module list once every group has
/// caught up with their unloading (so none holds an instance of them any more), so that their
/// ids are given to the next modules loaded. Without this, a program that opens and closes
/// libraries in a loop would make every later link operation slower: the records, and each
/// group's scan of them, would grow with every `dlopen` ever made.
fn trim_unloaded<E: Engine>(g: &mut GroupCx<'_, E>, floor: u64) {
    let mut st = g.st_mut();
    let modules = &st.image.modules;
    let keep = modules.len()
        - modules
            .iter()
            .rev()
            .take_while(|lm| !lm.alive && lm.unloaded_at <= floor)
            .count();
    if keep == modules.len() {
        return;
    }
    tracing::debug!(
        records = modules.len() - keep,
        "trimming the records of unloaded modules"
    );
    let image = &mut st.image;
    image.modules.truncate(keep);
    // PLT entries are added with their importer, so those of trimmed modules are the last ones.
    while image.plt.last().is_some_and(|e| e.importer >= keep) {
        image.plt.pop();
    }
    st.code.truncate(keep);
    drop(st);
    g.g().instances.truncate(keep);
}
