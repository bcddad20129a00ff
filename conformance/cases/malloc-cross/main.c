#include <stdio.h>
#include <stdlib.h>
#include <string.h>
char *side_dup(const char *s); void side_free(void *p);
int main(void) {
    char *a = side_dup("allocated in the library");
    a = realloc(a, 64);
    strcat(a, ", grown in main");
    printf("%s\n", a);
    free(a);
    char *b = malloc(32); strcpy(b, "allocated in main");
    printf("%s\n", b);
    side_free(b);
    for (int i = 0; i < 1000; i++) side_free(side_dup("churn"));
    printf("ok\n");
    return 0;
}
