//! Arbitrary trees of dylink.0 modules through the engine-free plan (discovery, load order,
//! layout, scope, binding), as `ldd` runs it: a main module and up to 8 libraries in an in-memory
//! filesystem, each a real wasm module with a `dylink.0` section, with NEEDED lists that may be
//! missing, duplicated or cyclic, data, table and TLS sizes, exports and imports of every kind the
//! linker classifies; sometimes with corrupted bytes. The plan must never panic, an error must be
//! a typed `LinkError` with a message (and, when every module is well formed, not a complaint
//! about the format), and a plan must hold together: disjoint data and table ranges, main first,
//! each module once, every GOT entry bound, canonical function slots unique, and every generated
//! module (the PLT stubs, each module with its stubs moved in) valid.
#![no_main]

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Arc;

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use linker_core::fuzzing::{self, Bound, Plan};
use linker_core::{FileId, LibraryFs, LinkError, LinkerConfig, PollPoints, WeakPolicy};
use wasm_encoder::{
    CodeSection, ConstExpr, CustomSection, ElementSection, Elements, Encode, EntityType,
    ExportKind, ExportSection, Function, FunctionSection, GlobalSection, GlobalType, ImportSection,
    Instruction, MemoryType, Module, RefType, TableSection, TableType, TagKind, TagType,
    TypeSection, ValType,
};
use wasmparser::{Validator, WasmFeatures};

/// Symbols modules define and import: functions and data share names, so that kinds clash.
const SYMS: [&str; 12] = [
    "f0",
    "f1",
    "f2",
    "f3",
    "d0",
    "d1",
    "d2",
    "t0",
    "t1",
    "dlopen",
    "__wasm_call_ctors",
    "malloc",
];
/// Names `GOT.mem` and `env` globals are imported under: data symbols and the well-known ones.
const GLOBALS: [&str; 13] = [
    "d0",
    "d1",
    "t0",
    "f0",
    "__memory_base",
    "__table_base",
    "__stack_pointer",
    "__heap_base",
    "__heap_end",
    "__stack_low",
    "__stack_high",
    "__dso_handle",
    "__tls_base",
];
/// Signatures as (params, results): `dlopen`'s and `dlerror`'s among them.
const SIGS: [(&[ValType], &[ValType]); 5] = [
    (&[], &[]),
    (&[ValType::I32], &[ValType::I32]),
    (&[ValType::I32, ValType::I64], &[ValType::F64]),
    (&[], &[ValType::I32]),
    (&[ValType::I32, ValType::I32], &[ValType::I32]),
];
/// Host and builtin imports: (module, name).
const HOST: [(&str, &str); 6] = [
    ("wasi_snapshot_preview1", "fd_write"),
    ("wasi_snapshot_preview1", "poll_oneoff"),
    ("wasmlink", "thread_spawn"),
    ("wasi", "thread-spawn"),
    ("env", "dlerror"),
    ("wasix_32v1", "closure_free"),
];
/// Where a library file may live.
const DIRS: [&str; 4] = ["/lib", "/usr/lib", "/opt", "/app/sub"];
/// RUNPATH and `LD_LIBRARY_PATH` entries.
const PATHS: [&str; 7] = [
    "$ORIGIN",
    "/opt",
    "$ORIGIN/../opt",
    "${ORIGIN}/sub",
    "/app/sub",
    "/../../x",
    "/nowhere",
];

const WEAK: u32 = 1;
const HIDDEN: u32 = 4;
const UNDEFINED: u32 = 0x10;
const TLS: u32 = 0x100;
const ABSOLUTE: u32 = 0x200;

#[derive(Arbitrary, Debug)]
enum Need {
    /// A library of the tree, by its bare name.
    Lib(u8),
    /// A library no file has.
    Missing,
    Abs(u8),
    Rel(u8),
    Alias(u8),
    Main,
    Escape,
}

#[derive(Arbitrary, Debug)]
struct FuncDef {
    sym: u8,
    /// A second name for the same function.
    alias: Option<u8>,
    sig: u8,
    weak: bool,
    hidden: bool,
    in_elem: bool,
    calls: Vec<u8>,
}

#[derive(Arbitrary, Debug)]
struct DataDef {
    sym: u8,
    offset: u16,
    tls: bool,
    weak: bool,
    hidden: bool,
    absolute: bool,
    mutable: bool,
}

#[derive(Arbitrary, Debug)]
enum Imp {
    Func { sym: u8, sig: u8, weak: bool },
    GotMem { sym: u8, weak: bool },
    GotFunc { sym: u8, weak: bool },
    Global { name: u8, mutable: bool },
    Host { which: u8, sig: u8 },
    Tag,
}

