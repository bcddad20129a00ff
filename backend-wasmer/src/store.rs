//! One wasmer store (from a `Store` or a `FunctionEnvMut`) seen through linker-core's
//! [`StoreOps`]. Memory access is in `memory.rs`, host functions in `host_func.rs`.

use std::sync::Arc;

use linker_core::engine::{
    EngineError, Extern, FuncType, HostError, HostFn, MemoryBytes, StoreOps, Val, ValType,
};
use wasmer::StoreMut;

use crate::convert::{call_error, err, from_wm, func_type_from_wm, to_extern, to_wm, vt_to_wm};
use crate::imports::StoreImports;
use crate::memory;
use crate::WasmerEngine;

/// A wasmer store (from a `Store` or a `FunctionEnvMut`) seen as [`StoreOps`].
pub(crate) struct Cx<'a> {
    pub(crate) store: StoreMut<'a>,
    pub(crate) native: Option<Arc<StoreImports>>,
}

impl StoreOps<WasmerEngine> for Cx<'_> {
    fn attach_memory(&mut self, mem: &wasmer::SharedMemory) -> Result<wasmer::Memory, EngineError> {
        Ok(memory::attach(&mut self.store, mem))
    }

    fn new_memory(&mut self, min: u32, max: u32) -> Result<wasmer::Memory, EngineError> {
        memory::private(&mut self.store, min, max)
    }

    fn memory_bytes<'a>(&'a mut self, mem: &'a wasmer::Memory) -> MemoryBytes<'a> {
        memory::bytes(&mut self.store, mem)
    }

    fn memory_size(&mut self, mem: &wasmer::Memory) -> u64 {
        mem.view(&self.store).data_size()
    }

    fn memory_grow(&mut self, mem: &wasmer::Memory, pages: u64) -> Result<u64, EngineError> {
        memory::grow(&mut self.store, mem, pages)
    }

    fn memory_read(
        &mut self,
        mem: &wasmer::Memory,
        addr: u64,
        buf: &mut [u8],
    ) -> Result<(), EngineError> {
        mem.view(&self.store).read(addr, buf).map_err(err)
    }

    fn memory_write(
        &mut self,
        mem: &wasmer::Memory,
        addr: u64,
        data: &[u8],
    ) -> Result<(), EngineError> {
        mem.view(&self.store).write(addr, data).map_err(err)
    }

    fn new_table(&mut self, min: u64, max: Option<u64>) -> Result<wasmer::Table, EngineError> {
        let min = u32::try_from(min).map_err(err)?;
        let max = max.map(u32::try_from).transpose().map_err(err)?;
        let ty = wasmer::TableType::new(wasmer::Type::FuncRef, min, max);
        wasmer::Table::new(&mut self.store, ty, wasmer::Value::FuncRef(None)).map_err(err)
    }

    fn table_size(&mut self, table: &wasmer::Table) -> u64 {
        table.size(&self.store) as u64
    }

    fn table_grow(&mut self, table: &wasmer::Table, delta: u64) -> Result<u64, EngineError> {
        let delta = u32::try_from(delta).map_err(err)?;
        table
            .grow(&mut self.store, delta, wasmer::Value::FuncRef(None))
            .map(|p| p as u64)
            .map_err(err)
    }

    fn table_set(
        &mut self,
        table: &wasmer::Table,
        index: u64,
        func: Option<&wasmer::Function>,
    ) -> Result<(), EngineError> {
        let index = u32::try_from(index).map_err(err)?;
        table
            .set(
                &mut self.store,
                index,
                wasmer::Value::FuncRef(func.cloned()),
            )
            .map_err(err)
    }

    fn table_get(
        &mut self,
        table: &wasmer::Table,
        index: u64,
    ) -> Result<Option<wasmer::Function>, EngineError> {
        let index = u32::try_from(index).map_err(err)?;
        match table.get(&mut self.store, index) {
            Some(wasmer::Value::FuncRef(f)) => Ok(f),
            Some(_) => Err(EngineError("not a funcref table".into())),
            None => Err(EngineError(format!("table index {index} out of bounds"))),
        }
    }

    fn new_global(&mut self, value: Val, mutable: bool) -> Result<wasmer::Global, EngineError> {
        Ok(if mutable {
            wasmer::Global::new_mut(&mut self.store, to_wm(value))
        } else {
            wasmer::Global::new(&mut self.store, to_wm(value))
        })
    }

    fn global_get(&mut self, global: &wasmer::Global) -> Val {
        from_wm(&global.get(&mut self.store))
    }

    fn global_set(&mut self, global: &wasmer::Global, value: Val) -> Result<(), EngineError> {
        global.set(&mut self.store, to_wm(value)).map_err(err)
    }

    fn new_tag(&mut self, params: &[ValType]) -> Result<wasmer::Tag, EngineError> {
        let p: Vec<wasmer::Type> = params.iter().map(|t| vt_to_wm(*t)).collect();
        Ok(wasmer::Tag::new(&mut self.store, p))
    }

    fn new_host_func(
        &mut self,
        ty: &FuncType,
        func: HostFn<WasmerEngine>,
    ) -> Result<wasmer::Function, EngineError> {
        Ok(match self.new_typed_host_func(ty, func.clone()) {
            Some(f) => f,
            None => self.new_dynamic_host_func(ty, func),
        })
    }

    fn instantiate(
        &mut self,
        module: &wasmer::Module,
        imports: &[Option<Extern<WasmerEngine>>],
    ) -> Result<Arc<wasmer::Instance>, HostError> {
        let mut set = wasmer::Imports::new();
        for (imp, ext) in module.imports().zip(imports) {
            let e = match ext {
                Some(e) => to_extern(e),
                None => self
                    .native
                    .as_ref()
                    .and_then(|n| n.imports.get_export(imp.module(), imp.name()))
                    .ok_or_else(|| {
                        HostError::Trap(format!("unknown import: {}::{}", imp.module(), imp.name()))
                    })?,
            };
            set.define(imp.module(), imp.name(), e);
        }
        let instance =
            wasmer::Instance::new(&mut self.store, module, &set).map_err(|e| match e {
                wasmer::InstantiationError::Start(rt) => call_error(rt),
                other => HostError::Trap(other.to_string()),
            })?;
        if let Some(native) = &self.native {
            native.on_instance(&mut self.store, &instance)?;
        }
        Ok(Arc::new(instance))
    }

    fn export(
        &mut self,
        instance: &Arc<wasmer::Instance>,
        name: &str,
    ) -> Option<Extern<WasmerEngine>> {
        Some(match instance.exports.get_extern(name)? {
            wasmer::Extern::Function(f) => Extern::Func(f.clone()),
            wasmer::Extern::Global(g) => Extern::Global(g.clone()),
            wasmer::Extern::Table(t) => Extern::Table(t.clone()),
            wasmer::Extern::Memory(m) => Extern::Memory(m.clone()),
            wasmer::Extern::Tag(t) => Extern::Tag(t.clone()),
        })
    }

    fn call(&mut self, func: &wasmer::Function, args: &[Val]) -> Result<Vec<Val>, HostError> {
        let params: Vec<wasmer::Value> = args.iter().map(|v| to_wm(*v)).collect();
        let out = func.call(&mut self.store, &params).map_err(call_error)?;
        Ok(out.iter().map(from_wm).collect())
    }

    fn func_type(&mut self, func: &wasmer::Function) -> FuncType {
        func_type_from_wm(&func.ty(&self.store))
    }
}
