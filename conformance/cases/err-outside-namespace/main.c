#include <stdio.h>
int secret_value(void);
int main(void) {
    printf("loaded a library outside the namespace: %d\n", secret_value());
    return 0;
}
