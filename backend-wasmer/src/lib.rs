//! wasmer backend for `linker-core`: adapts wasmer 7.4 (Cranelift) to the linker's engine traits
//! and nothing more.
//!
//! Imports that neither the loaded modules nor the linker's host resolver define are taken from
//! the embedder's own [`wasmer::Imports`], given with [`WasmerEngine::with_imports`] (or
//! [`WasmerEngine::with_imports_and_setup`], for imports such as wasmer-wasix's that must be told
//! the process memory before they are called). With the feature `wasi` (default), [`wasi`] serves
//! WASI preview 1 from wasmer's own crate, `wasmer-wasix`, that way.
//!
//! ```no_run
//! use std::sync::Arc;
//! use backend_wasmer::WasmerEngine;
//! use linker_core::{MountFs, LinkerConfig, NoHost, Process};
//!
//! let engine = WasmerEngine::new();
//! // Functions of your own, as with any wasmer embedding. Functions in `wasmer::Imports` belong
//! // to a store, so they are made per store by a closure.
//! let engine = engine.with_imports(|store| {
//!     let answer = wasmer::Function::new_typed(store, || 42i32);
//!     wasmer::imports! { "host" => { "answer" => answer } }
//! });
//! let fs = Arc::new(MountFs::root("/path/to/root").unwrap());
//! let mut process = Process::load(engine, LinkerConfig::new(fs), Arc::new(NoHost), "/app/main.wasm").unwrap();
//! let exit_code = process.run().unwrap();
//! # let _ = exit_code;
//! ```

mod convert;
mod engine;
mod host_func;
mod imports;
mod memory;
mod store;
#[cfg(feature = "wasi")]
pub mod wasi;

pub use engine::WasmerEngine;
pub use imports::StoreSetup;
