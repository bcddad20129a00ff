//! Instantiating one module in one group's store with its recorded bindings: each [`Binding`]
//! becomes the engine object the import takes. Imports the image does not define (builtins, the
//! embedder's functions) come from the process's import chain ([`crate::runtime::state::ImportSource`]).

use std::sync::Arc;

use crate::engine::{Engine, Extern, HostError, HostFn};
use crate::error::{LinkError, Result};
use crate::metadata::{ExternType, Import};
use crate::plan::builtin::may_block;
use crate::plan::image::{Binding, LoadedModule, ModuleId};
use crate::runtime::module_cache::ModuleCode;
use crate::runtime::state::{link_error, GroupCx};
use crate::stubs::{forward_export, forwarder_module, resolver_export, stub_export, Forwarded};
use crate::types::{FuncType, Val};

/// Instantiates module `m` in the group with its recorded bindings. `bind_now`: a function
/// import nothing defines fails here instead of at its first call.
pub(crate) fn instantiate_module<E: Engine>(
    g: &mut GroupCx<'_, E>,
    m: ModuleId,
    bind_now: bool,
) -> Result<()> {
    let (lm, code, bound) = {
        let st = g.records();
        let lm = st.image.modules[m].clone();
        // Which of its PLT slots have a known target (else the host may supply the function).
        let bound: Vec<bool> = lm
            .plan
            .iter()
            .map(|b| match b {
                Binding::Plt { slot, .. } => st.image.plt[*slot as usize].target.is_some(),
                _ => true,
            })
            .collect();
        (lm, st.code.get(m).cloned().flatten(), bound)
    };
    let name = lm.name.as_str();
    let _span = tracing::debug_span!("instantiate", module = %name).entered();
    let code = code.ok_or_else(|| LinkError::engine(name, "module was not compiled"))?;
    let stubs = match &code.stubs {
        Some(sm) => Some(instantiate_stubs(g, name, sm, &lm.plan)?),
        None => None,
    };
    let imports = module_imports(g, m, &lm, &code, stubs.as_ref(), &bound, bind_now)?;
    let inst =
        g.cx.instantiate(&code.module, &imports)
            .map_err(|e| match link_error(&e) {
                Some(l) => l,
                None => LinkError::Instantiate {
                    module: name.to_string(),
                    reason: e.to_string(),
                },
            })?;
    let mut gs = g.group_state();
    if gs.instances.len() <= m {
        gs.instances.resize(m + 1, None);
    }
    gs.instances[m] = Some(inst);
    Ok(())
}

/// What module `lm` is instantiated with, in the order of its imports: each recorded binding
/// made in this group, the PLT's stubs from `stubs`, the engine's own imports through a
/// forwarder, and the PLT table last when stubs were moved into the module.
fn module_imports<E: Engine>(
    g: &mut GroupCx<'_, E>,
    m: ModuleId,
    lm: &LoadedModule,
    code: &ModuleCode<E>,
    stubs: Option<&E::Instance>,
    bound: &[bool],
    bind_now: bool,
) -> Result<Vec<Option<Extern<E>>>> {
    let name = lm.name.as_str();
    let mut imports: Vec<Option<Extern<E>>> = Vec::with_capacity(lm.plan.len());
    // Function imports left to the engine's own imports: position among the module's imports,
    // and in `imports` (which lacks those moved into the module).
    let mut native: Vec<(usize, usize)> = Vec::new();
    let mut moved = code.inlined.iter().map(|i| i.import).peekable();
    for (pos, ((imp, b), &bound)) in lm
        .info
        .imports
        .iter()
        .zip(lm.plan.iter())
        .zip(bound)
        .enumerate()
    {
        if moved.next_if_eq(&pos).is_some() {
            // Moved into the module: it calls through the PLT table itself.
            continue;
        }
        let ext = match b {
            Binding::Plt { stub, .. } => {
                Some(plt_import(g, name, imp, *stub, stubs, bound, bind_now)?)
            }
            b => {
                let ext = import_for(g, m, name, imp, b)?;
                if ext.is_none() && matches!(imp.ty, ExternType::Func(_)) {
                    native.push((pos, imports.len()));
                }
                ext
            }
        };
        imports.push(ext);
    }
    if !native.is_empty() {
        forward_native(g, name, &lm.info.imports, &native, &mut imports)?;
    }
    if !code.inlined.is_empty() {
        imports.push(Some(Extern::Table(g.plt())));
    }
    Ok(imports)
}

