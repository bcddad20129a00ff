//! The `plan` target's modules: each drawn module encoded as real wasm with a `dylink.0` section
//! (sometimes corrupted), and the in-memory filesystem the plan reads them from.

use std::collections::{BTreeSet, HashMap};

use linker_core::{FileId, LibraryFs, LinkError};
use wasm_encoder::{
    CodeSection, ConstExpr, CustomSection, ElementSection, Elements, Encode, EntityType,
    ExportKind, ExportSection, Function, FunctionSection, GlobalSection, GlobalType, ImportSection,
    Instruction, MemoryType, Module, RefType, TableSection, TableType, TagKind, TagType,
    TypeSection, ValType,
};

use crate::plan_input::*;

/// The in-memory library filesystem: files by canonical path; `/alias/NAME` names the library
/// file `NAME` wherever it lives (one file, two paths: one identity).
pub(crate) struct MemFs {
    pub(crate) files: HashMap<String, Vec<u8>>,
    pub(crate) aliases: HashMap<String, String>,
    pub(crate) stamps: bool,
}

impl MemFs {
    fn canonical(&self, path: &str) -> Option<String> {
        if self.files.contains_key(path) {
            return Some(path.to_string());
        }
        self.aliases.get(path).cloned()
    }
}

impl LibraryFs for MemFs {
    fn read(&self, guest_path: &str) -> Result<Option<Vec<u8>>, LinkError> {
        Ok(self.canonical(guest_path).map(|p| self.files[&p].clone()))
    }
    fn identity(&self, guest_path: &str) -> Result<Option<String>, LinkError> {
        Ok(self.canonical(guest_path))
    }
    fn stat(&self, guest_path: &str) -> Result<Option<FileId>, LinkError> {
        Ok(self.canonical(guest_path).map(|identity| FileId {
            stamp: self
                .stamps
                .then(|| self.files[&identity].len() as u64 ^ 0x5eed),
            identity,
        }))
    }
}

/// A module as built, for checking the plan against it.
pub(crate) struct Built {
    pub(crate) bytes: Vec<u8>,
    /// No corruption: the module is valid wasm with a well-formed dylink.0 (if any).
    pub(crate) well_formed: bool,
    /// Exported functions: name -> signature index.
    pub(crate) funcs: HashMap<String, usize>,
}

pub(crate) fn subsection(out: &mut Vec<u8>, id: u8, payload: &[u8]) {
    out.push(id);
    payload.encode(out);
}

pub(crate) fn strings(v: &[String]) -> Vec<u8> {
    let mut out = Vec::new();
    (v.len() as u32).encode(&mut out);
    for s in v {
        s.as_str().encode(&mut out);
    }
    out
}

/// The NEEDED entry `n` in a tree of `libs` libraries.
pub(crate) fn need_name(n: &Need, libs: usize) -> String {
    let lib = |j: &u8| *j as usize % libs.max(1);
    match n {
        Need::Lib(j) => format!("lib{}.so", lib(j)),
        Need::Missing => "libmissing.so".into(),
        Need::Abs(j) => format!("/lib/lib{}.so", lib(j)),
        Need::Rel(j) if j % 2 == 0 => format!("../lib/lib{}.so", lib(j)),
        Need::Rel(j) => format!("lib/lib{}.so", lib(j)),
        Need::Alias(j) => format!("/alias/lib{}.so", lib(j)),
        Need::Main => "/main.wasm".into(),
        Need::Escape => "../../../../etc/lib0.so".into(),
    }
}

pub(crate) fn lib_dir(d: u8) -> &'static str {
    if d < 128 {
        "/lib"
    } else {
        DIRS[d as usize % DIRS.len()]
    }
}

pub(crate) fn zero(t: ValType) -> Instruction<'static> {
    match t {
        ValType::I64 => Instruction::I64Const(0),
        ValType::F64 => Instruction::F64Const(0.0.into()),
        _ => Instruction::I32Const(0),
    }
}

