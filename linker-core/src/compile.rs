//! Compiling what planning added: each new module (by the key of its bytes, through the
//! [`ModuleCache`]) and the generated stub module of each module with PLT bindings.

use crate::config::LinkerConfig;
use crate::discover::read_bytes;
use crate::engine::{Engine, EngineError};
use crate::error::{LinkError, Result};
use crate::image::Image;
use crate::module_cache::{Code, ModuleCache, ModuleCode};
use crate::plan::Source;
use crate::stubs::stub_module;

/// Compiles the modules of `sources` into `code` (indexed by module id).
#[tracing::instrument(level = "debug", skip_all, fields(count = sources.len()))]
pub(crate) fn compile_added<E: Engine>(
    engine: &E,
    cache: &ModuleCache<E>,
    config: &LinkerConfig,
    image: &Image,
    sources: Vec<Source>,
    code: &mut Code<E>,
) -> Result<()> {
    if code.len() < image.modules.len() {
        code.resize_with(image.modules.len(), || None);
    }
    for src in sources {
        let lm = &image.modules[src.id];
        let bytes = || match src.bytes {
            Some(b) => Ok(b),
            // Its description came from the file cache: read again only on a compile miss.
            None => read_bytes(config, &lm.name, &lm.path).map_err(|e| EngineError(e.to_string())),
        };
        let module = cache
            .compile_keyed(engine, &lm.name, src.content, bytes)
            .map_err(|err| LinkError::Malformed {
                module: lm.name.clone(),
                reason: err.0,
            })?;
        let stubs = if lm.stubs.is_empty() {
            None
        } else {
            let name = format!("{} (stubs)", lm.name);
            Some(
                cache
                    .compile(engine, &name, &stub_module(&lm.stubs))
                    .map_err(|err| LinkError::engine(&name, err))?,
            )
        };
        code[src.id] = Some(ModuleCode { module, stubs });
    }
    Ok(())
}
