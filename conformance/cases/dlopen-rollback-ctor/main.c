#include <dlfcn.h>
#include <stdio.h>
#include <string.h>
int main(void) {
    void *outer = dlopen("libouter.so", RTLD_NOW);
    const char *e = dlerror();
    printf("outer: null=%d error names the trap=%d\n", outer == NULL,
           e != NULL && (strstr(e, "libtrap.so") != NULL));
    void *big = dlopen("libbig.so", RTLD_NOW);
    printf("big: loaded=%d\n", big != NULL);
    if (!big) return 1;
    /* dlerror writes its text into this thread's buffer. */
    void *none = dlopen("libstillabsent-with-a-long-name-to-fill-the-buffer.so", RTLD_NOW);
    e = dlerror();
    printf("second error: null=%d\n", none == NULL && e != NULL);
    int (*intact)(void) = (int (*)(void))dlsym(big, "big_intact");
    printf("big intact: %d\n", intact ? intact() : -1);
    return 0;
}
