//! The plan: everything the linker decides before an engine is involved (what `ldd` runs, and
//! what a start-up or a `dlopen` computes on a copy of the records before anything is
//! instantiated). It reads modules through [`crate::metadata`] and names nothing of the engine
//! traits or of the runtime above it.
//!
//! | module | concept | glibc |
//! |---|---|---|
//! | `config` | the embedder's settings | |
//! | `namespace` | the program's filesystem: mounts of host directories at guest paths | the mount namespace |
//! | `locate` | finding a library: path, `LD_LIBRARY_PATH`, RUNPATH with `$ORIGIN`, default dirs | `dl-load.c` |
//! | `content`, `file_cache` | the key of a module's code; parsed files by identity and stamp | |
//! | `discover` | the tree, breadth-first, each file read and parsed once | `dl-deps.c` |
//! | `launch` | the key of a start-up's records | dyld's launch closure |
//! | `order` | initialisation order and local scopes | `dl-sort-maps.c` |
//! | `layout` | memory and table layout, placement, allocators | |
//! | `scope` | symbol lookup in a scope | `dl-lookup.c` |
//! | `builtin` | the guest ABI the linker serves, by name and signature | |
//! | `bind` | every import's binding | `dl-reloc.c` |
//! | `image` | the records: modules, bindings, PLT, canonical slots | `link_map` |
//! | `records` | a start-up or a `dlopen` as records | |
//! | `ldd` | the tree and unresolved symbols of a program | `ldd` |

pub(crate) mod bind;
pub(crate) mod builtin;
pub(crate) mod config;
pub(crate) mod content;
pub(crate) mod discover;
pub(crate) mod file_cache;
pub(crate) mod image;
pub(crate) mod instrument;
pub(crate) mod launch;
pub(crate) mod layout;
pub(crate) mod ldd;
pub(crate) mod locate;
pub(crate) mod namespace;
pub(crate) mod order;
pub(crate) mod records;
pub(crate) mod scope;
