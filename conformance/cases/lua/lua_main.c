/* A minimal `lua` interpreter (the lua-src crate has no lua.c): runs a script file. */
#include <stdio.h>
#include "lua.h"
#include "lauxlib.h"
#include "lualib.h"

int main(int argc, char **argv) {
    lua_State *L = luaL_newstate();
    luaL_openlibs(L);
    const char *script = argc > 1 ? argv[1] : "scripts/main.lua";
    int status = luaL_dofile(L, script);
    if (status != LUA_OK) printf("error: %s\n", lua_tostring(L, -1));
    lua_close(L);
    return status == LUA_OK ? 0 : 1;
}
