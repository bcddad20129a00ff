//! One wasmi store seen through linker-core's [`StoreOps`]: from a `Store` (the embedder entering
//! wasm) or a `Caller` (inside a host function).

use linker_core::engine::{
    EngineError, Extern, FuncType, HostError, HostFn, MemoryBytes, StoreOps, Val, ValType,
};
use wasmi::{AsContextMut, Caller, Nullable, Ref, StoreContextMut};

use crate::convert::{
    call_error, err, from_wasmi, func_type, func_type_from_wasmi, to_wasmi, Carried,
};
use crate::{NoSharedMemory, WasmiEngine};

/// A wasmi store context (from a `Store` or a `Caller`) seen as [`StoreOps`].
pub(crate) struct Cx<'a, T: 'static> {
    pub(crate) cx: StoreContextMut<'a, T>,
    pub(crate) imports: Option<std::sync::Arc<crate::ImportFn<T>>>,
}

fn to_extern<T: Send + 'static>(e: &Extern<WasmiEngine<T>>) -> wasmi::Extern {
    match e {
        Extern::Func(f) => wasmi::Extern::Func(*f),
        Extern::Global(g) => wasmi::Extern::Global(*g),
        Extern::Memory(m) => wasmi::Extern::Memory(*m),
        Extern::Table(t) => wasmi::Extern::Table(*t),
        Extern::Tag(t) => match *t {},
    }
}

fn null_func() -> Ref {
    Ref::Func(Nullable::Null)
}

impl<T: Send + 'static> StoreOps<WasmiEngine<T>> for Cx<'_, T> {
    fn attach_memory(&mut self, mem: &NoSharedMemory) -> Result<wasmi::Memory, EngineError> {
        match *mem {}
    }

    fn new_memory(&mut self, min: u32, max: u32) -> Result<wasmi::Memory, EngineError> {
        if min > max || max > 65536 {
            return Err(EngineError(format!("memory limits {min}..{max} pages")));
        }
        wasmi::Memory::new(&mut self.cx, wasmi::MemoryType::new(min, Some(max))).map_err(err)
    }

    fn memory_bytes<'a>(&'a mut self, mem: &'a wasmi::Memory) -> MemoryBytes<'a> {
        MemoryBytes::Private(mem.data_mut(&mut self.cx))
    }

    fn memory_size(&mut self, mem: &wasmi::Memory) -> u64 {
        mem.data_size(&self.cx) as u64
    }

    fn memory_grow(&mut self, mem: &wasmi::Memory, pages: u64) -> Result<u64, EngineError> {
        mem.grow(&mut self.cx, pages).map_err(err)
    }

    fn memory_read(
        &mut self,
        mem: &wasmi::Memory,
        addr: u64,
        buf: &mut [u8],
    ) -> Result<(), EngineError> {
        let at = usize::try_from(addr).map_err(err)?;
        mem.read(&self.cx, at, buf).map_err(err)
    }

    fn memory_write(
        &mut self,
        mem: &wasmi::Memory,
        addr: u64,
        data: &[u8],
    ) -> Result<(), EngineError> {
        let at = usize::try_from(addr).map_err(err)?;
        mem.write(&mut self.cx, at, data).map_err(err)
    }

    fn new_table(&mut self, min: u64, max: Option<u64>) -> Result<wasmi::Table, EngineError> {
        let min = u32::try_from(min).map_err(err)?;
        let max = max.map(u32::try_from).transpose().map_err(err)?;
        if max.is_some_and(|m| m < min) {
            return Err(EngineError(format!("table limits {min}..{max:?}")));
        }
        let ty = wasmi::TableType::new(wasmi::RefType::Func, min, max);
        wasmi::Table::new(&mut self.cx, ty, null_func()).map_err(err)
    }

    fn table_size(&mut self, table: &wasmi::Table) -> u64 {
        table.size(&self.cx)
    }

    fn table_grow(&mut self, table: &wasmi::Table, delta: u64) -> Result<u64, EngineError> {
        table.grow(&mut self.cx, delta, null_func()).map_err(err)
    }

    fn table_set(
        &mut self,
        table: &wasmi::Table,
        index: u64,
        func: Option<&wasmi::Func>,
    ) -> Result<(), EngineError> {
        let value = match func {
            Some(f) => Ref::Func(Nullable::Val(*f)),
            None => null_func(),
        };
        table.set(&mut self.cx, index, value).map_err(err)
    }

    fn table_get(
        &mut self,
        table: &wasmi::Table,
        index: u64,
    ) -> Result<Option<wasmi::Func>, EngineError> {
        match table.get(&self.cx, index) {
            Some(Ref::Func(f)) => Ok(f.val().copied()),
            Some(_) => Err(EngineError("not a funcref table".into())),
            None => Err(EngineError(format!("table index {index} out of bounds"))),
        }
    }

    fn new_global(&mut self, value: Val, mutable: bool) -> Result<wasmi::Global, EngineError> {
        let m = if mutable {
            wasmi::Mutability::Var
        } else {
            wasmi::Mutability::Const
        };
        Ok(wasmi::Global::new(&mut self.cx, to_wasmi(value), m))
    }

