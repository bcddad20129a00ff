//! Everything the linker reads from a module before it is instantiated: dylink.0, the imports
//! classified by what the linker must supply for them, the exports with their types, the constant
//! values of exported globals (data symbol offsets), and which function each element segment puts
//! in which table slot (so a function's canonical table slot is known without an instance).

use wasmparser::{ExternalKind, Operator, Parser, Payload, TypeRef};

use super::dylink::{Dylink, SymFlags};
use crate::engine::{FuncType, ValType};
use crate::error::{LinkError, Result};
use crate::symbol_map::SymbolMap;

/// The type of an import or export.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExternType {
    Func(FuncType),
    Global {
        ty: ValType,
        mutable: bool,
    },
    Memory {
        shared: bool,
        min: u64,
        max: Option<u64>,
        memory64: bool,
    },
    Table {
        element: ValType,
        min: u64,
        max: Option<u64>,
    },
    Tag(FuncType),
}

impl ExternType {
    pub fn kind_name(&self) -> &'static str {
        match self {
            ExternType::Func(_) => "function",
            ExternType::Global { .. } => "global",
            ExternType::Memory { .. } => "memory",
            ExternType::Table { .. } => "table",
            ExternType::Tag(_) => "tag",
        }
    }
}

/// Globals every dylink module may import from `env` (or `GOT.mem`) that the linker defines.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum WellKnown {
    MemoryBase,
    TableBase,
    StackPointer,
    TlsBase,
    HeapBase,
    HeapEnd,
    StackLow,
    StackHigh,
    DsoHandle,
}

impl WellKnown {
    pub fn from_name(name: &str) -> Option<WellKnown> {
        Some(match name {
            "__memory_base" => WellKnown::MemoryBase,
            "__table_base" => WellKnown::TableBase,
            "__stack_pointer" => WellKnown::StackPointer,
            "__tls_base" => WellKnown::TlsBase,
            "__heap_base" => WellKnown::HeapBase,
            "__heap_end" => WellKnown::HeapEnd,
            "__stack_low" => WellKnown::StackLow,
            "__stack_high" => WellKnown::StackHigh,
            "__dso_handle" => WellKnown::DsoHandle,
            _ => return None,
        })
    }
}

/// What the linker must supply for one import.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportClass {
    /// `env.memory`: the process's shared memory.
    Memory,
    /// `env.__indirect_function_table`: the process's function table.
    Table,
    /// A well-known global (`env.__memory_base`, `GOT.mem.__heap_base`, ...).
    WellKnown(WellKnown),
    /// `GOT.mem.sym`: a mutable i32 global holding the address of a data symbol.
    GotMem(String),
    /// `GOT.func.sym`: a mutable i32 global holding the table index of a function.
    GotFunc(String),
    /// `env.sym` of function type: a direct call to a function defined elsewhere.
    Func(String),
    /// `env.sym` of global type that is not well known: bound to another module's exported global.
    Global(String),
    /// `env.sym` of tag type (`__c_longjmp`, `__cpp_exception`): one tag per instance group.
    Tag(String),
    /// Any other import module (`wasi_snapshot_preview1`, ...): asked of the embedder.
    Host,
}

#[derive(Clone, Debug)]
pub struct Import {
    pub module: String,
    pub name: String,
    pub ty: ExternType,
    pub class: ImportClass,
    pub flags: SymFlags,
}

#[derive(Clone, Debug)]
pub struct Export {
    pub name: String,
    pub ty: ExternType,
    /// Index in the export's index space (function, global, ...).
    pub index: u32,
    /// For an immutable i32/i64 global with a constant initializer: that value. In a PIC module
    /// this is the symbol's offset from `__memory_base` (or from `__tls_base` for TLS symbols).
    pub const_value: Option<i64>,
    pub flags: SymFlags,
}

/// How a main module was linked (see docs/abi.md).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// `-shared` or `-pie`: imports memory, table, `__memory_base`, `__table_base`, `__stack_pointer`.
    Pic,
    /// Non-PIE main (`-Bdynamic` without `-pie`): fixed addresses, defines its own table and stack
    /// pointer.
    Fixed,
}

/// Where an active element segment starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SegmentBase {
    /// `i32.const n`
    Absolute(u64),
    /// `global.get $__table_base` plus a constant.
    TableBase(u64),
}

