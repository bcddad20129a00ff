//! The wasm the linker generates: PLT stubs with their resolvers, and trampolines that let a
//! table slot hold a host function on engines that cannot put one there.

use wasm_encoder::{
    CodeSection, EntityType, ExportKind, ExportSection, Function, FunctionSection, ImportSection,
    Instruction, Module, RefType, TableType, TypeSection,
};

use crate::plan::image::Stub;
use crate::types::{FuncType, ValType};

/// Import module and name under which stub modules import the PLT table.
pub(crate) const PLT_IMPORT: (&str, &str) = ("wasmlink", "plt");
/// Import under which stub modules import the binder, `(func (param i32))`.
pub(crate) const BIND_IMPORT: (&str, &str) = ("wasmlink", "bind");

/// The type under which modules import the PLT table ([`PLT_IMPORT`]): funcrefs, growable
/// without a maximum (it grows with every module that has PLT bindings).
pub(crate) fn plt_table_type() -> TableType {
    TableType {
        element_type: RefType::FUNCREF,
        table64: false,
        minimum: 0,
        maximum: None,
        shared: false,
    }
}

/// Export name of stub `i` in a generated stub module.
pub(crate) fn stub_export(i: usize) -> String {
    format!("s{i}")
}

/// Export name of the resolver of stub `i`: what the PLT slot holds until the symbol is bound.
pub(crate) fn resolver_export(i: usize) -> String {
    format!("r{i}")
}

/// A type section holding each distinct signature of `tys` once; returns it, the type index of
/// each entry of `tys`, and the number of types (the index the next type gets).
pub(super) fn intern_types<'a>(
    tys: impl Iterator<Item = &'a FuncType>,
) -> (TypeSection, Vec<u32>, u32) {
    let mut types = TypeSection::new();
    let mut distinct: Vec<&FuncType> = Vec::new();
    let mut index = Vec::new();
    for ty in tys {
        let i = match distinct.iter().position(|t| *t == ty) {
            Some(i) => i,
            None => {
                types.ty().function(
                    ty.params.iter().map(|t| enc(*t)),
                    ty.results.iter().map(|t| enc(*t)),
                );
                distinct.push(ty);
                distinct.len() - 1
            }
        };
        index.push(i as u32);
    }
    (types, index, distinct.len() as u32)
}

/// Builds a module exporting one function per stub (`s0`, `s1`, ...).
pub(crate) fn stub_module(stubs: &[Stub]) -> Vec<u8> {
    let (mut types, func_type_idx, bind_type) = intern_types(stubs.iter().map(|s| &s.ty));
    // The binder's type comes last.
    types.ty().function([wasm_encoder::ValType::I32], []);
    let mut imports = ImportSection::new();
    imports.import(
        PLT_IMPORT.0,
        PLT_IMPORT.1,
        EntityType::Table(plt_table_type()),
    );
    imports.import(
        BIND_IMPORT.0,
        BIND_IMPORT.1,
        EntityType::Function(bind_type),
    );
    let mut funcs = FunctionSection::new();
    let mut exports = ExportSection::new();
    let mut code = CodeSection::new();
    // Function 0 is the imported binder; then the stubs s0.., then the resolvers r0...
    let n = stubs.len() as u32;
    for (i, s) in stubs.iter().enumerate() {
        funcs.function(func_type_idx[i]);
        exports.export(&stub_export(i), ExportKind::Func, i as u32 + 1);
        // The stub: forward through the PLT slot.
        let mut f = Function::new([]);
        for p in 0..s.ty.params.len() {
            f.instruction(&Instruction::LocalGet(p as u32));
        }
        f.instruction(&Instruction::I32Const(s.slot as i32));
        f.instruction(&Instruction::CallIndirect {
            type_index: func_type_idx[i],
            table_index: 0,
        });
        f.instruction(&Instruction::End);
        code.function(&f);
    }
    for (i, s) in stubs.iter().enumerate() {
        funcs.function(func_type_idx[i]);
        exports.export(&resolver_export(i), ExportKind::Func, n + i as u32 + 1);
        // The resolver, in the slot until the symbol is bound: bind (the binder replaces it in
        // the slot, or traps naming the symbol), then forward through the slot.
        let mut f = Function::new([]);
        f.instruction(&Instruction::I32Const(s.slot as i32))
            .instruction(&Instruction::Call(0));
        for p in 0..s.ty.params.len() {
            f.instruction(&Instruction::LocalGet(p as u32));
        }
        f.instruction(&Instruction::I32Const(s.slot as i32));
        f.instruction(&Instruction::CallIndirect {
            type_index: func_type_idx[i],
            table_index: 0,
        });
        f.instruction(&Instruction::End);
        code.function(&f);
    }
    assemble(&types, &imports, &funcs, &exports, &code)
}

