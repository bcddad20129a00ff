/* WASIX's closures and dynamic calls (wasix_32v1), as libffi's WASIX port uses them: functions
 * made at run time from a backing function and an environment, called from C and from another
 * module through a function pointer; call_dynamic and reflect_signature on a library's function
 * and on a closure; free, reuse, and the errors. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "wasix.h"

void sort_ints(int *a, int n, int (*cmp)(const void *, const void *));
double mix(int64_t a, float b, double c, int32_t d);
extern int mix_calls;

struct order {
    int descending;
    int calls;
};

/* The comparator's body: two pointers in, an int out. */
static void compare(uint8_t *args, uint8_t *results, void *env) {
    struct order *o = env;
    const int *x, *y;
    memcpy(&x, args, 4);
    memcpy(&y, args + 4, 4);
    int r = (*x > *y) - (*x < *y);
    if (o->descending)
        r = -r;
    o->calls++;
    memcpy(results, &r, 4);
}

/* (i64, f32, f64, i32) -> f64, reading the packed arguments at 0, 8, 12 and 20. */
static void weigh(uint8_t *args, uint8_t *results, void *env) {
    int64_t a;
    float b;
    double c;
    int32_t d;
    memcpy(&a, args, 8);
    memcpy(&b, args + 8, 4);
    memcpy(&c, args + 12, 8);
    memcpy(&d, args + 20, 4);
    double r = (double)a * *(double *)env + b + c + d;
    memcpy(results, &r, 8);
}

/* () -> i64 and (f32) -> f32. */
static void big(uint8_t *args, uint8_t *results, void *env) {
    int64_t r = (int64_t)(intptr_t)env << 33;
    memcpy(results, &r, 8);
}
static void halve(uint8_t *args, uint8_t *results, void *env) {
    float f;
    memcpy(&f, args, 4);
    f /= 2;
    memcpy(results, &f, 4);
}

static uint32_t make(void (*backing)(uint8_t *, uint8_t *, void *), const uint8_t *at, int na,
                     const uint8_t *rt, int nr, void *env) {
    uint32_t slot = 0;
    int rc = wasix_closure_allocate(&slot);
    int rc2 = wasix_closure_prepare(WASIX_SLOT(backing), slot, at, na, rt, nr, env);
    if (rc || rc2)
        printf("closure failed: %d %d\n", rc, rc2);
    return slot;
}

static void print_ints(const char *what, const int *a, int n) {
    printf("%s:", what);
    for (int i = 0; i < n; i++)
        printf(" %d", a[i]);
    printf("\n");
}

