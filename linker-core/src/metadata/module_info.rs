//! Everything the linker reads from a module before it is instantiated: dylink.0, the imports
//! classified by what the linker must supply for them, the exports with their types, the constant
//! values of exported globals (data symbol offsets), and which function each element segment puts
//! in which table slot (so a function's canonical table slot is known without an instance).
//!
//! [`ModuleInfo::parse`] works in two steps. [`RawModule::read`] walks the sections once, one
//! function per section kind, and collects them as the binary has them. Then the parts that need
//! the whole module are derived from that: the imports' classes and flags ([`classify_imports`],
//! which needs dylink.0, a custom section that may come anywhere), the exports' types and constant
//! values ([`describe_exports`], which need the complete index spaces), and the [`Shape`].

use super::dylink::{Dylink, SymFlags};
use super::reader::{check_magic, RawExport, RawImport, RawModule};
pub use super::types::{ExternType, SegmentBase, SegmentSlot};
use crate::error::{LinkError, Result};
use crate::symbol_map::SymbolMap;
use crate::types::FuncType;

/// Globals every dylink module may import from `env` (or `GOT.mem`) that the linker defines.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum WellKnown {
    /// `__memory_base`: where the module's static data was placed.
    MemoryBase,
    /// `__table_base`: where the module's function table slots were placed.
    TableBase,
    /// `__stack_pointer`: the shared stack pointer.
    StackPointer,
    /// `__tls_base`: the calling thread's TLS block.
    TlsBase,
    /// `__heap_base`: where the heap starts, after every module's data.
    HeapBase,
    /// `__heap_end`: the end of memory available to the heap.
    HeapEnd,
    /// `__stack_low`: the lowest address of the stack.
    StackLow,
    /// `__stack_high`: the address the stack grows down from.
    StackHigh,
    /// `__dso_handle`: identifies the module (for `__cxa_atexit`).
    DsoHandle,
}

impl WellKnown {
    /// The well-known global called `name`, if it is one.
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

/// One import of a module, with what the linker must supply for it.
#[derive(Clone, Debug)]
pub struct Import {
    /// The import's module (`env`, `GOT.mem`, `wasi_snapshot_preview1`, ...).
    pub module: String,
    /// The import's field name (the symbol).
    pub name: String,
    /// The type the module declares for it.
    pub ty: ExternType,
    /// What the linker supplies for it, from its module, name and type.
    pub class: ImportClass,
    /// Its flags in dylink.0 (weak, TLS, ...); all clear when dylink.0 has none.
    pub flags: SymFlags,
}

/// One export of a module.
#[derive(Clone, Debug)]
pub struct Export {
    /// The exported name (the symbol).
    pub name: String,
    /// Its type (see [`ExternType`] for exported memories and tables).
    pub ty: ExternType,
    /// Index in the export's index space (function, global, ...).
    pub index: u32,
    /// For an immutable i32/i64 global with a constant initializer: that value. In a PIC module
    /// this is the symbol's offset from `__memory_base` (or from `__tls_base` for TLS symbols).
    pub const_value: Option<i64>,
    /// Its flags in dylink.0 (weak, hidden, TLS); all clear when dylink.0 has none.
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

/// A module's static description, engine independent.
#[derive(Clone, Debug)]
pub struct ModuleInfo {
    /// The name the module was loaded under (for messages and `dlopen` bookkeeping).
    pub name: String,
    /// Its dylink.0 section; empty (all defaults) when it has none.
    pub dylink: Dylink,
    /// Its imports, in the order of the import section.
    pub imports: Vec<Import>,
    /// Its exports, in the order of the export section.
    pub exports: Vec<Export>,
    export_index: SymbolMap<String, usize>,
    /// For each function index, the first table slot an element segment gives it.
    pub elem_slots: SymbolMap<u32, SegmentSlot>,
    /// Every slot relative to `__table_base` the module's element segments fill, in order, with
    /// the type of the function each puts there; `None` when one of its segments of the
    /// function table is placed otherwise (at a constant slot, or in a way the reader does not
    /// understand). What a thread that has not instantiated the module puts in those slots
    /// instead (`runtime/lazy`).
    pub relative_slots: Option<Vec<(u64, FuncType)>>,
    /// The function table is defined here (non-PIE main) rather than imported.
    pub defines_table: bool,
    /// Initial size of the table the module defines (a non-PIE main module's own slots).
    pub table_min: u64,
    /// Position independent or linked at fixed addresses.
    pub shape: Shape,
    /// It has a `dylink.0` section (a library must; a non-PIE main module has none).
    pub has_dylink: bool,
    /// The lowest address its data at fixed addresses starts at (a non-PIE main module's active
    /// segments with constant offsets), if any.
    pub lowest_data: Option<u64>,
    /// It imports or defines an exception tag: it throws or catches wasm exceptions (C++
    /// exceptions, or setjmp/longjmp as the toolchain lowers it), which an engine without
    /// exception handling cannot compile.
    pub uses_tags: bool,
}

impl ModuleInfo {
    /// Reads a module's description. `require_dylink` rejects modules without a dylink.0 section.
    #[tracing::instrument(level = "debug", skip(bytes), fields(bytes = bytes.len()))]
    pub fn parse(name: &str, bytes: &[u8], require_dylink: bool) -> Result<ModuleInfo> {
        check_magic(name, bytes)?;
        let mut raw = RawModule::read(name, bytes)?;
        let has_dylink = raw.dylink.is_some();
        let dylink = dylink_or_empty(raw.dylink.take(), name, require_dylink)?;
        let imports = classify_imports(std::mem::take(&mut raw.imports), &dylink);
        let exports = describe_exports(std::mem::take(&mut raw.exports), &raw, &dylink)?;
        // Duplicate names (invalid wasm, not checked here) resolve to the last.
        let export_index = exports
            .iter()
            .enumerate()
            .map(|(i, e)| (e.name.clone(), i))
            .collect();
        let shape = shape(raw.defines_table, &imports);
        Ok(ModuleInfo {
            has_dylink,
            name: name.to_string(),
            dylink,
            imports,
            exports,
            export_index,
            elem_slots: raw.elem_slots,
            relative_slots: raw.relative_slots.map(|s| s.into_iter().collect()),
            defines_table: raw.defines_table,
            table_min: raw.table_min,
            lowest_data: raw.lowest_data,
            uses_tags: !raw.tag_types.is_empty(),
            shape,
        })
    }