/// A module's static description, engine independent.
#[derive(Clone, Debug)]
pub struct ModuleInfo {
    pub name: String,
    pub dylink: Dylink,
    pub imports: Vec<Import>,
    pub exports: Vec<Export>,
    export_index: SymbolMap<String, usize>,
    /// For each function index, the first table slot an element segment gives it.
    pub elem_slots: SymbolMap<u32, SegmentSlot>,
    /// The function table is defined here (non-PIE main) rather than imported.
    pub defines_table: bool,
    /// Initial size of the table the module defines (a non-PIE main module's own slots).
    pub table_min: u64,
    pub shape: Shape,
    pub has_start: bool,
    /// It has a `dylink.0` section (a library must; a non-PIE main module has none).
    pub has_dylink: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SegmentSlot {
    pub base: SegmentBase,
    pub offset: u64,
}

impl ModuleInfo {
    /// Reads a module's description. `require_dylink` rejects modules without a dylink.0 section.
    #[tracing::instrument(level = "debug", skip(bytes), fields(bytes = bytes.len()))]
    pub fn parse(name: &str, bytes: &[u8], require_dylink: bool) -> Result<ModuleInfo> {
        if bytes.len() < 8 || &bytes[0..4] != b"\0asm" {
            return Err(LinkError::NotWasm {
                module: name.to_string(),
                reason: "missing the \\0asm magic".into(),
            });
        }
        let malformed = |e: wasmparser::BinaryReaderError| LinkError::Malformed {
            module: name.to_string(),
            reason: e.to_string(),
        };
        let mut types: Vec<Option<FuncType>> = Vec::new();
        let mut func_types: Vec<u32> = Vec::new();
        let mut raw_imports = Vec::new();
        let mut raw_exports = Vec::new();
        let mut global_consts: Vec<Option<i64>> = Vec::new();
        let mut global_types: Vec<(ValType, bool)> = Vec::new();
        let mut tag_types: Vec<u32> = Vec::new();
        let mut elem_slots = SymbolMap::default();
        let mut dylink: Option<Dylink> = None;
        let mut defines_table = false;
        let mut table_min = 0u64;
        let mut has_start = false;
        let mut imported_globals = Vec::new();

        for payload in Parser::new(0).parse_all(bytes) {
            match payload.map_err(malformed)? {
                Payload::Version { encoding, .. } if encoding != wasmparser::Encoding::Module => {
                    return Err(LinkError::NotWasm {
                        module: name.to_string(),
                        reason: "a component, not a core module".into(),
                    });
                }
                Payload::TypeSection(r) => {
                    for rg in r.into_iter_err_on_gc_types() {
                        let ft = rg.map_err(malformed)?;
                        types.push(Some(FuncType::new(
                            ft.params().iter().map(|t| val_type(*t)).collect::<Vec<_>>(),
                            ft.results()
                                .iter()
                                .map(|t| val_type(*t))
                                .collect::<Vec<_>>(),
                        )));
                    }
                }
                Payload::ImportSection(r) => {
                    for imp in r.into_imports() {
                        let imp = imp.map_err(malformed)?;
                        let ty = match imp.ty {
                            TypeRef::Func(i) | TypeRef::FuncExact(i) => {
                                func_types.push(i);
                                ExternType::Func(lookup_type(&types, i, name)?)
                            }
                            TypeRef::Global(g) => {
                                let t = (val_type(g.content_type), g.mutable);
                                global_types.push(t);
                                global_consts.push(None);
                                imported_globals.push(imp.name.to_string());
                                ExternType::Global {
                                    ty: t.0,
                                    mutable: t.1,
                                }
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
                                tag_types.push(t.func_type_idx);
                                ExternType::Tag(lookup_type(&types, t.func_type_idx, name)?)
                            }
                        };
                        raw_imports.push((imp.module.to_string(), imp.name.to_string(), ty));
                    }
                }
                Payload::FunctionSection(r) => {
                    for f in r {
                        func_types.push(f.map_err(malformed)?);
                    }
                }
                Payload::TableSection(r) => {
                    for t in r {
                        let t = t.map_err(malformed)?;
                        if !defines_table {
                            table_min = t.ty.initial;
                        }
                        defines_table = true;
                    }
                }
                Payload::TagSection(r) => {
                    for t in r {
                        tag_types.push(t.map_err(malformed)?.func_type_idx);
                    }
                }
                Payload::GlobalSection(r) => {
                    for g in r {
                        let g = g.map_err(malformed)?;
                        global_types.push((val_type(g.ty.content_type), g.ty.mutable));
                        global_consts.push(const_int(&g.init_expr));
                    }
                }
                Payload::ExportSection(r) => {
                    for e in r {
                        let e = e.map_err(malformed)?;
                        raw_exports.push((e.name.to_string(), e.kind, e.index));
                    }
                }
                Payload::StartSection { .. } => has_start = true,
                Payload::ElementSection(r) => {
                    for el in r {
                        let el = el.map_err(malformed)?;
                        let wasmparser::ElementKind::Active {
                            table_index,
                            offset_expr,
                        } = el.kind
                        else {
                            continue;
                        };
                        if table_index.unwrap_or(0) != 0 {
                            continue;
                        }
                        let Some(base) = segment_base(&offset_expr, &imported_globals) else {
                            continue;
                        };
                        let funcs: Vec<Option<u32>> = match el.items {
                            wasmparser::ElementItems::Functions(fs) => fs
                                .into_iter()
                                .map(|f| f.map(Some))
                                .collect::<std::result::Result<_, _>>()
                                .map_err(malformed)?,
                            wasmparser::ElementItems::Expressions(_, es) => es
                                .into_iter()
                                .map(|e| e.map(|e| ref_func(&e)))
                                .collect::<std::result::Result<_, _>>()
                                .map_err(malformed)?,
                        };
                        for (i, f) in funcs.into_iter().enumerate() {
                            if let Some(f) = f {
                                let (b, off) = match base {
                                    SegmentBase::Absolute(b) => {
                                        (SegmentBase::Absolute(0), b + i as u64)
                                    }
                                    SegmentBase::TableBase(b) => {
                                        (SegmentBase::TableBase(0), b + i as u64)
                                    }
                                };
                                elem_slots.entry(f).or_insert(SegmentSlot {
                                    base: b,
                                    offset: off,
                                });
                            }
                        }
                    }
                }
                Payload::CustomSection(c) if c.name() == "dylink.0" => {
                    if dylink.is_some() {
                        return Err(LinkError::BadDylink {
                            module: name.to_string(),
                            reason: "more than one dylink.0 section".into(),
                        });
                    }
                    dylink = Some(Dylink::parse(c.data(), c.data_offset()).map_err(|e| {
                        LinkError::BadDylink {
                            module: name.to_string(),
                            reason: e.0,
                        }
                    })?);
                }
                _ => {}
            }
        }

        let has_dylink = dylink.is_some();
        let dylink = match dylink {
            Some(d) => d,
            None if require_dylink => {
                return Err(LinkError::NoDylink {
                    module: name.to_string(),
                })
            }
            None => Dylink::default(),
        };

        let imports: Vec<Import> = raw_imports
            .into_iter()
            .map(|(module, field, ty)| {
                let class = classify(&module, &field, &ty);
                let flags = dylink.import_flags(&module, &field);
                Import {
                    module,
                    name: field,
                    ty,
                    class,
                    flags,
                }
            })
            .collect();
        let imports_memory_base = imports
            .iter()
            .any(|i| i.class == ImportClass::WellKnown(WellKnown::MemoryBase));

        let mut exports = Vec::with_capacity(raw_exports.len());
        for (ename, kind, index) in raw_exports {
            let (ty, const_value) =
                match kind {
                    ExternalKind::Func | ExternalKind::FuncExact => {
                        let t = *func_types.get(index as usize).ok_or_else(|| {
                            LinkError::Malformed {
                                module: name.to_string(),
                                reason: format!(
                                    "export {ename} names function {index}, which does not exist"
                                ),
                            }
                        })?;
                        (ExternType::Func(lookup_type(&types, t, name)?), None)
                    }
                    ExternalKind::Global => {
                        let (ty, mutable) = *global_types.get(index as usize).ok_or_else(|| {
                            LinkError::Malformed {
                                module: name.to_string(),
                                reason: format!(
                                    "export {ename} names global {index}, which does not exist"
                                ),
                            }
                        })?;
                        let c = if mutable {
                            None
                        } else {
                            global_consts[index as usize]
                        };
                        (ExternType::Global { ty, mutable }, c)
                    }
                    ExternalKind::Memory => (
                        ExternType::Memory {
                            shared: true,
                            min: 0,
                            max: None,
                            memory64: false,
                        },
                        None,
                    ),
                    ExternalKind::Table => (
                        ExternType::Table {
                            element: ValType::FuncRef,
                            min: 0,
                            max: None,
                        },
                        None,
                    ),
                    ExternalKind::Tag => {
                        let t = *tag_types.get(index as usize).unwrap_or(&u32::MAX);
                        (ExternType::Tag(lookup_type(&types, t, name)?), None)
                    }
                };
            let flags = dylink.export_flags(&ename);
            exports.push(Export {
                name: ename,
                ty,
                index,
                const_value,
                flags,
            });
        }
        let export_index = exports
            .iter()
            .enumerate()
            .map(|(i, e)| (e.name.clone(), i))
            .collect();
        let shape = if defines_table && !imports_memory_base {
            Shape::Fixed
        } else {
            Shape::Pic
        };
        Ok(ModuleInfo {
            has_dylink,
            name: name.to_string(),
            dylink,
            imports,
            exports,
            export_index,
            elem_slots,
            defines_table,
            table_min,
            shape,
            has_start,
        })
    }

