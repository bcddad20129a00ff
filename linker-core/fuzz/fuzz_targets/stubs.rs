//! Every module the linker generates must validate: PLT stub modules, closure trampolines,
//! forwarders, stand-ins and the `dlsym` front from arbitrary signatures, and the rewrites of a
//! valid module (PLT stubs moved in, waits bracketed and polls added) with an arbitrary choice of
//! the imports moved in. A generated module that does not validate is a bug in the linker.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use linker_core::fuzzing::{self, Sig};
use wasm_encoder::{
    BlockType, CodeSection, ConstExpr, CustomSection, ElementSection, Elements, EntityType,
    ExportKind, ExportSection, Function, FunctionSection, GlobalSection, GlobalType, HeapType,
    ImportSection, IndirectNameMap, Instruction, MemArg, MemoryType, Module, NameMap, NameSection,
    RefType, TableSection, TableType, TagKind, TagType, TypeSection, ValType,
};
use wasmparser::{Validator, WasmFeatures};

/// A value type, as the generators take it (`Other`: a reference type the linker does not tell
/// apart).
#[derive(Arbitrary, Debug, Clone, Copy, PartialEq, Eq)]
enum AVal {
    I32,
    I64,
    F32,
    F64,
    V128,
    FuncRef,
    ExternRef,
    Other,
}

impl AVal {
    fn code(self) -> u8 {
        match self {
            AVal::I32 => 0x7f,
            AVal::I64 => 0x7e,
            AVal::F32 => 0x7d,
            AVal::F64 => 0x7c,
            AVal::V128 => 0x7b,
            AVal::FuncRef => 0x70,
            AVal::ExternRef => 0x6f,
            AVal::Other => 0x64,
        }
    }

    /// As wasm-encoder has it (in modules built here; `Other` is an externref).
    fn enc(self) -> ValType {
        match self {
            AVal::I32 => ValType::I32,
            AVal::I64 => ValType::I64,
            AVal::F32 => ValType::F32,
            AVal::F64 => ValType::F64,
            AVal::V128 => ValType::V128,
            AVal::FuncRef => ValType::Ref(RefType::FUNCREF),
            AVal::ExternRef | AVal::Other => ValType::Ref(RefType::EXTERNREF),
        }
    }

    /// An instruction pushing a value of this type.
    fn zero(self) -> Instruction<'static> {
        match self {
            AVal::I32 => Instruction::I32Const(0),
            AVal::I64 => Instruction::I64Const(0),
            AVal::F32 => Instruction::F32Const(0.0.into()),
            AVal::F64 => Instruction::F64Const(0.0.into()),
            AVal::V128 => Instruction::V128Const(0),
            AVal::FuncRef => Instruction::RefNull(HeapType::FUNC),
            AVal::ExternRef | AVal::Other => Instruction::RefNull(HeapType::EXTERN),
        }
    }
}

#[derive(Arbitrary, Debug, Clone, PartialEq, Eq)]
struct ASig {
    params: Vec<AVal>,
    results: Vec<AVal>,
}

impl ASig {
    fn codes(&self) -> Sig {
        (
            self.params.iter().take(12).map(|t| t.code()).collect(),
            self.results.iter().take(6).map(|t| t.code()).collect(),
        )
    }

    /// Without the `Other` type, which a module built here cannot tell from externref.
    fn plain(&self) -> ASig {
        let fix = |v: &[AVal], n| {
            v.iter()
                .take(n)
                .map(|&t| if t == AVal::Other { AVal::ExternRef } else { t })
                .collect()
        };
        ASig {
            params: fix(&self.params, 6),
            results: fix(&self.results, 3),
        }
    }
}

/// An import of the module rewritten by `inline_stubs` and `instrument`.
#[derive(Arbitrary, Debug)]
enum AImport {
    Func(u8),
    Table,
    Global { mutable: bool, ty: AVal },
    Tag(u8),
}

/// What a defined function's body does.
#[derive(Arbitrary, Debug)]
enum AOp {
    Call(u8),
    ReturnCall(u8),
    RefFunc(u8),
    CallIndirect(u8),
    Loop,
    Wait,
}

#[derive(Arbitrary, Debug)]
struct AFunc {
    sig: u8,
    body: Vec<AOp>,
}

#[derive(Arbitrary, Debug)]
struct AModule {
    sigs: Vec<ASig>,
    memory: Option<(bool, bool)>,
    imports: Vec<AImport>,
    funcs: Vec<AFunc>,
    defined_table: bool,
    elem: Vec<u8>,
    exports: Vec<u8>,
    funcref_global: Option<u8>,
    names: bool,
    dylink: bool,
}

