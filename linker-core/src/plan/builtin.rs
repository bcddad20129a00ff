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
}

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
            _ => return None,
        };
        matches!(&import.ty, ExternType::Func(t) if *t == b.ty()).then_some(b)
    }

    /// Its signature on wasm32.
    pub fn ty(self) -> FuncType {
        use ValType::I32;
        match self {
            Builtin::Dlopen | Builtin::Dlsym | Builtin::ThreadSpawn => {
                FuncType::new([I32, I32], [I32])
            }
            Builtin::Dlclose | Builtin::ThreadJoin | Builtin::WasiThreadSpawn => {
                FuncType::new([I32], [I32])
            }
            Builtin::Dlerror => FuncType::new([], [I32]),
            Builtin::WaitLeave | Builtin::WaitEnter | Builtin::Poll => FuncType::new([], []),
        }
    }
}
