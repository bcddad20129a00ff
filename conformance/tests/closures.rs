//! Host closures get function-table slots the guest calls through function pointers; freed slots
//! are reused; a freed slot traps when called; freeing twice is an error. On every engine (wasmer
//! needs the wasm trampoline, wasmtime stores the host function directly).

use std::sync::Arc;

use conformance::testing::built_case;
use conformance::wasi::Wasi;
use wasmlink::{Engine, FuncType, HostFn, LinkerConfig, MountFs, Process, Val, ValType};

fn adder<E: Engine>(k: i32) -> HostFn<E> {
    Arc::new(move |_cx, args, results| {
        results[0] = Val::I32(args[0].i32() + k);
        Ok(())
    })
}

fn check<E: Engine>(engine: E, root: &std::path::Path) {
    let config = LinkerConfig::new(Arc::new(MountFs::root(root).unwrap()));
    let (host, _) = Wasi::quiet();
    let mut p = Process::load(engine, config, host, "/main.wasm").unwrap();
    let ty = FuncType::new([ValType::I32], [ValType::I32]);
    let call = |p: &mut Process<E>, slot: u32, x: i32| {
        p.call("call_ptr", &[Val::I32(slot as i32), Val::I32(x)])
    };
    let a = p.alloc_closure(&ty, adder(1)).unwrap();
    let b = p.alloc_closure(&ty, adder(100)).unwrap();
    assert_ne!(a, b);
    assert_eq!(call(&mut p, a, 41).unwrap(), vec![Val::I32(42)]);
    assert_eq!(call(&mut p, b, 1).unwrap(), vec![Val::I32(101)]);
    p.free_closure(a).unwrap();
    assert!(
        call(&mut p, a, 1).is_err(),
        "a freed slot must not call the old closure"
    );
    assert!(p.free_closure(a).is_err(), "double free");
    let c = p.alloc_closure(&ty, adder(1000)).unwrap();
    assert_eq!(c, a, "the freed slot is reused");
    assert_eq!(call(&mut p, c, 1).unwrap(), vec![Val::I32(1001)]);
    assert_eq!(p.run().unwrap(), 0);
}

#[test]
fn closures_get_reusable_table_slots() {
    let root = built_case("callbacks");
    conformance::on_each_engine!(check(&root));
}
