#include <stdio.h>
void maybe_hook(void) __attribute__((weak));
void side_call_hook(void) {
    printf("calling a weak undefined function\n");
    fflush(stdout);
    maybe_hook();
}
