#include <stdio.h>
const char main_greeting[] = "greetings from main";
extern int side_number;
extern int *own_ptr;
void side_check(void);
int *main_to_side = &side_number;
int main(void) {
    side_check();
    printf("main_to_side=%d same=%d\n", *main_to_side, main_to_side == own_ptr);
    return 0;
}
