#include <stdio.h>
#include <stdlib.h>

/* Called through a pointer, so that the compiler cannot turn the recursion into a loop. It
   takes no address of a local, so it uses the engine's stack and not the C stack. */
static int (*volatile again)(int);

static int depth(int n) { return n == 0 ? 0 : 1 + again(n - 1); }

int main(int argc, char **argv) {
    again = depth;
    int n = argc > 1 ? atoi(argv[1]) : 1000000;
    printf("depth %d\n", again(n));
    return 0;
}