/// Mostly the symbol's own signature (so that definitions and uses agree), sometimes another.
pub(crate) fn sig_of(sym: u8, roll: u8) -> usize {
    if roll < 224 {
        sym as usize % SYMS.len() % SIGS.len()
    } else {
        roll as usize % SIGS.len()
    }
}

pub(crate) fn sym(i: u8) -> &'static str {
    SYMS[i as usize % SYMS.len()]
}

/// Encodes `spec` as a wasm module with a dylink.0 section (see the module documentation).
pub(crate) fn encode(spec: &ModSpec, is_main: bool, libs: usize) -> Built {
    let fixed = is_main && spec.fixed;
    let mut types = TypeSection::new();
    for (p, r) in SIGS {
        types.ty().function(p.iter().copied(), r.iter().copied());
    }
    let funcs_def: Vec<&FuncDef> = spec.funcs.iter().take(6).collect();
    let elem_count = funcs_def.iter().filter(|f| f.in_elem).count() as u32;
    let mut imports = ImportSection::new();
    let mut import_info: Vec<(String, String, u32)> = Vec::new();
    let mut func_imports: Vec<usize> = Vec::new();
    let mut n_globals = 0u32;
    let mut table_base = None;
    if let Some(m) = &spec.memory {
        let max = m.max.map(u64::from).or(m.shared.then_some(256));
        imports.import(
            "env",
            "memory",
            EntityType::Memory(MemoryType {
                minimum: (m.min as u64).min(max.unwrap_or(u64::MAX)),
                maximum: max,
                memory64: m.memory64 == 0xff,
                shared: m.shared,
                page_size_log2: None,
            }),
        );
    }
    let std = spec.std_imports;
    let global = |mutable| {
        EntityType::Global(GlobalType {
            val_type: ValType::I32,
            mutable,
            shared: false,
        })
    };
    if !fixed && (std & 1 != 0 || elem_count > 0) {
        imports.import(
            "env",
            "__indirect_function_table",
            EntityType::Table(TableType {
                element_type: RefType::FUNCREF,
                table64: false,
                minimum: 0,
                maximum: None,
                shared: false,
            }),
        );
    }
    if std & 2 != 0 {
        imports.import("env", "__stack_pointer", global(true));
        n_globals += 1;
    }
    if !fixed && std & 4 != 0 {
        imports.import("env", "__memory_base", global(false));
        n_globals += 1;
    }
    if !fixed && (std & 8 != 0 || elem_count > 0) {
        imports.import("env", "__table_base", global(false));
        table_base = Some(n_globals);
        n_globals += 1;
    }
    for imp in spec.imports.iter().take(10) {
        match imp {
            Imp::Func { sym: s, sig, weak } => {
                let sig = sig_of(*s, *sig);
                imports.import("env", sym(*s), EntityType::Function(sig as u32));
                func_imports.push(sig);
                if *weak {
                    import_info.push(("env".into(), sym(*s).into(), WEAK | UNDEFINED));
                }
            }
            Imp::GotMem { sym: s, weak } => {
                let name = GLOBALS[*s as usize % GLOBALS.len()];
                imports.import("GOT.mem", name, global(true));
                n_globals += 1;
                if *weak {
                    // clang sometimes files GOT imports' flags under `env`.
                    let module = if s % 2 == 0 { "GOT.mem" } else { "env" };
                    import_info.push((module.into(), name.into(), WEAK | UNDEFINED));
                }
            }
            Imp::GotFunc { sym: s, weak } => {
                imports.import("GOT.func", sym(*s), global(true));
                n_globals += 1;
                if *weak {
                    import_info.push(("GOT.func".into(), sym(*s).into(), WEAK | UNDEFINED));
                }
            }
            Imp::Global { name, mutable } => {
                imports.import(
                    "env",
                    GLOBALS[*name as usize % GLOBALS.len()],
                    global(*mutable),
                );
                n_globals += 1;
            }
            Imp::Host { which, sig } => {
                let (m, n) = HOST[*which as usize % HOST.len()];
                let sig = *sig as usize % SIGS.len();
                imports.import(m, n, EntityType::Function(sig as u32));
                func_imports.push(sig);
            }
            Imp::Tag => {
                imports.import(
                    "env",
                    "__c_longjmp",
                    EntityType::Tag(TagType {
                        kind: TagKind::Exception,
                        func_type_idx: 0,
                    }),
                );
            }
        }
    }
    let n_func_imports = func_imports.len() as u32;
    // Defined functions: each calls some of the imported ones.
    let mut functions = FunctionSection::new();
    let mut code = CodeSection::new();
    let mut exports = ExportSection::new();
    let mut exported = BTreeSet::new();
    let mut export_info: Vec<(String, u32)> = Vec::new();
    let mut funcs = HashMap::new();
    let mut elem = Vec::new();
    for (i, f) in funcs_def.iter().enumerate() {
        let sig = sig_of(f.sym, f.sig);
        functions.function(sig as u32);
        let mut body = Function::new([]);
        for &c in f.calls.iter().take(4) {
            if n_func_imports == 0 {
                break;
            }
            let callee = c as u32 % n_func_imports;
            let (p, r) = SIGS[func_imports[callee as usize]];
            for &t in p {
                body.instruction(&zero(t));
            }
            body.instruction(&Instruction::Call(callee));
            for _ in r {
                body.instruction(&Instruction::Drop);
            }
        }
        for &t in SIGS[sig].1 {
            body.instruction(&zero(t));
        }
        body.instruction(&Instruction::End);
        code.function(&body);
        let index = n_func_imports + i as u32;
        if f.in_elem {
            elem.push(index);
        }
        let flags = if f.weak { WEAK } else { 0 } | if f.hidden { HIDDEN } else { 0 };
        for name in std::iter::once(f.sym).chain(f.alias).map(sym) {
            if exported.insert(name) {
                exports.export(name, ExportKind::Func, index);
                funcs.insert(name.to_string(), sig);
                if flags != 0 {
                    export_info.push((name.into(), flags));
                }
            }
        }
    }
    // Data symbols: immutable globals holding their offsets; the TLS block's size and alignment.
    let mut globals = GlobalSection::new();
    let mut def_global = |globals: &mut GlobalSection, mutable, value: i32| {
        globals.global(
            GlobalType {
                val_type: ValType::I32,
                mutable,
                shared: false,
            },
            &ConstExpr::i32_const(value),
        );
        n_globals += 1;
        n_globals - 1
    };
    if let Some((size, p2)) = spec.tls {
        let base = def_global(&mut globals, true, 0);
        exports.export("__tls_base", ExportKind::Global, base);
        let size_g = def_global(&mut globals, false, size as i32);
        exports.export("__tls_size", ExportKind::Global, size_g);
        let align_g = def_global(&mut globals, false, 1 << (p2 % 8));
        exports.export("__tls_align", ExportKind::Global, align_g);
    }
    for d in spec.data.iter().take(6) {
        let name = sym(d.sym);
        if !exported.insert(name) {
            continue;
        }
        let tls = d.tls && spec.tls.is_some();
        let value = if tls {
            d.offset as i32 % spec.tls.map_or(1, |t| t.0 as i32).max(1)
        } else {
            d.offset as i32
        };
        let g = def_global(&mut globals, d.mutable, value);
        exports.export(name, ExportKind::Global, g);
        let flags = if d.weak { WEAK } else { 0 }
            | if d.hidden { HIDDEN } else { 0 }
            | if tls { TLS } else { 0 }
            | if d.absolute { ABSOLUTE } else { 0 };
        if flags != 0 {
            export_info.push((name.into(), flags));
        }
    }
    let mut tables = TableSection::new();
    let mut elems = ElementSection::new();
    if fixed {
        // A non-PIE main: its own table, its slots from 1.
        tables.table(TableType {
            element_type: RefType::FUNCREF,
            table64: false,
            minimum: 1 + elem_count as u64,
            maximum: None,
            shared: false,
        });
        if !elem.is_empty() {
            elems.active(
                None,
                &ConstExpr::i32_const(1),
                Elements::Functions(elem.into()),
            );
        }
    } else if let (Some(tb), false) = (table_base, elem.is_empty()) {
        elems.active(
            None,
            &ConstExpr::global_get(tb),
            Elements::Functions(elem.into()),
        );
    }
    // dylink.0.
    let corrupt = (spec.corrupt_roll < 16).then_some(&spec.corrupt);
    let mut p2 = spec.mem_p2align as u32 % 32;
    if let Some(Corrupt::BadAlign(x)) = corrupt {
        p2 = 32 + *x as u32;
    }
    let table_size = (spec.table_size as u32).max(elem_count);
    let mut mem_info = Vec::new();
    for v in [
        if spec.mem_big == 255 {
            (spec.mem_size as u32) << 16
        } else {
            spec.mem_size as u32
        },
        p2,
        table_size,
        spec.table_p2align as u32 % 6,
    ] {
        v.encode(&mut mem_info);
    }
    let mut dylink = Vec::new();
    subsection(&mut dylink, 1, &mem_info);
    let needed: Vec<String> = spec
        .needed
        .iter()
        .take(4)
        .map(|n| need_name(n, libs))
        .collect();
    if !needed.is_empty() {
        subsection(&mut dylink, 2, &strings(&needed));
    }
    if spec.unknown_subsection {
        subsection(&mut dylink, 42, &[1, 2, 3]);
    }
    if !export_info.is_empty() {
        let mut p = Vec::new();
        (export_info.len() as u32).encode(&mut p);
        for (name, flags) in &export_info {
            name.as_str().encode(&mut p);
            flags.encode(&mut p);
        }
        subsection(&mut dylink, 3, &p);
    }
    if !import_info.is_empty() {
        let mut p = Vec::new();
        (import_info.len() as u32).encode(&mut p);
        for (module, field, flags) in &import_info {
            module.as_str().encode(&mut p);
            field.as_str().encode(&mut p);
            flags.encode(&mut p);
        }
        subsection(&mut dylink, 4, &p);
    }
    let runpath: Vec<String> = spec
        .runpath
        .iter()
        .take(2)
        .map(|&r| PATHS[r as usize % PATHS.len()].to_string())
        .collect();
    if !runpath.is_empty() {
        subsection(&mut dylink, 5, &strings(&runpath));
    }
    match corrupt {
        Some(Corrupt::DylinkPayload(b)) => dylink = b.clone(),
        Some(Corrupt::DuplicateSubsection) => subsection(&mut dylink, 1, &mem_info),
        _ => {}
    }
    let section = CustomSection {
        name: "dylink.0".into(),
        data: dylink.into(),
    };
    let mut module = Module::new();
    if !matches!(corrupt, Some(Corrupt::NoDylink)) {
        module.section(&section);
    }
    module.section(&types).section(&imports).section(&functions);
    if !tables.is_empty() {
        module.section(&tables);
    }
    if !globals.is_empty() {
        module.section(&globals);
    }
    module.section(&exports);
    if !elems.is_empty() {
        module.section(&elems);
    }
    module.section(&code);
    if let Some(Corrupt::TwoDylink) = corrupt {
        module.section(&section);
    }
    let mut bytes = module.finish();
    match corrupt {
        Some(Corrupt::Flip { at, xor }) => {
            let at = *at as usize % bytes.len();
            bytes[at] ^= xor | 1;
        }
        Some(Corrupt::Truncate(at)) => bytes.truncate(*at as usize % bytes.len()),
        Some(Corrupt::Insert { at, bytes: b }) => {
            let at = *at as usize % bytes.len();
            bytes.splice(at..at, b.iter().copied());
        }
        Some(Corrupt::Garbage(b)) => bytes = b.clone(),
        _ => {}
    }
    Built {
        bytes,
        well_formed: corrupt.is_none(),
        funcs,
    }
}
