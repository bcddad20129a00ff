//! The stand-ins a thread's table holds for a library it has not instantiated (lazy replication,
//! `runtime/lazy`).
//!
//! A stand-in module serves one library's slots, or one linker-allocated slot: for each slot it
//! has a function of the type of the library's function there, which asks the host to
//! instantiate the library in the calling thread (`wasmlink.materialize(slot)`: the library's
//! own element segments then put its functions in their slots, the linker its other slots),
//! then calls through the same slot, now holding the real function, with its own arguments. An
//! active element segment at the imported `wasmlink.base` puts the stand-ins in place when the
//! module is instantiated, so the bytes do not depend on where the library lives: one compiled
//! module serves every thread, every load of the library, and every library of the same shape.
//! The linker-allocated slots of a library need not be in a row; their stand-ins take their
//! slots from imported globals instead ([`slot_standin_module`]).

use wasm_encoder::{
    CodeSection, ConstExpr, ElementSection, Elements, EntityType, ExportKind, ExportSection,
    FunctionSection, GlobalType, HeapType, ImportSection, Instruction, Module, RefType,
};

use super::codegen::{intern_types, plt_table_type};
use crate::types::FuncType;

/// Import module of a stand-in module's imports.
pub(crate) const STANDIN_MODULE: &str = "wasmlink";

/// The type of the imported globals that give stand-ins their slots: an immutable `i32`.
fn slot_global() -> EntityType {
    EntityType::Global(GlobalType {
        val_type: wasm_encoder::ValType::I32,
        mutable: false,
        shared: false,
    })
}

/// Export name of the stand-in for slot `k` of a [`slot_standin_module`].
pub(crate) fn slot_standin_export(k: usize) -> String {
    format!("f{k}")
}

/// A stand-in module for slots anywhere in the table (the linker-allocated slots of a deferred
/// library, which need not be in a row): function `k` has type `types[k]` and finds its slot in
/// the imported immutable global `wasmlink.s{k}`; the host puts each export `f{k}` in its slot.
/// Imports `wasmlink.table` and `wasmlink.materialize` first, as [`standin_module`] does.
pub(crate) fn slot_standin_module(types: &[FuncType]) -> Vec<u8> {
    let (mut type_section, type_of, materialize_type) = intern_types(types.iter());
    type_section.ty().function([wasm_encoder::ValType::I32], []);
    let mut imports = ImportSection::new();
    imports.import(STANDIN_MODULE, "table", EntityType::Table(plt_table_type()));
    imports.import(
        STANDIN_MODULE,
        "materialize",
        EntityType::Function(materialize_type),
    );
    for k in 0..types.len() {
        imports.import(STANDIN_MODULE, &format!("s{k}"), slot_global());
    }
    let mut funcs = FunctionSection::new();
    let mut exports = ExportSection::new();
    let mut code = CodeSection::new();
    for (k, (ty, &t)) in types.iter().zip(&type_of).enumerate() {
        funcs.function(t);
        // Function 0 is the imported `materialize`.
        exports.export(&slot_standin_export(k), ExportKind::Func, k as u32 + 1);
        let mut f = wasm_encoder::Function::new([]);
        f.instruction(&Instruction::GlobalGet(k as u32))
            .instruction(&Instruction::Call(0));
        for p in 0..ty.params.len() {
            f.instruction(&Instruction::LocalGet(p as u32));
        }
        f.instruction(&Instruction::GlobalGet(k as u32))
            .instruction(&Instruction::CallIndirect {
                type_index: t,
                table_index: 0,
            })
            .instruction(&Instruction::End);
        code.function(&f);
    }
    let mut m = Module::new();
    m.section(&type_section)
        .section(&imports)
        .section(&funcs)
        .section(&exports)
        .section(&code);
    m.finish()
}

/// A stand-in module for slots `base + offset` with these function types, `entries` sorted by
/// offset. Imports `wasmlink.table` (the program's table), `wasmlink.base` (an immutable `i32`:
/// the first slot) and `wasmlink.materialize` (`(i32) -> ()`); exports nothing.
pub(crate) fn standin_module(entries: &[(u64, FuncType)]) -> Vec<u8> {
    let (mut types, type_of, materialize_type) = intern_types(entries.iter().map(|(_, t)| t));
    types.ty().function([wasm_encoder::ValType::I32], []);
    let mut imports = ImportSection::new();
    imports.import(STANDIN_MODULE, "table", EntityType::Table(plt_table_type()));
    imports.import(STANDIN_MODULE, "base", slot_global());
    imports.import(
        STANDIN_MODULE,
        "materialize",
        EntityType::Function(materialize_type),
    );
    let mut funcs = FunctionSection::new();
    let mut code = CodeSection::new();
    let slot = |f: &mut wasm_encoder::Function, offset: u64| {
        f.instruction(&Instruction::GlobalGet(0))
            .instruction(&Instruction::I32Const(offset as i32))
            .instruction(&Instruction::I32Add);
    };
    for ((offset, ty), &t) in entries.iter().zip(&type_of) {
        funcs.function(t);
        let mut f = wasm_encoder::Function::new([]);
        slot(&mut f, *offset);
        f.instruction(&Instruction::Call(0));
        for p in 0..ty.params.len() {
            f.instruction(&Instruction::LocalGet(p as u32));
        }
        slot(&mut f, *offset);
        f.instruction(&Instruction::CallIndirect {
            type_index: t,
            table_index: 0,
        });
        f.instruction(&Instruction::End);
        code.function(&f);
    }
    // One segment from `base`: a slot between two entries (none in what wasm-ld emits) is
    // written null, as it is in a thread that instantiated the library.
    let len = entries.last().map_or(0, |(o, _)| o + 1);
    let null = ConstExpr::ref_null(HeapType::FUNC);
    let mut items = vec![null; len as usize];
    for (i, (offset, _)) in entries.iter().enumerate() {
        // Function 0 is the imported `materialize`.
        items[*offset as usize] = ConstExpr::ref_func(i as u32 + 1);
    }
    let mut elems = ElementSection::new();
    elems.active(
        Some(0),
        &ConstExpr::global_get(0),
        Elements::Expressions(RefType::FUNCREF, items.into()),
    );
    let mut m = Module::new();
    m.section(&types)
        .section(&imports)
        .section(&funcs)
        .section(&elems)
        .section(&code);
    m.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::ValType;

    #[test]
    fn standin_module_validates() {
        let entries = vec![
            (0, FuncType::new([ValType::I32], [ValType::I32])),
            (1, FuncType::new([], [])),
            (
                3,
                FuncType::new([ValType::I64, ValType::F64], [ValType::F32]),
            ),
            (4, FuncType::new([ValType::I32], [ValType::I32])),
        ];
        let bytes = standin_module(&entries);
        wasmparser::Validator::new()
            .validate_all(&bytes)
            .expect("stand-in module validates");
        // The bytes name no slot: one compiled module serves every placement.
        assert_eq!(bytes, standin_module(&entries));
        assert!(wasmparser::Validator::new()
            .validate_all(&standin_module(&[]))
            .is_ok());
        let types: Vec<FuncType> = entries.into_iter().map(|(_, t)| t).collect();
        wasmparser::Validator::new()
            .validate_all(&slot_standin_module(&types))
            .expect("slot stand-in module validates");
    }
}
