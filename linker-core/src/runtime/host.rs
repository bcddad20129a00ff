//! Imports that no loaded module defines (`wasi_snapshot_preview1`, the embedder's own functions)
//! are asked of the embedder through [`HostResolver`].

use crate::engine::{Engine, Extern, HostFn, StoreOps};
use crate::error::LinkError;
use crate::metadata::Import;

/// What a host resolver may need to build an import for one instance group.
pub struct HostContext<'a, E: Engine> {
    /// The process memory as seen from this group's store.
    pub memory: &'a E::Memory,
    /// The module whose import is being resolved.
    pub module: &'a str,
}

/// What a host resolver supplies for an import.
pub enum HostImport<E: Engine> {
    /// A host function of the import's type. The linker creates it, and makes each call a
    /// safepoint for link operations of other threads (docs/threads.md).
    Func(HostFn<E>),
    /// A host function that may block for a while (sleep, wait for input). While it runs its
    /// instance group counts as idle, so other threads' link operations do not wait for it (as
    /// a JVM thread in native code is at a safepoint); before it returns to wasm the group
    /// catches up with whatever they changed.
    Blocking(HostFn<E>),
    /// Anything already made in the store (a global, a memory, a function the embedder made).
    Extern(Extern<E>),
}

/// Supplies imports the linker does not define itself.
pub trait HostResolver<E: Engine>: Send + Sync {
    /// Returns the definition of `import`, or `Ok(None)` to leave it to the backend's native
    /// imports (a `wasmtime::Linker`, a `wasmer::Imports`), which fail the load if they lack it.
    fn resolve(
        &self,
        cx: &mut dyn StoreOps<E>,
        host: &HostContext<'_, E>,
        import: &Import,
    ) -> Result<Option<HostImport<E>>, LinkError>;
}

/// A resolver that supplies nothing.
pub struct NoHost;

impl<E: Engine> HostResolver<E> for NoHost {
    fn resolve(
        &self,
        _cx: &mut dyn StoreOps<E>,
        _host: &HostContext<'_, E>,
        _import: &Import,
    ) -> Result<Option<HostImport<E>>, LinkError> {
        Ok(None)
    }
}
