//! Reading a module's sections: one walk over the binary, one function per section kind,
//! collecting what [`super::ModuleInfo::parse`] derives the description from.

use wasmparser::{
    BinaryReaderError, CustomSectionReader, DataKind, DataSectionReader, ElementKind,
    ElementSectionReader, Encoding, ExportSectionReader, ExternalKind, FunctionSectionReader,
    GlobalSectionReader, ImportSectionReader, Parser, Payload, TableSectionReader,
    TagSectionReader, TypeRef, TypeSectionReader,
};

use super::convert::{
    const_int, element_funcs, exported_memory, exported_table, ref_type, segment_base, val_type,
};
use super::dylink::Dylink;
use super::types::{ExternType, SegmentBase, SegmentSlot};
use crate::error::{LinkError, Result};
use crate::symbol_map::SymbolMap;
use crate::types::{FuncType, ValType};

/// Rejects what is not a wasm binary at all before the reader sees it, so that the error says
/// "not a WebAssembly module" (a file of the wrong kind in a library directory) rather than
/// describing a malformed one.
pub(super) fn check_magic(name: &str, bytes: &[u8]) -> Result<()> {
    if bytes.len() < 8 || &bytes[0..4] != b"\0asm" {
        return Err(LinkError::NotWasm {
            module: name.to_string(),
            reason: "missing the \\0asm magic".into(),
        });
    }
    Ok(())
}

/// The error for a reader error inside a section: the module is not well formed.
pub(super) fn malformed(module: &str) -> impl Fn(BinaryReaderError) -> LinkError + '_ {
    move |e| LinkError::Malformed {
        module: module.to_string(),
        reason: e.to_string(),
    }
}

/// An import as the import section has it, before the linker's class and flags are attached.
pub(super) struct RawImport {
    pub(super) module: String,
    pub(super) name: String,
    pub(super) ty: ExternType,
}

/// An export as the export section has it, before its type is looked up.
pub(super) struct RawExport {
    pub(super) name: String,
    pub(super) kind: ExternalKind,
    pub(super) index: u32,
}

/// A global in the global index space: its type and, for a defined global with an `i32.const` or
/// `i64.const` initializer, that value (what an exported data symbol's address is made of).
#[derive(Clone, Copy)]
pub(super) struct GlobalEntry {
    pub(super) ty: ValType,
    pub(super) mutable: bool,
    pub(super) value: Option<i64>,
}

/// What one pass over a module's sections collects, as the binary has it.
///
/// The function, global and tag index spaces are built as the binary defines them, imports first
/// and then the module's own definitions, so that indices (of exports, of `global.get` in segment
/// offsets) can be resolved against them. Exports are typed only once every section has been read
/// ([`describe_exports`]): their indices may name anything in those spaces.
#[derive(Default)]
pub(super) struct RawModule<'a> {
    /// The module's name, for error messages.
    pub(super) name: &'a str,
    /// Function signatures by type index (the reader refuses any other kind of type).
    pub(super) types: Vec<FuncType>,
    /// Type index of each function (imported, then defined).
    pub(super) func_types: Vec<u32>,
    /// Each global (imported, then defined).
    pub(super) globals: Vec<GlobalEntry>,
    /// Type index of each tag (imported, then defined).
    pub(super) tag_types: Vec<u32>,
    /// Names of the imported globals by global index: a segment offset names `__table_base` by
    /// its index.
    pub(super) imported_globals: Vec<String>,
    pub(super) imports: Vec<RawImport>,
    pub(super) exports: Vec<RawExport>,
    /// The first slot each function gets from an active segment of table 0.
    pub(super) elem_slots: SymbolMap<u32, SegmentSlot>,
    /// Each slot relative to `__table_base` that a segment fills, with the type of the function
    /// it puts there (a later segment's function replaces an earlier one's, as at
    /// instantiation); `None` once a segment of the table was not of that form.
    pub(super) relative_slots: Option<std::collections::BTreeMap<u64, FuncType>>,
    /// The dylink.0 section, if one was found.
    pub(super) dylink: Option<Dylink>,
    /// The module defines a table (a non-PIE main) rather than importing one.
    pub(super) defines_table: bool,
    /// Initial size of the first table the module defines.
    pub(super) table_min: u64,
    /// The lowest address an active data segment of memory 0 at a constant offset starts at.
    pub(super) lowest_data: Option<u64>,
}

