//! Binding: deciding, once per process, what satisfies every import of a module (glibc's
//! `dl-lookup.c` and `dl-reloc.c`). The decisions are records ([`Binding`]) that every instance
//! group replays; nothing here touches an engine.

use std::sync::Arc;

use crate::error::{LinkError, Result};
use crate::metadata::{ExternType, Import, ImportClass, ModuleInfo, SegmentBase, Shape, WellKnown};
use crate::plan::builtin::Builtin;
use crate::plan::config::LinkerConfig;
use crate::plan::image::{Binding, Image, ModuleId, PltEntry, Stub, TableFill};
use crate::plan::scope::{ScopeIndex, Want};
use crate::types::{FuncType, Val};

/// What binding one module needs to know about the others.
pub(crate) struct BindCx<'a> {
    pub config: &'a LinkerConfig,
    /// Each module's position in the instantiation order (1-based; 0: not being instantiated).
    pub position: &'a [usize],
    /// Every module's description, by id.
    pub infos: &'a [&'a ModuleInfo],
    /// The scope imports are looked up in.
    pub index: &'a ScopeIndex<'a>,
}

/// The module being bound and what it accumulates.
struct Importer<'a> {
    m: ModuleId,
    name: &'a str,
    stubs: Vec<Stub>,
}

impl Importer<'_> {
    fn undefined(&self, imp: &Import) -> LinkError {
        LinkError::UndefinedSymbol {
            module: self.name.to_string(),
            symbol: imp.name.clone(),
        }
    }

    fn mismatch(
        &self,
        bx: &BindCx<'_>,
        imp: &Import,
        p: ModuleId,
        expected: String,
        found: &str,
    ) -> LinkError {
        LinkError::SignatureMismatch {
            module: self.name.to_string(),
            symbol: imp.name.clone(),
            provider: bx.infos[p].name.clone(),
            expected,
            found: found.to_string(),
        }
    }

    fn unsupported(&self, what: String) -> LinkError {
        LinkError::Unsupported {
            module: self.name.to_string(),
            what,
        }
    }
}

/// Decides the binding of every import of module `m`.
pub(crate) fn bind_module(image: &mut Image, bx: &BindCx<'_>, m: ModuleId) -> Result<()> {
    let info = image.modules[m].info.clone();
    let name = image.modules[m].name.clone();
    let mut importer = Importer {
        m,
        name: &name,
        stubs: Vec::new(),
    };
    let mut plan = Vec::with_capacity(info.imports.len());
    for imp in &info.imports {
        let b = bind_import(image, bx, &mut importer, imp)?;
        if let Binding::Direct { provider, .. } = &b {
            tracing::debug!(module = %name, symbol = %imp.name, provider = %image.modules[*provider].name, "bound directly");
        }
        plan.push(b);
    }
    let module = Arc::make_mut(&mut image.modules[m]);
    module.plan = plan.into();
    module.stubs = importer.stubs.into();
    Ok(())
}

fn bind_import(
    image: &mut Image,
    bx: &BindCx<'_>,
    importer: &mut Importer<'_>,
    imp: &Import,
) -> Result<Binding> {
    Ok(match &imp.class {
        ImportClass::Memory => Binding::Memory,
        ImportClass::Table => Binding::Table,
        ImportClass::WellKnown(w) => well_known(image, importer, *w)?,
        ImportClass::GotMem(sym) => got_mem(image, bx, importer, imp, sym)?,
        ImportClass::GotFunc(sym) => {
            match bx.index.lookup_kind(sym, Want::Func, bx.config.weak_policy) {
                Some(Ok((p, pos, _))) => Binding::Value(Val::I32(func_slot(image, p, pos)? as i32)),
                Some(Err((p, _, e))) => {
                    return Err(importer.mismatch(bx, imp, p, "function".into(), e.ty.kind_name()))
                }
                None if imp.flags.weak => Binding::Value(Val::I32(0)),
                None => return Err(importer.undefined(imp)),
            }
        }
        ImportClass::Func(sym) => function(image, bx, importer, imp, sym)?,
        ImportClass::Global(sym) => {
            match bx.index.lookup_kind(sym, Want::Data, bx.config.weak_policy) {
                Some(Ok((p, _, _))) if bx.position[p] < bx.position[importer.m] => {
                    Binding::ExportedGlobal {
                        provider: p,
                        export: sym.clone(),
                    }
                }
                Some(_) => {
                    return Err(importer.unsupported(format!(
                        "global import env.{sym} from a module instantiated later"
                    )))
                }
                None => Binding::Host,
            }
        }
        ImportClass::Tag(name) => {
            let ExternType::Tag(ty) = &imp.ty else {
                unreachable!("classified as a tag")
            };
            Binding::Tag {
                name: name.clone(),
                ty: ty.clone(),
            }
        }
        ImportClass::Host => match Builtin::of(imp) {
            Some(b) => Binding::Builtin(b),
            None => Binding::Host,
        },
    })
}

