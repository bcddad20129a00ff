/* 30 million calls main -> ping -> pong (two libraries when linked dynamically; one module when
 * linked statically from the same sources). */
#include <stdio.h>
int ping(int x);
int main(void) {
    int x = 0;
    for (int i = 0; i < 30000000; i++) x = ping(x);
    printf("%d\n", x);
    return 0;
}