    fn global_get(&mut self, global: &wasmi::Global) -> Val {
        from_wasmi(&global.get(&self.cx))
    }

    fn global_set(&mut self, global: &wasmi::Global, value: Val) -> Result<(), EngineError> {
        global.set(&mut self.cx, to_wasmi(value)).map_err(err)
    }

    fn new_tag(&mut self, _params: &[ValType]) -> Result<crate::NoTag, EngineError> {
        Err(EngineError(
            "the engine wasmi does not support exception handling (tags)".into(),
        ))
    }

    fn new_host_func(
        &mut self,
        ty: &FuncType,
        func: HostFn<WasmiEngine<T>>,
    ) -> Result<wasmi::Func, EngineError> {
        let result_types = ty.results.clone();
        let imports = self.imports.clone();
        let f = wasmi::Func::new(
            &mut self.cx,
            func_type(ty),
            move |mut caller: Caller<'_, T>,
                  params: &[wasmi::Val],
                  results: &mut [wasmi::Val]|
                  -> Result<(), wasmi::Error> {
                let mut cx = Cx {
                    cx: caller.as_context_mut(),
                    imports: imports.clone(),
                };
                let mut args = [Val::I32(0); 8];
                let args: Vec<Val> = if params.len() <= args.len() {
                    for (a, p) in args.iter_mut().zip(params) {
                        *a = from_wasmi(p);
                    }
                    args[..params.len()].to_vec()
                } else {
                    params.iter().map(from_wasmi).collect()
                };
                let mut out: Vec<Val> = result_types.iter().map(|t| Val::default_for(*t)).collect();
                func(&mut cx, &args, &mut out).map_err(|e| wasmi::Error::host(Carried(e)))?;
                for (r, v) in results.iter_mut().zip(out) {
                    *r = to_wasmi(v);
                }
                Ok(())
            },
        );
        Ok(f)
    }

    fn instantiate(
        &mut self,
        module: &wasmi::Module,
        imports: &[Option<Extern<WasmiEngine<T>>>],
    ) -> Result<wasmi::Instance, HostError> {
        // `imports` follow the import section; wasmi takes them grouped by kind (functions,
        // tables, memories, globals), each group in section order (`Module::imports`). An
        // import left to the backend (`None`) is a function the embedder's `ImportFn` supplies:
        // the k-th function of the section is wasmi's k-th import.
        let funcs: Vec<wasmi::ImportType<'_>> = module
            .imports()
            .filter(|i| i.ty().func().is_some())
            .collect();
        let mut by_kind: [Vec<wasmi::Extern>; 4] = Default::default();
        for ext in imports {
            let e = match ext {
                Some(e) => to_extern(e),
                None => {
                    let k = by_kind[0].len();
                    let imp = funcs.get(k).ok_or_else(|| {
                        HostError::Trap("an import that is not a function is unsupplied".into())
                    })?;
                    let ty = imp.ty().func().cloned().unwrap_or_else(|| {
                        wasmi::FuncType::new(Vec::<wasmi::ValType>::new(), Vec::new())
                    });
                    let f = self
                        .imports
                        .as_ref()
                        .and_then(|get| get(&mut self.cx, imp.module(), imp.name(), &ty))
                        .ok_or_else(|| {
                            HostError::Trap(format!(
                                "unknown import: {}::{}",
                                imp.module(),
                                imp.name()
                            ))
                        })?;
                    wasmi::Extern::Func(f)
                }
            };
            let kind = match e {
                wasmi::Extern::Func(_) => 0,
                wasmi::Extern::Table(_) => 1,
                wasmi::Extern::Memory(_) => 2,
                wasmi::Extern::Global(_) => 3,
            };
            by_kind[kind].push(e);
        }
        let resolved: Vec<wasmi::Extern> = by_kind.into_iter().flatten().collect();
        wasmi::Instance::new(&mut self.cx, module, &resolved).map_err(call_error)
    }

    fn export(&mut self, instance: &wasmi::Instance, name: &str) -> Option<Extern<WasmiEngine<T>>> {
        Some(match instance.get_export(&self.cx, name)? {
            wasmi::Extern::Func(f) => Extern::Func(f),
            wasmi::Extern::Global(g) => Extern::Global(g),
            wasmi::Extern::Table(t) => Extern::Table(t),
            wasmi::Extern::Memory(m) => Extern::Memory(m),
        })
    }

    fn call(&mut self, func: &wasmi::Func, args: &[Val]) -> Result<Vec<Val>, HostError> {
        let ty = func.ty(&self.cx);
        let params: Vec<wasmi::Val> = args.iter().map(|v| to_wasmi(*v)).collect();
        let mut results: Vec<wasmi::Val> = ty
            .results()
            .iter()
            .map(|t| wasmi::Val::default_for_ty(*t))
            .collect();
        func.call(&mut self.cx, &params, &mut results)
            .map_err(call_error)?;
        Ok(results.iter().map(from_wasmi).collect())
    }

    fn func_type(&mut self, func: &wasmi::Func) -> FuncType {
        func_type_from_wasmi(&func.ty(&self.cx))
    }
}
