//! The guest-facing `<dlfcn.h>` and thread functions: the linker itself serves `dlopen`, `dlsym`,
//! `dlclose` and `dlerror` to C code, as `env` imports with their C signatures, whenever no loaded
//! module defines them (as glibc's `dlfcn/` is a thin layer over `elf/`). Unmodified C that
//! includes `<dlfcn.h>` (our header declares them with glibc's flag values) needs no shim; a
//! module that does not call them does not import them, so it stays loadable by others. Which
//! imports these are is decided when planning ([`crate::plan::builtin`]).
//!
//! | import | C signature | meaning |
//! |---|---|---|
//! | `env.dlopen` | `void *dlopen(const char *path, int flags)` | handle (module id + 1); `NULL` path = the global scope; `NULL` on failure |
//! | `env.dlsym` | `void *dlsym(void *handle, const char *name)` | table index or data address; `NULL` on failure |
//! | `env.dlclose` | `int dlclose(void *handle)` | 0, or -1 on failure |
//! | `env.dlerror` | `char *dlerror(void)` | this thread's last error, cleared when read, in a per-thread buffer; `NULL` if none |
//!
//! Threads, from module `wasmlink` (`conformance/support/wasmlink_thread.h`):
//!
//! | import | signature | meaning |
//! |---|---|---|
//! | `wasmlink.thread_spawn(entry, arg) -> tid` | `(i32, i32) -> i32` | runs the function at table index `entry` with `arg` on a new thread; tid > 0, or a negative errno |
//! | `wasmlink.thread_join(tid) -> code` | `(i32) -> i32` | waits for the thread, returns its exit code (negative errno if unknown) |
//! | `wasi.thread-spawn(start_arg) -> tid` | `(i32) -> i32` | wasi-threads: runs main's `wasi_thread_start(tid, start_arg)` on a new thread (the guest set up its stack and TLS); tid > 0, or a negative errno |
//!
//! WASIX's dynamic-linking, closure and dynamic-call calls (module `wasix_32v1`) are served on
//! the same records: `wasix.rs`, `wasix_closures.rs` (docs/abi.md, "WASIX").
//!
//! Failures never trap: they set the calling thread's error text.

pub(crate) mod dlclose;
pub(crate) mod dlopen;
pub(crate) mod dlsym;
pub(crate) mod dlsym_front;
pub(crate) mod wasix;
pub(crate) mod wasix_closures;

use std::sync::Arc;

use crate::dlfcn::dlclose::dlclose;
use crate::dlfcn::dlopen::{dlopen, handle_of};
use crate::dlfcn::dlsym::{dlsym, dlsym_next, RTLD_NEXT};
use crate::dlfcn::dlsym_front::{front, generation_before_lookup, remember};
use crate::dlfcn::wasix::{wasix_dl_invalid_handle, wasix_dlopen, wasix_dlsym};
use crate::dlfcn::wasix_closures::{
    wasix_call_dynamic, wasix_closure_allocate, wasix_closure_free, wasix_closure_prepare,
    wasix_reflect_signature,
};
use crate::engine::{Engine, EngineError, Extern, HostError, HostFn, StoreOps};
use crate::error::{LinkError, Result};
use crate::plan::builtin::Builtin;
use crate::plan::image::ModuleId;
use crate::runtime::safepoint::safepoint_host;
use crate::runtime::state::GroupCx;
use crate::runtime::thread_memory::{dlerror_buffer, DLERROR_BUFFER};
use crate::runtime::threads::{join, spawn, Entry};
use crate::types::Val;

/// A NUL-terminated string read from guest memory: a symbol name fits the inline buffer, so the
/// common `dlsym` allocates nothing.
enum GuestStr {
    Inline([u8; 64], usize),
    Heap(String),
}

impl GuestStr {
    fn as_str(&self) -> std::borrow::Cow<'_, str> {
        match self {
            // Names are almost always valid UTF-8: checked first, without the lossy decoder.
            GuestStr::Inline(b, n) => match std::str::from_utf8(&b[..*n]) {
                Ok(s) => std::borrow::Cow::Borrowed(s),
                Err(_) => String::from_utf8_lossy(&b[..*n]),
            },
            GuestStr::Heap(s) => std::borrow::Cow::Borrowed(s),
        }
    }

    /// The bytes read (for a name that fits the inline buffer).
    fn inline_bytes(&self) -> Option<&[u8]> {
        match self {
            GuestStr::Inline(b, n) => Some(&b[..*n]),
            GuestStr::Heap(_) => None,
        }
    }

    fn into_string(self) -> String {
        match self {
            GuestStr::Heap(s) => s,
            s => s.as_str().into_owned(),
        }
    }
}

