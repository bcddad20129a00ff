//! Function-table slots for functions the host creates at run time (closures, callbacks handed
//! to C as function pointers). Slots come from the same table space as libraries' functions and
//! are reused once freed; every group's table gets the slot (a link operation).

use crate::coordinator::OpKind;
use crate::engine::{Engine, HostFn};
use crate::error::{LinkError, Result};
use crate::runtime::binder::table_func;
use crate::runtime::group::sync_tables;
use crate::runtime::safepoint::coordinated;
use crate::runtime::state::GroupCx;
use crate::types::FuncType;

/// Gives `func` a function-table slot (reusing a freed one if there is one) and returns it.
pub(crate) fn alloc_closure<E: Engine>(
    g: &mut GroupCx<'_, E>,
    ty: &FuncType,
    func: HostFn<E>,
) -> Result<u32> {
    coordinated(g, OpKind::Stop, |g| {
        let f = table_func(g.cx, g.shared, ty, func.clone())?;
        let slot = {
            let mut st = g.records_mut();
            let (slot, _) = st.image.table.alloc("closure", 1, 1)?;
            st.closures.insert(slot, (ty.clone(), func));
            slot
        };
        sync_tables(g)?;
        let table = g.table();
        g.cx.table_set(&table, slot, Some(&f))
            .map_err(|e| LinkError::store("closure", e))?;
        g.group_state().tables.closure_funcs.insert(slot, f);
        Ok(slot as u32)
    })
}

/// Frees a slot from [`alloc_closure`]; the slot reads as null until it is reused.
pub(crate) fn free_closure<E: Engine>(g: &mut GroupCx<'_, E>, slot: u32) -> Result<()> {
    // Nobody waits: other groups drop it at their next safepoint, and the slot is reused only
    // once they all have.
    coordinated(g, OpKind::NoStop, |g| {
        g.group_state().tables.closure_funcs.remove(&(slot as u64));
        let alone = g.shared.coord.alone(g.id());
        {
            let mut st = g.records_mut();
            if st.closures.remove(&(slot as u64)).is_none() {
                return Err(LinkError::NotAClosure { slot });
            }
            let version = st.image.version + 1;
            st.image.table.release_after(version, slot as u64, 1, alone);
        }
        let table = g.table();
        g.cx.table_set(&table, slot as u64, None)
            .map_err(|e| LinkError::store("closure", e))
    })
}