#[derive(Arbitrary, Debug)]
struct MemImport {
    shared: bool,
    min: u8,
    max: Option<u8>,
    memory64: u8,
}

/// Made-invalid bytes (the tree is then not well formed).
#[derive(Arbitrary, Debug)]
enum Corrupt {
    Flip { at: u16, xor: u8 },
    Truncate(u16),
    Insert { at: u16, bytes: Vec<u8> },
    Garbage(Vec<u8>),
    DylinkPayload(Vec<u8>),
    DuplicateSubsection,
    TwoDylink,
    BadAlign(u8),
    NoDylink,
}

#[derive(Arbitrary, Debug)]
struct ModSpec {
    dir: u8,
    needed: Vec<Need>,
    runpath: Vec<u8>,
    mem_size: u16,
    /// 255: `mem_size << 16` bytes.
    mem_big: u8,
    mem_p2align: u8,
    table_size: u8,
    table_p2align: u8,
    tls: Option<(u8, u8)>,
    funcs: Vec<FuncDef>,
    data: Vec<DataDef>,
    imports: Vec<Imp>,
    memory: Option<MemImport>,
    /// Import the table, `__stack_pointer`, `__memory_base`, `__table_base` (bits 0-3).
    std_imports: u8,
    /// The main module only: linked at fixed addresses (defines its table).
    fixed: bool,
    /// An unknown dylink.0 subsection (skipped: still well formed).
    unknown_subsection: bool,
    /// Corrupted when below 16.
    corrupt_roll: u8,
    corrupt: Corrupt,
}

#[derive(Arbitrary, Debug)]
struct Config {
    prefer_strong: bool,
    preload: Vec<u8>,
    ld_library_path: Vec<u8>,
    default_max_pages: Option<u16>,
    stack: Option<u8>,
    polls: bool,
    waits: bool,
    stamps: bool,
    bind_now: bool,
}

#[derive(Arbitrary, Debug)]
struct Input {
    main: ModSpec,
    libs: Vec<ModSpec>,
    config: Config,
}

/// The in-memory library filesystem: files by canonical path; `/alias/NAME` names the library
/// file `NAME` wherever it lives (one file, two paths: one identity).
struct MemFs {
    files: HashMap<String, Vec<u8>>,
    aliases: HashMap<String, String>,
    stamps: bool,
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
struct Built {
    bytes: Vec<u8>,
    /// No corruption: the module is valid wasm with a well-formed dylink.0 (if any).
    well_formed: bool,
    /// Exported functions: name -> signature index.
    funcs: HashMap<String, usize>,
}

fn subsection(out: &mut Vec<u8>, id: u8, payload: &[u8]) {
    out.push(id);
    payload.encode(out);
}

fn strings(v: &[String]) -> Vec<u8> {
    let mut out = Vec::new();
    (v.len() as u32).encode(&mut out);
    for s in v {
        s.as_str().encode(&mut out);
    }
    out
}

/// The NEEDED entry `n` in a tree of `libs` libraries.
fn need_name(n: &Need, libs: usize) -> String {
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

fn lib_dir(d: u8) -> &'static str {
    if d < 128 {
        "/lib"
    } else {
        DIRS[d as usize % DIRS.len()]
    }
}

fn zero(t: ValType) -> Instruction<'static> {
    match t {
        ValType::I64 => Instruction::I64Const(0),
        ValType::F64 => Instruction::F64Const(0.0.into()),
        _ => Instruction::I32Const(0),
    }
}

/// Mostly the symbol's own signature (so that definitions and uses agree), sometimes another.
fn sig_of(sym: u8, roll: u8) -> usize {
    if roll < 224 {
        sym as usize % SYMS.len() % SIGS.len()
    } else {
        roll as usize % SIGS.len()
    }
}

fn sym(i: u8) -> &'static str {
    SYMS[i as usize % SYMS.len()]
}

