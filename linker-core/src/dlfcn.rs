//! The guest-facing `<dlfcn.h>`: the linker itself serves `dlopen`, `dlsym`, `dlclose` and
//! `dlerror` to C code, as `env` imports with their C signatures, whenever no loaded module defines
//! them (as glibc's `dlfcn/` is a thin layer over `elf/`). Unmodified C that includes `<dlfcn.h>`
//! (our header declares them with glibc's flag values) needs no shim and no wasmlink-specific
//! call; a module that does not call them does not import them, so it stays loadable by others.
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
//!
//! Failures never trap: they set the calling thread's error text.

use std::sync::Arc;

use crate::dlopen::{dlclose, dlopen, dlsym, handle_of};
use crate::engine::{Engine, EngineError, FuncType, HostFn, StoreOps, Val, ValType};
use crate::group::{GroupRef, GroupState, Shared};
use crate::metadata::{ExternType, Import};

pub const IMPORT_MODULE: &str = "wasmlink";

/// `<dlfcn.h>` functions the linker gives C code (as `env` imports) when no loaded module
/// defines them, with their C signatures on wasm32.
pub fn provides(import: &Import) -> bool {
    let want = match (import.module.as_str(), import.name.as_str()) {
        ("env", "dlopen" | "dlsym") => FuncType::new([ValType::I32, ValType::I32], [ValType::I32]),
        ("env", "dlclose") => FuncType::new([ValType::I32], [ValType::I32]),
        ("env", "dlerror") => FuncType::new([], [ValType::I32]),
        (IMPORT_MODULE, _) => return true,
        _ => return false,
    };
    matches!(&import.ty, ExternType::Func(t) if *t == want)
}

/// A NUL-terminated string read from guest memory: a symbol name fits the inline buffer, so the
/// common `dlsym` allocates nothing.
enum GuestStr {
    Inline([u8; 64], usize),
    Heap(String),
}

impl GuestStr {
    fn as_str(&self) -> std::borrow::Cow<'_, str> {
        match self {
            GuestStr::Inline(b, n) => String::from_utf8_lossy(&b[..*n]),
            GuestStr::Heap(s) => std::borrow::Cow::Borrowed(s),
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
) -> Result<GuestStr, EngineError> {
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

fn set_error<E: Engine>(group: &GroupRef<E>, e: impl std::fmt::Display) {
    let mut g: std::sync::MutexGuard<'_, GroupState<E>> =
        group.lock().unwrap_or_else(|p| p.into_inner());
    g.dlerror = Some(e.to_string());
}

/// Builds the host function for one `wasmlink` import.
pub fn host_import<E: Engine>(
    cx: &mut dyn StoreOps<E>,
    shared: &Arc<Shared<E>>,
    group: &GroupRef<E>,
    import: &Import,
) -> Result<crate::engine::Extern<E>, EngineError> {
    let ExternType::Func(ty) = &import.ty else {
        return Err(EngineError(format!(
            "wasmlink.{} must be a function",
            import.name
        )));
    };
    let shared = shared.clone();
    let weak = Arc::downgrade(group);
    let memory = group
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .memory
        .clone();
    macro_rules! func {
        (|$cx:ident, $group:ident, $a:ident| $body:expr) => {{
            let f: HostFn<E> = Arc::new(
                move |$cx: &mut dyn StoreOps<E>, $a: &[Val], results: &mut [Val]| {
                    let $group = weak.upgrade().ok_or_else(|| {
                        crate::engine::HostError::Trap("instance group is gone".into())
                    })?;
                    if shared.coord.stop_requested() {
                        crate::threads::safepoint_host($cx, &shared, &$group)?;
                    }
                    let v: Val = $body;
                    if let Some(r) = results.first_mut() {
                        *r = v;
                    }
                    Ok(())
                },
            );
            f
        }};
    }
    let f: HostFn<E> = match import.name.as_str() {
        "dlopen" => func!(|cx, group, a| {
            let name = match a[0].i32() {
                0 => Ok(None),
                p => read_cstr(cx, &memory, p as u32).map(|s| Some(s.into_string())),
            };
            match name {
                Err(e) => {
                    set_error(&group, e);
                    Val::I32(0)
                }
                Ok(name) => match dlopen(cx, &shared, &group, name.as_deref(), a[1].i32()) {
                    Ok(Some(m)) => Val::I32(handle_of(m) as i32),
                    Ok(None) => Val::I32(0),
                    Err(e) => {
                        set_error(&group, e);
                        Val::I32(0)
                    }
                },
            }
        }),
        "dlsym" => func!(|cx, group, a| {
            match read_cstr(cx, &memory, a[1].i32() as u32) {
                Err(e) => {
                    set_error(&group, e);
                    Val::I32(0)
                }
                Ok(name) => match dlsym(cx, &shared, &group, a[0].i32() as u32, &name.as_str()) {
                    Ok(addr) => Val::I32(addr.value() as i32),
                    Err(e) => {
                        set_error(&group, e);
                        Val::I32(0)
                    }
                },
            }
        }),
        "dlclose" => func!(|cx, group, a| {
            match dlclose(cx, &shared, &group, a[0].i32() as u32) {
                Ok(()) => Val::I32(0),
                Err(e) => {
                    set_error(&group, e);
                    Val::I32(-1)
                }
            }
        }),
        "dlerror" => func!(|cx, group, _a| {
            // POSIX: a string the caller must not free, valid until the next call in this
            // thread: a buffer of this thread's, taken from the process memory once.
            let msg = group
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .dlerror
                .take();
            match msg {
                None => Val::I32(0),
                Some(m) => match crate::group::dlerror_buffer(cx, &shared, &group) {
                    Ok(buf) => {
                        let mut bytes: Vec<u8> = m.into_bytes();
                        bytes.truncate(crate::group::DLERROR_BUFFER as usize - 1);
                        bytes.push(0);
                        match cx.memory_write(&memory, buf, &bytes) {
                            Ok(()) => Val::I32(buf as i32),
                            Err(_) => Val::I32(0),
                        }
                    }
                    Err(_) => Val::I32(0),
                },
            }
        }),
        "thread_spawn" => func!(|_cx, _group, a| {
            match crate::threads::spawn(&shared, a[0].i32() as u32, a[1].i32()) {
                Ok(tid) => Val::I32(tid as i32),
                Err(_) => Val::I32(-11), // EAGAIN
            }
        }),
        "thread_join" => func!(|cx, group, a| {
            match crate::threads::join(cx, &shared, &group, a[0].i32() as u32 as u64) {
                Ok(Some(code)) => Val::I32(code),
                Ok(None) => Val::I32(-3), // ESRCH
                Err(e) => return Err(e.into()),
            }
        }),
        other => return Err(EngineError(format!("unknown import wasmlink.{other}"))),
    };
    cx.new_host_func(ty, f).map(crate::engine::Extern::Func)
}
