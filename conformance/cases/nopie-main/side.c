#include <stdio.h>
#include <stdlib.h>
extern int main_counter;
int side_value = 40;
int *side_ptr = &side_value;
static char side_bss[100000];
int side_fn(int x) {
    main_counter++;
    side_bss[x] = 1;
    char *p = malloc(64);          /* the heap must not overlap this library's data */
    snprintf(p, 64, "side_fn(%d)", x);
    printf("%s main_counter=%d\n", p, main_counter);
    free(p);
    return x + *side_ptr;
}
int (*side_get(void))(int) { return side_fn; }
