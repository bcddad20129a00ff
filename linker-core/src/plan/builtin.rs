//! The guest ABI the linker serves itself, decided when planning: `<dlfcn.h>` as `env` imports
//! with their C signatures (when no loaded module defines them), and the thread functions of
//! module `wasmlink`. Planning binds such an import to `Binding::Builtin` (`image.rs`); the
//! replay asks the process's import chain for it, the same chain that asks the embedder's host
//! resolver (`imports.rs`), and `dlfcn.rs` implements it (as glibc's `dlfcn/` sits over `elf/`).
//! The standard wasi-threads import (`wasi.thread-spawn`) is served the same way.
//!
//! This file only names the functions and their signatures; it knows no engine.

use crate::metadata::{ExternType, Import};
use crate::types::{FuncType, ValType};

/// The import module of the linker's own thread ABI.
pub const IMPORT_MODULE: &str = "wasmlink";

/// The import called before each futex wait of a module (the linker adds the calls,
/// `instrument.rs`).
pub const WAIT_LEAVE: &str = "wait_leave";
/// The import called after each futex wait.
pub const WAIT_ENTER: &str = "wait_enter";
/// The import called at a poll point when the poll word is raised (`instrument.rs`).
pub const POLL: &str = "poll";

/// A function the linker serves to the guest.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Builtin {
    /// `void *dlopen(const char *path, int flags)`
    Dlopen,
    /// `void *dlsym(void *handle, const char *name)`
    Dlsym,
    /// `int dlclose(void *handle)`
    Dlclose,
    /// `char *dlerror(void)`
    Dlerror,
    /// `wasmlink.thread_spawn(entry, arg) -> tid`
    ThreadSpawn,
    /// `wasmlink.thread_join(tid) -> code`
    ThreadJoin,
    /// `wasi.thread-spawn(start_arg) -> tid`: the wasi-threads ABI (wasi-libc's `pthread_create`
    /// for `wasm32-wasip1-threads`): runs the main module's `wasi_thread_start(tid, start_arg)`
    /// on a new thread.
    WasiThreadSpawn,
    /// `wasmlink.wait_leave()`: called before each `memory.atomic.wait` of a module (the linker
    /// adds the calls when it reads the module, `instrument.rs`): the group counts as idle.
    WaitLeave,
    /// `wasmlink.wait_enter()`: called after each wait: the group runs again, caught up.
    WaitEnter,
    /// `wasmlink.poll()`: called at a loop head or function entry while the poll word is raised
    /// (the linker adds the checks where the engine cannot interrupt wasm, `instrument.rs`):
    /// the group's safepoint.
    Poll,
    /// WASIX `dlopen(path, path_len, flags, err_buf, err_buf_len, ld_library_path,
    /// ld_library_path_len, out_handle) -> errno` (module `wasix_32v1`, docs/abi.md).
    WasixDlopen,
    /// WASIX `dlsym(handle, symbol, symbol_len, err_buf, err_buf_len, out_symbol) -> errno`.
    WasixDlsym,
    /// WASIX `dl_invalid_handle(handle) -> errno`: 0 for a loaded module's handle.
    WasixDlInvalidHandle,
    /// WASIX `closure_allocate(out_slot) -> errno`.
    WasixClosureAllocate,
    /// WASIX `closure_prepare(backing, slot, arg_types, arg_count, result_types, result_count,
    /// env) -> errno`.
    WasixClosurePrepare,
    /// WASIX `closure_free(slot) -> errno`.
    WasixClosureFree,
    /// WASIX `call_dynamic(slot, values, values_len, results, results_len, strict) -> errno`.
    WasixCallDynamic,
    /// WASIX `reflect_signature(slot, arg_types, arg_cap, result_types, result_cap, out) ->
    /// errno`.
    WasixReflectSignature,
}

/// The import module of WASIX's calls for 32-bit memories, of which the linker serves the
/// dynamic-linking, closure and dynamic-call ones ([`Builtin::WasixDlopen`] ...).
pub const WASIX_MODULE: &str = "wasix_32v1";