/// Reads a NUL-terminated string from guest memory (at most 64 KiB). Symbol names are short:
/// the first read is small, on the stack, and needs no bounds query unless it runs off the end
/// of memory.
fn read_cstr<E: Engine>(
    cx: &mut dyn StoreOps<E>,
    mem: &E::Memory,
    addr: u32,
) -> std::result::Result<GuestStr, EngineError> {
    let mut first = [0u8; 64];
    if cx.memory_read(mem, addr as u64, &mut first).is_ok() {
        if let Some(z) = first.iter().position(|&b| b == 0) {
            return Ok(GuestStr::Inline(first, z));
        }
    }
    let size = cx.memory_size(mem);
    let mut out = Vec::new();
    let mut at = addr as u64;
    while out.len() < 65536 {
        let n = 256.min(size.saturating_sub(at)) as usize;
        if n == 0 {
            return Err(EngineError(format!("unterminated string at {addr:#x}")));
        }
        let mut buf = vec![0u8; n];
        cx.memory_read(mem, at, &mut buf)?;
        if let Some(z) = buf.iter().position(|&b| b == 0) {
            out.extend_from_slice(&buf[..z]);
            return Ok(GuestStr::Heap(String::from_utf8_lossy(&out).into_owned()));
        }
        out.extend_from_slice(&buf);
        at += n as u64;
    }
    Err(EngineError(format!(
        "string at {addr:#x} longer than 64 KiB"
    )))
}

/// Records `e` as this thread's `dlerror` text.
fn set_error<E: Engine>(g: &GroupCx<'_, E>, e: impl std::fmt::Display) {
    g.group_state().thread.dlerror = Some(e.to_string());
}