impl<'a> RawModule<'a> {
    /// Reads every section once, in order, each kind by its own function. Errors come out in the
    /// order of the sections: the first malformed one stops the reading.
    pub(super) fn read(name: &'a str, bytes: &[u8]) -> Result<RawModule<'a>> {
        let mut m = RawModule {
            name,
            relative_slots: Some(Default::default()),
            ..RawModule::default()
        };
        for payload in Parser::new(0).parse_all(bytes) {
            match payload.map_err(malformed(name))? {
                Payload::Version { encoding, .. } if encoding != Encoding::Module => {
                    return Err(LinkError::NotWasm {
                        module: name.to_string(),
                        reason: "a component, not a core module".into(),
                    });
                }
                Payload::TypeSection(r) => m.read_types(r)?,
                Payload::ImportSection(r) => m.read_imports(r)?,
                Payload::FunctionSection(r) => m.read_functions(r)?,
                Payload::TableSection(r) => m.read_tables(r)?,
                Payload::TagSection(r) => m.read_tags(r)?,
                Payload::GlobalSection(r) => m.read_globals(r)?,
                Payload::ExportSection(r) => m.read_exports(r)?,
                Payload::ElementSection(r) => m.read_elements(r)?,
                Payload::DataSection(r) => m.read_data(r)?,
                Payload::CustomSection(c) if c.name() == "dylink.0" => m.read_dylink(&c)?,
                _ => {}
            }
        }
        Ok(m)
    }

    /// Function signatures. A GC type (struct, array, subtyping) is an error: nothing the linker
    /// loads uses them, and every type index must then name a signature.
    pub(super) fn read_types(&mut self, r: TypeSectionReader<'_>) -> Result<()> {
        for ft in r.into_iter_err_on_gc_types() {
            let ft = ft.map_err(malformed(self.name))?;
            self.types.push(FuncType::new(
                ft.params().iter().map(|t| val_type(*t)).collect::<Vec<_>>(),
                ft.results()
                    .iter()
                    .map(|t| val_type(*t))
                    .collect::<Vec<_>>(),
            ));
        }
        Ok(())
    }

    /// Imports, with their declared types. A signature that does not exist is an error here, when
    /// the import is read, not when it is used.
    pub(super) fn read_imports(&mut self, r: ImportSectionReader<'_>) -> Result<()> {
        for imp in r.into_imports() {
            let imp = imp.map_err(malformed(self.name))?;
            let ty = self.import_type(imp.ty, imp.name)?;
            self.imports.push(RawImport {
                module: imp.module.to_string(),
                name: imp.name.to_string(),
                ty,
            });
        }
        Ok(())
    }

    /// The type of one import. Imports come first in the function, global and tag index spaces, so
    /// each one also takes the next index of its kind.
    pub(super) fn import_type(&mut self, ty: TypeRef, field: &str) -> Result<ExternType> {
        Ok(match ty {
            TypeRef::Func(i) | TypeRef::FuncExact(i) => {
                self.func_types.push(i);
                ExternType::Func(self.func_type(i)?)
            }
            TypeRef::Global(g) => {
                let (ty, mutable) = (val_type(g.content_type), g.mutable);
                self.globals.push(GlobalEntry {
                    ty,
                    mutable,
                    value: None,
                });
                self.imported_globals.push(field.to_string());
                ExternType::Global { ty, mutable }
            }
            TypeRef::Memory(m) => ExternType::Memory {
                shared: m.shared,
                min: m.initial,
                max: m.maximum,
                memory64: m.memory64,
            },
            TypeRef::Table(t) => ExternType::Table {
                element: ref_type(t.element_type),
                min: t.initial,
                max: t.maximum,
            },
            TypeRef::Tag(t) => {
                self.tag_types.push(t.func_type_idx);
                ExternType::Tag(self.func_type(t.func_type_idx)?)
            }
        })
    }

    /// The defined functions' type indices, after the imported ones. Not checked here: only an
    /// exported function's type is ever looked up ([`RawModule::export_type`]).
    pub(super) fn read_functions(&mut self, r: FunctionSectionReader<'_>) -> Result<()> {
        for f in r {
            self.func_types.push(f.map_err(malformed(self.name))?);
        }
        Ok(())
    }

    /// Defined tables. A module that defines one (a non-PIE main) fills its own slots, as many as
    /// the first table's initial size.
    pub(super) fn read_tables(&mut self, r: TableSectionReader<'_>) -> Result<()> {
        for t in r {
            let t = t.map_err(malformed(self.name))?;
            if !self.defines_table {
                self.table_min = t.ty.initial;
            }
            self.defines_table = true;
        }
        Ok(())
    }

    /// Defined tags' type indices, after the imported ones.
    pub(super) fn read_tags(&mut self, r: TagSectionReader<'_>) -> Result<()> {
        for t in r {
            self.tag_types
                .push(t.map_err(malformed(self.name))?.func_type_idx);
        }
        Ok(())
    }

    /// Defined globals, after the imported ones, with their constant values: an exported data
    /// symbol is an immutable global holding its offset.
    pub(super) fn read_globals(&mut self, r: GlobalSectionReader<'_>) -> Result<()> {
        for g in r {
            let g = g.map_err(malformed(self.name))?;
            self.globals.push(GlobalEntry {
                ty: val_type(g.ty.content_type),
                mutable: g.ty.mutable,
                value: const_int(&g.init_expr),
            });
        }
        Ok(())
    }

    /// Exports, kept as (name, kind, index) until every index space is complete.
    pub(super) fn read_exports(&mut self, r: ExportSectionReader<'_>) -> Result<()> {
        for e in r {
            let e = e.map_err(malformed(self.name))?;
            self.exports.push(RawExport {
                name: e.name.to_string(),
                kind: e.kind,
                index: e.index,
            });
        }
        Ok(())
    }

    /// Where the data at fixed addresses starts (a non-PIE main module's; a library's segments are
    /// placed relative to `__memory_base` and are not counted).
    pub(super) fn read_data(&mut self, r: DataSectionReader<'_>) -> Result<()> {
        for d in r {
            let d = d.map_err(malformed(self.name))?;
            if let DataKind::Active {
                memory_index: 0,
                offset_expr,
            } = d.kind
            {
                if let Some(at) = const_int(&offset_expr) {
                    let at = at as u64;
                    self.lowest_data = Some(self.lowest_data.map_or(at, |l| l.min(at)));
                }
            }
        }
        Ok(())
    }

    /// Table slots of functions. Only active segments of table 0 (the function table) whose offset
    /// is a constant, or `__table_base` plus a constant, are understood: that is all wasm-ld emits.
    /// Other segments are skipped (their functions simply have no known slot) rather than refused.
    pub(super) fn read_elements(&mut self, r: ElementSectionReader<'_>) -> Result<()> {
        for el in r {
            let el = el.map_err(malformed(self.name))?;
            let ElementKind::Active {
                table_index,
                offset_expr,
            } = el.kind
            else {
                continue;
            };
            if table_index.unwrap_or(0) != 0 {
                continue;
            }
            let Some(base) = segment_base(&offset_expr, &self.imported_globals) else {
                self.relative_slots = None;
                continue;
            };
            let funcs = element_funcs(el.items).map_err(malformed(self.name))?;
            self.record_relative(base, &funcs)?;
            self.record_slots(base, funcs);
        }
        Ok(())
    }

    /// Notes the type of each function a segment starting at `base` puts in a slot relative to
    /// `__table_base` (what a group that defers the module puts stand-ins for: `runtime/lazy`).
    fn record_relative(&mut self, base: SegmentBase, funcs: &[Option<u32>]) -> Result<()> {
        let SegmentBase::TableBase(b) = base else {
            self.relative_slots = None;
            return Ok(());
        };
        let mut typed = Vec::with_capacity(funcs.len());
        for (i, f) in funcs.iter().enumerate() {
            match f {
                Some(f) => {
                    let ty = match self.func_types.get(*f as usize) {
                        Some(&t) => Some(self.func_type(t)?),
                        None => None,
                    };
                    typed.push((b + i as u64, ty));
                }
                None => typed.push((b + i as u64, None)),
            }
        }
        let Some(slots) = self.relative_slots.as_mut() else {
            return Ok(());
        };
        for (slot, ty) in typed {
            match ty {
                Some(ty) => {
                    slots.insert(slot, ty);
                }
                None => {
                    slots.remove(&slot);
                }
            }
        }
        Ok(())
    }

    /// Gives each function of a segment starting at `base` its slot, unless an earlier segment
    /// already gave it one: a function's canonical slot (its `GOT.func` value) is its first.
    pub(super) fn record_slots(&mut self, base: SegmentBase, funcs: Vec<Option<u32>>) {
        for (i, f) in funcs.into_iter().enumerate() {
            let Some(f) = f else { continue };
            let slot = match base {
                SegmentBase::Absolute(b) => SegmentSlot {
                    base: SegmentBase::Absolute(0),
                    offset: b + i as u64,
                },
                SegmentBase::TableBase(b) => SegmentSlot {
                    base: SegmentBase::TableBase(0),
                    offset: b + i as u64,
                },
            };
            self.elem_slots.entry(f).or_insert(slot);
        }
    }

    /// The dylink.0 section. The convention allows one; a second is an error rather than merged
    /// or ignored, since either choice could load the library wrongly.
    pub(super) fn read_dylink(&mut self, c: &CustomSectionReader<'_>) -> Result<()> {
        if self.dylink.is_some() {
            return Err(LinkError::BadDylink {
                module: self.name.to_string(),
                reason: "more than one dylink.0 section".into(),
            });
        }
        let d = Dylink::parse(c.data(), c.data_offset()).map_err(|e| LinkError::BadDylink {
            module: self.name.to_string(),
            reason: e.0,
        })?;
        self.dylink = Some(d);
        Ok(())
    }

    /// The signature at type index `i`; an index past the type section is a malformed module.
    pub(super) fn func_type(&self, i: u32) -> Result<FuncType> {
        self.types
            .get(i as usize)
            .cloned()
            .ok_or_else(|| LinkError::Malformed {
                module: self.name.to_string(),
                reason: format!("type index {i} is not a function type"),
            })
    }

    /// An export's type, and for an immutable global its constant value. An index past the end of
    /// its space is a malformed module, named with the export.
    pub(super) fn export_type(&self, e: &RawExport) -> Result<(ExternType, Option<i64>)> {
        let missing = |what: &str| LinkError::Malformed {
            module: self.name.to_string(),
            reason: format!(
                "export {} names {what} {}, which does not exist",
                e.name, e.index
            ),
        };
        Ok(match e.kind {
            ExternalKind::Func | ExternalKind::FuncExact => {
                let t = *self
                    .func_types
                    .get(e.index as usize)
                    .ok_or_else(|| missing("function"))?;
                (ExternType::Func(self.func_type(t)?), None)
            }
            ExternalKind::Global => {
                let g = *self
                    .globals
                    .get(e.index as usize)
                    .ok_or_else(|| missing("global"))?;
                let value = if g.mutable { None } else { g.value };
                let (ty, mutable) = (g.ty, g.mutable);
                (ExternType::Global { ty, mutable }, value)
            }
            ExternalKind::Memory => (exported_memory(), None),
            ExternalKind::Table => (exported_table(), None),
            ExternalKind::Tag => {
                // A tag index past the end shows as a bad type index.
                let t = *self.tag_types.get(e.index as usize).unwrap_or(&u32::MAX);
                (ExternType::Tag(self.func_type(t)?), None)
            }
        })
    }
}
