#include <stdio.h>
int shared_fn(int x);
void *a_shared(void); void *a_puts(void);
void *b_shared(void); void *b_puts(void);
int main(void) {
    void *m_shared = (void *)shared_fn, *m_puts = (void *)puts;
    printf("side fn: main==a %d, a==b %d, non-null %d\n", m_shared == a_shared(), a_shared() == b_shared(), m_shared != 0);
    printf("libc fn: main==a %d, a==b %d, non-null %d\n", m_puts == a_puts(), a_puts() == b_puts(), m_puts != 0);
    int (*f)(int) = (int (*)(int))b_shared();
    printf("call through b's pointer: %d\n", f(41));
    return 0;
}
