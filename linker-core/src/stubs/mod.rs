//! Every module the linker generates (wasm bytes only; what the host does for them lives in the
//! runtime): the PLT's stubs and resolvers, forwarders, closure trampolines (`codegen`), PLT
//! stubs moved into their callers (`inline`), lazy replication's stand-ins (`standin`) and the
//! wasm-side `dlsym` cache (`dlsym_front`).
//!
//! When a module imports a function whose provider is not instantiated yet (a circular
//! reference: the usual case is a library calling libc in the main module, which is instantiated
//! after its libraries), the import is bound to a small generated wasm function that does
//! `call_indirect` through a slot of the linker's own PLT table. Until the symbol is bound the
//! slot holds a generated *resolver* (wasm, from the same module) that calls the host function
//! `wasmlink.bind(slot)` (`crate::runtime::binder`), which binds the symbol and puts the provider's function
//! in the slot (or traps naming the symbol), then forwards the call. From then on every call is
//! wasm to wasm: the stub's one `call_indirect`, no check, no host round trip.
//!
//! Host functions never go into the PLT (wasmer cannot put host functions in tables), only the
//! providers' wasm functions do. Closures (host functions given a table slot) go through a
//! generated trampoline on such engines ([`codegen::trampoline_module`]).
//!
//! Imports left to the engine's own imports (the embedder's `wasmtime::Linker`, WASI crates) are
//! called through a generated *forwarder* that exports the process memory as `memory` and makes
//! each call a safepoint ([`codegen::forwarder_module`]).
//!
//! The PLT table is separate from the program's function table so that stubs can exist before the
//! program's table does (a non-PIE main module defines its own table).

pub(crate) mod codegen;
pub(crate) mod dlsym_front;
pub(crate) mod inline;
pub(crate) mod standin;

pub(crate) use codegen::{
    assemble, forward_export, forwarder_module, process_memory_type, resolver_export, stub_export,
    stub_module, Forwarded,
};
