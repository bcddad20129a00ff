#include <dlfcn.h>
#include <stdio.h>
#include <string.h>
int side_fn(int);
extern int side_data;
int main(void) {
    void *f = dlsym(RTLD_DEFAULT, "side_fn");
    printf("function: same as &side_fn %d, call %d\n", f == (void *)side_fn, ((int (*)(int))f)(1));
    printf("data: same as &side_data %d\n", dlsym(RTLD_DEFAULT, "side_data") == (void *)&side_data);
    printf("libc: same as &strlen %d\n", dlsym(RTLD_DEFAULT, "strlen") == (void *)strlen);
    return 0;
}
