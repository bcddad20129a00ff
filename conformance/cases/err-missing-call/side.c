#include <stdio.h>
int nowhere_fn(int);
int side_maybe(int call) {
    printf("before the call\n");
    fflush(stdout);
    return call ? nowhere_fn(1) : 0;
}
