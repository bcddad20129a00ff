//! Spawning and joining threads (the linker's `wasmlink.thread_spawn` ABI): each thread is a new
//! instance group on a new OS thread, with its own store, instances of every loaded module,
//! stack and TLS blocks. The group takes part in link operations like any other
//! (`runtime/safepoint.rs`).

use std::sync::Arc;
use std::time::Duration;

use crate::coordinator::GroupId;
use crate::engine::{Engine, Extern, HostError};
use crate::error::{LinkError, Result};
use crate::metadata::ExternType;
use crate::plan::image::MAIN;
use crate::runtime::new_group::{create_group, ThreadStack};
use crate::runtime::safepoint::{install_safepoint, safepoint};
use crate::runtime::state::{lock, GroupCx, Shared};
use crate::runtime::thread_memory::release_thread_memory;
use crate::types::{FuncType, Val, ValType};

/// The exit code of a thread that trapped (as a C program killed by `SIGABRT`).
const TRAPPED: i32 = 134;

/// What a new thread runs.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Entry {
    /// The linker's ABI (`wasmlink.thread_spawn`): the function at this table index, with `arg`;
    /// the linker gives the thread its stack. Joinable (`wasmlink.thread_join`).
    Table(u32),
    /// wasi-threads (`wasi.thread-spawn`): the main module's `wasi_thread_start(tid, arg)`; the
    /// guest allocated the stack and main's TLS block and sets them itself. Not joinable (the
    /// guest joins through memory); the thread ends when the function returns.
    WasiStart,
}

/// The wasi-threads entry point the main module exports.
const WASI_THREAD_START: &str = "wasi_thread_start";

/// Starts a thread running `entry` with `arg`. Returns the thread id (> 0).
pub(crate) fn spawn<E: Engine>(shared: &Arc<Shared<E>>, entry: Entry, arg: i32) -> Result<u64> {
    {
        let st = shared.records();
        let main = &st.image.modules[MAIN];
        if !shared.memory.is_shared() {
            return Err(LinkError::NoSharedMemory {
                module: main.name.clone(),
            });
        }
        if matches!(entry, Entry::WasiStart)
            && !main.info.exports.iter().any(|e| {
                e.name == WASI_THREAD_START
                    && matches!(&e.ty, ExternType::Func(t) if *t == FuncType::new([ValType::I32, ValType::I32], []))
            })
        {
            return Err(LinkError::Unsupported {
                module: main.name.clone(),
                what: format!("wasi.thread-spawn without an export {WASI_THREAD_START}(i32, i32)"),
            });
        }
    }
    let id = shared.coord.new_id();
    lock(&shared.threads).insert(id, None);
    let sh = shared.clone();
    let mut builder = std::thread::Builder::new().name(format!("wasm-thread-{id}"));
    if let Some(bytes) = shared.config.thread_native_stack {
        builder = builder.stack_size(bytes);
    }
    let spawned = builder.spawn(move || {
        let code = run_thread(&sh, id, entry, arg);
        match entry {
            Entry::Table(_) => {
                lock(&sh.threads).insert(id, Some(code));
            }
            Entry::WasiStart => {
                lock(&sh.threads).remove(&id);
            }
        }
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
fn run_thread<E: Engine>(shared: &Arc<Shared<E>>, id: GroupId, entry: Entry, arg: i32) -> i32 {
    let engine = shared.engine.clone();
    // The store is made here: a wasmer store must stay on the thread that created it.
    let mut store = engine.new_store();
    let cell = install_safepoint(&mut store, shared);
    shared.coord.register(id, 0);
    let code = engine.with_store(&mut store, |cx| {
        let stack = match entry {
            Entry::Table(_) => ThreadStack::Linker,
            Entry::WasiStart => ThreadStack::Guest,
        };
        let group = match create_group(cx, shared, id, stack) {
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
            let (f, args) = match entry {
                Entry::Table(slot) => {
                    let table = g.table();
                    let f = g
                        .cx
                        .table_get(&table, slot as u64)
                        .map_err(|e| e.0)?
                        .ok_or_else(|| format!("thread entry {slot} is a null function pointer"))?;
                    (f, vec![Val::I32(arg)])
                }
                Entry::WasiStart => match g.export(MAIN, WASI_THREAD_START) {
                    Some(Extern::Func(f)) => (f, vec![Val::I32(id as i32), Val::I32(arg)]),
                    _ => return Err(format!("the main module exports no {WASI_THREAD_START}")),
                },
            };
            match g.cx.call(&f, &args) {
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
                // A trap in one thread ends them all (wasi-threads; a crashing POSIX thread
                // takes its process with it): the main thread must not go on as if the thread
                // had returned.
                if let Some(on_exit) = &shared.config.on_exit {
                    on_exit(TRAPPED);
                }
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
