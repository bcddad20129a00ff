#include <stdio.h>
int bump(void); int *tls_addr(void);
int main(void) {
    bump(); bump();
    int v = bump();
    printf("tls_counter=%d via pointer=%d\n", v, *tls_addr());
    return 0;
}
