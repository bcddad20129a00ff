#include <dlfcn.h>
#include <stdio.h>
#include <string.h>
static void check(const char *what, void *h, const char *needle) {
    const char *e = dlerror();
    printf("%s: null=%d error names it=%d\n", what, h == NULL, e != NULL && strstr(e, needle) != NULL);
}
int main(void) {
    check("missing library", dlopen("libnothere.so", RTLD_NOW), "libnothere.so");
    printf("dlerror is cleared: %d\n", dlerror() == NULL);
    check("not wasm", dlopen("libjunk.so", RTLD_NOW), "libjunk.so");
    check("escapes root", dlopen("../../../../etc/libx.so", RTLD_NOW), "libx.so");
    check("unresolved under RTLD_NOW", dlopen("libneedsmissing.so", RTLD_NOW), "nowhere_at_all");
    void *h = dlopen("libplugin.so", RTLD_NOW);
    check("missing symbol", dlsym(h, "plugin_missing"), "plugin_missing");
    int (*ok)(void) = (int (*)(void))dlsym(h, "plugin_ok");
    printf("the process still works: %d\n", ok ? ok() : -1);
    return 0;
}
