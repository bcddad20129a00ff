#include <stdio.h>
int main(int argc, char **argv) {
    printf("hello, world\n");
    printf("argc=%d\n", argc);
    return 0;
}
