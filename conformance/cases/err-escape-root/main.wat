;; A main module whose needed list names a path climbing out of the library root.
(module
  (@custom "dylink.0" "\02\15\01\13../../../outside.so")
  (func (export "_start")))
