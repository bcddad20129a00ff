//! What guarding an indirect call would cost (issue #18, item 3; docs/benchmarks.md section 5).
//!
//!     cargo bench -p conformance --bench indirect_guard
//!
//! The design that would let `dlopen` stop no thread rewrites every `call_indirect` on the
//! program's table so that a slot the calling thread's table does not hold yet (out of bounds,
//! or null) makes the thread catch up (a host call) instead of trapping. This measures the guard
//! alone, on each engine, before anything is built on it: 1,000,000 calls of an increment
//! through a function pointer read from memory (as C's `loop_pointer` in the `calls` tree does),
//! - `plain`: `call_indirect` as compiled today;
//! - `bounds`: first `index < table.size`, else call the host;
//! - `bounds_null`: also `table.get` + `ref.is_null` (a slot freed and reused while the thread
//!   lagged is null in its table, not out of bounds).
//!
//! The host function is never called here; each variant is checked to compute the same sum.

use std::sync::Arc;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};
use wasmlink::{Engine, Extern, FuncType, HostError, Val, ValType};

/// The three loops over one table and one memory word holding the function pointer (slot 1).
const GUARD_WAT: &str = r#"
(module
  (type $t (func (param i32) (result i32)))
  (import "host" "miss" (func $miss (param i32)))
  (memory 1)
  (table 2 funcref)
  (elem (i32.const 1) $inc)
  (data (i32.const 0) "\01\00\00\00")
  (func $inc (type $t) (i32.add (local.get 0) (i32.const 1)))
  (func (export "plain") (param $n i32) (result i32) (local $acc i32)
    (block $done (loop $l
      (br_if $done (i32.eqz (local.get $n)))
      (local.set $acc (call_indirect (type $t) (local.get $acc) (i32.load (i32.const 0))))
      (local.set $n (i32.sub (local.get $n) (i32.const 1)))
      (br $l)))
    (local.get $acc))
  (func (export "bounds") (param $n i32) (result i32) (local $acc i32) (local $i i32)
    (block $done (loop $l
      (br_if $done (i32.eqz (local.get $n)))
      (local.set $i (i32.load (i32.const 0)))
      (if (i32.ge_u (local.get $i) (table.size)) (then (call $miss (local.get $i))))
      (local.set $acc (call_indirect (type $t) (local.get $acc) (local.get $i)))
      (local.set $n (i32.sub (local.get $n) (i32.const 1)))
      (br $l)))
    (local.get $acc))
  (func (export "bounds_null") (param $n i32) (result i32) (local $acc i32) (local $i i32)
    (block $done (loop $l
      (br_if $done (i32.eqz (local.get $n)))
      (local.set $i (i32.load (i32.const 0)))
      (if (i32.ge_u (local.get $i) (table.size)) (then (call $miss (local.get $i))))
      (if (ref.is_null (table.get (local.get $i))) (then (call $miss (local.get $i))))
      (local.set $acc (call_indirect (type $t) (local.get $acc) (local.get $i)))
      (local.set $n (i32.sub (local.get $n) (i32.const 1)))
      (br $l)))
    (local.get $acc))
)
"#;

fn bench_guard<E: Engine>(c: &mut Criterion, tier: &str, engine: E) {
    let bytes = wat::parse_str(GUARD_WAT).expect("the guard module parses");
    let module = engine
        .compile("guard", &bytes)
        .expect("the guard module compiles");
    let mut store = engine.new_store();
    engine.with_store(&mut store, |cx| {
        let miss = cx
            .new_host_func(
                &FuncType::new([ValType::I32], []),
                Arc::new(|_, _, _| Err(HostError::Trap("a slot the table lacks".into()))),
            )
            .unwrap();
        let inst = cx
            .instantiate(&module, &[Some(Extern::Func(miss))])
            .unwrap();
        let mut g = c.benchmark_group(format!("{tier}/indirect_guard"));
        g.sample_size(10).measurement_time(Duration::from_secs(3));
        const N: i32 = 1_000_000;
        for name in ["plain", "bounds", "bounds_null"] {
            let Some(Extern::Func(f)) = cx.export(&inst, name) else {
                panic!("export {name}")
            };
            assert_eq!(cx.call(&f, &[Val::I32(N)]).unwrap(), vec![Val::I32(N)]);
            g.bench_function(name, |b| b.iter(|| cx.call(&f, &[Val::I32(N)]).unwrap()));
        }
        g.finish();
    });
}

fn benches(c: &mut Criterion) {
    use wasmlink::wasmer::WasmerEngine;
    use wasmlink::wasmtime::WasmtimeEngine;
    bench_guard(c, "wasmtime", WasmtimeEngine::<()>::new().unwrap());
    bench_guard(c, "wasmer", WasmerEngine::new());
    bench_guard(c, "wasmtime-winch", WasmtimeEngine::<()>::winch().unwrap());
    bench_guard(c, "wasmer-singlepass", WasmerEngine::singlepass());
}

criterion_group!(indirect_guard, benches);
criterion_main!(indirect_guard);
