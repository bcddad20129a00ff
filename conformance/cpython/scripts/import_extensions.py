# Imports every extension module of the stdlib that builds for WASI, and checks that each comes
# from where the build (argv[1]) puts it: a side module in lib-dynload, loaded through the
# linker's dlopen (dynamic), or linked into python.wasm (static, which lacks the test modules
# that exist only as shared libraries).
import importlib, os, sys

NAMES = """_asyncio _bisect _blake2 _bz2 _codecs_cn _codecs_hk _codecs_iso2022 _codecs_jp _codecs_kr
_codecs_tw _contextvars _crypt _csv _datetime _decimal _elementtree _heapq _json _lsprof _lzma _md5
_multibytecodec _opcode _pickle _queue _random _sha1 _sha256 _sha3 _sha512 _socket _sqlite3
_statistics _struct _testbuffer _testcapi _testclinic _testimportmultiple _testinternalcapi
_testmultiphase _typing _xxtestfuzz _zoneinfo array audioop binascii cmath math pyexpat select
unicodedata xxlimited xxlimited_35 zlib""".split()

# Test modules that exist only as shared libraries (Setup.stdlib's `*shared*` section): a build
# without dynamic loading has none of them.
SHARED_ONLY = {"_testimportmultiple", "_testmultiphase", "xxlimited", "xxlimited_35"}

build = sys.argv[1]
dynload = os.path.join(sys.prefix, "lib", "python3.11", "lib-dynload")
suffix = ".cpython-311-wasm32-wasi.so"
problems = []
if build == "dynamic":
    present = sorted(f[: -len(suffix)] for f in os.listdir(dynload) if f.endswith(suffix))
    if present != sorted(NAMES):
        problems.append(f"lib-dynload differs: {sorted(set(present) ^ set(NAMES))}")
checked = 0
for name in NAMES:
    try:
        module = importlib.import_module(name)
    except ModuleNotFoundError as e:
        if build == "static" and name in SHARED_ONLY:
            checked += 1
        else:
            problems.append(f"{name}: {type(e).__name__}: {e}")
        continue
    except Exception as e:
        problems.append(f"{name}: {type(e).__name__}: {e}")
        continue
    checked += 1
    where = getattr(module, "__file__", None)
    if build == "dynamic" and where != os.path.join(dynload, name + suffix):
        problems.append(f"{name} comes from {where}")
    if build == "static" and name not in sys.builtin_module_names:
        problems.append(f"{name} is not built in (it comes from {where})")
for p in problems:
    print(p)
if checked == len(NAMES) and not problems:
    print(f"{checked} extension modules, each where this build puts it")