/// Encodes `spec` as a wasm module with a dylink.0 section (see the module documentation).
fn encode(spec: &ModSpec, is_main: bool, libs: usize) -> Built {
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

fn codes(types: &[ValType]) -> Vec<u8> {
    types
        .iter()
        .map(|t| match t {
            ValType::I32 => 0x7f,
            ValType::I64 => 0x7e,
            ValType::F32 => 0x7d,
            ValType::F64 => 0x7c,
            _ => 0,
        })
        .collect()
}

fn validate(what: &str, bytes: &[u8]) {
    if let Err(e) = Validator::new_with_features(WasmFeatures::all()).validate_all(bytes) {
        panic!("{what} is not valid wasm: {e}");
    }
}

/// Whether `a` and `b`, half-open, overlap (empty ranges overlap nothing).
fn overlap(a: (u64, u64), b: (u64, u64)) -> bool {
    a.0 < a.1 && b.0 < b.1 && a.0 < b.1 && b.0 < a.1
}

fn disjoint(what: &str, ranges: &[(String, (u64, u64))]) {
    for (i, (n1, r1)) in ranges.iter().enumerate() {
        for (n2, r2) in &ranges[i + 1..] {
            assert!(
                !overlap(*r1, *r2),
                "{what} ranges overlap: {n1} {r1:?} and {n2} {r2:?}"
            );
        }
    }
}

/// Every invariant of a successful plan (see the module documentation).
fn check_plan(
    p: &Plan,
    report: &linker_core::LddReport,
    built: &HashMap<String, Built>,
    cfg: &LinkerConfig,
) {
    let n = p.modules.len();
    let well_formed = built.values().all(|b| b.well_formed);
    // Main first, each module once, the report agreeing with the plan.
    assert_eq!(p.modules[0].path, "/main.wasm");
    assert_eq!(report.modules[0].path, "/main.wasm", "main is not first");
    assert_eq!(report.modules.len(), n);
    let mut sorted = p.global_scope.clone();
    sorted.sort();
    assert_eq!(sorted, (0..n).collect::<Vec<_>>(), "global scope");
    assert_eq!(p.global_scope[0], 0);
    for (s, &m) in report.modules.iter().zip(&p.global_scope) {
        let pm = &p.modules[m];
        assert_eq!(
            (&s.name, &s.path, s.memory_base, s.table_base),
            (&pm.name, &pm.path, pm.memory_base, pm.table_base)
        );
    }
    let paths: BTreeSet<&str> = p.modules.iter().map(|m| m.path.as_str()).collect();
    assert_eq!(paths.len(), n, "a module appears twice");
    let ids: BTreeSet<&str> = p.modules.iter().map(|m| m.identity.as_str()).collect();
    assert_eq!(ids.len(), n, "a file is loaded twice");
    let names: BTreeSet<&str> = report.modules.iter().map(|m| m.name.as_str()).collect();
    for u in &report.unresolved {
        assert!(names.contains(u.module.as_str()), "unresolved {u:?}");
    }
    // Init order: a permutation; needed before needer, but for cycles.
    let mut pos = vec![usize::MAX; n];
    for (i, &m) in p.init_order.iter().enumerate() {
        assert_eq!(pos[m], usize::MAX, "init order repeats {m}");
        pos[m] = i;
    }
    assert!(pos.iter().all(|&x| x != usize::MAX), "init order");
    let reaches = |from: usize, to: usize| {
        let mut seen = vec![false; n];
        let mut stack = vec![from];
        while let Some(m) = stack.pop() {
            if m == to {
                return true;
            }
            if !std::mem::replace(&mut seen[m], true) {
                stack.extend(p.modules[m].deps.iter().copied());
            }
        }
        false
    };
    let fixed = p.modules[0].fixed;
    for (m, pm) in p.modules.iter().enumerate() {
        for &d in &pm.deps {
            assert!(d < n);
            if !(fixed && m == 0) && pos[d] > pos[m] {
                assert!(reaches(d, m), "{d} initialised after {m}, which needs it");
            }
        }
    }
    // Memory: aligned, disjoint, below the heap.
    let mut data = Vec::new();
    for (m, pm) in p.modules.iter().enumerate() {
        if m == 0 && fixed {
            continue;
        }
        assert_eq!(
            pm.memory_base % pm.mem_align,
            0,
            "{} at {} misaligned (align {})",
            pm.path,
            pm.memory_base,
            pm.mem_align
        );
        let r = (pm.memory_base, pm.memory_base + pm.mem_size);
        if !fixed {
            assert!(r.0 >= 1024, "{} at {r:?}", pm.path);
            assert!(r.1 <= p.heap_base, "{} above the heap", pm.path);
        }
        data.push((pm.path.clone(), r));
    }
    if !fixed {
        assert!(p.stack.0 <= p.stack.1);
        data.push(("stack".into(), p.stack));
    }
    disjoint("data", &data);
    // Table: blocks aligned and disjoint, slot 0 unused; linker slots outside every block.
    let mut blocks = Vec::new();
    for (m, pm) in p.modules.iter().enumerate() {
        if m == 0 && fixed {
            continue;
        }
        assert!(pm.table_base >= 1);
        // The main module's slots start at 1 whatever its table alignment (records.rs).
        if pm.table_size > 0 && m != 0 {
            assert_eq!(pm.table_base % pm.table_align, 0, "{} misaligned", pm.path);
        }
        let r = (pm.table_base, pm.table_base + pm.table_size);
        assert!(
            r.0 == r.1 || r.1 <= p.table_size,
            "{} past the table",
            pm.path
        );
        blocks.push((pm.path.clone(), r));
    }
    disjoint("table", &blocks);
    let linker: BTreeSet<u64> = p.linker_slots.iter().copied().collect();
    assert_eq!(linker.len(), p.linker_slots.len(), "a linker slot twice");
    for &s in &linker {
        assert!(s >= 1 && s < p.table_size, "linker slot {s}");
        for (name, r) in &blocks {
            assert!(
                !overlap(*r, (s, s + 1)),
                "linker slot {s} in {name}'s block"
            );
        }
    }
    // Canonical slots: one function per slot, one slot per function.
    let mut by_slot: BTreeMap<u64, (usize, u32)> = BTreeMap::new();
    let mut by_func: BTreeMap<(usize, u32), u64> = BTreeMap::new();
    for s in &p.func_slots {
        let f = (s.module, s.func_index);
        if let Some(other) = by_func.insert(f, s.slot) {
            assert_eq!(
                other, s.slot,
                "{f:?} ({}) has two canonical slots",
                s.export
            );
        }
        // A module whose element segments fill more slots than its dylink.0 declares (one
        // without a dylink.0, a corrupted one) may overlap another's: only checked for
        // well-formed trees.
        if let (Some(other), true) = (by_slot.insert(s.slot, f), well_formed) {
            assert_eq!(other, f, "slot {} holds two functions", s.slot);
        }
        if !well_formed {
            continue;
        }
        assert!(s.slot < p.table_size, "slot {} past the table", s.slot);
        let pm = &p.modules[s.module];
        if !linker.contains(&s.slot) && !(s.module == 0 && fixed) {
            assert!(
                s.slot >= pm.table_base && s.slot < pm.table_base + pm.table_size,
                "{}'s slot {} outside its block",
                s.export,
                s.slot
            );
        }
    }
    // Bindings.
    let mut plt_uses = 0;
    for (m, pm) in p.modules.iter().enumerate() {
        for imp in &pm.imports {
            let what = format!(
                "{}: {}.{} bound {:?}",
                pm.path, imp.module, imp.name, imp.bound
            );
            match (imp.module.as_str(), imp.name.as_str(), &imp.bound) {
                ("GOT.func", _, Bound::Value(0)) => assert!(imp.weak, "{what}"),
                ("GOT.func", _, Bound::Value(v)) => assert!(by_slot.contains_key(v), "{what}"),
                ("GOT.func", _, _) => panic!("GOT entry not bound: {what}"),
                ("GOT.mem" | "env", "__memory_base", b) => {
                    assert_eq!(b, &Bound::Value(pm.memory_base), "{what}")
                }
                ("GOT.mem" | "env", "__table_base", b) => {
                    assert_eq!(b, &Bound::Value(pm.table_base), "{what}")
                }
                ("GOT.mem", _, Bound::Value(_) | Bound::StackPointer | Bound::StackBound) => {}
                ("GOT.mem", _, Bound::GotTls { provider, .. }) => assert!(*provider < n),
                ("GOT.mem", _, _) => panic!("GOT entry not bound: {what}"),
                _ => {}
            }
            match &imp.bound {
                Bound::Direct { provider, export } => {
                    assert!(
                        pos[*provider] < pos[m],
                        "{what}: provider instantiated later"
                    );
                    let b = &built[&p.modules[*provider].identity];
                    let sig = b.funcs.get(export).map(|&s| SIGS[s]);
                    let sig = sig.map(|(pa, r)| (codes(pa), codes(r)));
                    assert_eq!(sig.as_ref(), imp.func.as_ref(), "{what}: signature");
                }
                Bound::ExportedGlobal { provider, .. } => {
                    assert!(
                        pos[*provider] < pos[m],
                        "{what}: provider instantiated later"
                    )
                }
                Bound::Plt { stub, slot } => {
                    plt_uses += 1;
                    let e = &p.plt[*slot as usize];
                    assert_eq!((e.importer, e.symbol.as_str()), (m, imp.name.as_str()));
                    assert_eq!(pm.stubs[*stub].0, *slot, "{what}");
                    assert_eq!(Some(&pm.stubs[*stub].1), imp.func.as_ref(), "{what}");
                }
                _ => {}
            }
        }
    }
    assert_eq!(plt_uses, p.plt.len(), "PLT slots without a binding");
    // The modules the linker would compile: the stubs, and each module with its stubs moved in.
    if !well_formed {
        return;
    }
    let polls = cfg.poll_points == PollPoints::Always;
    for pm in &p.modules {
        validate("a stub module", &fuzzing::stub_module(&pm.stubs));
        let mut moved = Vec::new();
        let mut params = Vec::new();
        for (i, imp) in pm.imports.iter().enumerate() {
            if let (Bound::Plt { slot, .. }, Some(f)) = (&imp.bound, &imp.func) {
                if p.plt[*slot as usize].target.is_some() {
                    moved.push((i, *slot));
                    params.push(f.0.len() as u32);
                }
            }
        }
        let bytes = built[&pm.identity].bytes.clone();
        let bytes = fuzzing::instrument(bytes, cfg.wait_safepoints, polls)
            .unwrap_or_else(|e| panic!("instrumenting {}: {e}", pm.path));
        validate("an instrumented module", &bytes);
        match fuzzing::inline_stubs(&bytes, &moved, &params) {
            Ok(out) => validate("a module with its PLT stubs moved in", &out),
            Err(e) if e.contains("no code section") => {}
            Err(e) => panic!("moving stubs into {}: {e}", pm.path),
        }
    }
}

fuzz_target!(|input: Input| {
    let mut files = HashMap::new();
    let mut aliases = HashMap::new();
    let mut built = HashMap::new();
    let libs = input.libs.len().min(8);
    let main = encode(&input.main, true, libs);
    if main.well_formed {
        validate("harness bug: the main module built", &main.bytes);
    }
    files.insert("/main.wasm".to_string(), main.bytes.clone());
    built.insert("/main.wasm".to_string(), main);
    for (i, spec) in input.libs.iter().take(8).enumerate() {
        let path = format!("{}/lib{i}.so", lib_dir(spec.dir));
        let b = encode(spec, false, libs);
        if b.well_formed {
            validate("harness bug: a library built", &b.bytes);
        }
        files.insert(path.clone(), b.bytes.clone());
        aliases.insert(format!("/alias/lib{i}.so"), path.clone());
        built.insert(path, b);
    }
    let well_formed = built.values().all(|b| b.well_formed);
    let c = &input.config;
    let fs = MemFs {
        files,
        aliases,
        stamps: c.stamps,
    };
    let mut config = LinkerConfig::new(Arc::new(fs));
    config.weak_policy = if c.prefer_strong {
        WeakPolicy::PreferStrong
    } else {
        WeakPolicy::FirstDefinition
    };
    config.preload = c
        .preload
        .iter()
        .take(2)
        .map(|j| format!("lib{}.so", *j as usize % (libs + 1)))
        .collect();
    config.search.ld_library_path = c
        .ld_library_path
        .iter()
        .take(2)
        .map(|&r| PATHS[r as usize % PATHS.len()].to_string())
        .collect();
    if let Some(pages) = c.default_max_pages {
        config.default_max_pages = pages as u32;
    }
    if let Some(s) = c.stack {
        config.stack_size = [0, 16, 4096, 1 << 16, 1 << 32, u64::MAX / 2][s as usize % 6];
    }
    config.poll_points = if c.polls {
        PollPoints::Always
    } else {
        PollPoints::Never
    };
    config.wait_safepoints = c.waits;
    config.bind_now = c.bind_now;

    let report = linker_core::ldd(&config, "/main.wasm");
    let plan = fuzzing::plan(&config, "/main.wasm");
    match (report, plan) {
        (Ok(r), Ok(p)) => check_plan(&p, &r, &built, &config),
        (Err(e), Err(e2)) => {
            let msg = e.to_string();
            assert!(!msg.is_empty(), "{e:?} displays as nothing");
            assert_eq!(msg, e2.to_string(), "ldd and the plan disagree");
            if well_formed {
                assert!(
                    !matches!(
                        e,
                        LinkError::NotWasm { .. }
                            | LinkError::Malformed { .. }
                            | LinkError::BadDylink { .. }
                            | LinkError::NoDylink { .. }
                    ),
                    "a well-formed tree refused: {msg}"
                );
            }
        }
        (r, p) => panic!(
            "ldd and the plan disagree: {:?} / {:?}",
            r.map(|r| r.modules),
            p.map(|p| p.modules.len())
        ),
    }
});
