//! Initialisation and finalisation calls (glibc's `dl-init.c`, `dl-fini.c`): data relocations,
//! constructors in dependency order, a reactor's `_initialize`, destructors on unload.

use crate::engine::{Engine, Extern};
use crate::error::{LinkError, Result};
use crate::plan::image::{ModuleId, MAIN};
use crate::runtime::state::{link_error, GroupCx};
use crate::runtime::thread_memory::relocate_static_tls;

/// Applies data relocations of every module, then runs constructors in dependency order, then the
/// main module's `_initialize` if it is a reactor. Runs once per process (memory is shared).
#[tracing::instrument(level = "debug", skip_all)]
pub(crate) fn initialize<E: Engine>(g: &mut GroupCx<'_, E>) -> Result<()> {
    let order = g.records().image.init_order.clone();
    init_modules(g, &order)?;
    call_export(g, MAIN, "_initialize")
}

/// Data relocations of `order`'s modules, then their constructors (the main module's run in
/// `_start`).
pub(crate) fn init_modules<E: Engine>(g: &mut GroupCx<'_, E>, order: &[ModuleId]) -> Result<()> {
    for &m in order {
        call_export(g, m, "__wasm_apply_data_relocs")?;
        relocate_static_tls(g, m)?;
    }
    for &m in order {
        if m != MAIN {
            call_export(g, m, "__wasm_call_ctors")?;
        }
    }
    Ok(())
}

/// Calls export `export` of module `m` if it has one; a trap is an error naming both.
pub(crate) fn call_export<E: Engine>(
    g: &mut GroupCx<'_, E>,
    m: ModuleId,
    export: &str,
) -> Result<()> {
    let Some(Extern::Func(f)) = g.export(m, export) else {
        return Ok(());
    };
    let name = g.module_name(m);
    let _span = tracing::debug_span!("init", module = %name, function = export).entered();
    g.cx.call(&f, &[]).map_err(|e| match link_error(&e) {
        Some(l) => l,
        None => LinkError::Init {
            module: name,
            function: export.to_string(),
            reason: e.to_string(),
        },
    })?;
    Ok(())
}