    pub fn export(&self, name: &str) -> Option<&Export> {
        self.export_index.get(name).map(|&i| &self.exports[i])
    }

    /// Where export `name` is in [`ModuleInfo::exports`].
    pub fn export_position(&self, name: &str) -> Option<usize> {
        self.export_index.get(name).copied()
    }

    /// The table slot (relative to this module's `__table_base`, or absolute for a fixed-address
    /// main) that this module's own element segments give to an exported function, if any.
    pub fn elem_slot_of_export(&self, name: &str) -> Option<SegmentSlot> {
        let e = self.export(name)?;
        matches!(e.ty, ExternType::Func(_))
            .then(|| self.elem_slots.get(&e.index).copied())
            .flatten()
    }
}

fn classify(module: &str, field: &str, ty: &ExternType) -> ImportClass {
    match module {
        "GOT.mem" => match WellKnown::from_name(field) {
            Some(w) => ImportClass::WellKnown(w),
            None => ImportClass::GotMem(field.to_string()),
        },
        "GOT.func" => ImportClass::GotFunc(field.to_string()),
        "env" => match ty {
            ExternType::Memory { .. } => ImportClass::Memory,
            ExternType::Table { .. } => ImportClass::Table,
            ExternType::Func(_) => ImportClass::Func(field.to_string()),
            ExternType::Tag(_) => ImportClass::Tag(field.to_string()),
            ExternType::Global { .. } => match WellKnown::from_name(field) {
                Some(w) => ImportClass::WellKnown(w),
                None => ImportClass::Global(field.to_string()),
            },
        },
        _ => ImportClass::Host,
    }
}

fn lookup_type(types: &[Option<FuncType>], i: u32, module: &str) -> Result<FuncType> {
    types
        .get(i as usize)
        .cloned()
        .flatten()
        .ok_or_else(|| LinkError::Malformed {
            module: module.to_string(),
            reason: format!("type index {i} is not a function type"),
        })
}

fn val_type(t: wasmparser::ValType) -> ValType {
    match t {
        wasmparser::ValType::I32 => ValType::I32,
        wasmparser::ValType::I64 => ValType::I64,
        wasmparser::ValType::F32 => ValType::F32,
        wasmparser::ValType::F64 => ValType::F64,
        wasmparser::ValType::V128 => ValType::V128,
        wasmparser::ValType::Ref(r) => ref_type(r),
    }
}

fn ref_type(r: wasmparser::RefType) -> ValType {
    if r == wasmparser::RefType::FUNCREF {
        ValType::FuncRef
    } else if r == wasmparser::RefType::EXTERNREF {
        ValType::ExternRef
    } else {
        ValType::OtherRef
    }
}

/// The value of a constant initializer made only of `i32.const`/`i64.const`.
fn const_int(e: &wasmparser::ConstExpr<'_>) -> Option<i64> {
    let mut ops = e.get_operators_reader();
    let v = match ops.read().ok()? {
        Operator::I32Const { value } => value as u32 as i64,
        Operator::I64Const { value } => value,
        _ => return None,
    };
    matches!(ops.read().ok()?, Operator::End).then_some(v)
}

fn segment_base(e: &wasmparser::ConstExpr<'_>, imported_globals: &[String]) -> Option<SegmentBase> {
    // Only sums of constants and `__table_base` occur in what wasm-ld emits.
    let mut ops = e.get_operators_reader();
    let (mut sum, mut relative) = (0u64, false);
    loop {
        match ops.read().ok()? {
            Operator::I32Const { value } => sum = sum.wrapping_add(value as u32 as u64),
            Operator::GlobalGet { global_index } => {
                if imported_globals.get(global_index as usize)? != "__table_base" {
                    return None;
                }
                relative = true;
            }
            Operator::I32Add => {}
            Operator::End => break,
            _ => return None,
        }
    }
    Some(if relative {
        SegmentBase::TableBase(sum)
    } else {
        SegmentBase::Absolute(sum)
    })
}

fn ref_func(e: &wasmparser::ConstExpr<'_>) -> Option<u32> {
    match e.get_operators_reader().read().ok()? {
        Operator::RefFunc { function_index } => Some(function_index),
        _ => None,
    }
}