/// A function import bound through the PLT: the embedder's function when no module defines the
/// symbol and the host has one, else the module's stub `stub` (which binds lazily), or, under
/// `bind_now`, an error when nothing defines it.
fn plt_import<E: Engine>(
    g: &mut GroupCx<'_, E>,
    name: &str,
    imp: &Import,
    stub: usize,
    stubs: Option<&E::Instance>,
    bound: bool,
    bind_now: bool,
) -> Result<Extern<E>> {
    if !bound {
        let shared = g.shared;
        if let Some(h) = shared.imports.host(g, name, imp)? {
            return Ok(h);
        }
        if bind_now {
            return Err(LinkError::UndefinedSymbol {
                module: name.to_string(),
                symbol: imp.name.clone(),
            });
        }
    }
    let inst =
        stubs.ok_or_else(|| LinkError::engine(name, "a module with PLT bindings has no stubs"))?;
    g.cx.export(inst, &stub_export(stub))
        .ok_or_else(|| LinkError::engine(name, "stub missing"))
}

/// Routes the function imports at positions `native` (left to the engine's own imports) through
/// a forwarder: the engine resolves the forwarder's imports, whose caller then exports the
/// process memory as `memory` (what WASI implementations look for), and each call is a
/// safepoint (see `stubs::forwarder_module`).
fn forward_native<E: Engine>(
    g: &mut GroupCx<'_, E>,
    name: &str,
    all: &[Import],
    native: &[(usize, usize)],
    imports: &mut [Option<Extern<E>>],
) -> Result<()> {
    let funcs: Vec<Forwarded<'_>> = native
        .iter()
        .map(|&(i, _)| {
            let imp = &all[i];
            let ExternType::Func(ty) = &imp.ty else {
                unreachable!("only function imports are forwarded")
            };
            Forwarded {
                module: &imp.module,
                name: &imp.name,
                ty,
                blocking: may_block(imp),
            }
        })
        .collect();
    let (max_pages, memory_shared) = {
        let st = g.records();
        (st.image.memory_pages.1, st.image.memory_shared)
    };
    let bytes = forwarder_module(&funcs, max_pages, memory_shared);
    let shared = g.shared;
    let forwarder_name = format!("{name} (forwarder)");
    let module = shared
        .cache
        .compile(&shared.engine, &forwarder_name, &bytes)
        .map_err(|e| LinkError::engine(&forwarder_name, e))?;
    let [safepoint, leave, enter] = shared.imports.guards(g)?;
    let mut fwd_imports: Vec<Option<Extern<E>>> = vec![
        Some(Extern::Memory(g.memory())),
        Some(Extern::Func(safepoint)),
        Some(Extern::Func(leave)),
        Some(Extern::Func(enter)),
    ];
    fwd_imports.resize(4 + funcs.len(), None);
    let inst =
        g.cx.instantiate(&module, &fwd_imports)
            .map_err(|e| LinkError::Instantiate {
                module: name.to_string(),
                reason: e.to_string(),
            })?;
    for (k, &(_, i)) in native.iter().enumerate() {
        imports[i] = Some(
            g.cx.export(&inst, &forward_export(k))
                .ok_or_else(|| LinkError::engine(&forwarder_name, "forwarder export missing"))?,
        );
    }
    Ok(())
}

/// Instantiates a module's stub module; every PLT slot of the module starts with its resolver.
fn instantiate_stubs<E: Engine>(
    g: &mut GroupCx<'_, E>,
    name: &str,
    stub_module: &E::Module,
    plan: &[Binding],
) -> Result<E::Instance> {
    let (plt, binder) = {
        let gs = g.group_state();
        (gs.tables.plt.clone(), gs.tables.binder.clone())
    };
    let binder = binder.ok_or_else(|| LinkError::engine(name, "the group has no binder"))?;
    let inst =
        g.cx.instantiate(
            stub_module,
            &[Some(Extern::Table(plt.clone())), Some(Extern::Func(binder))],
        )
        .map_err(|e| LinkError::Instantiate {
            module: format!("{name} (stubs)"),
            reason: e.to_string(),
        })?;
    for b in plan {
        if let Binding::Plt { stub, slot } = b {
            if let Some(Extern::Func(r)) = g.cx.export(&inst, &resolver_export(*stub)) {
                g.cx.table_set(&plt, *slot as u64, Some(&r))
                    .map_err(|e| LinkError::engine(name, e))?;
                g.group_state().tables.plt_resolvers.insert(*slot, r);
            }
        }
    }
    Ok(inst)
}

