#include <stdio.h>
extern const char main_greeting[];
int side_number = 77;
static int side_local = 5;
int side_fn(int x) { return x * 3; }
/* Pointers in static data, fixed up by __wasm_apply_data_relocs. */
int *own_ptr = &side_number;
int *own_static_ptr = &side_local;
const char *main_ptr = main_greeting;
int (*fn_ptr)(int) = side_fn;
int (*libc_ptr)(const char *) = puts;
struct entry { const char *name; int (*fn)(int); int *data; };
struct entry table[2] = { { "first", side_fn, &side_number }, { "second", 0, &side_local } };
void side_check(void) {
    printf("own=%d static=%d main=%s fn=%d\n", *own_ptr, *own_static_ptr, main_ptr, fn_ptr(4));
    libc_ptr("puts through a pointer in static data");
    printf("%s %d %d; %s %d %d\n", table[0].name, table[0].fn(2), *table[0].data,
           table[1].name, table[1].fn == 0, *table[1].data);
}
