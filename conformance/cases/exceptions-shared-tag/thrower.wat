;; A library that throws its argument with the tag env.__cpp_exception.
(module
  (@custom "dylink.0" "\01\04\00\00\00\00")
  (import "env" "__cpp_exception" (tag $e (param i32)))
  (func (export "thrower") (param i32)
    (throw $e (local.get 0))))
