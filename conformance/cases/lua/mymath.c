/* A Lua C module with a dependency library of its own (libhelper.so, a needed library). */
#include "lua.h"
#include "lauxlib.h"

long helper_gcd(long a, long b);

static int gcd(lua_State *L) {
    lua_pushinteger(L, helper_gcd(luaL_checkinteger(L, 1), luaL_checkinteger(L, 2)));
    return 1;
}

static int lcm(lua_State *L) {
    long a = luaL_checkinteger(L, 1), b = luaL_checkinteger(L, 2);
    lua_pushinteger(L, a / helper_gcd(a, b) * b);
    return 1;
}

static int sum(lua_State *L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_Number s = 0;
    lua_Integer n = luaL_len(L, 1);
    for (lua_Integer i = 1; i <= n; i++) {
        lua_rawgeti(L, 1, i);
        s += luaL_checknumber(L, -1);
        lua_pop(L, 1);
    }
    lua_pushnumber(L, s);
    return 1;
}

static const luaL_Reg funcs[] = {{"gcd", gcd}, {"lcm", lcm}, {"sum", sum}, {NULL, NULL}};

int luaopen_mymath(lua_State *L) {
    luaL_newlib(L, funcs);
    return 1;
}
