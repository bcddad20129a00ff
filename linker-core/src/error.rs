//! Link errors. Every variant names what it concerns: the module and, where there is one, the
//! symbol, the way glibc's `_dl_signal_error` carries the object name beside the reason. Errors
//! about something that is not a module (a `dlopen` handle, a thread, a table slot) have variants
//! of their own, so [`LinkError::module`] never returns a made-up module name.

use std::time::Duration;

/// Everything that can go wrong while locating, parsing, laying out, binding, initialising or
/// changing the modules of a process.
#[derive(Debug, Clone, thiserror::Error)]
#[non_exhaustive]
pub enum LinkError {
    /// The file is not a WebAssembly core module.
    #[error("{module}: not a WebAssembly module ({reason})")]
    NotWasm {
        /// The module (file) concerned.
        module: String,
        /// What is wrong with it.
        reason: String,
    },
    /// The module does not parse.
    #[error("{module}: malformed module: {reason}")]
    Malformed {
        /// The module concerned.
        module: String,
        /// The parser's or compiler's message.
        reason: String,
    },
    /// A library without a `dylink.0` section.
    #[error("{module}: not a dynamic library (no dylink.0 section)")]
    NoDylink {
        /// The module concerned.
        module: String,
    },
    /// The `dylink.0` section cannot be used.
    #[error("{module}: malformed dylink.0 section: {reason}")]
    BadDylink {
        /// The module concerned.
        module: String,
        /// What is wrong with the section.
        reason: String,
    },
    /// A needed library was not found in the search path.
    #[error("{name}: cannot open shared object file: No such file or directory (needed by {needed_by}; searched {searched:?})")]
    LibraryNotFound {
        /// The library's name as asked for.
        name: String,
        /// Who asked for it (a module, `dlopen`, or the command line).
        needed_by: String,
        /// Every path tried.
        searched: Vec<String>,
    },
    /// A path leaves the library root (`..` past `/`, a symbolic link pointing outside).
    #[error("{path}: path escapes the library root")]
    PathEscapesRoot {
        /// The path as given.
        path: String,
    },
    /// A file could not be read.
    #[error("{path}: cannot read: {reason}")]
    Io {
        /// The path as given.
        path: String,
        /// The operating system's message.
        reason: String,
    },
    /// Nothing in scope defines a symbol the module needs.
    #[error("{module}: undefined symbol: {symbol}")]
    UndefinedSymbol {
        /// The module that needs the symbol (or the `dlopen` handle's module for `dlsym`).
        module: String,
        /// The symbol.
        symbol: String,
    },
    /// A symbol is defined with another type than the importer expects.
    #[error("{module}: symbol {symbol} has the wrong type: imported as {expected}, but {provider} defines it as {found}")]
    SignatureMismatch {
        /// The importing module.
        module: String,
        /// The symbol.
        symbol: String,
        /// The module that defines it.
        provider: String,
        /// The type the importer declares.
        expected: String,
        /// The type the provider defines.
        found: String,
    },
    /// A weak undefined function was called (C's `if (f) f();` without the check).
    #[error("{module}: called weak undefined function {symbol}")]
    WeakUndefinedCalled {
        /// The calling module.
        module: String,
        /// The function.
        symbol: String,
    },
    /// `dlsym` found a symbol that is neither a function nor a data symbol (a mutable global).
    #[error("{module}: {symbol} is a mutable global, not a data symbol or a function")]
    NotAddressable {
        /// The module that defines it.
        module: String,
        /// The symbol.
        symbol: String,
    },
    /// A module's static data does not fit in memory.
    #[error("{module}: cannot allocate {bytes} bytes of memory (aligned to {align}): {reason}")]
    OutOfMemory {
        /// The module whose data it is.
        module: String,
        /// Bytes asked for.
        bytes: u64,
        /// Alignment asked for.
        align: u64,
        /// Why it failed (the maximum reached, the engine refused to grow).
        reason: String,
    },
    /// A module's function-table slots do not fit in the table.
    #[error("{module}: cannot allocate {slots} function table slots: {reason}")]
    TableLimit {
        /// The module whose slots they are.
        module: String,
        /// Slots asked for.
        slots: u64,
        /// Why it failed.
        reason: String,
    },
    /// A module has a shape this linker does not support (a non-PIE main module without the
    /// exports its libraries need, an import of `__tls_base`, ...).
    #[error("{module}: unsupported: {what}")]
    Unsupported {
        /// The module concerned.
        module: String,
        /// What it asks for that is not supported.
        what: String,
    },
    /// The engine refused to instantiate a module (an import missing from the host, a trap in
    /// its start function).
    #[error("{module}: instantiation failed: {reason}")]
    Instantiate {
        /// The module concerned.
        module: String,
        /// The engine's message.
        reason: String,
    },
    /// A module's initialisation function (`__wasm_call_ctors`, ...) trapped.
    #[error("{module}: {function} failed: {reason}")]
    Init {
        /// The module concerned.
        module: String,
        /// The function that failed.
        function: String,
        /// The trap's message.
        reason: String,
    },
    /// An engine operation on a module's behalf failed.
    #[error("{module}: engine error: {reason}")]
    Engine {
        /// The module concerned.
        module: String,
        /// The engine's message.
        reason: String,
    },
    /// An engine operation on the process's own objects (its function table, the PLT, a thread's
    /// memory) failed.
    #[error("{operation}: engine error: {reason}")]
    Store {
        /// What the linker was doing.
        operation: &'static str,
        /// The engine's message.
        reason: String,
    },
    /// A `dlsym`/`dlclose` handle that `dlopen` did not return, or one already closed.
    #[error("handle {handle:#x}: not a handle returned by dlopen (or already closed)")]
    InvalidHandle {
        /// The handle as the guest passed it.
        handle: u32,
    },
    /// `dlclose` of a library whose handles are all closed already.
    #[error("{module}: dlclose of a library that is not open")]
    NotOpen {
        /// The library.
        module: String,
    },
    /// `dlsym(RTLD_NEXT, ...)` with no calling module to search after: from the embedder or a
    /// WASIX call (a module's `env.dlsym` knows its caller: `dlfcn/dlsym_front.rs`).
    #[error("RTLD_NEXT: no calling module to search after, looking up {symbol}")]
    RtldNext {
        /// The symbol looked up.
        symbol: String,
    },
    /// A table slot that is not a closure was freed.
    #[error("table slot {slot}: not an allocated closure")]
    NotAClosure {
        /// The slot.
        slot: u32,
    },
    /// The embedder's host resolver supplied a host function for an import that is not a
    /// function.
    #[error("{module}: import {import} is not a function, but the host resolver supplied one")]
    HostImportKind {
        /// The importing module.
        module: String,
        /// The import, as `module.name`.
        import: String,
    },
    /// A thread could not get memory for its stack or TLS blocks.
    #[error("thread {thread}: cannot allocate {bytes} bytes of memory: {reason}")]
    ThreadMemory {
        /// The thread (instance group) id.
        thread: u64,
        /// Bytes asked for.
        bytes: u64,
        /// Why it failed.
        reason: String,
    },
    /// A module's memory import does not agree with the main module's on `shared`: a library
    /// built with threads (`-pthread`, `--shared-memory`) under a main built without, or the
    /// reverse. One memory serves them all, so its type must suit every import.
    #[error("{module}: imports {} memory, but the main module {main} declares {} one (build all modules of a program with threads, or all without)", if *shared { "a shared" } else { "a non-shared" }, if *shared { "a non-shared" } else { "a shared" })]
    MemoryMismatch {
        /// The library.
        module: String,
        /// Whether the library's memory import is shared.
        shared: bool,
        /// The main module.
        main: String,
    },
    /// A thread (or another instance group) was asked for in a process whose memory is not
    /// shared: the program was built without threads.
    #[error("{module}: cannot start a thread: the program's memory is not shared (built without threads; build with -pthread and --shared-memory)")]
    NoSharedMemory {
        /// The main module.
        module: String,
    },
    /// The operating system refused a new thread.
    #[error("cannot start a thread: {reason}")]
    ThreadSpawn {
        /// The operating system's message.
        reason: String,
    },
    /// A link operation gave up, changing nothing, because another thread did not reach a
    /// safepoint in time (docs/threads.md).
    #[error("thread {thread}: did not reach a safepoint within {timeout:?} (it runs wasm without host calls, which the {engine} engine cannot pause, or waits in a host function not marked blocking)")]
    SafepointTimeout {
        /// The first thread that did not answer.
        thread: u64,
        /// How long the operation waited.
        timeout: Duration,
        /// The engine's name.
        engine: &'static str,
    },
}