int main(void) {
    static const uint8_t two_ptrs[] = {WASIX_I32, WASIX_I32}, one_i32[] = {WASIX_I32};
    struct order up = {0, 0}, down = {1, 0};
    uint32_t cmp_up = make(compare, two_ptrs, 2, one_i32, 1, &up);
    uint32_t cmp_down = make(compare, two_ptrs, 2, one_i32, 1, &down);
    int a[] = {5, 3, 9, 1, 7, 2};
    sort_ints(a, 6, (int (*)(const void *, const void *))(uintptr_t)cmp_up);
    print_ints("sorted by a closure, in a library", a, 6);
    qsort(a, 6, sizeof a[0], (int (*)(const void *, const void *))(uintptr_t)cmp_down);
    print_ints("sorted by another closure, by qsort", a, 6);
    printf("each closure has its own environment: %d %d\n", up.calls > 0, down.calls > 0);

    static const uint8_t wargs[] = {WASIX_I64, WASIX_F32, WASIX_F64, WASIX_I32}, f64[] = {WASIX_F64};
    double scale = 0.5;
    uint32_t w = make(weigh, wargs, 4, f64, 1, &scale);
    double (*wf)(int64_t, float, double, int32_t) =
        (double (*)(int64_t, float, double, int32_t))(uintptr_t)w;
    printf("(i64, f32, f64, i32) -> f64: %.3f\n", wf(1LL << 40, 1.5f, 0.25, -3));
    static const uint8_t i64[] = {WASIX_I64}, f32[] = {WASIX_F32};
    uint32_t b = make(big, NULL, 0, i64, 1, (void *)3);
    printf("() -> i64: %lld\n", (long long)((int64_t (*)(void))(uintptr_t)b)());
    uint32_t h = make(halve, f32, 1, f32, 1, NULL);
    printf("(f32) -> f32: %.2f\n", ((float (*)(float))(uintptr_t)h)(5.0f));

    /* call_dynamic: every value type, packed. */
    uint8_t values[24], results[8];
    int64_t va = 100;
    float vb = 0.5f;
    double vc = 2.0, r;
    int32_t vd = -1;
    memcpy(values, &va, 8);
    memcpy(values + 8, &vb, 4);
    memcpy(values + 12, &vc, 8);
    memcpy(values + 20, &vd, 4);
    int rc = wasix_call_dynamic(WASIX_SLOT(mix), values, 24, results, 8, 1);
    memcpy(&r, results, 8);
    printf("call_dynamic mix: rc=%d result=%.2f calls=%d\n", rc, r, mix_calls);
    rc = wasix_call_dynamic(WASIX_SLOT(mix), values, 20, results, 8, 1);
    printf("strict, a short buffer: errno=%d, not called=%d\n", rc, mix_calls == 1);
    rc = wasix_call_dynamic(WASIX_SLOT(mix), values, 24, results, 4, 1);
    printf("strict, a short result buffer: errno=%d, not called=%d\n", rc, mix_calls == 1);
    rc = wasix_call_dynamic(WASIX_SLOT(mix), values, 12, results, 8, 0);
    memcpy(&r, results, 8);
    printf("not strict, missing arguments are zero: rc=%d result=%.2f\n", rc, r);
    rc = wasix_call_dynamic(w, values, 24, results, 8, 1);
    memcpy(&r, results, 8);
    printf("call_dynamic of a closure: rc=%d result=%.2f\n", rc, r);

    /* reflect_signature. */
    uint8_t at[8], rt[8];
    struct wasix_reflection info;
    rc = wasix_reflect_signature(WASIX_SLOT(mix), at, 8, rt, 8, &info);
    printf("reflect mix: rc=%d cacheable=%d (%d: %d %d %d %d) -> (%d: %d)\n", rc, info.cacheable,
           info.arguments, at[0], at[1], at[2], at[3], info.results, rt[0]);
    rc = wasix_reflect_signature(w, at, 8, rt, 8, &info);
    printf("reflect a closure: rc=%d cacheable=%d arguments=%d results=%d\n", rc, info.cacheable,
           info.arguments, info.results);
    rc = wasix_reflect_signature(WASIX_SLOT(mix), at, 2, rt, 8, &info);
    printf("reflect into a short buffer: errno=%d, counts written=%d\n", rc, info.arguments == 4);

    /* Free, reuse, errors. */
    uint32_t fresh = 0;
    wasix_closure_allocate(&fresh);
    rc = wasix_reflect_signature(fresh, at, 8, rt, 8, &info);
    printf("an allocated slot before prepare: errno=%d cacheable=%d\n", rc, info.cacheable);
    rc = wasix_closure_prepare(WASIX_SLOT(compare), fresh, (const uint8_t *)"\x09", 1, NULL, 0, NULL);
    printf("a bad value type: errno=%d\n", rc);
    rc = wasix_closure_prepare(WASIX_SLOT(compare), fresh, two_ptrs, 0xfffffff0u, NULL, 0, NULL);
    printf("a type list past the end of memory: errno=%d\n", rc);
    rc = wasix_closure_prepare(WASIX_SLOT(mix), fresh, NULL, 0, NULL, 0, NULL);
    printf("a backing function of the wrong type: errno=%d\n", rc);
    rc = wasix_closure_prepare(WASIX_SLOT(compare), WASIX_SLOT(mix), NULL, 0, NULL, 0, NULL);
    printf("preparing a slot that is not a closure: errno=%d\n", rc);
    printf("free: %d\n", wasix_closure_free(h));
    printf("free again: errno=%d\n", wasix_closure_free(h));
    printf("free a function that is not a closure: errno=%d\n", wasix_closure_free(WASIX_SLOT(mix)));
    uint32_t reused = 0;
    wasix_closure_allocate(&reused);
    printf("the freed slot is reused: %d\n", reused == h);
    rc = wasix_reflect_signature(h, at, 8, rt, 8, &info);
    printf("reused, not yet prepared: errno=%d\n", rc);
    wasix_closure_free(reused);
    wasix_closure_free(fresh);
    return 0;
}
