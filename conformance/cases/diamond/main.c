#include <stdio.h>
extern int base_inits;
int left(void); int right(void); int base_next(void);
int main(void) {
    int l = left(), r = right(), b = base_next();
    printf("left=%d right=%d base=%d inits=%d\n", l, r, b, base_inits);
    return 0;
}
