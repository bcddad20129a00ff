//! Host functions in a wasmer store: typed where the signature allows (wasmer passes their
//! arguments in registers), dynamic otherwise.

use linker_core::engine::{FuncType, HostError, HostFn, Val, ValType};
use wasmer::{AsStoreMut, FunctionEnv, FunctionEnvMut};

use crate::convert::{from_wm, func_type, to_wm};
use crate::store::Cx;
use crate::WasmerEngine;

impl Cx<'_> {
    /// A host function with a typed signature when it is `i32`s to nothing or one `i32` (most
    /// host imports: WASI, `<dlfcn.h>`, the PLT binder). wasmer's dynamic functions collect the
    /// arguments and the results in vectors on every call, which costs more than a `dlsym`
    /// itself; typed ones pass them in registers.
    pub(crate) fn new_typed_host_func(
        &mut self,
        ty: &FuncType,
        func: HostFn<WasmerEngine>,
    ) -> Option<wasmer::Function> {
        if !ty
            .params
            .iter()
            .chain(&ty.results)
            .all(|t| *t == ValType::I32)
            || ty.results.len() > 1
        {
            return None;
        }
        let env = FunctionEnv::new(&mut self.store, ());
        let native = self.native.clone();
        let returns = ty.results.len() == 1;
        let user = |e: HostError| wasmer::RuntimeError::user(Box::new(e));
        macro_rules! typed {
            ($($a:ident),*) => {
                if returns {
                    wasmer::Function::new_typed_with_env(
                        &mut self.store,
                        &env,
                        move |mut e: FunctionEnvMut<()>, $($a: i32),*| -> Result<i32, wasmer::RuntimeError> {
                            let args: &[Val] = &[$(Val::I32($a)),*];
                            let mut out = [Val::I32(0)];
                            let mut cx = Cx { store: e.as_store_mut(), native: native.clone() };
                            func(&mut cx, args, &mut out).map_err(user)?;
                            Ok(out[0].i32())
                        },
                    )
                } else {
                    wasmer::Function::new_typed_with_env(
                        &mut self.store,
                        &env,
                        move |mut e: FunctionEnvMut<()>, $($a: i32),*| -> Result<(), wasmer::RuntimeError> {
                            let args: &[Val] = &[$(Val::I32($a)),*];
                            let mut cx = Cx { store: e.as_store_mut(), native: native.clone() };
                            func(&mut cx, args, &mut []).map_err(user)
                        },
                    )
                }
            };
        }
        Some(match ty.params.len() {
            0 => typed!(),
            1 => typed!(a0),
            2 => typed!(a0, a1),
            3 => typed!(a0, a1, a2),
            4 => typed!(a0, a1, a2, a3),
            5 => typed!(a0, a1, a2, a3, a4),
            6 => typed!(a0, a1, a2, a3, a4, a5),
            _ => return None,
        })
    }

    /// A host function of any signature: wasmer collects its arguments and results in vectors.
    pub(crate) fn new_dynamic_host_func(
        &mut self,
        ty: &FuncType,
        func: HostFn<WasmerEngine>,
    ) -> wasmer::Function {
        let env = FunctionEnv::new(&mut self.store, ());
        let result_types = ty.results.clone();
        let native = self.native.clone();
        wasmer::Function::new_with_env(
            &mut self.store,
            &env,
            func_type(ty),
            move |mut env: FunctionEnvMut<()>, params: &[wasmer::Value]| {
                // wasmer wants the results as a Vec; the arguments need no allocation.
                let mut arg_buf = [Val::I32(0); 8];
                let spilled: Vec<Val>;
                let args: &[Val] = if params.len() <= arg_buf.len() {
                    for (a, p) in arg_buf.iter_mut().zip(params) {
                        *a = from_wm(p);
                    }
                    &arg_buf[..params.len()]
                } else {
                    spilled = params.iter().map(from_wm).collect();
                    &spilled
                };
                let mut out: Vec<Val> = result_types.iter().map(|t| Val::default_for(*t)).collect();
                let mut cx = Cx {
                    store: env.as_store_mut(),
                    native: native.clone(),
                };
                func(&mut cx, args, &mut out)
                    .map_err(|e| wasmer::RuntimeError::user(Box::new(e)))?;
                Ok(out.into_iter().map(to_wm).collect())
            },
        )
    }
}