/// The import module of the standard threads ABI (wasi-threads).
pub const WASI_THREADS_MODULE: &str = "wasi";

/// Whether a call of `import`, served by the engine's own imports, may block for long (a sleep,
/// a read of a terminal or a socket): the linker then leaves the calling group idle around it, so
/// other threads' link operations go on (docs/threads.md).
pub(crate) fn may_block(import: &Import) -> bool {
    import.module == "wasi_snapshot_preview1"
        && matches!(
            import.name.as_str(),
            "poll_oneoff" | "fd_read" | "fd_pread" | "sock_recv" | "sock_accept"
        )
}

impl Builtin {
    /// The builtin `import` asks for, if its module, name and signature are those of one.
    pub fn of(import: &Import) -> Option<Builtin> {
        let b = match (import.module.as_str(), import.name.as_str()) {
            ("env", "dlopen") => Builtin::Dlopen,
            ("env", "dlsym") => Builtin::Dlsym,
            ("env", "dlclose") => Builtin::Dlclose,
            ("env", "dlerror") => Builtin::Dlerror,
            (IMPORT_MODULE, "thread_spawn") => Builtin::ThreadSpawn,
            (IMPORT_MODULE, "thread_join") => Builtin::ThreadJoin,
            (WASI_THREADS_MODULE, "thread-spawn") => Builtin::WasiThreadSpawn,
            (IMPORT_MODULE, WAIT_LEAVE) => Builtin::WaitLeave,
            (IMPORT_MODULE, WAIT_ENTER) => Builtin::WaitEnter,
            (IMPORT_MODULE, POLL) => Builtin::Poll,
            (WASIX_MODULE, "dlopen") => Builtin::WasixDlopen,
            (WASIX_MODULE, "dlsym") => Builtin::WasixDlsym,
            (WASIX_MODULE, "dl_invalid_handle") => Builtin::WasixDlInvalidHandle,
            (WASIX_MODULE, "closure_allocate") => Builtin::WasixClosureAllocate,
            (WASIX_MODULE, "closure_prepare") => Builtin::WasixClosurePrepare,
            (WASIX_MODULE, "closure_free") => Builtin::WasixClosureFree,
            (WASIX_MODULE, "call_dynamic") => Builtin::WasixCallDynamic,
            (WASIX_MODULE, "reflect_signature") => Builtin::WasixReflectSignature,
            _ => return None,
        };
        matches!(&import.ty, ExternType::Func(t) if *t == b.ty()).then_some(b)
    }

    /// Whether it is one of WASIX's calls (module `wasix_32v1`), which other WASIX loaders
    /// serve too.
    pub fn is_wasix(self) -> bool {
        matches!(
            self,
            Builtin::WasixDlopen
                | Builtin::WasixDlsym
                | Builtin::WasixDlInvalidHandle
                | Builtin::WasixClosureAllocate
                | Builtin::WasixClosurePrepare
                | Builtin::WasixClosureFree
                | Builtin::WasixCallDynamic
                | Builtin::WasixReflectSignature
        )
    }

    /// Its signature on wasm32.
    pub fn ty(self) -> FuncType {
        use ValType::I32;
        match self {
            Builtin::Dlopen | Builtin::Dlsym | Builtin::ThreadSpawn => {
                FuncType::new([I32, I32], [I32])
            }
            Builtin::Dlclose
            | Builtin::ThreadJoin
            | Builtin::WasiThreadSpawn
            | Builtin::WasixDlInvalidHandle
            | Builtin::WasixClosureAllocate
            | Builtin::WasixClosureFree => FuncType::new([I32], [I32]),
            Builtin::WasixDlopen => FuncType::new([I32; 8], [I32]),
            Builtin::WasixClosurePrepare => FuncType::new([I32; 7], [I32]),
            Builtin::WasixDlsym | Builtin::WasixCallDynamic | Builtin::WasixReflectSignature => {
                FuncType::new([I32; 6], [I32])
            }
            Builtin::Dlerror => FuncType::new([], [I32]),
            Builtin::WaitLeave | Builtin::WaitEnter | Builtin::Poll => FuncType::new([], []),
        }
    }
}
