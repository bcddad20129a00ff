//! `linker-core`: a dynamic linker for WebAssembly `dylink.0` modules that works on any engine.
//!
//! The crate is engine independent: an engine is reached only through the traits in [`engine`].
//! Its folders are its layers, each importing only those below it (checked by the workspace's
//! `tests/architecture.rs`), as wasmtime splits `environ` from its runtime and glibc's `dlfcn/`
//! sits on `elf/`:
//!
//! | layer | what | glibc |
//! |---|---|---|
//! | `process` | the embedder's API ([`Process`]) and the import chain (builtins, then the embedder's [`HostResolver`]) | `rtld.c` |
//! | `dlfcn` | the guest's `<dlfcn.h>` and thread ABI: `dlopen`, `dlsym`, `dlclose`, the wasm-side `dlsym` cache | `dlfcn/`, `dl-open.c`, `dl-close.c`, `dl-sym.c` |
//! | `runtime` | the plan replayed in engine stores: process and group state, compiling, instantiating, thread memory, initialisation, lazy replication, safepoints, threads | `dl-init.c`, `dl-tls.c` |
//! | `stubs` | every module the linker generates (wasm bytes) | |
//! | `coordinator` | who may change the records, and which threads have caught up (docs/threads.md) | |
//! | [`engine`] | the traits an engine implements | |
//! | `plan` | engine-free: namespace, location, discovery, order, layout, scope, binding, the records, `ldd` | `dl-load.c`, `dl-deps.c`, `dl-lookup.c`, `dl-reloc.c` |
//! | [`metadata`] | what a module declares: dylink.0, imports classified, exports, element slots | |
//! | `types`, `error`, `symbol_map` | value types, link errors, symbol tables | |
//!
//! See `docs/architecture.md` for the design and `docs/abi.md` for the conventions it implements.
#![deny(missing_docs)]

mod coordinator;
mod dlfcn;
pub mod engine;
mod error;
#[doc(hidden)]
pub mod fuzzing;
pub mod metadata;
mod plan;
mod process;
mod runtime;
mod stubs;
mod symbol_map;
mod types;

pub use dlfcn::dlopen::{RTLD_GLOBAL, RTLD_LAZY, RTLD_NODELETE, RTLD_NOLOAD, RTLD_NOW};
pub use engine::{
    Capabilities, Engine, EngineError, Extern, HostError, HostFn, LinkFailure, MemoryBytes,
    StoreOps,
};
pub use error::LinkError;
pub use metadata::ModuleInfo;
pub use plan::builtin::Builtin;
pub use plan::config::{LinkerConfig, PollPoints};
pub use plan::image::Accounting;
pub use plan::ldd::{ldd, LddReport, ModuleSummary, Unresolved};
pub use plan::locate::{FileId, LibraryFs, SearchPath};
pub use plan::namespace::{Mount, MountFs};
pub use plan::scope::WeakPolicy;
pub use process::{Process, RunError};
pub use runtime::dlsym_cache::SymbolAddress;
pub use runtime::host::{HostContext, HostImport, HostResolver, NoHost};
pub use runtime::module_cache::ModuleCache;
pub use types::{FuncType, Val, ValType};
