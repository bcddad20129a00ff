//! Imports that no loaded module defines (`wasi_snapshot_preview1`, the embedder's own functions)
//! are asked of the embedder through [`HostResolver`].

use crate::engine::{Engine, Extern, StoreOps};
use crate::error::LinkError;
use crate::metadata::Import;

/// What a host resolver may need to build an import for one instance group.
pub struct HostContext<'a, E: Engine> {
    /// The process memory as seen from this group's store.
    pub memory: &'a E::Memory,
    /// The module whose import is being resolved.
    pub module: &'a str,
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
    ) -> Result<Option<Extern<E>>, LinkError>;
}

/// A resolver that supplies nothing.
pub struct NoHost;

impl<E: Engine> HostResolver<E> for NoHost {
    fn resolve(
        &self,
        _cx: &mut dyn StoreOps<E>,
        _host: &HostContext<'_, E>,
        _import: &Import,
    ) -> Result<Option<Extern<E>>, LinkError> {
        Ok(None)
    }
}
