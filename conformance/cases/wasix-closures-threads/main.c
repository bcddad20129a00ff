/* WASIX closures across threads: a closure made before a thread starts is callable in it (by a
 * library, through a function pointer); a closure made while another thread waits is callable
 * there once it wakes; a closure freed by one thread is null in every thread's table. */
#include <stdio.h>
#include <string.h>
#include "wasi_threads.h"
#include "wasix.h"

void sort_ints(int *a, int n, int (*cmp)(const void *, const void *));

static void compare(uint8_t *args, uint8_t *results, void *env) {
    const int *x, *y;
    memcpy(&x, args, 4);
    memcpy(&y, args + 4, 4);
    int r = (*x > *y) - (*x < *y);
    if (*(int *)env)
        r = -r;
    memcpy(results, &r, 4);
}

static void add(uint8_t *args, uint8_t *results, void *env) {
    int32_t a;
    memcpy(&a, args, 4);
    a += *(int *)env;
    memcpy(results, &a, 4);
}

static const uint8_t two_ptrs[] = {WASIX_I32, WASIX_I32}, one_i32[] = {WASIX_I32};
static uint32_t cmp_slot, add_slot;
static int sorted[5] = {4, 1, 5, 2, 3};
static int added = -1;
static wt_mutex_t lock = WT_MUTEX_INIT;
static wt_cond_t ready_cond = WT_COND_INIT;
static int ready;

static void *sorter(void *p) {
    (void)p;
    sort_ints(sorted, 5, (int (*)(const void *, const void *))(uintptr_t)cmp_slot);
    return 0;
}

static void *adder(void *p) {
    (void)p;
    wt_mutex_lock(&lock);
    while (!ready)
        wt_cond_wait(&ready_cond, &lock);
    wt_mutex_unlock(&lock);
    added = ((int32_t (*)(int32_t))(uintptr_t)add_slot)(40);
    return 0;
}

int main(void) {
    static int descending = 1, two = 2;
    wasix_closure_allocate(&cmp_slot);
    wasix_closure_prepare(WASIX_SLOT(compare), cmp_slot, two_ptrs, 2, one_i32, 1, &descending);
    wt_t t;
    wt_create(&t, sorter, 0);
    wt_join(t, 0);
    printf("sorted in another thread by a closure made before it: %d %d %d %d %d\n", sorted[0],
           sorted[1], sorted[2], sorted[3], sorted[4]);

    wt_create(&t, adder, 0);
    wasix_closure_allocate(&add_slot);
    int rc = wasix_closure_prepare(WASIX_SLOT(add), add_slot, one_i32, 1, one_i32, 1, &two);
    wt_mutex_lock(&lock);
    ready = 1;
    wt_cond_broadcast(&ready_cond);
    wt_mutex_unlock(&lock);
    wt_join(t, 0);
    printf("a closure made while the thread waited: rc=%d, 40 + 2 = %d\n", rc, added);

    printf("freed: %d, then a second free fails: %d\n", wasix_closure_free(add_slot),
           wasix_closure_free(add_slot) == WASIX_EINVAL);
    struct wasix_reflection info;
    uint8_t at[4], rt[4];
    printf("the freed slot is empty: %d\n",
           wasix_reflect_signature(add_slot, at, 4, rt, 4, &info) == WASIX_EINVAL);
    return 0;
}
