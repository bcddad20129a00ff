//! One wasmtime store seen through linker-core's [`StoreOps`]: from a `Store` (the embedder
//! entering wasm) or a `Caller` (inside a host function).

use std::sync::Arc;

use linker_core::engine::{
    EngineError, Extern, FuncType, HostError, HostFn, MemoryBytes, StoreOps, Val, ValType,
};
use wasmtime::{AsContextMut, Caller, StoreContextMut};

use crate::convert::{call_error, err, from_wt, func_type, func_type_from_wt, to_wt, vt_to_wt};
use crate::memory::WasmtimeMemory;
use crate::WasmtimeEngine;

impl<T: Send + 'static> Cx<'_, T> {
    /// A host function over raw values, for signatures of numbers only (nearly every host import:
    /// WASI, `<dlfcn.h>`, the PLT binder): the engine's untyped path converts every argument to
    /// and from `wasmtime::Val`, which costs as much as a `dlsym` itself. No allocation either.
    pub(crate) fn new_raw_host_func(
        &mut self,
        wt: wasmtime::FuncType,
        ty: &FuncType,
        func: HostFn<WasmtimeEngine<T>>,
    ) -> wasmtime::Func {
        let params = ty.params.clone();
        let results = ty.results.clone();
        let linker = self.linker.clone();
        let raw = move |mut caller: Caller<'_, T>,
                        slots: &mut [std::mem::MaybeUninit<wasmtime::ValRaw>]|
              -> wasmtime::Result<()> {
            let mut args = [Val::I32(0); 8];
            for ((a, t), slot) in args.iter_mut().zip(&params).zip(slots.iter()) {
                // SAFETY: wasmtime passes one initialized slot per parameter, of its type.
                let raw = unsafe { slot.assume_init_ref() };
                *a = match t {
                    ValType::I32 => Val::I32(raw.get_i32()),
                    ValType::I64 => Val::I64(raw.get_i64()),
                    ValType::F32 => Val::F32(raw.get_f32()),
                    _ => Val::F64(raw.get_f64()),
                };
            }
            let mut out = [Val::I32(0); 4];
            for (o, t) in out.iter_mut().zip(&results) {
                *o = Val::default_for(*t);
            }
            let out = &mut out[..results.len()];
            let mut cx = Cx {
                cx: caller.as_context_mut(),
                linker: linker.clone(),
            };
            func(&mut cx, &args[..params.len()], out).map_err(wasmtime::Error::new)?;
            for (slot, v) in slots.iter_mut().zip(out.iter()) {
                slot.write(match *v {
                    Val::I32(x) => wasmtime::ValRaw::i32(x),
                    Val::I64(x) => wasmtime::ValRaw::i64(x),
                    Val::F32(x) => wasmtime::ValRaw::f32(x),
                    Val::F64(x) => wasmtime::ValRaw::f64(x),
                });
            }
            Ok(())
        };
        // SAFETY: every parameter is read as its declared numeric type, and every result slot
        // is written with a value of its declared type (`Val::default_for` gives each result its
        // type; a host function that stores another type is a bug the linker's own functions do
        // not have, and results of the wrong type are still plain numbers, never references).
        unsafe { wasmtime::Func::new_unchecked(&mut self.cx, wt, raw) }
    }
}

/// A wasmtime store context (from a `Store` or a `Caller`) seen as [`StoreOps`].
pub(crate) struct Cx<'a, T: 'static> {
    pub(crate) cx: StoreContextMut<'a, T>,
    pub(crate) linker: Option<Arc<wasmtime::Linker<T>>>,
}

pub(crate) fn to_extern<T: Send + 'static>(e: &Extern<WasmtimeEngine<T>>) -> wasmtime::Extern {
    match e {
        Extern::Func(f) => wasmtime::Extern::Func(*f),
        Extern::Global(g) => wasmtime::Extern::Global(*g),
        Extern::Memory(m) => m.to_extern(),
        Extern::Table(t) => wasmtime::Extern::Table(*t),
        Extern::Tag(t) => wasmtime::Extern::Tag(*t),
    }
}

