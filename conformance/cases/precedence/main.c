#include <stdio.h>
const char *dup_fn(void) { return "main"; }
int dup_data = 0;
const char *only_ab(void);
void b_report(void);
int main(void) {
    printf("dup_fn=%s dup_data=%d only_ab=%s\n", dup_fn(), dup_data, only_ab());
    b_report();
    return 0;
}
