//! Link errors. Every variant names the module it concerns and, where there is one, the symbol,
//! the way glibc's `_dl_signal_error` carries the object name beside the reason.

use std::sync::Arc;

/// Everything that can go wrong while locating, parsing, laying out, binding or initialising modules.
#[derive(Debug, Clone, thiserror::Error)]
pub enum LinkError {
    #[error("{module}: not a WebAssembly module ({reason})")]
    NotWasm { module: String, reason: String },
    #[error("{module}: malformed module: {reason}")]
    Malformed { module: String, reason: String },
    #[error("{module}: not a dynamic library (no dylink.0 section)")]
    NoDylink { module: String },
    #[error("{module}: malformed dylink.0 section: {reason}")]
    BadDylink { module: String, reason: String },
    #[error("{name}: cannot open shared object file: No such file or directory (needed by {needed_by}; searched {searched:?})")]
    LibraryNotFound {
        name: String,
        needed_by: String,
        searched: Vec<String>,
    },
    #[error("{path}: path escapes the library root")]
    PathEscapesRoot { path: String },
    #[error("{path}: cannot read: {reason}")]
    Io { path: String, reason: String },
    #[error("{module}: undefined symbol: {symbol}")]
    UndefinedSymbol { module: String, symbol: String },
    #[error("{module}: symbol {symbol} has the wrong type: imported as {expected}, but {provider} defines it as {found}")]
    SignatureMismatch {
        module: String,
        symbol: String,
        provider: String,
        expected: String,
        found: String,
    },
    #[error("{module}: called weak undefined function {symbol}")]
    WeakUndefinedCalled { module: String, symbol: String },
    #[error("{module}: cannot allocate {bytes} bytes of memory (aligned to {align}): {reason}")]
    OutOfMemory {
        module: String,
        bytes: u64,
        align: u64,
        reason: String,
    },
    #[error("{module}: cannot allocate {slots} function table slots: {reason}")]
    TableLimit {
        module: String,
        slots: u64,
        reason: String,
    },
    #[error("{module}: unsupported: {what}")]
    Unsupported { module: String, what: String },
    #[error("{module}: instantiation failed: {reason}")]
    Instantiate { module: String, reason: String },
    #[error("{module}: {function} failed: {reason}")]
    Init {
        module: String,
        function: String,
        reason: String,
    },
    #[error("{module}: engine error: {reason}")]
    Engine { module: String, reason: String },
}

impl LinkError {
    /// The module (or library name) this error is about.
    pub fn module(&self) -> &str {
        match self {
            LinkError::NotWasm { module, .. }
            | LinkError::Malformed { module, .. }
            | LinkError::NoDylink { module }
            | LinkError::BadDylink { module, .. }
            | LinkError::UndefinedSymbol { module, .. }
            | LinkError::SignatureMismatch { module, .. }
            | LinkError::WeakUndefinedCalled { module, .. }
            | LinkError::OutOfMemory { module, .. }
            | LinkError::TableLimit { module, .. }
            | LinkError::Unsupported { module, .. }
            | LinkError::Instantiate { module, .. }
            | LinkError::Init { module, .. }
            | LinkError::Engine { module, .. } => module,
            LinkError::LibraryNotFound { name, .. } => name,
            LinkError::PathEscapesRoot { path } | LinkError::Io { path, .. } => path,
        }
    }

    /// The symbol this error is about, if any.
    pub fn symbol(&self) -> Option<&str> {
        match self {
            LinkError::UndefinedSymbol { symbol, .. }
            | LinkError::SignatureMismatch { symbol, .. }
            | LinkError::WeakUndefinedCalled { symbol, .. } => Some(symbol),
            _ => None,
        }
    }

    pub(crate) fn engine(module: &str, e: impl std::fmt::Display) -> LinkError {
        LinkError::Engine {
            module: module.to_string(),
            reason: e.to_string(),
        }
    }
}

impl From<LinkError> for crate::engine::HostError {
    fn from(e: LinkError) -> Self {
        crate::engine::HostError::Link(Arc::new(e))
    }
}

pub type Result<T, E = LinkError> = std::result::Result<T, E>;
