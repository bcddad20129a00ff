#include <stdio.h>
int side_add(int a, int b);
int main(void) {
    int r = side_add(2, 3);
    printf("main got %d\n", r);
    return r == 5 ? 0 : 1;
}
