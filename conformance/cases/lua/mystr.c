/* A Lua C module: string work, a C closure, and errors raised from C. */
#include <string.h>
#include "lua.h"
#include "lauxlib.h"

static int reverse(lua_State *L) {
    size_t n;
    const char *s = luaL_checklstring(L, 1, &n);
    luaL_Buffer b;
    char *p = luaL_buffinitsize(L, &b, n);
    for (size_t i = 0; i < n; i++) p[i] = s[n - 1 - i];
    luaL_pushresultsize(&b, n);
    return 1;
}

static int split(lua_State *L) {
    const char *s = luaL_checkstring(L, 1), *sep = luaL_checkstring(L, 2);
    size_t seplen = strlen(sep);
    lua_newtable(L);
    int i = 1;
    for (const char *e; (e = strstr(s, sep)) != NULL; s = e + seplen) {
        lua_pushlstring(L, s, (size_t)(e - s));
        lua_rawseti(L, -2, i++);
    }
    lua_pushstring(L, s);
    lua_rawseti(L, -2, i);
    return 1;
}

static int count_up(lua_State *L) {
    lua_Integer v = lua_tointeger(L, lua_upvalueindex(1)) + 1;
    lua_pushinteger(L, v);
    lua_copy(L, -1, lua_upvalueindex(1));
    return 1;
}

static int counter(lua_State *L) {
    lua_pushinteger(L, luaL_optinteger(L, 1, 0));
    lua_pushcclosure(L, count_up, 1);
    return 1;
}

static int fail(lua_State *L) {
    return luaL_error(L, "%s", luaL_checkstring(L, 1));
}

static const luaL_Reg funcs[] = {
    {"reverse", reverse}, {"split", split}, {"counter", counter}, {"fail", fail}, {NULL, NULL}};

int luaopen_mystr(lua_State *L) {
    luaL_newlib(L, funcs);
    return 1;
}
