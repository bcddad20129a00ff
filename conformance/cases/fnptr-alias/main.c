#include <dlfcn.h>
#include <stdio.h>

int impl(int x);
int alias(int x);
int weak_alias(int x);
int (*lib_impl(void))(int);
int (*lib_alias(void))(int);
int lib_sees_one_address(void);

/* Through volatile variables: the compiler may not decide the comparisons itself. */
int (*volatile p_impl)(int) = impl;
int (*volatile p_alias)(int) = alias;
int (*volatile p_weak)(int) = weak_alias;

int main(void) {
    int (*i)(int) = p_impl, (*a)(int) = p_alias, (*w)(int) = p_weak;
    printf("main: &impl == &alias: %d, == &weak_alias: %d\n", i == a, i == w);
    printf("the library: one address: %d\n", lib_sees_one_address());
    printf("main's &alias is the library's &impl: %d, its &alias: %d\n", a == lib_impl(), a == lib_alias());
    printf("dlsym of each name gives it: %d %d\n", dlsym(RTLD_DEFAULT, "alias") == (void *)i,
           dlsym(RTLD_DEFAULT, "weak_alias") == (void *)i);
    printf("calls: %d %d\n", a(1), lib_alias()(2));
    return 0;
}