/// The body of a builtin: the group it runs in, the process memory, the arguments.
type GuestFn<E> =
    fn(&mut GroupCx<'_, E>, &<E as Engine>::Memory, &[Val]) -> std::result::Result<Val, HostError>;

/// The function serving builtin `b` in the group of `g`, imported by module `importer`.
pub(crate) fn builtin_func<E: Engine>(
    g: &mut GroupCx<'_, E>,
    b: Builtin,
    importer: ModuleId,
) -> Result<Extern<E>> {
    let shared = g.shared.clone();
    let weak = Arc::downgrade(g.group);
    let memory = g.memory();
    let body: GuestFn<E> = match b {
        Builtin::Dlopen => guest_dlopen,
        Builtin::Dlsym => guest_dlsym,
        Builtin::Dlclose => guest_dlclose,
        Builtin::Dlerror => guest_dlerror,
        Builtin::ThreadSpawn => guest_thread_spawn,
        Builtin::ThreadJoin => guest_thread_join,
        Builtin::WasiThreadSpawn => guest_wasi_thread_spawn,
        Builtin::WasixDlopen => wasix_dlopen,
        Builtin::WasixDlsym => wasix_dlsym,
        Builtin::WasixDlInvalidHandle => wasix_dl_invalid_handle,
        Builtin::WasixClosureAllocate => wasix_closure_allocate,
        Builtin::WasixClosurePrepare => wasix_closure_prepare,
        Builtin::WasixClosureFree => wasix_closure_free,
        Builtin::WasixCallDynamic => wasix_call_dynamic,
        Builtin::WasixReflectSignature => wasix_reflect_signature,
        // The group's own `leave` and `enter` guards (those forwarders call around a blocking
        // import): a futex wait is a blocking call (plan/instrument.rs).
        Builtin::WaitLeave | Builtin::WaitEnter => {
            let [_, leave, enter] = shared.imports.guards(g)?;
            return Ok(Extern::Func(if b == Builtin::WaitLeave {
                leave
            } else {
                enter
            }));
        }
        // A poll point's call: the group's safepoint, as forwarders call it (plan/instrument.rs).
        Builtin::Poll => {
            let [safepoint, _, _] = shared.imports.guards(g)?;
            return Ok(Extern::Func(safepoint));
        }
    };
    let f: HostFn<E> = Arc::new(move |cx, args, results| {
        let group = weak
            .upgrade()
            .ok_or_else(|| HostError::Trap("instance group is gone".into()))?;
        let mut g = GroupCx::new(cx, &shared, &group);
        if shared.coord.stop_requested() {
            safepoint_host(&mut g)?;
        }
        let v = body(&mut g, &memory, args)?;
        if let Some(r) = results.first_mut() {
            *r = v;
        }
        Ok(())
    });
    if b == Builtin::Dlsym {
        // Served in wasm from the thread's cache when it can be; `f` on a miss.
        return front(g, f, importer).map(Extern::Func);
    }
    g.cx.new_host_func(&b.ty(), f)
        .map(Extern::Func)
        .map_err(|e| LinkError::store("<dlfcn.h>", e))
}

fn guest_dlopen<E: Engine>(
    g: &mut GroupCx<'_, E>,
    memory: &E::Memory,
    a: &[Val],
) -> std::result::Result<Val, HostError> {
    let name = match a[0].i32() {
        0 => Ok(None),
        p => read_cstr(g.cx, memory, p as u32).map(|s| Some(s.into_string())),
    };
    Ok(match name {
        Err(e) => {
            set_error(g, e);
            Val::I32(0)
        }
        Ok(name) => match dlopen(g, name.as_deref(), a[1].i32()) {
            Ok(Some(m)) => Val::I32(handle_of(m) as i32),
            Ok(None) => Val::I32(0),
            Err(e) => {
                set_error(g, e);
                Val::I32(0)
            }
        },
    })
}

fn guest_dlsym<E: Engine>(
    g: &mut GroupCx<'_, E>,
    memory: &E::Memory,
    a: &[Val],
) -> std::result::Result<Val, HostError> {
    let handle = a[0].i32() as u32;
    if handle == RTLD_NEXT {
        // The calling module's front passes its id (`dlfcn/dlsym_front.rs`); the result depends
        // on it, so it is cached on neither side.
        let caller = a.get(2).map_or(0, |v| v.i32() as u32 as ModuleId);
        let found = match read_cstr(g.cx, memory, a[1].i32() as u32) {
            Ok(name) => dlsym_next(g, caller, &name.as_str()).map_err(|e| e.to_string()),
            Err(e) => Err(e.to_string()),
        };
        return Ok(match found {
            Ok(addr) => Val::I32(addr.value() as i32),
            Err(e) => {
                set_error(g, e);
                Val::I32(0)
            }
        });
    }
    // Read before the lookup: an operation that changes the result bumps it (dlsym_front.rs).
    let generation = generation_before_lookup(g);
    Ok(match read_cstr(g.cx, memory, a[1].i32() as u32) {
        Err(e) => {
            set_error(g, e);
            Val::I32(0)
        }
        Ok(name) => match dlsym(g, handle, &name.as_str()) {
            Ok(addr) => {
                if let (Some(generation), Some(bytes)) = (generation, name.inline_bytes()) {
                    remember(g, generation, handle, bytes, addr.value());
                }
                Val::I32(addr.value() as i32)
            }
            Err(e) => {
                set_error(g, e);
                Val::I32(0)
            }
        },
    })
}

fn guest_dlclose<E: Engine>(
    g: &mut GroupCx<'_, E>,
    _memory: &E::Memory,
    a: &[Val],
) -> std::result::Result<Val, HostError> {
    Ok(match dlclose(g, a[0].i32() as u32) {
        Ok(()) => Val::I32(0),
        Err(e) => {
            set_error(g, e);
            Val::I32(-1)
        }
    })
}

/// POSIX: a string the caller must not free, valid until the next call in this thread: a
/// buffer of this thread's, taken from the process memory once.
fn guest_dlerror<E: Engine>(
    g: &mut GroupCx<'_, E>,
    memory: &E::Memory,
    _a: &[Val],
) -> std::result::Result<Val, HostError> {
    let Some(msg) = g.group_state().thread.dlerror.take() else {
        return Ok(Val::I32(0));
    };
    let Ok(buf) = dlerror_buffer(g) else {
        return Ok(Val::I32(0));
    };
    let mut bytes: Vec<u8> = msg.into_bytes();
    bytes.truncate(DLERROR_BUFFER as usize - 1);
    bytes.push(0);
    Ok(match g.cx.memory_write(memory, buf, &bytes) {
        Ok(()) => Val::I32(buf as i32),
        Err(_) => Val::I32(0),
    })
}

fn guest_thread_spawn<E: Engine>(
    g: &mut GroupCx<'_, E>,
    _memory: &E::Memory,
    a: &[Val],
) -> std::result::Result<Val, HostError> {
    Ok(
        match spawn(g.shared, Entry::Table(a[0].i32() as u32), a[1].i32()) {
            Ok(tid) => Val::I32(tid as i32),
            Err(e) => {
                tracing::debug!(error = %e, "thread_spawn failed");
                match e {
                    // No thread can share a memory that is not shared: ENOTSUP (wasi-libc's 58).
                    LinkError::NoSharedMemory { .. } => Val::I32(-58),
                    _ => Val::I32(-11), // EAGAIN
                }
            }
        },
    )
}

/// `wasi.thread-spawn(start_arg)`: a tid in 1..2^29 as wasi-threads asks, or a negative errno
/// (wasi-libc's `pthread_create` turns any into `EAGAIN`).
fn guest_wasi_thread_spawn<E: Engine>(
    g: &mut GroupCx<'_, E>,
    _memory: &E::Memory,
    a: &[Val],
) -> std::result::Result<Val, HostError> {
    Ok(match spawn(g.shared, Entry::WasiStart, a[0].i32()) {
        // Ids count up from 1; 2^29 threads in one process is out of reach.
        Ok(tid) => Val::I32(tid as i32),
        Err(e) => {
            tracing::debug!(error = %e, "wasi thread-spawn failed");
            match e {
                LinkError::NoSharedMemory { .. } => Val::I32(-58), // ENOTSUP
                _ => Val::I32(-6),                                 // EAGAIN
            }
        }
    })
}

fn guest_thread_join<E: Engine>(
    g: &mut GroupCx<'_, E>,
    _memory: &E::Memory,
    a: &[Val],
) -> std::result::Result<Val, HostError> {
    match join(g, a[0].i32() as u32 as u64) {
        Ok(Some(code)) => Ok(Val::I32(code)),
        Ok(None) => Ok(Val::I32(-3)), // ESRCH
        Err(e) => Err(e.into()),
    }
}
