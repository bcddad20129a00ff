#include <stdio.h>
extern int main_counter;
int side_value = 1000;
void side_bump(void) {
    main_counter += 5;
    side_value += 1;
    printf("side sees main_counter=%d\n", main_counter);
}
