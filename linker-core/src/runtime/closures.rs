//! Function-table slots for functions made at run time: the embedder's host closures (callbacks
//! handed to C as function pointers) and the guest's own (WASIX `closure_allocate` /
//! `closure_prepare` / `closure_free`, docs/abi.md). Slots come from the same table space as
//! libraries' functions and are reused once freed; every group's table gets the slot (a link
//! operation), and a group started later makes its own function from the record
//! (`closure_funcs.rs`).

use crate::coordinator::OpKind;
use crate::engine::{Engine, HostFn};
use crate::error::{LinkError, Result};
use crate::runtime::closure_funcs::sync_closures;
use crate::runtime::closure_record::{ClosureKind, ClosureRecord, GuestClosure};
use crate::runtime::packed_values::packed_size;
use crate::runtime::safepoint::coordinated;
use crate::runtime::state::GroupCx;
use crate::runtime::table_space::sync_tables;
use crate::types::FuncType;

/// Gives `func` a function-table slot (reusing a freed one if there is one) and returns it.
pub(crate) fn alloc_closure<E: Engine>(
    g: &mut GroupCx<'_, E>,
    ty: &FuncType,
    func: HostFn<E>,
) -> Result<u32> {
    new_slot(g, ClosureKind::Host(ty.clone(), func))
}

/// Reserves a slot for a guest closure (WASIX `closure_allocate`): null everywhere until
/// [`prepare_closure`] gives it a function.
pub(crate) fn reserve_closure<E: Engine>(g: &mut GroupCx<'_, E>) -> Result<u32> {
    new_slot(g, ClosureKind::Reserved)
}

/// A new slot holding `kind`, in every group's table.
fn new_slot<E: Engine>(g: &mut GroupCx<'_, E>, kind: ClosureKind<E>) -> Result<u32> {
    coordinated(g, OpKind::Stop, |g| {
        let slot = {
            let mut st = g.records_mut();
            let (slot, _) = st.image.table.alloc("closure", 1, 1)?;
            st.closure_stamp += 1;
            let stamp = st.closure_stamp;
            st.closures.insert(slot, ClosureRecord { stamp, kind });
            slot
        };
        sync_tables(g)?;
        sync_closures(g)?;
        Ok(slot as u32)
    })
}

/// Makes the reserved (or already prepared) guest closure `slot` the function `closure`, in
/// every group (WASIX `closure_prepare`). The backing function must exist with the signature
/// `(i32, i32, i32) -> ()`.
pub(crate) fn prepare_closure<E: Engine>(
    g: &mut GroupCx<'_, E>,
    slot: u32,
    closure: GuestClosure,
) -> Result<()> {
    if packed_size(&closure.ty.params).is_none() || packed_size(&closure.ty.results).is_none() {
        return Err(LinkError::Unsupported {
            module: "closure".into(),
            what: format!(
                "a closure of type {} (v128 or reference values)",
                closure.ty
            ),
        });
    }
    coordinated(g, OpKind::Stop, |g| {
        {
            let mut st = g.records_mut();
            st.closure_stamp += 1;
            let stamp = st.closure_stamp;
            match st.closures.get_mut(&(slot as u64)) {
                Some(
                    r @ ClosureRecord {
                        kind: ClosureKind::Reserved | ClosureKind::Guest(_),
                        ..
                    },
                ) => {
                    *r = ClosureRecord {
                        stamp,
                        kind: ClosureKind::Guest(closure),
                    }
                }
                _ => return Err(LinkError::NotAClosure { slot }),
            }
        }
        sync_closures(g)
    })
}

/// Frees a closure slot; the slot reads as null until it is reused, which is only once every
/// group has dropped it. Freeing a slot that is not a closure (or twice) is an error.
pub(crate) fn free_closure<E: Engine>(g: &mut GroupCx<'_, E>, slot: u32) -> Result<()> {
    // Nobody waits: other groups drop it at their next safepoint, and the slot is reused only
    // once they all have.
    coordinated(g, OpKind::NoStop, |g| {
        let alone = g.shared.coord.alone(g.id());
        {
            let mut st = g.records_mut();
            if st.closures.remove(&(slot as u64)).is_none() {
                return Err(LinkError::NotAClosure { slot });
            }
            let version = st.image.version + 1;
            st.image.table.release_after(version, slot as u64, 1, alone);
        }
        g.group_state().tables.closure_funcs.remove(&(slot as u64));
        let table = g.table();
        g.cx.table_set(&table, slot as u64, None)
            .map_err(|e| LinkError::store("closure", e))
    })
}
