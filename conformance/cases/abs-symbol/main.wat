;; Exits 0 when abs_sym is 0x1234 and rel_sym is moved by libabs.so's __memory_base, both through
;; GOT.mem imports and through dlopen/dlsym; 1-4 name the check that failed.
(module
  (@custom "dylink.0" "\01\04\20\00\00\00\02\0b\01\09libabs.so")
  (import "env" "memory" (memory 1))
  (import "env" "__memory_base" (global $mb i32))
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (import "env" "dlopen" (func $dlopen (param i32 i32) (result i32)))
  (import "env" "dlsym" (func $dlsym (param i32 i32) (result i32)))
  (import "GOT.mem" "abs_sym" (global $abs (mut i32)))
  (import "GOT.mem" "rel_sym" (global $rel (mut i32)))
  (data (global.get $mb) "libabs.so\00abs_sym\00rel_sym\00")
  (func (export "_start") (local $h i32)
    (if (i32.ne (global.get $abs) (i32.const 0x1234)) (then (call $exit (i32.const 1))))
    (if (i32.le_u (global.get $rel) (i32.const 0x10)) (then (call $exit (i32.const 2))))
    ;; RTLD_NOW
    (local.set $h (call $dlopen (global.get $mb) (i32.const 2)))
    (if (i32.ne (call $dlsym (local.get $h) (i32.add (global.get $mb) (i32.const 10)))
                (i32.const 0x1234))
      (then (call $exit (i32.const 3))))
    (if (i32.ne (call $dlsym (local.get $h) (i32.add (global.get $mb) (i32.const 18)))
                (global.get $rel))
      (then (call $exit (i32.const 4))))
    (call $exit (i32.const 0))))