    /// The export called `name`.
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

/// The module's dylink.0, or an empty one if it has none and may do without (a non-PIE main
/// module, which wasm-ld links without one).
fn dylink_or_empty(found: Option<Dylink>, module: &str, required: bool) -> Result<Dylink> {
    match found {
        Some(d) => Ok(d),
        None if required => Err(LinkError::NoDylink {
            module: module.to_string(),
        }),
        None => Ok(Dylink::default()),
    }
}

/// Attaches to each import what the linker must supply for it and its dylink.0 flags. Done after
/// reading, since dylink.0 is a custom section and the reader does not rely on where it comes.
fn classify_imports(raw: Vec<RawImport>, dylink: &Dylink) -> Vec<Import> {
    raw.into_iter()
        .map(|RawImport { module, name, ty }| {
            let class = classify(&module, &name, &ty);
            let flags = dylink.import_flags(&module, &name);
            Import {
                module,
                name,
                ty,
                class,
                flags,
            }
        })
        .collect()
}

/// Types the exports and attaches their dylink.0 flags. The first export whose index does not
/// exist is the error.
fn describe_exports(
    raw: Vec<RawExport>,
    module: &RawModule<'_>,
    dylink: &Dylink,
) -> Result<Vec<Export>> {
    let mut exports = Vec::with_capacity(raw.len());
    for e in raw {
        let (ty, const_value) = module.export_type(&e)?;
        let flags = dylink.export_flags(&e.name);
        exports.push(Export {
            name: e.name,
            ty,
            index: e.index,
            const_value,
            flags,
        });
    }
    Ok(exports)
}

/// A module that defines its own table and does not import `__memory_base` was linked at fixed
/// addresses (a non-PIE main); anything else is position independent. (A PIE main defines no
/// table; a library never does.)
fn shape(defines_table: bool, imports: &[Import]) -> Shape {
    let imports_memory_base = imports
        .iter()
        .any(|i| i.class == ImportClass::WellKnown(WellKnown::MemoryBase));
    if defines_table && !imports_memory_base {
        Shape::Fixed
    } else {
        Shape::Pic
    }
}

/// What the linker must supply for an import, by the convention of its module name: `GOT.mem`,
/// `GOT.func`, `env` by kind, and anything else from the embedder.
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::ValType;

    const MODULE: &str = r#"
        (module
          (import "env" "__indirect_function_table" (table 0 funcref))
          (import "env" "__table_base" (global $tb i32))
          (func $a (param i32) (result i32) local.get 0)
          (func $b)
          (elem (global.get $tb) func $a $b $a)
          SECOND)
    "#;

    fn parse(second: &str) -> ModuleInfo {
        let wasm = wat::parse_str(MODULE.replace("SECOND", second)).unwrap();
        ModuleInfo::parse("m", &wasm, false).unwrap()
    }

    #[test]
    fn relative_slots_have_the_types_of_what_the_segments_place() {
        let unary = FuncType::new([ValType::I32], [ValType::I32]);
        let none = FuncType::new([], []);
        assert_eq!(
            parse("").relative_slots,
            Some(vec![(0, unary.clone()), (1, none.clone()), (2, unary)])
        );
        // A later segment replaces what an earlier one put in a slot.
        let info = parse("(elem (global.get $tb) func $b)");
        assert_eq!(info.relative_slots.unwrap()[0], (0, none));
        // A segment at a constant slot: the module's slots cannot all be stood in for.
        assert_eq!(parse("(elem (i32.const 5) func $b)").relative_slots, None);
    }
}
