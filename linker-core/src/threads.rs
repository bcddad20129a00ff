//! Spawning and joining threads (the linker's `wasmlink.thread_spawn` ABI): each thread is a new
//! instance group on a new OS thread, with its own store, instances of every loaded module,
//! stack and TLS blocks. The group takes part in link operations like any other
//! (`safepoint.rs`).

use std::sync::Arc;
use std::time::Duration;

use crate::coordinator::GroupId;
use crate::engine::{Engine, HostError, Val};
use crate::error::{LinkError, Result};
use crate::group::create_group;
use crate::image::MAIN;
use crate::runtime::{lock, GroupCx, Shared};
use crate::safepoint::{install_safepoint, safepoint};
use crate::thread_memory::release_thread_memory;

/// The exit code of a thread that trapped (as a C program killed by `SIGABRT`).
const TRAPPED: i32 = 134;

/// Starts a thread that calls the function at table index `entry` with `arg`. Returns the thread
/// id (> 0).
pub(crate) fn spawn<E: Engine>(shared: &Arc<Shared<E>>, entry: u32, arg: i32) -> Result<u64> {
    if !shared.memory.is_shared() {
        return Err(LinkError::NoSharedMemory {
            module: shared.st().image.modules[MAIN].name.clone(),
        });
    }
    let id = shared.coord.new_id();
    lock(&shared.threads).insert(id, None);
    let sh = shared.clone();
    let spawned = std::thread::Builder::new()
        .name(format!("wasm-thread-{id}"))
        .spawn(move || {
            let code = run_thread(&sh, id, entry, arg);
            lock(&sh.threads).insert(id, Some(code));
            sh.coord.notify();
        });
    if let Err(e) = spawned {
        lock(&shared.threads).remove(&id);
        return Err(LinkError::ThreadSpawn {
            reason: e.to_string(),
        });
    }
    Ok(id)
}

/// The body of a spawned thread; returns its exit code (the entry's `proc_exit` code, 0 when
/// it returns, [`TRAPPED`] when it traps).
fn run_thread<E: Engine>(shared: &Arc<Shared<E>>, id: GroupId, entry: u32, arg: i32) -> i32 {
    let engine = shared.engine.clone();
    // The store is made here: a wasmer store must stay on the thread that created it.
    let mut store = engine.new_store();
    let cell = install_safepoint(&mut store, shared);
    shared.coord.register(id, 0);
    let code = engine.with_store(&mut store, |cx| {
        let group = match create_group(cx, shared, id) {
            Ok(g) => g,
            Err(e) => {
                tracing::error!(thread = id, error = %e, "cannot create the thread's instance group");
                return TRAPPED;
            }
        };
        let _ = cell.set(group.clone());
        let v = lock(&group).version;
        shared.coord.set_version(id, v);
        let mut g = GroupCx::new(cx, shared, &group);
        let code = (|| {
            safepoint(&mut g).map_err(|e| e.to_string())?;
            let table = g.table();
            let f = g
                .cx
                .table_get(&table, entry as u64)
                .map_err(|e| e.0)?
                .ok_or_else(|| format!("thread entry {entry} is a null function pointer"))?;
            match g.cx.call(&f, &[Val::I32(arg)]) {
                Ok(_) => Ok(0),
                Err(HostError::Exit(c)) => {
                    if let Some(on_exit) = &shared.config.on_exit {
                        on_exit(c);
                    }
                    Ok(c)
                }
                Err(e) => Err(e.to_string()),
            }
        })();
        release_thread_memory(shared, &group);
        match code {
            Ok(c) => c,
            Err(e) => {
                tracing::error!(thread = id, error = %e, "thread trapped");
                TRAPPED
            }
        }
    });
    shared.coord.unregister(id);
    code
}

/// Waits for thread `tid` to finish and returns its exit code (`None`: no such thread, or
/// already joined). Takes part in link operations while it waits.
pub(crate) fn join<E: Engine>(g: &mut GroupCx<'_, E>, tid: u64) -> Result<Option<i32>> {
    loop {
        {
            let mut t = lock(&g.shared.threads);
            match t.get(&tid) {
                None => return Ok(None),
                Some(Some(code)) => {
                    let code = *code;
                    t.remove(&tid);
                    return Ok(Some(code));
                }
                Some(None) => {}
            }
        }
        safepoint(g)?;
        g.shared.coord.wait_a_little(Duration::from_millis(2));
    }
}
