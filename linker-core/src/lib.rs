//! `linker-core`: a dynamic linker for WebAssembly `dylink.0` modules that works on any engine.
//!
//! The crate is engine independent: an engine is reached only through the traits in [`engine`].
//! Its modules follow the steps of a loader, one concept each (compare glibc's `elf/`), in two
//! halves, as wasmtime splits `environ` from its runtime:
//!
//! The plan, engine-free (what `ldd` runs):
//!
//! | module | concept |
//! |---|---|
//! | [`metadata`] | what a module declares: dylink.0, imports classified, exports, element slots |
//! | `namespace` | the program's filesystem: mounts of host directories at guest paths |
//! | `locate` | finding a library file: search path, RUNPATH, `$ORIGIN` |
//! | `discover` | the tree, breadth-first, each file read and parsed once (`dl-deps.c`) |
//! | `file_cache`, `content`, `launch` | parsed files by identity and stamp; the key of a module's code; the key of a start-up |
//! | `order` | initialisation order and local scopes (`dl-sort-maps.c`) |
//! | `layout` | memory and table layout, placement, allocators |
//! | `scope`, `symbol_map` | symbol lookup in a scope (`dl-lookup.c`) |
//! | `builtin` | the guest ABI the linker serves, by name and signature |
//! | `bind` | every import's binding (`dl-reloc.c`) |
//! | `plan` | a start-up or a `dlopen` as records |
//! | `image` | the records: modules, bindings, PLT, canonical slots (`link_map`) |
//! | `ldd` | the tree and unresolved symbols of a program |
//!
//! The runtime, over the [`engine`] traits:
//!
//! | module | concept |
//! |---|---|
//! | `module_cache`, `compile` | compiled code by content hash, in memory and on disk |
//! | `runtime` | the process's shared state, a group's handles, the context of every operation |
//! | `stubs` | the PLT: generated stubs and resolvers, the lazy binder, closure trampolines |
//! | `thread_memory` | a thread's stack, TLS blocks and dlerror buffer (`dl-tls.c`) |
//! | `instantiate`, `group` | replaying the image in one store; catching up (`dl-init.c` for `init`) |
//! | `safepoint`, `coordinator` | link operations between threads (docs/threads.md) |
//! | `dlopen`, `dlsym`, `dlclose`, `closures` | changing the image at run time |
//! | `dlsym_cache`, `dlsym_front` | `dlsym` results: host-side, and in each thread's memory |
//! | `threads` | spawning and joining instance groups |
//! | `dlfcn` | the guest's `<dlfcn.h>` and thread ABI over the above |
//! | `imports` | the import chain: builtins, then the embedder's [`HostResolver`] |
//! | [`Process`] | the embedder's API (`rtld.c`) |
//!
//! See `docs/architecture.md` for the design and `docs/abi.md` for the conventions it implements.
#![deny(missing_docs)]

mod bind;
mod builtin;
mod closures;
mod compile;
mod config;
mod content;
mod coordinator;
mod deferred;
mod discover;
mod dlclose;
mod dlfcn;
mod dlopen;
mod dlsym;
mod dlsym_cache;
mod dlsym_front;
pub mod engine;
mod error;
mod file_cache;
mod group;
mod host;
mod image;
mod imports;
mod init;
mod instantiate;
mod launch;
mod layout;
mod ldd;
mod locate;
mod materialize;
pub mod metadata;
mod module_cache;
mod namespace;
mod order;
mod plan;
mod process;
mod reclaim;
mod runtime;
mod safepoint;
mod scope;
mod stubs;
mod symbol_map;
mod thread_memory;
mod threads;

pub use builtin::Builtin;
pub use config::LinkerConfig;
pub use dlopen::{RTLD_GLOBAL, RTLD_LAZY, RTLD_NODELETE, RTLD_NOLOAD, RTLD_NOW};
pub use dlsym_cache::SymbolAddress;
pub use engine::{
    Capabilities, Engine, EngineError, Extern, FuncType, HostError, HostFn, MemoryBytes, StoreOps,
    Val, ValType,
};
pub use error::LinkError;
pub use host::{HostContext, HostImport, HostResolver, NoHost};
pub use image::Accounting;
pub use ldd::{ldd, LddReport, ModuleSummary, Unresolved};
pub use locate::{FileId, LibraryFs, SearchPath};
pub use metadata::ModuleInfo;
pub use module_cache::ModuleCache;
pub use namespace::{Mount, MountFs};
pub use process::{Process, RunError};
pub use scope::WeakPolicy;
