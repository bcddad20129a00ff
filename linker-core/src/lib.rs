//! `linker-core`: a dynamic linker for WebAssembly `dylink.0` modules that works on any engine.
//!
//! The crate is engine independent: an engine is reached only through the traits in [`engine`].
//! Its modules follow the steps of a loader, one concept each (compare glibc's `elf/`):
//!
//! | module | concept |
//! |---|---|
//! | [`metadata`] | what a module declares: dylink.0, imports classified, exports, element slots |
//! | [`locate`] | finding a library file: search path, RUNPATH, `$ORIGIN`, the library root |
//! | [`layout`] | memory and table layout, allocators |
//! | [`scope`] | symbol lookup in a scope |
//! | [`symbol_map`] | the hash map of symbol tables |
//! | [`load`] | building the process image: tree, order, bindings |
//! | [`stubs`] | lazy bindings through the PLT |
//! | [`group`] | an instance group: replaying the image in one store |
//! | [`dlopen`] | loading, looking up and unloading at run time |
//! | [`dlsym_cache`] | `dlsym` results: a lock-free snapshot, republished in batches |
//! | [`dlfcn`] | the guest's `<dlfcn.h>` ABI over [`dlopen`] |
//! | [`closures`] | table slots for host functions made at run time |
//! | [`threads`] | many instance groups: safepoints, link operations, spawning |
//! | [`process`] | the embedder's API |
//!
//! See `docs/architecture.md` for the design and `docs/abi.md` for the conventions it implements.

pub mod cache;
pub mod closures;
pub mod config;
pub mod coordinator;
pub mod dlfcn;
pub mod dlopen;
pub mod dlsym_cache;
pub mod engine;
pub mod error;
pub mod group;
pub mod host;
pub mod image;
pub mod layout;
pub mod load;
pub mod locate;
pub mod metadata;
pub mod process;
pub mod scope;
pub mod stubs;
pub mod symbol_map;
pub mod threads;

pub use cache::ModuleCache;
pub use config::LinkerConfig;
pub use engine::{
    CallError, Capabilities, Engine, EngineError, Extern, FuncType, HostError, HostFn, StoreOps,
    Val, ValType,
};
pub use error::LinkError;
pub use host::{HostContext, HostImport, HostResolver, NoHost};
pub use locate::{FileId, HostDirFs, LibraryFs, SearchPath};
pub use metadata::ModuleInfo;
pub use process::{ldd, LddReport, ModuleSummary, Process, RunError};
