/* Call benchmarks: n calls of an increment, within main, to the library through a plain import,
 * through a function pointer (GOT.func, call_indirect), and from the library back to main through
 * the PLT (a circular reference, bound lazily). Exported for the embedder to call. */
#include <dlfcn.h>
int lib_inc(int x);
int lib_to_main(int n);
__attribute__((noinline)) int main_inc(int x) { return x + 1; }
int loop_local(int n) { int x = 0; for (int i = 0; i < n; i++) x = main_inc(x); return x; }
int loop_import(int n) { int x = 0; for (int i = 0; i < n; i++) x = lib_inc(x); return x; }
int (*volatile lib_ptr)(int) = lib_inc;
int loop_pointer(int n) { int x = 0; int (*f)(int) = lib_ptr; for (int i = 0; i < n; i++) x = f(x); return x; }
int loop_plt(int n) { return lib_to_main(n); }
/* The engine's own indirect call, within main: what any call through a table costs on it, the
 * floor under a PLT call (which is a `call_indirect` through the PLT table). */
int (*volatile local_ptr)(int) = main_inc;
int loop_local_pointer(int n) { int x = 0; int (*f)(int) = local_ptr; for (int i = 0; i < n; i++) x = f(x); return x; }
int loop_dlsym(int n) { int k = 0; for (int i = 0; i < n; i++) k += dlsym(RTLD_DEFAULT, "lib_inc") != 0; return k; }
int main(void) { return loop_local(10) + loop_import(10) + loop_pointer(10) + loop_plt(10) + loop_local_pointer(10) == 50 ? 0 : 1; }
