//! WASI preview 1 from wasmi's own crate, `wasmi_wasi` (wasi-common), for the `wasmlink` command
//! and embedders that want wasmi's WASI rather than their own.
//!
//! wasmi's `Linker` cannot hand back the functions `wasmi_wasi::add_to_linker` puts in it, and
//! `add_to_externals` only fills the imports of a module that imports nothing but WASI. So each
//! WASI function a program imports is taken from a module of one import and one export, made
//! here and compiled once per engine: `add_to_externals` supplies its import, and its export is
//! the function handed to the linker. wasmi_wasi's functions find guest memory through the
//! calling instance's `memory` export, which a main module built with wasi-libc has (the C
//! library, and so every WASI call, lives in the main module).
//!
//! Every store starts with the same [`WasiCtx`] (one context behind an `Arc`: one file-descriptor
//! table for the process). `proc_exit` comes back as `HostError::Exit`.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use wasm_encoder::{EntityType, ExportKind, ExportSection, ImportSection, Module, TypeSection};
use wasmi::StoreContextMut;

pub use wasmi_wasi;
pub use wasmi_wasi::WasiCtx;

use crate::WasmiEngine;

/// The import module of WASI preview 1.
pub const MODULE: &str = "wasi_snapshot_preview1";

fn encoder_type(t: &wasmi::ValType) -> wasm_encoder::ValType {
    match t {
        wasmi::ValType::I64 => wasm_encoder::ValType::I64,
        wasmi::ValType::F32 => wasm_encoder::ValType::F32,
        wasmi::ValType::F64 => wasm_encoder::ValType::F64,
        _ => wasm_encoder::ValType::I32,
    }
}

/// A module importing WASI function `name` of type `ty` and exporting it as `f`.
fn forwarder(name: &str, ty: &wasmi::FuncType) -> Vec<u8> {
    let mut types = TypeSection::new();
    types.ty().function(
        ty.params().iter().map(encoder_type),
        ty.results().iter().map(encoder_type),
    );
    let mut imports = ImportSection::new();
    imports.import(MODULE, name, EntityType::Function(0));
    let mut exports = ExportSection::new();
    exports.export("f", ExportKind::Func, 0);
    let mut m = Module::new();
    m.section(&types).section(&imports).section(&exports);
    m.finish()
}

impl WasmiEngine<WasiCtx> {
    /// An engine whose programs get WASI preview 1 from `ctx`.
    pub fn with_wasi(ctx: WasiCtx) -> Self {
        let engine = WasmiEngine::with_data(move || ctx.clone());
        // Compiled by the store's engine, so that `with_max_stack` may come after this.
        let compiled: Arc<Mutex<HashMap<String, wasmi::Module>>> = Arc::default();
        engine.with_imports(
            move |cx: &mut StoreContextMut<'_, WasiCtx>, module, name, ty| {
                if module != MODULE {
                    return None;
                }
                let key = format!("{name}:{ty:?}");
                let m = {
                    let mut c = compiled.lock().unwrap_or_else(|p| p.into_inner());
                    match c.get(&key) {
                        Some(m) => m.clone(),
                        None => {
                            let m = wasmi::Module::new(cx.engine(), forwarder(name, ty)).ok()?;
                            c.insert(key, m.clone());
                            m
                        }
                    }
                };
                let mut externs = Vec::new();
                wasmi_wasi::add_to_externals(&mut *cx, &m, &mut externs, |c: &mut WasiCtx| c)
                    .ok()?;
                let instance = wasmi::Instance::new(&mut *cx, &m, &externs).ok()?;
                instance.get_func(&*cx, "f")
            },
        )
    }
}
