//! Property tests of the metadata reader: import classification, dylink.0 round trips, exports
//! with their constant values and table slots, and no panic on arbitrary section contents.

use linker_core::metadata::{ImportClass, ModuleInfo, SegmentBase, SegmentSlot, Shape, WellKnown};
use proptest::prelude::*;
use wasm_encoder::{
    CodeSection, ConstExpr, CustomSection, ElementSection, Elements, EntityType, ExportKind,
    ExportSection, Function, FunctionSection, GlobalSection, GlobalType, ImportSection, MemoryType,
    Module, RefType, TableSection, TableType, TagKind, TagType, TypeSection, ValType,
};

#[derive(Clone, Debug)]
enum Kind {
    Func,
    Global(bool),
    Memory,
    Table,
    Tag,
}

fn kind() -> impl Strategy<Value = Kind> {
    prop_oneof![
        Just(Kind::Func),
        any::<bool>().prop_map(Kind::Global),
        Just(Kind::Memory),
        Just(Kind::Table),
        Just(Kind::Tag),
    ]
}

fn module_name() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("env".to_string()),
        Just("GOT.mem".to_string()),
        Just("GOT.func".to_string()),
        Just("wasi_snapshot_preview1".to_string()),
        "[a-z]{1,8}",
    ]
}

fn field_name() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("__memory_base".to_string()),
        Just("__table_base".to_string()),
        Just("__stack_pointer".to_string()),
        Just("__heap_base".to_string()),
        Just("__stack_low".to_string()),
        "[a-z_][a-z0-9_]{0,12}",
    ]
}

