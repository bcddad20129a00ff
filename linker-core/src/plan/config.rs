//! How a linker is configured by its embedder.

use std::sync::Arc;

use crate::plan::locate::{LibraryFs, SearchPath};
use crate::plan::scope::WeakPolicy;

/// Whether the linker compiles poll points into the modules a process runs
/// (`plan/instrument.rs`): a check of one word at every loop head and at the entry of every
/// function that calls, through which a busy thread takes part in other threads' link
/// operations. Only programs built with threads (a shared memory) get them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum PollPoints {
    /// Where the engine cannot interrupt running wasm itself
    /// ([`crate::Capabilities::resumable_safepoints`] is false: wasmer); wasmtime's epoch
    /// interruption needs none.
    #[default]
    Auto,
    /// On every engine (to test them, or to measure their cost beside an engine's interrupt).
    Always,
    /// Never: on an engine without interrupts, a link operation waits for a busy thread at most
    /// `safepoint_timeout` and fails.
    Never,
}

/// Settings of one process image. Made with [`LinkerConfig::new`] and changed field by field;
/// `#[non_exhaustive]`, so that a new setting breaks no embedder.
#[derive(Clone)]
#[non_exhaustive]
pub struct LinkerConfig {
    /// Where libraries are read from.
    pub fs: Arc<dyn LibraryFs>,
    /// `LD_LIBRARY_PATH` and default directories.
    pub search: SearchPath,
    /// Size of the main thread's stack in bytes (and of each spawned thread's).
    pub stack_size: u64,
    /// The size of the operating-system stack of each thread the linker starts (`None`: Rust's
    /// default, 2 MiB). An engine that runs wasm on the calling thread's own stack (wasmtime)
    /// needs more than its `max_wasm_stack` there; the `wasmlink` command sets it from
    /// `--max-wasm-stack`.
    pub thread_native_stack: Option<usize>,
    /// How weak definitions compete with strong ones.
    pub weak_policy: WeakPolicy,
    /// Resolve every function import at load time and fail the load if one is missing
    /// (`LD_BIND_NOW`); otherwise a missing function is reported when it is first called.
    pub bind_now: bool,
    /// Libraries loaded right after the main module, before its own (`LD_PRELOAD`): their
    /// definitions come first in the global scope after the main module's.
    pub preload: Vec<String>,
    /// Maximum memory in 64 KiB pages when the main module does not say (default: 1 GiB).
    pub default_max_pages: u32,
    /// Called when a thread other than the main one exits the process (`proc_exit`, C's
    /// `exit`), with the exit code, or traps, with 134 (wasi-threads ends every thread then, as a
    /// crashing POSIX thread ends its process). POSIX ends the whole process then; an embedder
    /// that runs the program as its own process (the `wasmlink` command) exits here. Without
    /// it, the exit code is that thread's, which `thread_join` returns.
    pub on_exit: Option<std::sync::Arc<dyn Fn(i32) + Send + Sync>>,
    /// How long a link operation waits for other threads to reach a safepoint before it fails
    /// (only engines without resumable safepoints can make it wait that long).
    pub safepoint_timeout: std::time::Duration,
    /// How many threads compile the modules of a start-up or `dlopen` (the calling thread is
    /// one of them); 0, the default, means one per core.
    pub compile_threads: usize,
    /// Move each PLT stub into the module that calls it, so that a lazily bound call is a call
    /// within the module (docs/architecture.md, "The PLT"); default on. Off, every stub lives in
    /// a generated module of its own.
    pub inline_plt: bool,
    /// Make every futex wait (`memory.atomic.wait32/64`) of every module a safepoint, so that a
    /// thread blocked in `pthread_join`, a mutex or a condition variable never holds up another
    /// thread's `dlopen` (docs/threads.md, "Waiting threads"); default on. Off, modules run as
    /// they are built, and a `dlopen` beside a waiting thread fails after `safepoint_timeout`.
    pub wait_safepoints: bool,
    /// Where a thread computing without calls reaches safepoints on an engine that cannot
    /// interrupt running wasm itself (docs/threads.md, "Busy threads"). Default
    /// [`PollPoints::Auto`].
    pub poll_points: PollPoints,
    /// Lazy replication (docs/threads.md): a thread catching up with a library another thread
    /// loaded puts stand-ins in the library's table slots instead of instantiating it, and
    /// instantiates it on its first call into it (through one of those slots, a lazy binding,
    /// or a `dlsym` of its thread-local data); default on. Off, every thread instantiates
    /// every library as it catches up.
    pub lazy_replication: bool,
}

impl LinkerConfig {
    /// The default settings, reading libraries from `fs`.
    pub fn new(fs: Arc<dyn LibraryFs>) -> Self {
        LinkerConfig {
            fs,
            search: SearchPath::default(),
            stack_size: 1 << 20,
            thread_native_stack: None,
            weak_policy: WeakPolicy::default(),
            bind_now: false,
            preload: Vec::new(),
            on_exit: None,
            default_max_pages: 16384,
            safepoint_timeout: std::time::Duration::from_secs(10),
            compile_threads: 0,
            inline_plt: true,
            lazy_replication: true,
            wait_safepoints: true,
            poll_points: PollPoints::Auto,
        }
    }
}

impl LinkerConfig {
    /// This configuration with [`PollPoints::Auto`] decided for an engine that can
    /// (`interrupts`) or cannot interrupt running wasm.
    pub(crate) fn for_engine(mut self, interrupts: bool) -> LinkerConfig {
        if self.poll_points == PollPoints::Auto {
            self.poll_points = if interrupts {
                PollPoints::Never
            } else {
                PollPoints::Always
            };
        }
        self
    }

    /// What the modules read are given (`plan/instrument.rs`). [`PollPoints::Auto`] undecided
    /// (planning without an engine: `ldd`) adds no polls.
    pub(crate) fn instrumentation(&self) -> crate::plan::instrument::Instrumentation {
        crate::plan::instrument::Instrumentation {
            waits: self.wait_safepoints,
            polls: self.poll_points == PollPoints::Always,
        }
    }
}
