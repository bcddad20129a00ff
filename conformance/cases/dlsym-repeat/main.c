#include <dlfcn.h>
#include <stdio.h>

typedef int (*fn)(void);

static const char *LONG = "a_symbol_whose_name_is_much_longer_than_forty_eight_bytes_in_all";

/* Calls `which` found through `h` three times, each looked up again. */
static void three(const char *what, void *h) {
    printf("%s:", what);
    for (int i = 0; i < 3; i++) {
        fn f = (fn)dlsym(h, "which");
        printf(" %d", f ? f() : -1);
    }
    printf("\n");
}

static const char *null_or_not(void *p) {
    if (p)
        return "found";
    /* A failed lookup sets dlerror every time. */
    return dlerror() ? "null" : "null without dlerror";
}

static void *open_or_die(const char *name, int flags) {
    void *h = dlopen(name, flags);
    if (!h)
        printf("dlopen %s: %s\n", name, dlerror());
    return h;
}

int main(void) {
    /* Lookups through a handle keep nothing loaded: dlclose unloads, and the next library
       loaded may get the same handle. */
    void *b = open_or_die("libb.so", RTLD_NOW);
    three("through b", b);
    printf("b local, global which: %s\n", null_or_not(dlsym(RTLD_DEFAULT, "which")));
    dlclose(b);
    void *t = open_or_die("libthree.so", RTLD_NOW);
    three("through three", t);
    dlclose(t);
    b = open_or_die("libb.so", RTLD_NOW);
    three("through b again", b);
    dlclose(b);

    void *a = open_or_die("liba.so", RTLD_NOW | RTLD_GLOBAL);
    if (!a)
        return 1;
    three("through a", a);
    three("global", RTLD_DEFAULT);

    /* More distinct names than a cache has entries: every round finds each one again. */
    long sum = 0;
    int mismatches = 0;
    int *first[100];
    for (int round = 0; round < 3; round++) {
        for (int i = 0; i < 100; i++) {
            char name[8];
            snprintf(name, sizeof name, "s%d", i);
            int *p = (int *)dlsym(round == 1 ? a : RTLD_DEFAULT, name);
            if (!p || *p != 3 * i) {
                mismatches++;
                continue;
            }
            if (round == 0)
                first[i] = p;
            else if (first[i] != p)
                mismatches++;
            sum += *p;
        }
    }
    printf("100 names, 3 rounds: sum %ld, mismatches %d\n", sum, mismatches);

    int *l1 = (int *)dlsym(RTLD_DEFAULT, LONG);
    int *l2 = (int *)dlsym(a, LONG);
    printf("long name: %d %d\n", l1 ? *l1 : -1, l2 ? *l2 : -1);

    /* dlsym(RTLD_DEFAULT) found symbols of liba: glibc keeps it loaded for the caller. */
    dlclose(a);
    fn w = (fn)dlsym(RTLD_DEFAULT, "which");
    const char *w_s = null_or_not((void *)w);
    const char *s7_s = null_or_not(dlsym(RTLD_DEFAULT, "s7"));
    const char *l_s = null_or_not(dlsym(RTLD_DEFAULT, LONG));
    printf("after dlclose of a: which %s, s7 %s, long %s; which() = %d\n", w_s, s7_s, l_s,
           w ? w() : -1);
    return 0;
}
