#include <stdio.h>
int main_counter = 10;
extern int side_value;
void side_bump(void);
int main(void) {
    side_bump();
    side_value += 10;
    side_bump();
    printf("main sees main_counter=%d side_value=%d\n", main_counter, side_value);
    return 0;
}
