;; A side module with 16 bytes of data: `rel_sym` is an offset into them (moved by
;; __memory_base), `abs_sym` is flagged ABSOLUTE in dylink.0's export info (0x200).
(module
  (@custom "dylink.0" "\01\04\10\00\00\00\03\0b\01\07abs_sym\80\04")
  (import "env" "memory" (memory 1))
  (import "env" "__memory_base" (global i32))
  (global (export "abs_sym") i32 (i32.const 0x1234))
  (global (export "rel_sym") i32 (i32.const 0x10)))
