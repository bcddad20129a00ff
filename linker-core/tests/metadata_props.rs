//! Property tests of the metadata reader: import classification, dylink.0 round trips, and no
//! panic on arbitrary section contents.

use linker_core::metadata::{ImportClass, ModuleInfo, WellKnown};
use proptest::prelude::*;
use wasm_encoder::{
    CustomSection, EntityType, GlobalType, ImportSection, MemoryType, Module, RefType, TableType,
    TagKind, TagType, TypeSection, ValType,
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

proptest! {
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