impl LinkError {
    /// The module (or library name, or path) this error is about, if it is about one.
    pub fn module(&self) -> Option<&str> {
        match self {
            LinkError::NotWasm { module, .. }
            | LinkError::Malformed { module, .. }
            | LinkError::NoDylink { module }
            | LinkError::BadDylink { module, .. }
            | LinkError::UndefinedSymbol { module, .. }
            | LinkError::SignatureMismatch { module, .. }
            | LinkError::WeakUndefinedCalled { module, .. }
            | LinkError::NotAddressable { module, .. }
            | LinkError::OutOfMemory { module, .. }
            | LinkError::TableLimit { module, .. }
            | LinkError::Unsupported { module, .. }
            | LinkError::Instantiate { module, .. }
            | LinkError::Init { module, .. }
            | LinkError::Engine { module, .. }
            | LinkError::NotOpen { module }
            | LinkError::MemoryMismatch { module, .. }
            | LinkError::NoSharedMemory { module }
            | LinkError::HostImportKind { module, .. } => Some(module),
            LinkError::LibraryNotFound { name, .. } => Some(name),
            LinkError::PathEscapesRoot { path } | LinkError::Io { path, .. } => Some(path),
            LinkError::Store { .. }
            | LinkError::InvalidHandle { .. }
            | LinkError::RtldNext { .. }
            | LinkError::NotAClosure { .. }
            | LinkError::ThreadMemory { .. }
            | LinkError::ThreadSpawn { .. }
            | LinkError::SafepointTimeout { .. } => None,
        }
    }

    /// The symbol this error is about, if any.
    pub fn symbol(&self) -> Option<&str> {
        match self {
            LinkError::UndefinedSymbol { symbol, .. }
            | LinkError::SignatureMismatch { symbol, .. }
            | LinkError::WeakUndefinedCalled { symbol, .. }
            | LinkError::NotAddressable { symbol, .. }
            | LinkError::RtldNext { symbol } => Some(symbol),
            _ => None,
        }
    }

    /// An engine failure on behalf of `module`.
    pub(crate) fn engine(module: &str, e: impl std::fmt::Display) -> LinkError {
        LinkError::Engine {
            module: module.to_string(),
            reason: e.to_string(),
        }
    }

    /// An engine failure on the process's own objects.
    pub(crate) fn store(operation: &'static str, e: impl std::fmt::Display) -> LinkError {
        LinkError::Store {
            operation,
            reason: e.to_string(),
        }
    }
}

/// A result whose error is a [`LinkError`].
pub type Result<T, E = LinkError> = std::result::Result<T, E>;