impl<T: Send + 'static> StoreOps<WasmtimeEngine<T>> for Cx<'_, T> {
    fn attach_memory(
        &mut self,
        mem: &wasmtime::SharedMemory,
    ) -> Result<WasmtimeMemory, EngineError> {
        Ok(WasmtimeMemory::Shared(mem.clone()))
    }

    fn new_memory(&mut self, min: u32, max: u32) -> Result<WasmtimeMemory, EngineError> {
        let ty = wasmtime::MemoryType::new(min, Some(max));
        let m = wasmtime::Memory::new(&mut self.cx, ty).map_err(err)?;
        Ok(WasmtimeMemory::Private(m))
    }

    fn memory_bytes<'a>(&'a mut self, mem: &'a WasmtimeMemory) -> MemoryBytes<'a> {
        mem.bytes(&mut self.cx)
    }

    fn memory_size(&mut self, mem: &WasmtimeMemory) -> u64 {
        mem.size(&self.cx)
    }

    fn memory_grow(&mut self, mem: &WasmtimeMemory, pages: u64) -> Result<u64, EngineError> {
        mem.grow(&mut self.cx, pages)
    }

    fn memory_read(
        &mut self,
        mem: &WasmtimeMemory,
        addr: u64,
        buf: &mut [u8],
    ) -> Result<(), EngineError> {
        mem.read(&self.cx, addr, buf)
    }

    fn memory_write(
        &mut self,
        mem: &WasmtimeMemory,
        addr: u64,
        bytes: &[u8],
    ) -> Result<(), EngineError> {
        mem.write(&mut self.cx, addr, bytes)
    }

    fn new_table(&mut self, min: u64, max: Option<u64>) -> Result<wasmtime::Table, EngineError> {
        let min = u32::try_from(min).map_err(err)?;
        let max = max.map(u32::try_from).transpose().map_err(err)?;
        let ty = wasmtime::TableType::new(wasmtime::RefType::FUNCREF, min, max);
        wasmtime::Table::new(&mut self.cx, ty, wasmtime::Ref::Func(None)).map_err(err)
    }

    fn table_size(&mut self, table: &wasmtime::Table) -> u64 {
        table.size(&self.cx)
    }

    fn table_grow(&mut self, table: &wasmtime::Table, delta: u64) -> Result<u64, EngineError> {
        table
            .grow(&mut self.cx, delta, wasmtime::Ref::Func(None))
            .map_err(err)
    }

    fn table_set(
        &mut self,
        table: &wasmtime::Table,
        index: u64,
        func: Option<&wasmtime::Func>,
    ) -> Result<(), EngineError> {
        table
            .set(&mut self.cx, index, wasmtime::Ref::Func(func.copied()))
            .map_err(err)
    }

    fn table_get(
        &mut self,
        table: &wasmtime::Table,
        index: u64,
    ) -> Result<Option<wasmtime::Func>, EngineError> {
        match table.get(&mut self.cx, index) {
            Some(wasmtime::Ref::Func(f)) => Ok(f),
            Some(_) => Err(EngineError("not a funcref table".into())),
            None => Err(EngineError(format!("table index {index} out of bounds"))),
        }
    }

    fn new_global(&mut self, value: Val, mutable: bool) -> Result<wasmtime::Global, EngineError> {
        let m = if mutable {
            wasmtime::Mutability::Var
        } else {
            wasmtime::Mutability::Const
        };
        let ty = wasmtime::GlobalType::new(vt_to_wt(value.ty()), m);
        wasmtime::Global::new(&mut self.cx, ty, to_wt(value)).map_err(err)
    }

    fn global_get(&mut self, global: &wasmtime::Global) -> Val {
        from_wt(&global.get(&mut self.cx))
    }

    fn global_set(&mut self, global: &wasmtime::Global, value: Val) -> Result<(), EngineError> {
        global.set(&mut self.cx, to_wt(value)).map_err(err)
    }

