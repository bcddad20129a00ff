#include <stdio.h>
int side_fn(int);
int main(void) {
    printf("side_fn(1)=%d\n", side_fn(1));
    return 0;
}