/// A module importing `host.f` of type `ty` and exporting `f`, a wasm function forwarding to it.
pub(crate) fn trampoline_module(ty: &FuncType) -> Vec<u8> {
    let mut types = TypeSection::new();
    types.ty().function(
        ty.params.iter().map(|t| enc(*t)),
        ty.results.iter().map(|t| enc(*t)),
    );
    let mut imports = ImportSection::new();
    imports.import("host", "f", EntityType::Function(0));
    let mut funcs = FunctionSection::new();
    funcs.function(0);
    let mut exports = ExportSection::new();
    exports.export("f", ExportKind::Func, 1);
    let mut f = Function::new([]);
    for i in 0..ty.params.len() {
        f.instruction(&Instruction::LocalGet(i as u32));
    }
    f.instruction(&Instruction::Call(0))
        .instruction(&Instruction::End);
    let mut code = CodeSection::new();
    code.function(&f);
    assemble(&types, &imports, &funcs, &exports, &code)
}

/// The type under which a generated module imports the process memory (`env.memory`): any
/// current size, the process's maximum, shared when the program is built with threads.
pub(crate) fn process_memory_type(max_pages: u32, shared: bool) -> EntityType {
    EntityType::Memory(wasm_encoder::MemoryType {
        minimum: 0,
        maximum: Some(max_pages as u64),
        memory64: false,
        shared,
        page_size_log2: None,
    })
}

/// One function a forwarder passes on: the import, its type, and whether it may block.
pub(crate) struct Forwarded<'a> {
    pub module: &'a str,
    pub name: &'a str,
    pub ty: &'a FuncType,
    pub blocking: bool,
}

/// Import module of a forwarder's guards (`safepoint`, `leave`, `enter`: `() -> ()`).
pub(crate) const GUARD_MODULE: &str = "wasmlink";

/// Export name of forwarded function `i` in a forwarder module.
pub(crate) fn forward_export(i: usize) -> String {
    format!("f{i}")
}