    fn new_tag(&mut self, params: &[ValType]) -> Result<wasmtime::Tag, EngineError> {
        let ft = func_type(self.cx.engine(), &FuncType::new(params.to_vec(), []));
        wasmtime::Tag::new(&mut self.cx, &wasmtime::TagType::new(ft)).map_err(err)
    }

    fn new_host_func(
        &mut self,
        ty: &FuncType,
        func: HostFn<WasmtimeEngine<T>>,
    ) -> Result<wasmtime::Func, EngineError> {
        let wt = func_type(self.cx.engine(), ty);
        let numeric =
            |t: &ValType| matches!(t, ValType::I32 | ValType::I64 | ValType::F32 | ValType::F64);
        if ty.params.len() <= 8
            && ty.results.len() <= 4
            && ty.params.iter().chain(&ty.results).all(numeric)
        {
            return Ok(self.new_raw_host_func(wt, ty, func));
        }
        let result_types = ty.results.clone();
        let linker = self.linker.clone();
        wasmtime::Func::try_new(
            &mut self.cx,
            wt,
            move |mut caller: Caller<'_, T>,
                  params: &[wasmtime::Val],
                  results: &mut [wasmtime::Val]| {
                let mut cx = Cx {
                    cx: caller.as_context_mut(),
                    linker: linker.clone(),
                };
                let args: Vec<Val> = params.iter().map(from_wt).collect();
                let mut out: Vec<Val> = result_types.iter().map(|t| Val::default_for(*t)).collect();
                func(&mut cx, &args, &mut out).map_err(wasmtime::Error::new)?;
                for (r, v) in results.iter_mut().zip(out) {
                    *r = to_wt(v);
                }
                Ok(())
            },
        )
        .map_err(err)
    }

    fn instantiate(
        &mut self,
        module: &wasmtime::Module,
        imports: &[Option<Extern<WasmtimeEngine<T>>>],
    ) -> Result<wasmtime::Instance, HostError> {
        let mut resolved = Vec::with_capacity(imports.len());
        for (imp, ext) in module.imports().zip(imports) {
            let e = match ext {
                Some(e) => to_extern(e),
                None => self
                    .linker
                    .as_ref()
                    .and_then(|l| l.get(&mut self.cx, imp.module(), imp.name()).ok())
                    .ok_or_else(|| {
                        HostError::Trap(format!("unknown import: {}::{}", imp.module(), imp.name()))
                    })?,
            };
            resolved.push(e);
        }
        wasmtime::Instance::new(&mut self.cx, module, &resolved).map_err(call_error)
    }

    fn export(
        &mut self,
        instance: &wasmtime::Instance,
        name: &str,
    ) -> Option<Extern<WasmtimeEngine<T>>> {
        Some(match instance.get_export(&mut self.cx, name)? {
            wasmtime::Extern::Func(f) => Extern::Func(f),
            wasmtime::Extern::Global(g) => Extern::Global(g),
            wasmtime::Extern::Table(t) => Extern::Table(t),
            wasmtime::Extern::SharedMemory(m) => Extern::Memory(WasmtimeMemory::Shared(m)),
            wasmtime::Extern::Memory(m) => Extern::Memory(WasmtimeMemory::Private(m)),
            wasmtime::Extern::Tag(t) => Extern::Tag(t),
        })
    }

    fn call(&mut self, func: &wasmtime::Func, args: &[Val]) -> Result<Vec<Val>, HostError> {
        let n = func.ty(&self.cx).results().len();
        let params: Vec<wasmtime::Val> = args.iter().map(|v| to_wt(*v)).collect();
        let mut results = vec![wasmtime::Val::I32(0); n];
        func.call(&mut self.cx, &params, &mut results)
            .map_err(call_error)?;
        Ok(results.iter().map(from_wt).collect())
    }

    fn func_type(&mut self, func: &wasmtime::Func) -> FuncType {
        func_type_from_wt(&func.ty(&self.cx))
    }
}
