#include <stdatomic.h>
static atomic_int calls;
int work(void) { return atomic_fetch_add(&calls, 1) + 1; }
int work_calls(void) { return atomic_load(&calls); }
