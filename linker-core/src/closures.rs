//! Function-table slots for functions the host creates at run time (closures, callbacks handed
//! to C as function pointers). Slots come from the same table space as libraries' functions and
//! are reused once freed.
//!
//! Where the engine cannot store host functions in a table
//! ([`crate::Capabilities::host_funcs_in_tables`]), the slot holds a generated wasm function that
//! calls the host function: one more call, the same behaviour on every engine.

use wasm_encoder::{
    CodeSection, EntityType, ExportKind, ExportSection, Function, FunctionSection, ImportSection,
    Instruction, Module, TypeSection,
};

use crate::engine::{Engine, Extern, FuncType, HostFn, StoreOps, ValType};
use crate::error::{LinkError, Result};
use crate::group::{sync_tables, GroupRef, Shared};

/// A module importing `host.f` of type `ty` and exporting `f`, a wasm function forwarding to it.
pub fn trampoline_module(ty: &FuncType) -> Vec<u8> {
    let enc = |t: &ValType| crate::stubs::enc(*t);
    let mut types = TypeSection::new();
    types
        .ty()
        .function(ty.params.iter().map(enc), ty.results.iter().map(enc));
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
    let mut m = Module::new();
    m.section(&types)
        .section(&imports)
        .section(&funcs)
        .section(&exports)
        .section(&code);
    m.finish()
}

/// A function of this store that can be placed in a table, calling `func`.
pub fn table_func<E: Engine>(
    cx: &mut dyn StoreOps<E>,
    engine: &E,
    ty: &FuncType,
    func: HostFn<E>,
) -> Result<E::Func> {
    let eng = |e| LinkError::engine("closure", e);
    let host = cx.new_host_func(ty, func).map_err(eng)?;
    if engine.capabilities().host_funcs_in_tables {
        return Ok(host);
    }
    let module = engine
        .compile("closure trampoline", &trampoline_module(ty))
        .map_err(eng)?;
    let inst = cx
        .instantiate(&module, &[Some(Extern::Func(host))])
        .map_err(|e| LinkError::engine("closure trampoline", e))?;
    match cx.export(&inst, "f") {
        Some(Extern::Func(f)) => Ok(f),
        _ => Err(LinkError::engine("closure trampoline", "no export f")),
    }
}

/// Gives `func` a function-table slot (reusing a freed one if there is one) and returns it.
pub fn alloc_closure<E: Engine>(
    cx: &mut dyn StoreOps<E>,
    shared: &std::sync::Arc<Shared<E>>,
    group: &GroupRef<E>,
    ty: &FuncType,
    func: HostFn<E>,
) -> Result<u32> {
    crate::threads::coordinated(cx, shared, group, |cx| {
        alloc_in_group(cx, shared, group, ty, func)
    })
}

fn alloc_in_group<E: Engine>(
    cx: &mut dyn StoreOps<E>,
    shared: &std::sync::Arc<Shared<E>>,
    group: &GroupRef<E>,
    ty: &FuncType,
    func: HostFn<E>,
) -> Result<u32> {
    let f = table_func(cx, &shared.engine, ty, func.clone())?;
    let slot = {
        let mut st = shared.state.write().unwrap_or_else(|p| p.into_inner());
        let (slot, _) = st.table.alloc("closure", 1, 1)?;
        st.closures.insert(slot, (ty.clone(), func));
        slot
    };
    sync_tables(cx, shared, group)?;
    let table = group
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .table
        .clone();
    cx.table_set(&table, slot, Some(&f))
        .map_err(|e| LinkError::engine("closure", e))?;
    group
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .closure_funcs
        .insert(slot, f);
    Ok(slot as u32)
}

/// Frees a slot from [`alloc_closure`]; the slot reads as null until it is reused.
pub fn free_closure<E: Engine>(
    cx: &mut dyn StoreOps<E>,
    shared: &std::sync::Arc<Shared<E>>,
    group: &GroupRef<E>,
    slot: u32,
) -> Result<()> {
    crate::threads::coordinated(cx, shared, group, |cx| {
        free_in_group(cx, shared, group, slot)
    })
}

fn free_in_group<E: Engine>(
    cx: &mut dyn StoreOps<E>,
    shared: &std::sync::Arc<Shared<E>>,
    group: &GroupRef<E>,
    slot: u32,
) -> Result<()> {
    group
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .closure_funcs
        .remove(&(slot as u64));
    {
        let mut st = shared.state.write().unwrap_or_else(|p| p.into_inner());
        if st.closures.remove(&(slot as u64)).is_none() {
            return Err(LinkError::Unsupported {
                module: format!("table slot {slot}"),
                what: "freeing a slot that is not an allocated closure".into(),
            });
        }
        st.table.free.release(slot as u64, 1);
    }
    let table = group
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .table
        .clone();
    cx.table_set(&table, slot as u64, None)
        .map_err(|e| LinkError::engine("closure", e))
}
