//! What a module asks of the engine that the engine cannot do, refused before anything is
//! compiled or instantiated: a typed error naming the module and the missing feature
//! ([`crate::LinkError::Unsupported`]), never the engine's validation message or a half-linked
//! process. The engine says what it lacks in its [`Capabilities`]; the module's description says
//! what it needs (a shared memory: built with threads; an exception tag: C++ exceptions, or
//! setjmp/longjmp lowered to wasm exceptions).

use crate::engine::{Capabilities, Engine};
use crate::error::{LinkError, Result};
use crate::metadata::{ExternType, ModuleInfo};

/// Refuses `info` if it needs what `engine` lacks.
pub(crate) fn check<E: Engine>(engine: &E, info: &ModuleInfo) -> Result<()> {
    check_with(&engine.capabilities(), engine.name(), info)
}

fn check_with(caps: &Capabilities, engine: &str, info: &ModuleInfo) -> Result<()> {
    let unsupported = |what: &str| {
        Err(LinkError::Unsupported {
            module: info.name.clone(),
            what: format!("the engine {engine} does not support {what}"),
        })
    };
    let shared = info
        .imports
        .iter()
        .any(|i| matches!(i.ty, ExternType::Memory { shared: true, .. }));
    if shared && !caps.shared_memory {
        return unsupported("shared memory (threads)");
    }
    if info.uses_tags && !caps.exceptions {
        return unsupported("exception handling (tags: C++ exceptions, setjmp/longjmp)");
    }
    Ok(())
}
