# wasi_thread_start(tid, start_arg): the entry point of a wasi-threads thread. It must set the
# stack pointer and TLS base before any C code runs, so it is written in assembly; start_arg points
# at a struct wt_thread whose first two fields are the stack top and the TLS block.
	.text
	.globaltype __stack_pointer, i32
	.globaltype __tls_base, i32
	.functype __wt_thread_main (i32, i32) -> ()

	.globl wasi_thread_start
	.export_name wasi_thread_start, wasi_thread_start
	.type wasi_thread_start,@function
wasi_thread_start:
	.functype wasi_thread_start (i32, i32) -> ()
	local.get 1
	i32.load 0
	global.set __stack_pointer
	local.get 1
	i32.load 4
	global.set __tls_base
	local.get 0
	local.get 1
	call __wt_thread_main
	end_function
