#include <stdio.h>
#include <string.h>
int side_add(int a, int b) {
    printf("side_add(%d, %d) in the side module, strlen(\"abc\")=%zu\n", a, b, strlen("abc"));
    return a + b;
}
