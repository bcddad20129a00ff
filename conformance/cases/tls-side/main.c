#include <stdio.h>
int bump(void); int *tls_addr(void);
int main(void) {
    bump(); bump();
    printf("tls_counter=%d via pointer=%d\n", bump(), *tls_addr());
    return 0;
}
