;; The main module catches, with try_table, an exception that a library throws. Both import the
;; tag env.__cpp_exception and neither defines it: the linker must give both the same tag.
(module
  (@custom "dylink.0" "\01\04\00\00\00\00\02\0f\01\0dlibthrower.so")
  (import "env" "__cpp_exception" (tag $e (param i32)))
  (import "env" "thrower" (func $thrower (param i32)))
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (func (export "_start")
    (block $caught (result i32)
      (try_table (catch $e $caught)
        (call $thrower (i32.const 42)))
      ;; not caught here: exit 1
      (call $exit (i32.const 1))
      unreachable)
    (call $exit)))