/// The engine object for one import of module `m` (named `name`), bound as `b` (any binding but
/// the PLT).
fn import_for<E: Engine>(
    g: &mut GroupCx<'_, E>,
    m: ModuleId,
    name: &str,
    imp: &Import,
    b: &Binding,
) -> Result<Option<Extern<E>>> {
    let eng = |e| LinkError::engine(name, e);
    Ok(match b {
        Binding::Memory => Some(Extern::Memory(g.memory())),
        Binding::Table => Some(Extern::Table(g.table())),
        Binding::StackPointer => Some(Extern::Global(g.group_state().stack_pointer.clone())),
        Binding::StackBound(high) => {
            let (low, top) = g.group_state().thread.stack;
            let v = Val::I32(if *high { top } else { low } as i32);
            let mutable = matches!(imp.ty, ExternType::Global { mutable: true, .. });
            Some(Extern::Global(g.cx.new_global(v, mutable).map_err(eng)?))
        }
        Binding::Value(v) => {
            let mutable = matches!(imp.ty, ExternType::Global { mutable: true, .. });
            Some(Extern::Global(g.cx.new_global(*v, mutable).map_err(eng)?))
        }
        Binding::GotTls { provider, offset } => {
            let base = match g.export(*provider, "__tls_base") {
                Some(Extern::Global(tb)) => g.cx.global_get(&tb).i32() as u32 as u64,
                _ => {
                    return Err(LinkError::Unsupported {
                        module: name.to_string(),
                        what: format!("TLS symbol {} from a module not yet instantiated", imp.name),
                    })
                }
            };
            let v = Val::I32((base + offset) as i32);
            Some(Extern::Global(g.cx.new_global(v, true).map_err(eng)?))
        }
        Binding::Direct { provider, export } | Binding::ExportedGlobal { provider, export } => {
            Some(g.export(*provider, export).ok_or_else(|| {
                LinkError::engine(name, format!("provider of {export} has no such export"))
            })?)
        }
        Binding::WeakMissing { symbol } => {
            let ExternType::Func(ty) = &imp.ty else {
                unreachable!("bound as a function")
            };
            let err = HostError::from(LinkError::WeakUndefinedCalled {
                module: name.to_string(),
                symbol: symbol.clone(),
            });
            let f: HostFn<E> = Arc::new(move |_, _, _| Err(err.clone()));
            Some(Extern::Func(g.cx.new_host_func(ty, f).map_err(eng)?))
        }
        Binding::Tag { name: tag, ty } => Some(Extern::Tag(group_tag(g, tag, ty)?)),
        Binding::Builtin(b) => {
            let shared = g.shared;
            Some(shared.imports.builtin(g, *b, m)?)
        }
        Binding::Host => {
            let shared = g.shared;
            shared.imports.host(g, name, imp)?
        }
        Binding::Plt { .. } => unreachable!("PLT bindings are made by instantiate_module"),
    })
}

/// The group's tag named `name`: the one a loaded module exports, else one the linker creates
/// once per group, so a throw in one module is caught in another.
fn group_tag<E: Engine>(g: &mut GroupCx<'_, E>, name: &str, ty: &FuncType) -> Result<E::Tag> {
    if let Some(t) = g.group_state().tags.get(name) {
        return Ok(t.clone());
    }
    let provider = {
        let st = g.records();
        st.image.global_scope.iter().copied().find(|&p| {
            st.image.modules[p]
                .info
                .export(name)
                .is_some_and(|e| matches!(&e.ty, ExternType::Tag(t) if t == ty))
        })
    };
    let tag = match provider.and_then(|p| g.export(p, name)) {
        Some(Extern::Tag(t)) => t,
        _ => {
            g.cx.new_tag(&ty.params)
                .map_err(|e| LinkError::engine(name, e))?
        }
    };
    g.group_state().tags.insert(name.to_string(), tag.clone());
    Ok(tag)
}
