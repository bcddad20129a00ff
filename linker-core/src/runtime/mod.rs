//! The runtime: the plan replayed in engine stores, through the [`crate::engine`] traits. Each
//! instance group (a thread) has its own store; what they share is the process state.
//!
//! | module | concept |
//! |---|---|
//! | `state` | the process's shared state, a group's handles, the context every operation runs in |
//! | `host` | the embedder's resolver of imports no module defines |
//! | `module_cache`, `compile` | compiled code by content hash, in memory and on disk |
//! | `instantiate` | one module instantiated in one group: its imports made |
//! | `new_group` | a group's store set up and every module instantiated in it |
//! | `group` | a group's tables filled, catching up with the records |
//! | `thread_memory` | a thread's stack, TLS blocks and dlerror buffer (`dl-tls.c`) |
//! | `init` | constructors and data relocations, in dependency order (`dl-init.c`) |
//! | `binder` | the lazy binder the PLT's resolvers call, and host functions in tables |
//! | `lazy` | lazy replication: stand-ins in a thread's table until its first call (docs/threads.md) |
//! | `safepoint`, `reclaim` | link operations between threads; memory and slots given back |
//! | `threads` | spawning and joining instance groups |
//! | `closures`, `closure_record`, `closure_funcs` | closures in table slots (the embedder's host functions, the guest's WASIX ones): the operations, the records, each group's functions |
//! | `packed_values` | values packed in guest memory (WASIX `call_dynamic`, guest closures' frames) |
//! | `dlsym_cache` | `dlsym` results the host keeps, read without a lock |

pub(crate) mod binder;
pub(crate) mod closure_funcs;
pub(crate) mod closure_record;
pub(crate) mod closures;
pub(crate) mod compile;
pub(crate) mod dlsym_cache;
pub(crate) mod group;
pub(crate) mod guest_word;
pub(crate) mod host;
pub(crate) mod init;
pub(crate) mod instantiate;
pub(crate) mod lazy;
pub(crate) mod module_cache;
pub(crate) mod new_group;
pub(crate) mod packed_values;
pub(crate) mod polls;
pub(crate) mod reclaim;
pub(crate) mod safepoint;
pub(crate) mod state;
pub(crate) mod support;
pub(crate) mod table_space;
pub(crate) mod thread_memory;
pub(crate) mod threads;
