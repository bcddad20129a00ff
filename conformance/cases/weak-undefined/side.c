#include <stdio.h>
extern int maybe_data __attribute__((weak));
int maybe_fn(void) __attribute__((weak));
void side_probe(void) {
    printf("weak data address is null: %d\n", &maybe_data == 0);
    printf("weak function address is null: %d\n", maybe_fn == 0);
    if (maybe_fn) printf("called %d\n", maybe_fn());
}
