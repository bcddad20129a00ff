//! The process's import chain: what the replay asks for imports no loaded module defines. First
//! the linker's own guest ABI ([`crate::dlfcn`]), then the embedder's [`HostResolver`], whose
//! functions become safepoints (docs/threads.md); what neither supplies is left to the backend's
//! native imports (a `wasmtime::Linker`, a `wasmer::Imports`).

use std::sync::Arc;

use crate::engine::HostError;
use crate::engine::{Engine, Extern, HostFn};
use crate::error::{LinkError, Result};
use crate::metadata::{ExternType, Import};
use crate::plan::builtin::Builtin;
use crate::plan::image::ModuleId;
use crate::runtime::host::{HostContext, HostImport, HostResolver};
use crate::runtime::safepoint::{enter, leave, safepoint_host};
use crate::runtime::state::{GroupCx, ImportSource};
use crate::types::FuncType;

/// The chain of a process: builtins, then the embedder's resolver.
pub(crate) struct ProcessImports<E: Engine> {
    pub host: Arc<dyn HostResolver<E>>,
}

impl<E: Engine> ImportSource<E> for ProcessImports<E> {
    fn builtin(&self, g: &mut GroupCx<'_, E>, b: Builtin, importer: ModuleId) -> Result<Extern<E>> {
        crate::dlfcn::builtin_func(g, b, importer)
    }

    fn host(
        &self,
        g: &mut GroupCx<'_, E>,
        module: &str,
        import: &Import,
    ) -> Result<Option<Extern<E>>> {
        let memory = g.memory();
        let hc = HostContext {
            memory: &memory,
            module,
        };
        let supplied = self.host.resolve(g.cx, &hc, import)?;
        let wrap = |f: HostFn<E>, blocking: bool, g: &mut GroupCx<'_, E>| -> Result<Extern<E>> {
            let ExternType::Func(ty) = &import.ty else {
                return Err(LinkError::HostImportKind {
                    module: module.to_string(),
                    import: format!("{}.{}", import.module, import.name),
                });
            };
            let f = if blocking {
                blocking_host_func(g, f)
            } else {
                safepoint_host_func(g, f)
            };
            g.cx.new_host_func(ty, f)
                .map(Extern::Func)
                .map_err(|e| LinkError::engine(module, e))
        };
        Ok(match supplied {
            None => None,
            Some(HostImport::Extern(e)) => Some(e),
            Some(HostImport::Func(f)) => Some(wrap(f, false, g)?),
            Some(HostImport::Blocking(f)) => Some(wrap(f, true, g)?),
        })
    }

    fn guards(&self, g: &mut GroupCx<'_, E>) -> Result<[E::Func; 3]> {
        if let Some(guards) = g.group_state().guards.clone() {
            return Ok(guards);
        }
        let guards = make_guards(g)?;
        g.group_state().guards = Some(guards.clone());
        Ok(guards)
    }

    fn materialize(&self, g: &mut GroupCx<'_, E>, m: ModuleId) -> Result<()> {
        crate::runtime::lazy::materialize::materialize_held(g, m)
    }
}

/// `wasmlink.safepoint`, `leave` and `enter` for forwarders: the same protocol as the wrappers
/// below, as three calls around the engine's own import.
fn make_guards<E: Engine>(g: &mut GroupCx<'_, E>) -> Result<[E::Func; 3]> {
    let (sh, weak) = (Arc::downgrade(g.shared), Arc::downgrade(g.group));
    let stop = g.shared.coord.stop_flag();
    let upgrade = move || -> std::result::Result<_, HostError> {
        match (sh.upgrade(), weak.upgrade()) {
            (Some(s), Some(gr)) => Ok((s, gr)),
            _ => Err(HostError::Trap("instance group is gone".into())),
        }
    };
    let up = upgrade.clone();
    let safepoint: HostFn<E> = Arc::new(move |cx, _, _| {
        if stop.is_set() {
            let (sh, group) = up()?;
            safepoint_host(&mut GroupCx::new(cx, &sh, &group))?;
        }
        Ok(())
    });
    let up = upgrade.clone();
    let leave_fn: HostFn<E> = Arc::new(move |_, _, _| {
        let (sh, group) = up()?;
        leave(&sh, &group);
        Ok(())
    });
    let enter_fn: HostFn<E> = Arc::new(move |cx, _, _| {
        let (sh, group) = upgrade()?;
        enter(&mut GroupCx::new(cx, &sh, &group))?;
        Ok(())
    });
    let ty = FuncType::new([], []);
    let mut make = |f: HostFn<E>| {
        g.cx.new_host_func(&ty, f)
            .map_err(|e| LinkError::store("forwarder guard", e))
    };
    Ok([make(safepoint)?, make(leave_fn)?, make(enter_fn)?])
}

/// A host function that is a safepoint: a pending link operation of another thread is applied
/// before it runs.
fn safepoint_host_func<E: Engine>(g: &GroupCx<'_, E>, f: HostFn<E>) -> HostFn<E> {
    let (sh, weak) = (Arc::downgrade(g.shared), Arc::downgrade(g.group));
    let stop = g.shared.coord.stop_flag();
    Arc::new(move |cx, args, results| {
        if stop.is_set() {
            if let (Some(sh), Some(group)) = (sh.upgrade(), weak.upgrade()) {
                safepoint_host(&mut GroupCx::new(cx, &sh, &group))?;
            }
        }
        f(cx, args, results)
    })
}

/// A host function that may block: while it runs the group counts as idle, so other threads'
/// link operations do not wait for it; before it returns to wasm the group catches up.
fn blocking_host_func<E: Engine>(g: &GroupCx<'_, E>, f: HostFn<E>) -> HostFn<E> {
    let (sh, weak) = (Arc::downgrade(g.shared), Arc::downgrade(g.group));
    Arc::new(move |cx, args, results| {
        let (Some(sh), Some(group)) = (sh.upgrade(), weak.upgrade()) else {
            return f(cx, args, results);
        };
        leave(&sh, &group);
        let r = f(cx, args, results);
        enter(&mut GroupCx::new(cx, &sh, &group))?;
        r
    })
}