fn leb(mut v: u32, out: &mut Vec<u8>) {
    loop {
        let b = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

fn name(s: &str, out: &mut Vec<u8>) {
    leb(s.len() as u32, out);
    out.extend_from_slice(s.as_bytes());
}

fn subsection(id: u8, payload: &[u8], out: &mut Vec<u8>) {
    out.push(id);
    leb(payload.len() as u32, out);
    out.extend_from_slice(payload);
}

fn module_with(imports: &[(String, String, Kind)], dylink: &[u8]) -> Vec<u8> {
    let mut types = TypeSection::new();
    types.ty().function([ValType::I32], []);
    let mut is = ImportSection::new();
    for (m, f, k) in imports {
        let ty = match k {
            Kind::Func => EntityType::Function(0),
            Kind::Global(mutable) => EntityType::Global(GlobalType {
                val_type: ValType::I32,
                mutable: *mutable,
                shared: false,
            }),
            Kind::Memory => EntityType::Memory(MemoryType {
                minimum: 1,
                maximum: Some(10),
                memory64: false,
                shared: true,
                page_size_log2: None,
            }),
            Kind::Table => EntityType::Table(TableType {
                element_type: RefType::FUNCREF,
                table64: false,
                minimum: 0,
                maximum: None,
                shared: false,
            }),
            Kind::Tag => EntityType::Tag(TagType {
                kind: TagKind::Exception,
                func_type_idx: 0,
            }),
        };
        is.import(m, f, ty);
    }
    let mut module = Module::new();
    module.section(&CustomSection {
        name: "dylink.0".into(),
        data: dylink.into(),
    });
    module.section(&types).section(&is);
    module.finish()
}

/// A module that imports `nimported` functions, defines `ndefined` more and exports those as
/// `f0`, `f1`, ...; defines an immutable i32 global for each of `values` (exported as `g0`, ...)
/// and a mutable one (`mut`); and puts `items` in the function table from slot `base`. A PIC
/// module imports memory, table, `__memory_base` and `__table_base` and offsets its segment by
/// `__table_base`; a fixed one defines its table (of `base + items` slots) and uses `i32.const`.
fn module_with_exports(
    pic: bool,
    nimported: u32,
    ndefined: u32,
    values: &[i32],
    base: u32,
    items: &[u32],
) -> Vec<u8> {
    let mut types = TypeSection::new();
    types.ty().function([], []);
    let mut is = ImportSection::new();
    if pic {
        is.import(
            "env",
            "__memory_base",
            EntityType::Global(i32_global_type(false)),
        );
        is.import(
            "env",
            "__table_base",
            EntityType::Global(i32_global_type(false)),
        );
    }
    for i in 0..nimported {
        is.import("env", &format!("imported{i}"), EntityType::Function(0));
    }
    let mut funcs = FunctionSection::new();
    let mut code = CodeSection::new();
    for _ in 0..ndefined {
        funcs.function(0);
        let mut f = Function::new([]);
        f.instructions().end();
        code.function(&f);
    }
    let mut tables = TableSection::new();
    tables.table(TableType {
        element_type: RefType::FUNCREF,
        table64: false,
        minimum: (base as usize + items.len()) as u64,
        maximum: None,
        shared: false,
    });
    let imported_globals = if pic { 2 } else { 0 };
    let mut globals = GlobalSection::new();
    let mut exports = ExportSection::new();
    for (i, v) in values.iter().enumerate() {
        globals.global(i32_global_type(false), &ConstExpr::i32_const(*v));
        exports.export(
            &format!("g{i}"),
            ExportKind::Global,
            imported_globals + i as u32,
        );
    }
    globals.global(i32_global_type(true), &ConstExpr::i32_const(7));
    let mutable_index = imported_globals + values.len() as u32;
    exports.export("mut", ExportKind::Global, mutable_index);
    for i in 0..ndefined {
        exports.export(&format!("f{i}"), ExportKind::Func, nimported + i);
    }
    let offset = if pic {
        // global.get $__table_base (global 1), plus the base.
        ConstExpr::global_get(1)
            .with_i32_const(base as i32)
            .with_i32_add()
    } else {
        ConstExpr::i32_const(base as i32)
    };
    let mut elems = ElementSection::new();
    elems.active(None, &offset, Elements::Functions(items.into()));
    let mut module = Module::new();
    module.section(&CustomSection {
        name: "dylink.0".into(),
        data: [][..].into(),
    });
    module.section(&types).section(&is).section(&funcs);
    if !pic {
        module.section(&tables);
    }
    module
        .section(&globals)
        .section(&exports)
        .section(&elems)
        .section(&code);
    module.finish()
}

fn i32_global_type(mutable: bool) -> GlobalType {
    GlobalType {
        val_type: ValType::I32,
        mutable,
        shared: false,
    }
}

proptest! {
    /// Exported immutable globals carry their value (an i32 read as unsigned), a mutable one none;
    /// each exported function's slot is its first position in the segment, relative to
    /// `__table_base` in a PIC module and absolute in one with its own table; and the shape follows.
    #[test]
    fn exports_values_and_slots(
        pic in any::<bool>(),
        nimported in 0u32..4,
        ndefined in 1u32..6,
        values in prop::collection::vec(any::<i32>(), 0..5),
        base in 0u32..100,
        picks in prop::collection::vec(any::<prop::sample::Index>(), 0..10),
    ) {
        let nfuncs = nimported + ndefined;
        let items: Vec<u32> = picks.iter().map(|p| p.index(nfuncs as usize) as u32).collect();
        let bytes = module_with_exports(pic, nimported, ndefined, &values, base, &items);
        let info = ModuleInfo::parse("m", &bytes, true).unwrap();
        prop_assert_eq!(info.shape, if pic { Shape::Pic } else { Shape::Fixed });
        prop_assert_eq!(info.defines_table, !pic);
        if !pic {
            prop_assert_eq!(info.table_min, (base as usize + items.len()) as u64);
        }
        for (i, v) in values.iter().enumerate() {
            let e = info.export(&format!("g{i}")).unwrap();
            prop_assert_eq!(e.const_value, Some(*v as u32 as i64));
        }
        prop_assert_eq!(info.export("mut").unwrap().const_value, None);
        for i in 0..ndefined {
            let name = format!("f{i}");
            let want = items.iter().position(|&f| f == nimported + i).map(|pos| SegmentSlot {
                base: if pic { SegmentBase::TableBase(0) } else { SegmentBase::Absolute(0) },
                offset: base as u64 + pos as u64,
            });
            prop_assert_eq!(info.elem_slot_of_export(&name), want, "{}", name);
            prop_assert_eq!(info.export_position(&name).map(|p| &info.exports[p].name), Some(&name));
        }
    }

    /// Every import lands in the class the convention gives its module, name and kind.
    #[test]
    fn imports_are_classified(imports in prop::collection::vec((module_name(), field_name(), kind()), 0..12)) {
        let bytes = module_with(&imports, &[]);
        let info = ModuleInfo::parse("m", &bytes, true).unwrap();
        prop_assert_eq!(info.imports.len(), imports.len());
        for (imp, (m, f, k)) in info.imports.iter().zip(&imports) {
            let well_known = WellKnown::from_name(f);
            let want = match (m.as_str(), k) {
                ("GOT.mem", _) => well_known.map(ImportClass::WellKnown).unwrap_or(ImportClass::GotMem(f.clone())),
                ("GOT.func", _) => ImportClass::GotFunc(f.clone()),
                ("env", Kind::Func) => ImportClass::Func(f.clone()),
                ("env", Kind::Memory) => ImportClass::Memory,
                ("env", Kind::Table) => ImportClass::Table,
                ("env", Kind::Tag) => ImportClass::Tag(f.clone()),
                ("env", Kind::Global(_)) => well_known.map(ImportClass::WellKnown).unwrap_or(ImportClass::Global(f.clone())),
                _ => ImportClass::Host,
            };
            prop_assert_eq!(&imp.class, &want, "{}.{} {:?}", m, f, k);
        }
    }

    /// What we encode into dylink.0 is what we read back, in order.
    #[test]
    fn dylink_round_trips(
        mem in (any::<u32>(), 0u32..31, any::<u32>(), 0u32..31),
        needed in prop::collection::vec("[a-z]{1,10}\\.so", 0..6),
        exports in prop::collection::btree_map("[a-z_]{1,10}", 0u32..0x400, 0..6),
        runpath in prop::collection::vec("\\$ORIGIN/[a-z]{0,6}", 0..3),
    ) {
        let mut d = Vec::new();
        let mut p = Vec::new();
        for v in [mem.0, mem.1, mem.2, mem.3] { leb(v, &mut p); }
        subsection(1, &p, &mut d);
        let mut p = Vec::new();
        leb(needed.len() as u32, &mut p);
        for n in &needed { name(n, &mut p); }
        subsection(2, &p, &mut d);
        let mut p = Vec::new();
        leb(exports.len() as u32, &mut p);
        for (n, f) in &exports { name(n, &mut p); leb(*f, &mut p); }
        subsection(3, &p, &mut d);
        let mut p = Vec::new();
        leb(runpath.len() as u32, &mut p);
        for r in &runpath { name(r, &mut p); }
        subsection(5, &p, &mut d);
        let info = ModuleInfo::parse("m", &module_with(&[], &d), true).unwrap();
        let dl = &info.dylink;
        prop_assert_eq!((dl.mem_size, dl.mem_p2align, dl.table_size, dl.table_p2align), mem);
        prop_assert_eq!(&dl.needed, &needed);
        prop_assert_eq!(&dl.runtime_path, &runpath);
        prop_assert_eq!(dl.export_info.len(), exports.len());
        for (n, f) in &exports {
            let got = dl.export_info[n];
            prop_assert_eq!(got.raw, *f);
            prop_assert_eq!(got.tls, f & 0x100 != 0);
            prop_assert_eq!(got.weak, f & 1 != 0);
            prop_assert_eq!(got.hidden, f & 4 != 0);
        }
    }

    /// Arbitrary dylink.0 contents give a value or a typed error, never a panic.
    #[test]
    fn arbitrary_dylink_never_panics(data in prop::collection::vec(any::<u8>(), 0..64)) {
        let _ = ModuleInfo::parse("m", &module_with(&[], &data), true);
    }

    /// Arbitrary bytes as a module give a value or a typed error, never a panic.
    #[test]
    fn arbitrary_module_never_panics(data in prop::collection::vec(any::<u8>(), 0..128)) {
        let mut bytes = b"\0asm\x01\0\0\0".to_vec();
        bytes.extend(data);
        let _ = ModuleInfo::parse("m", &bytes, true);
    }
}
