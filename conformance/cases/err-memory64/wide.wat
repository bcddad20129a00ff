(module
  (@custom "dylink.0" "\01\04\00\00\00\00")
  (import "env" "memory" (memory i64 1))
  (func (export "wide_fn") (result i32) (i32.const 1)))
