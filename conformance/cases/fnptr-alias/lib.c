/* One function under two names: an alias is the same function, with one address. The
 * addresses go through volatile variables so that the compiler does not decide the
 * comparisons itself (clang folds a comparison of two distinct function names to false). */
int impl(int x) { return x + 1; }
int alias(int x) __attribute__((alias("impl")));
int weak_alias(int x) __attribute__((weak, alias("impl")));

int (*lib_impl(void))(int) { return impl; }
int (*lib_alias(void))(int) { return alias; }
int lib_sees_one_address(void) {
    int (*volatile a)(int) = impl, (*volatile b)(int) = alias, (*volatile c)(int) = weak_alias;
    return a == b && b == c;
}
