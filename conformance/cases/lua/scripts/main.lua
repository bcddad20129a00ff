package.cpath = "lib/lua/?.so"
local mystr = require("mystr")
local mymath = require("mymath")
print(mystr.reverse("dynamic linking"))
local parts = mystr.split("a,b,,c", ",")
print(#parts, table.concat(parts, "|"))
local c = mystr.counter(10)
print(c(), c(), c())
print(pcall(mystr.fail, "boom"))
print(mymath.gcd(84, 36), mymath.lcm(4, 6), mymath.sum({1, 2, 3, 4.5}))
local t = {}
for i = 1, 10 do t[#t + 1] = string.format("%02d", i * i) end
print(table.concat(t, " "))
table.sort(t, function(a, b) return a > b end)
print(t[1], t[10])
print(("hello world"):gsub("o", "0"))
local co = coroutine.wrap(function(a) local b = coroutine.yield(a + 1); return b * 2 end)
print(co(1), co(10))
local co2 = coroutine.create(function() mystr.fail("inside a coroutine") end)
print(coroutine.resume(co2))
local ok, e = pcall(error, {code = 42})
print(ok, type(e), e.code)
print(pcall(require, "nosuchmodule") == false)
local words = {}
for w in ("the quick brown fox jumps over the lazy dog"):gmatch("%a+") do words[w] = (words[w] or 0) + 1 end
local keys = {}
for k in pairs(words) do keys[#keys + 1] = k end
table.sort(keys)
for _, k in ipairs(keys) do io.write(k, "=", words[k], " ") end
print()
print(package.loaded.mystr == mystr, select("#", mymath.gcd(1, 1)))
