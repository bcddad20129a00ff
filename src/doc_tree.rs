//! The tiny module tree of the crate documentation's examples, generated and written to a
//! temporary directory: `main.wasm` needs `libanswer.so` (in `/lib`) and exits with its
//! `answer()` through WASI's `proc_exit`.

use std::borrow::Cow;

use wasm_encoder::{
    CodeSection, CustomSection, EntityType, ExportKind, ExportSection, Function, FunctionSection,
    ImportSection, Instruction, Module, TypeSection, ValType,
};

/// A `dylink.0` section: no data, no table slots, and `needed`.
fn dylink(needed: &[&str]) -> CustomSection<'static> {
    let mut data = vec![1, 4, 0, 0, 0, 0]; // WASM_DYLINK_MEM_INFO: all zero
    if !needed.is_empty() {
        let mut sub = vec![needed.len() as u8];
        for n in needed {
            sub.push(n.len() as u8);
            sub.extend_from_slice(n.as_bytes());
        }
        data.push(2); // WASM_DYLINK_NEEDED
        data.push(sub.len() as u8);
        data.extend(sub);
    }
    CustomSection {
        name: Cow::Borrowed("dylink.0"),
        data: Cow::Owned(data),
    }
}

/// `main.wasm`: `_start` calls `env.answer` and `proc_exit` with the result.
fn main_module() -> Vec<u8> {
    let mut types = TypeSection::new();
    types.ty().function([], [ValType::I32]);
    types.ty().function([ValType::I32], []);
    types.ty().function([], []);
    let mut imports = ImportSection::new();
    imports.import("env", "answer", EntityType::Function(0));
    imports.import(
        "wasi_snapshot_preview1",
        "proc_exit",
        EntityType::Function(1),
    );
    let mut funcs = FunctionSection::new();
    funcs.function(2);
    let mut exports = ExportSection::new();
    exports.export("_start", ExportKind::Func, 2);
    let mut start = Function::new([]);
    start
        .instruction(&Instruction::Call(0))
        .instruction(&Instruction::Call(1))
        .instruction(&Instruction::End);
    let mut code = CodeSection::new();
    code.function(&start);
    let mut m = Module::new();
    m.section(&dylink(&["libanswer.so"]))
        .section(&types)
        .section(&imports)
        .section(&funcs)
        .section(&exports)
        .section(&code);
    m.finish()
}

/// `libanswer.so`: exports `answer`, which returns 42.
fn lib_module() -> Vec<u8> {
    let mut types = TypeSection::new();
    types.ty().function([], [ValType::I32]);
    let mut funcs = FunctionSection::new();
    funcs.function(0);
    let mut exports = ExportSection::new();
    exports.export("answer", ExportKind::Func, 0);
    let mut answer = Function::new([]);
    answer
        .instruction(&Instruction::I32Const(42))
        .instruction(&Instruction::End);
    let mut code = CodeSection::new();
    code.function(&answer);
    let mut m = Module::new();
    m.section(&dylink(&[]))
        .section(&types)
        .section(&funcs)
        .section(&exports)
        .section(&code);
    m.finish()
}

/// Writes the example tree to a fresh temporary directory and returns it.
pub fn doc_tree() -> std::io::Result<std::path::PathBuf> {
    use std::sync::atomic::{AtomicU32, Ordering};
    static N: AtomicU32 = AtomicU32::new(0);
    let dir = std::env::temp_dir().join(format!(
        "wasmlink-doc-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ));
    std::fs::create_dir_all(dir.join("lib"))?;
    std::fs::write(dir.join("main.wasm"), main_module())?;
    std::fs::write(dir.join("lib/libanswer.so"), lib_module())?;
    Ok(dir)
}