/// A module through which imports left to the engine's own imports (the embedder's
/// `wasmtime::Linker`, `wasmer::Imports`) are called. It imports the process memory and exports
/// it again as `memory`, the convention by which WASI implementations find the caller's memory
/// (wasmtime-wasi's generated glue, wasmer-wasix), which dylink.0 modules (they import it) lack.
/// Each forwarder function makes the call a safepoint (`wasmlink.safepoint` first), or, for a
/// call that may block, leaves the group idle around it (`wasmlink.leave`, `wasmlink.enter`), as
/// the linker does for its own host functions (docs/threads.md).
pub(crate) fn forwarder_module(funcs: &[Forwarded<'_>], max_pages: u32, shared: bool) -> Vec<u8> {
    let (mut types, type_of, guard_type) = intern_types(funcs.iter().map(|f| f.ty));
    types.ty().function([], []);
    let mut imports = ImportSection::new();
    imports.import("env", "memory", process_memory_type(max_pages, shared));
    for g in ["safepoint", "leave", "enter"] {
        imports.import(GUARD_MODULE, g, EntityType::Function(guard_type));
    }
    for (f, &t) in funcs.iter().zip(&type_of) {
        imports.import(f.module, f.name, EntityType::Function(t));
    }
    let (safepoint, leave, enter) = (0u32, 1u32, 2u32);
    let n = funcs.len() as u32;
    let mut defined = FunctionSection::new();
    let mut exports = ExportSection::new();
    exports.export("memory", ExportKind::Memory, 0);
    let mut code = CodeSection::new();
    for (i, (f, &t)) in funcs.iter().zip(&type_of).enumerate() {
        defined.function(t);
        exports.export(&forward_export(i), ExportKind::Func, 3 + n + i as u32);
        let mut body = Function::new([]);
        body.instruction(&Instruction::Call(if f.blocking {
            leave
        } else {
            safepoint
        }));
        for p in 0..f.ty.params.len() {
            body.instruction(&Instruction::LocalGet(p as u32));
        }
        body.instruction(&Instruction::Call(3 + i as u32));
        if f.blocking {
            body.instruction(&Instruction::Call(enter));
        }
        body.instruction(&Instruction::End);
        code.function(&body);
    }
    assemble(&types, &imports, &defined, &exports, &code)
}

/// A module of these sections, in the order the binary format requires.
pub(crate) fn assemble(
    types: &TypeSection,
    imports: &ImportSection,
    funcs: &FunctionSection,
    exports: &ExportSection,
    code: &CodeSection,
) -> Vec<u8> {
    let mut m = Module::new();
    m.section(types)
        .section(imports)
        .section(funcs)
        .section(exports)
        .section(code);
    m.finish()
}

/// The wasm-encoder form of a value type (shared by the generated modules).
fn enc(t: ValType) -> wasm_encoder::ValType {
    match t {
        ValType::I32 => wasm_encoder::ValType::I32,
        ValType::I64 => wasm_encoder::ValType::I64,
        ValType::F32 => wasm_encoder::ValType::F32,
        ValType::F64 => wasm_encoder::ValType::F64,
        ValType::V128 => wasm_encoder::ValType::V128,
        ValType::FuncRef => wasm_encoder::ValType::Ref(RefType::FUNCREF),
        ValType::ExternRef | ValType::OtherRef => wasm_encoder::ValType::Ref(RefType::EXTERNREF),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stub_module_validates() {
        let stubs = vec![
            Stub {
                slot: 3,
                ty: FuncType::new([ValType::I32, ValType::I64], [ValType::F64]),
            },
            Stub {
                slot: 9,
                ty: FuncType::new([], []),
            },
            Stub {
                slot: 4,
                ty: FuncType::new([ValType::I32, ValType::I64], [ValType::F64]),
            },
        ];
        let bytes = stub_module(&stubs);
        wasmparser::Validator::new().validate_all(&bytes).unwrap();
    }

    #[test]
    fn forwarder_module_validates() {
        let a = FuncType::new([ValType::I32, ValType::I64], [ValType::I32]);
        let b = FuncType::new([], []);
        let funcs = [
            Forwarded {
                module: "wasi_snapshot_preview1",
                name: "fd_read",
                ty: &a,
                blocking: true,
            },
            Forwarded {
                module: "host",
                name: "f",
                ty: &b,
                blocking: false,
            },
            Forwarded {
                module: "host",
                name: "g",
                ty: &a,
                blocking: false,
            },
        ];
        let bytes = forwarder_module(&funcs, 100, true);
        let mut features = wasmparser::WasmFeatures::default();
        features.insert(wasmparser::WasmFeatures::THREADS);
        wasmparser::Validator::new_with_features(features)
            .validate_all(&bytes)
            .unwrap();
    }

    #[test]
    fn trampoline_module_validates() {
        let ty = FuncType::new([ValType::I32, ValType::F64], [ValType::I64]);
        wasmparser::Validator::new()
            .validate_all(&trampoline_module(&ty))
            .unwrap();
    }
}