/// A valid module of this description (see [`AModule`]), and for each import whether it is a
/// function and its parameter count.
fn build(m: &AModule) -> (Vec<u8>, Vec<Option<u32>>) {
    let mut sigs: Vec<ASig> = m.sigs.iter().take(6).map(|s| s.plain()).collect();
    if sigs.is_empty() {
        sigs.push(ASig {
            params: vec![],
            results: vec![],
        });
    }
    let sig = |i: u8| i as usize % sigs.len();
    let mut types = TypeSection::new();
    for s in &sigs {
        types.ty().function(
            s.params.iter().map(|t| t.enc()),
            s.results.iter().map(|t| t.enc()),
        );
    }
    let mut imports = ImportSection::new();
    let mut func_sigs: Vec<usize> = Vec::new();
    let mut kinds = Vec::new();
    let mut tables = 0u32;
    let mut globals = 0u32;
    let shared_memory = m.memory.is_some_and(|(shared, _)| shared);
    if let Some((shared, _)) = m.memory {
        kinds.push(None);
        imports.import(
            "env",
            "memory",
            EntityType::Memory(MemoryType {
                minimum: 1,
                maximum: Some(16),
                memory64: false,
                shared,
                page_size_log2: None,
            }),
        );
    }
    for (i, imp) in m.imports.iter().take(10).enumerate() {
        let name = format!("i{i}");
        match imp {
            AImport::Func(s) => {
                let s = sig(*s);
                imports.import("env", &name, EntityType::Function(s as u32));
                kinds.push(Some(sigs[s].params.len() as u32));
                func_sigs.push(s);
            }
            AImport::Table => {
                imports.import(
                    "env",
                    &name,
                    EntityType::Table(TableType {
                        element_type: RefType::FUNCREF,
                        table64: false,
                        minimum: 64,
                        maximum: None,
                        shared: false,
                    }),
                );
                kinds.push(None);
                tables += 1;
            }
            AImport::Global { mutable, ty } => {
                let ty = if *ty == AVal::Other { AVal::I32 } else { *ty };
                imports.import(
                    "env",
                    &name,
                    EntityType::Global(GlobalType {
                        val_type: ty.enc(),
                        mutable: *mutable,
                        shared: false,
                    }),
                );
                kinds.push(None);
                globals += 1;
            }
            AImport::Tag(s) => {
                // A tag's type has no results.
                let s = sig(*s);
                if sigs[s].results.is_empty() {
                    imports.import(
                        "env",
                        &name,
                        EntityType::Tag(TagType {
                            kind: TagKind::Exception,
                            func_type_idx: s as u32,
                        }),
                    );
                    kinds.push(None);
                }
            }
        }
    }
    let imported_funcs = func_sigs.len() as u32;
    let defined: Vec<&AFunc> = m.funcs.iter().take(8).collect();
    for f in &defined {
        func_sigs.push(sig(f.sig));
    }
    let total = func_sigs.len() as u32;
    let mut table_sec = TableSection::new();
    if m.defined_table || tables == 0 {
        table_sec.table(TableType {
            element_type: RefType::FUNCREF,
            table64: false,
            minimum: 64,
            maximum: None,
            shared: false,
        });
        tables += 1;
    }
    let mut funcs = FunctionSection::new();
    let mut code = CodeSection::new();
    let mut referenced = Vec::new();
    for f in &defined {
        let me = &sigs[sig(f.sig)];
        funcs.function(sig(f.sig) as u32);
        let mut body = Function::new([]);
        let mut returned = false;
        for op in f.body.iter().take(12) {
            match *op {
                AOp::Call(i) | AOp::ReturnCall(i) | AOp::CallIndirect(i) if total > 0 => {
                    let callee = i as u32 % total;
                    let s = &sigs[func_sigs[callee as usize]];
                    for p in &s.params {
                        body.instruction(&p.zero());
                    }
                    match *op {
                        AOp::ReturnCall(_) if s.results == me.results => {
                            body.instruction(&Instruction::ReturnCall(callee));
                            returned = true;
                            break;
                        }
                        AOp::CallIndirect(_) => {
                            body.instruction(&Instruction::I32Const(i as i32));
                            body.instruction(&Instruction::CallIndirect {
                                type_index: func_sigs[callee as usize] as u32,
                                table_index: 0,
                            });
                        }
                        _ => {
                            body.instruction(&Instruction::Call(callee));
                        }
                    }
                    for _ in &s.results {
                        body.instruction(&Instruction::Drop);
                    }
                }
                AOp::RefFunc(i) if total > 0 => {
                    let f = i as u32 % total;
                    referenced.push(f);
                    body.instruction(&Instruction::RefFunc(f));
                    body.instruction(&Instruction::Drop);
                }
                AOp::Loop => {
                    body.instruction(&Instruction::Loop(BlockType::Empty));
                    body.instruction(&Instruction::End);
                }
                AOp::Wait if shared_memory => {
                    body.instruction(&Instruction::I32Const(0));
                    body.instruction(&Instruction::I32Const(0));
                    body.instruction(&Instruction::I64Const(-1));
                    body.instruction(&Instruction::MemoryAtomicWait32(MemArg {
                        offset: 0,
                        align: 2,
                        memory_index: 0,
                    }));
                    body.instruction(&Instruction::Drop);
                }
                _ => {}
            }
        }
        if !returned {
            for r in &me.results {
                body.instruction(&r.zero());
            }
        }
        body.instruction(&Instruction::End);
        code.function(&body);
    }
    let mut global_sec = GlobalSection::new();
    if let (Some(f), true) = (m.funcref_global, total > 0) {
        let f = f as u32 % total;
        referenced.push(f);
        global_sec.global(
            GlobalType {
                val_type: ValType::Ref(RefType::FUNCREF),
                mutable: false,
                shared: false,
            },
            &ConstExpr::ref_func(f),
        );
        globals += 1;
    }
    let _ = globals;
    let mut exports = ExportSection::new();
    let mut exported = std::collections::BTreeSet::new();
    for &e in m.exports.iter().take(8) {
        if total > 0 && exported.insert(e as u32 % total) {
            exports.export(
                &format!("e{}", e as u32 % total),
                ExportKind::Func,
                e as u32 % total,
            );
        }
    }
    let mut elems = ElementSection::new();
    let elem: Vec<u32> = if total > 0 {
        m.elem.iter().take(16).map(|&e| e as u32 % total).collect()
    } else {
        Vec::new()
    };
    if !elem.is_empty() {
        elems.active(
            Some(0),
            &ConstExpr::i32_const(1),
            Elements::Functions(elem.into()),
        );
    }
    if !referenced.is_empty() {
        elems.declared(Elements::Functions(referenced.into()));
    }
    let mut module = Module::new();
    if m.dylink {
        // MEM_INFO and NEEDED: kept as they are by the rewrites.
        let data = [1u8, 4, 16, 2, 2, 0, 2, 5, 1, 3, b'l', b'i', b'b'];
        module.section(&CustomSection {
            name: "dylink.0".into(),
            data: data[..].into(),
        });
    }
    module.section(&types).section(&imports).section(&funcs);
    if !table_sec.is_empty() {
        module.section(&table_sec);
    }
    if !global_sec.is_empty() {
        module.section(&global_sec);
    }
    module.section(&exports);
    if !elems.is_empty() {
        module.section(&elems);
    }
    module.section(&code);
    if m.names {
        let mut names = NameSection::new();
        names.module("fuzz");
        let mut fnames = NameMap::new();
        for i in 0..total {
            fnames.append(i, &format!("f{i}"));
        }
        names.functions(&fnames);
        let mut locals = IndirectNameMap::new();
        let mut l = NameMap::new();
        l.append(0, "p0");
        if total > imported_funcs {
            locals.append(imported_funcs, &l);
        }
        names.locals(&locals);
        module.section(&names);
    }
    let _ = tables;
    (module.finish(), kinds)
}

