//! The embedder's own imports ([`crate::WasmerEngine::with_imports`]): made once per store, with
//! a setup run on the store's first instance that exports `memory`.

use std::sync::Mutex;

use linker_core::engine::HostError;
use wasmer::StoreMut;

/// Run once per store, on the first instance made in it that exports `memory` (see
/// [`WasmerEngine::with_imports_and_setup`]); an error fails that instantiation with its message.
pub type StoreSetup =
    Box<dyn FnOnce(&mut StoreMut<'_>, &wasmer::Instance) -> Result<(), String> + Send>;

pub(crate) type ImportsFactory =
    dyn Fn(&mut wasmer::Store) -> (wasmer::Imports, Option<StoreSetup>) + Send + Sync;

/// The embedder's imports of one store, and their setup until it has run.
pub(crate) struct StoreImports {
    pub(crate) imports: wasmer::Imports,
    pub(crate) setup: Mutex<Option<StoreSetup>>,
}

impl StoreImports {
    /// Runs the store's setup if `instance` is the first one exporting `memory`. Instances that
    /// call the embedder's imports are forwarders (linker-core's `forwarder_module`), which
    /// export the process memory as `memory` and are made before any of those imports can be
    /// called, so the setup runs before the first call.
    pub(crate) fn on_instance(
        &self,
        store: &mut StoreMut<'_>,
        instance: &wasmer::Instance,
    ) -> Result<(), HostError> {
        if !matches!(
            instance.exports.get_extern("memory"),
            Some(wasmer::Extern::Memory(_))
        ) {
            return Ok(());
        }
        let setup = self.setup.lock().unwrap_or_else(|p| p.into_inner()).take();
        match setup {
            Some(setup) => setup(store, instance)
                .map_err(|e| HostError::Trap(format!("setting up the store's imports: {e}"))),
            None => Ok(()),
        }
    }
}
