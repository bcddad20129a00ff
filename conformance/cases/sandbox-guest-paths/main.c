#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

int core_value(void);

int main(int argc, char **argv) {
    (void)argc;
    printf("core through NEEDED and RUNPATH $ORIGIN/../lib: %d\n", core_value());
    /* The installation prefix, as CPython derives it from its executable's path: what precedes
       the last "/bin/". */
    char prefix[1024];
    snprintf(prefix, sizeof prefix, "%s", argv[0]);
    char *bin = NULL;
    for (char *p = strstr(prefix, "/bin/"); p; p = strstr(p + 1, "/bin/"))
        bin = p;
    if (!bin) {
        printf("no /bin/ in %s\n", argv[0]);
        return 1;
    }
    *bin = 0;
    char path[1100];
    snprintf(path, sizeof path, "%s/lib-dynload/ext.so", prefix);
    void *h = dlopen(path, RTLD_NOW);
    if (!h) {
        printf("dlopen: %s\n", dlerror());
        return 1;
    }
    int (*ext)(void) = (int (*)(void))dlsym(h, "ext_value");
    printf("extension from a path computed from argv[0]: %d\n", ext ? ext() : -1);
    return 0;
}