#[derive(Arbitrary, Debug)]
struct Input {
    stubs: Vec<(u32, ASig)>,
    trampoline: ASig,
    forwarded: Vec<(u8, u8, ASig, bool)>,
    max_pages: u32,
    shared: bool,
    standin: Vec<(u8, ASig)>,
    slot_types: Vec<ASig>,
    module: AModule,
    /// Per import: moved in (with this PLT slot) or not.
    moved: Vec<Option<u32>>,
    /// Move in an import that is not a function, or one past the end (the rewrite must refuse).
    bad_plan: Option<u8>,
    waits: bool,
    polls: bool,
}

fn validator() -> Validator {
    Validator::new_with_features(WasmFeatures::all())
}

/// Panics (a bug found) if `bytes`, made by the linker's generator `what`, is not valid.
fn check(what: &str, bytes: &[u8], input: &dyn std::fmt::Debug) {
    if let Err(e) = validator().validate_all(bytes) {
        panic!("the linker generated an invalid {what} module: {e}\ninput: {input:?}");
    }
}

fuzz_target!(|input: Input| {
    let sig_list = |v: &[ASig]| v.iter().take(16).map(|s| s.codes()).collect::<Vec<Sig>>();
    let max_pages = input.max_pages % 65537;

    let stubs: Vec<(u32, Sig)> = input
        .stubs
        .iter()
        .take(16)
        .map(|(slot, s)| (*slot, s.codes()))
        .collect();
    check("PLT stub", &fuzzing::stub_module(&stubs), &stubs);

    let ty = input.trampoline.codes();
    check("trampoline", &fuzzing::trampoline_module(&ty), &ty);

    const MODULES: [&str; 4] = ["wasi_snapshot_preview1", "env", "host", "wasmlink"];
    let forwarded: Vec<(String, String, Sig, bool)> = input
        .forwarded
        .iter()
        .take(16)
        .map(|(m, n, s, b)| {
            (
                MODULES[*m as usize % MODULES.len()].to_string(),
                format!("f{}", n % 8),
                s.codes(),
                *b,
            )
        })
        .collect();
    check(
        "forwarder",
        &fuzzing::forwarder_module(&forwarded, max_pages, input.shared),
        &(&forwarded, max_pages, input.shared),
    );

    // Offsets sorted, possibly repeated, with gaps.
    let mut offset = 0u64;
    let entries: Vec<(u64, Sig)> = input
        .standin
        .iter()
        .take(16)
        .map(|(gap, s)| {
            offset += (*gap % 8) as u64;
            (offset, s.codes())
        })
        .collect();
    check("stand-in", &fuzzing::standin_module(&entries), &entries);
    let types = sig_list(&input.slot_types);
    check(
        "slot stand-in",
        &fuzzing::slot_standin_module(&types),
        &types,
    );
    check(
        "dlsym front",
        &fuzzing::dlsym_front_module(max_pages, input.shared),
        &(max_pages, input.shared),
    );

    // The rewrites of a valid module.
    let (bytes, kinds) = build(&input.module);
    if let Err(e) = validator().validate_all(&bytes) {
        panic!(
            "harness bug: the module built is invalid: {e}\n{:?}",
            input.module
        );
    }
    let mut moved = Vec::new();
    let mut params = Vec::new();
    for (pos, (kind, m)) in kinds.iter().zip(input.moved.iter()).enumerate() {
        if let (Some(p), Some(slot)) = (kind, m) {
            moved.push((pos, *slot));
            params.push(*p);
        }
    }
    if let Some(b) = input.bad_plan {
        // An import that is not a function, or none at all: the rewrite must refuse it.
        let pos = match kinds.iter().position(|k| k.is_none()) {
            Some(p) if b % 2 == 0 => p,
            _ => kinds.len() + b as usize % 3,
        };
        let mut bad: Vec<(usize, u32)> = moved.clone();
        let mut bad_params = params.clone();
        let at = bad.partition_point(|m| m.0 < pos);
        if bad.get(at).is_none_or(|m| m.0 != pos) {
            bad.insert(at, (pos, 0));
            bad_params.insert(at, 0);
            if let Ok(out) = fuzzing::inline_stubs(&bytes, &bad, &bad_params) {
                panic!(
                    "inline_stubs accepted a plan moving import {pos}, not a function: {} bytes\n{:?}",
                    out.len(),
                    input.module
                );
            }
        }
    }
    let inlined = fuzzing::inline_stubs(&bytes, &moved, &params);
    if let Ok(out) = &inlined {
        check(
            "inlined (PLT stubs moved in)",
            out,
            &(&input.module, &moved),
        );
    } else if !input.module.funcs.is_empty() {
        panic!(
            "inline_stubs refused a valid plan: {:?}\n{:?} {moved:?}",
            inlined.err(),
            input.module
        );
    }
    // As the runtime does: instrumented when read, then stubs moved in when compiled (the
    // instrumentation adds its imports after the module's own).
    match fuzzing::instrument(bytes.clone(), input.waits, input.polls) {
        Ok(instrumented) => {
            check(
                "instrumented",
                &instrumented,
                &(&input.module, input.waits, input.polls),
            );
            if let Ok(out) = fuzzing::inline_stubs(&instrumented, &moved, &params) {
                check(
                    "instrumented and inlined",
                    &out,
                    &(&input.module, input.waits, input.polls, &moved),
                );
            }
        }
        Err(e) => panic!("instrument refused a valid module: {e}\n{:?}", input.module),
    }
});
