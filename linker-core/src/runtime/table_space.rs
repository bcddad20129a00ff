//! A group's function table and PLT grown to the sizes the records give them: the first step
//! of every catch-up, and of an operation that hands out slots before it fills them.

use crate::engine::Engine;
use crate::error::{LinkError, Result};
use crate::runtime::state::GroupCx;

/// Grows this group's function table and PLT to the sizes the records now need.
pub(crate) fn sync_tables<E: Engine>(g: &mut GroupCx<'_, E>) -> Result<()> {
    let (table_size, plt_size) = {
        let st = g.records();
        (st.image.table.size, st.image.plt.len() as u64)
    };
    let (table, plt) = (g.table(), g.plt());
    let eng = |e| LinkError::store("function table", e);
    let have = g.cx.table_size(&table);
    if have < table_size {
        g.cx.table_grow(&table, table_size - have).map_err(eng)?;
    }
    let have = g.cx.table_size(&plt);
    if have < plt_size {
        g.cx.table_grow(&plt, plt_size - have).map_err(eng)?;
    }
    Ok(())
}
