#include <stdio.h>
#include <stdlib.h>
#include <string.h>
int main_counter;
extern int side_value;
int side_fn(int);
int (*side_get(void))(int);
int main(void) {
    char *big = malloc(200000);
    memset(big, 0x5a, 200000);      /* scribbles over anything malloc wrongly hands out */
    printf("side_fn(2)=%d\n", side_fn(2));
    printf("side_value=%d same pointer=%d\n", side_value, side_get() == side_fn);
    printf("call through pointer=%d\n", side_get()(1));
    free(big);
    return 0;
}
