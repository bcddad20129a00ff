#include <dlfcn.h>
#include <stdio.h>
int main(void) {
    printf("before dlopen\n");
    void *h = dlopen("libplugin.so", RTLD_NOW);
    if (!h) { printf("dlopen failed: %s\n", dlerror()); return 1; }
    printf("dlerror after success is null: %d\n", dlerror() == NULL);
    int (*twice)(int) = (int (*)(int))dlsym(h, "plugin_twice");
    int *data = (int *)dlsym(h, "plugin_data");
    if (!twice || !data) { printf("dlsym failed: %s\n", dlerror()); return 1; }
    printf("twice(21)=%d data=%d\n", twice(21), *data);
    *data += 1;
    printf("data again=%d\n", *(int *)dlsym(h, "plugin_data"));
    printf("dlclose=%d\n", dlclose(h));
    return 0;
}