/// `__memory_base`, `__stack_pointer` & co.: values the layout decided.
fn well_known(image: &Image, importer: &Importer<'_>, w: WellKnown) -> Result<Binding> {
    let lm = &image.modules[importer.m];
    let v = |x: u64| Binding::Value(Val::I32(x as i32));
    Ok(match w {
        WellKnown::StackPointer => Binding::StackPointer,
        WellKnown::MemoryBase | WellKnown::DsoHandle => v(lm.memory_base),
        WellKnown::TableBase => v(lm.table_base),
        WellKnown::HeapBase => v(image.heap_base),
        WellKnown::HeapEnd => Binding::Value(Val::I32(image.memory.max_bytes as u32 as i32)),
        WellKnown::StackLow => Binding::StackBound(false),
        WellKnown::StackHigh => Binding::StackBound(true),
        WellKnown::TlsBase => return Err(importer.unsupported("importing __tls_base".into())),
    })
}

/// `GOT.mem.sym`: the address of a data symbol (or, for a TLS symbol, its offset in the
/// provider's TLS block, which each thread adds to its own block's base).
fn got_mem(
    image: &Image,
    bx: &BindCx<'_>,
    importer: &Importer<'_>,
    imp: &Import,
    sym: &str,
) -> Result<Binding> {
    Ok(
        match bx.index.lookup_kind(sym, Want::Data, bx.config.weak_policy) {
            Some(Ok((p, _, e))) => {
                let Some(off) = e.const_value else {
                    return Err(importer.unsupported(format!(
                        "GOT.mem.{sym}: {} exports it as a mutable global",
                        image.modules[p].name
                    )));
                };
                if e.flags.tls {
                    Binding::GotTls {
                        provider: p,
                        offset: off as u64,
                    }
                } else {
                    let base = if e.flags.absolute || image.modules[p].info.shape == Shape::Fixed {
                        0
                    } else {
                        image.modules[p].memory_base
                    };
                    Binding::Value(Val::I32(base.wrapping_add(off as u64) as i32))
                }
            }
            Some(Err((p, _, e))) => {
                return Err(importer.mismatch(bx, imp, p, "data".into(), e.ty.kind_name()))
            }
            None if imp.flags.weak => Binding::Value(Val::I32(0)),
            None => return Err(importer.undefined(imp)),
        },
    )
}

/// `env.f`: the provider's function directly when it is instantiated first, else through the
/// PLT; the linker's own guest ABI, or the host, when nothing loaded defines it.
fn function(
    image: &mut Image,
    bx: &BindCx<'_>,
    importer: &mut Importer<'_>,
    imp: &Import,
    sym: &str,
) -> Result<Binding> {
    let ExternType::Func(want) = &imp.ty else {
        unreachable!("classified as a function")
    };
    Ok(
        match bx.index.lookup_kind(sym, Want::Func, bx.config.weak_policy) {
            Some(Ok((p, _, e))) => {
                let ExternType::Func(have) = &e.ty else {
                    unreachable!("looked up as a function")
                };
                if have != want {
                    return Err(importer.mismatch(bx, imp, p, want.to_string(), &have.to_string()));
                }
                if bx.position[p] < bx.position[importer.m] {
                    Binding::Direct {
                        provider: p,
                        export: sym.to_string(),
                    }
                } else {
                    plt_binding(image, importer, sym, want, Some((p, sym.to_string())))
                }
            }
            Some(Err((p, _, e))) => {
                return Err(importer.mismatch(bx, imp, p, want.to_string(), e.ty.kind_name()))
            }
            None if imp.flags.weak => Binding::WeakMissing {
                symbol: sym.to_string(),
            },
            None => match Builtin::of(imp) {
                Some(b) => Binding::Builtin(b),
                // Left to the host resolver, and failing that bound lazily: a missing function is
                // reported when first called (or at load under bind_now).
                None => plt_binding(image, importer, sym, want, None),
            },
        },
    )
}

fn plt_binding(
    image: &mut Image,
    importer: &mut Importer<'_>,
    symbol: &str,
    ty: &FuncType,
    target: Option<(ModuleId, String)>,
) -> Binding {
    let slot = image.plt.len() as u32;
    image.plt.push(PltEntry {
        symbol: symbol.to_string(),
        ty: ty.clone(),
        importer: importer.m,
        target,
        changed_at: image.version + 1,
    });
    importer.stubs.push(Stub {
        slot,
        ty: ty.clone(),
    });
    Binding::Plt {
        stub: importer.stubs.len() - 1,
        slot,
    }
}

/// The canonical table slot of the function at `position` in the exports of module `p`: the slot
/// its own element segment gave it, else one allocated the first time its address is needed.
/// Every `GOT.func` import and every `dlsym` of the function gets this one slot, so function
/// pointers compare equal.
pub(crate) fn func_slot(image: &mut Image, p: ModuleId, position: usize) -> Result<u64> {
    let module = &image.modules[p];
    let key = (p, module.info.exports[position].index);
    if let Some(&s) = image.func_slots.get(&key) {
        return Ok(s);
    }
    let export = module.info.exports[position].name.as_str();
    let slot = match module.info.elem_slot_of_export(export) {
        Some(s) => match s.base {
            SegmentBase::TableBase(_) => module.table_base + s.offset,
            SegmentBase::Absolute(_) => s.offset,
        },
        None => {
            let name = module.name.clone();
            let (slot, _grow) = image.table.alloc(&name, 1, 1)?;
            image.table_fills.push(TableFill {
                slot,
                provider: p,
                export: export.into(),
                // Made in a link operation, which publishes the next version.
                added_at: image.version + 1,
            });
            slot
        }
    };
    image.func_slots.insert(key, slot);
    Ok(slot)
}
