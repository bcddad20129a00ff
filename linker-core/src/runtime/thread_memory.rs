//! Memory a thread owns (glibc's `dl-tls.c`, and the stacks `nptl` allocates): its stack, a TLS
//! block in every module that has TLS, and its `dlerror` buffer, all taken from the process
//! memory and given back when the thread exits.

use crate::engine::{Engine, Extern};
use crate::error::{LinkError, Result};
use crate::plan::image::ModuleId;
use crate::runtime::state::{GroupCx, GroupRef, Shared, ThreadRange};
use crate::types::Val;

/// Size of the per-thread buffer `dlerror` returns.
pub(crate) const DLERROR_BUFFER: u64 = 1024;

/// Takes zeroed memory for this thread (stack, TLS), returned to the process when it exits
/// (a TLS block, `tls_of` a module, also when the thread drops that module: [`release_tls_block`]).
pub(crate) fn alloc_thread_memory<E: Engine>(
    g: &mut GroupCx<'_, E>,
    size: u64,
    align: u64,
    tls_of: Option<ModuleId>,
) -> Result<u64> {
    let memory = g.memory();
    let base = {
        let mut st = g.records_mut();
        let cx = &mut *g.cx;
        let mut grow = |pages: u64| cx.memory_grow(&memory, pages).map_err(|e| e.0);
        st.image.memory.alloc(size, align, &mut grow)
    }
    .map_err(|reason| LinkError::ThreadMemory {
        thread: g.id(),
        bytes: size,
        reason,
    })?;
    g.cx.memory_write(&memory, base, &vec![0u8; size as usize])
        .map_err(|e| LinkError::store("thread memory", e))?;
    g.group_state().thread.memory.push(ThreadRange {
        base,
        size: size.max(1),
        tls_of,
    });
    Ok(base)
}

/// Gives module `m` this thread's own TLS block, through its `__wasm_init_tls`.
pub(crate) fn init_tls<E: Engine>(g: &mut GroupCx<'_, E>, m: ModuleId) -> Result<()> {
    let size = match g.export(m, "__tls_size") {
        Some(Extern::Global(s)) => g.cx.global_get(&s).i32() as u32 as u64,
        _ => 0,
    };
    if size == 0 {
        return Ok(());
    }
    let align = match g.export(m, "__tls_align") {
        Some(Extern::Global(a)) => (g.cx.global_get(&a).i32() as u32 as u64).max(1),
        _ => 16,
    };
    let Some(Extern::Func(init)) = g.export(m, "__wasm_init_tls") else {
        return Ok(());
    };
    let block = alloc_thread_memory(g, size, align.next_power_of_two(), Some(m))?;
    call_init_tls(g, m, &init, block)
}

/// Applies the TLS relocations of module `m`'s first instance (the one whose start function ran,
/// in the thread that loaded it), in the block that start function gave it: `.tdata`'s static
/// copy. wasm-ld-19's `__wasm_init_memory` copies `.tdata` there without applying them, so a
/// `_Thread_local int *p = &x;` would read an unrelocated offset in that thread, and wasm-ld
/// cannot export its `__wasm_apply_tls_relocs`. `__wasm_init_tls` on the same block copies
/// `.tdata` again (nothing has run yet that could have changed it) and applies them.
pub(crate) fn relocate_static_tls<E: Engine>(g: &mut GroupCx<'_, E>, m: ModuleId) -> Result<()> {
    let size = match g.export(m, "__tls_size") {
        Some(Extern::Global(s)) => g.cx.global_get(&s).i32() as u32 as u64,
        _ => 0,
    };
    let block = match g.export(m, "__tls_base") {
        Some(Extern::Global(b)) => g.cx.global_get(&b).i32() as u32 as u64,
        _ => 0,
    };
    let Some(Extern::Func(init)) = g.export(m, "__wasm_init_tls") else {
        return Ok(());
    };
    if size == 0 || block == 0 {
        return Ok(());
    }
    call_init_tls(g, m, &init, block)
}

/// `__wasm_init_tls(block)` of module `m`, then its `__wasm_apply_tls_relocs` if it exports one
/// (a toolchain whose `__wasm_init_tls` does not apply them itself; the relocations' stores are
/// absolute, so applying them twice is harmless).
fn call_init_tls<E: Engine>(
    g: &mut GroupCx<'_, E>,
    m: ModuleId,
    init: &E::Func,
    block: u64,
) -> Result<()> {
    g.cx.call(init, &[Val::I32(block as i32)])
        .map_err(|e| LinkError::Init {
            module: g.module_name(m),
            function: "__wasm_init_tls".into(),
            reason: e.to_string(),
        })?;
    if let Some(Extern::Func(relocs)) = g.export(m, "__wasm_apply_tls_relocs") {
        g.cx.call(&relocs, &[]).map_err(|e| LinkError::Init {
            module: g.module_name(m),
            function: "__wasm_apply_tls_relocs".into(),
            reason: e.to_string(),
        })?;
    }
    Ok(())
}

/// This thread's `dlerror` buffer, taken from the process memory on first use.
pub(crate) fn dlerror_buffer<E: Engine>(g: &mut GroupCx<'_, E>) -> Result<u64> {
    if let Some(b) = g.group_state().thread.dlerror_buffer {
        return Ok(b);
    }
    let b = alloc_thread_memory(g, DLERROR_BUFFER, 16, None)?;
    g.group_state().thread.dlerror_buffer = Some(b);
    Ok(b)
}

/// Returns this thread's stack and TLS blocks to the process (the thread is exiting).
pub(crate) fn release_thread_memory<E: Engine>(shared: &Shared<E>, group: &GroupRef<E>) {
    let ranges = std::mem::take(&mut crate::runtime::state::lock(group).thread.memory);
    let mut st = shared.records_mut();
    for r in ranges {
        st.image.memory.free.release(r.base, r.size);
    }
}

/// Gives back this thread's TLS block of module `m`, which its group has just dropped (the
/// library was unloaded), as glibc frees a thread's block of an unloaded module
/// (`_dl_update_slotinfo`). Until 2026-12-06 the blocks stayed until the thread exited, so a
/// thread that used a library another thread loaded and unloaded in a loop took a new block at
/// every load (`conformance/cases/threads-tls-reload`).
pub(crate) fn release_tls_block<E: Engine>(g: &mut GroupCx<'_, E>, m: ModuleId) {
    let block = g.group_state().thread.take_tls_block(m);
    if let Some(r) = block {
        g.records_mut().image.memory.free.release(r.base, r.size);
    }
}
