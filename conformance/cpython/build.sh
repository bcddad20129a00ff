#!/usr/bin/env bash
# Builds CPython 3.11 for wasm32-wasi as a dylink.0 main module (python.wasm), from Debian's
# source package, into $WASMLINK_CACHE/cpython/SHAPE (default ~/.cache/wasmlink). SHAPE is
# `dynamic` (every stdlib extension module that builds for WASI is a side module under
# lib-dynload, loaded by the linker's dlopen, and the C libraries they wrap are shared libraries of
# their own in PREFIX/lib, recorded as NEEDED: libz, libbz2, liblzma, libsqlite3 (clibs.sh),
# libmpdec and libexpat (from CPython's tree)) or `static` (the same modules and libraries linked
# into python.wasm). Prints the install prefix on its last line. Nothing is committed but the
# scripts.
set -euo pipefail
SHAPE="${1:-dynamic}"
case "$SHAPE" in dynamic|static) ;; *) echo "usage: build.sh [dynamic|static]" >&2; exit 2;; esac
HERE="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=../toolchain/debian-source.sh
source "$HERE/../toolchain/debian-source.sh"
CACHE="${WASMLINK_CACHE:-$HOME/.cache/wasmlink}"
VERSION=3.11.2
SYSROOT="$(bash "$HERE/../toolchain/setup.sh" | tail -1)-single"
SUPPORT="$HERE/../support"
CRT=/usr/lib/llvm-19/lib/clang/19/lib/wasi/libclang_rt.builtins-wasm32.a
OUT="$CACHE/cpython/$SHAPE"
STAMP="$OUT/.built-$(cat "$0" "$HERE/clibs.sh" | sha1sum | cut -c1-16)"
# One build of a shape at a time (tests ask for it in parallel): the others wait, then find it.
mkdir -p "$CACHE/cpython"
exec 9>"$CACHE/cpython/.lock-$SHAPE"
flock 9
if [ -f "$STAMP" ]; then echo "$OUT/prefix"; exit 0; fi

# The build's own Python (the same minor version).
if ! command -v python3.11 >/dev/null; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq python3.11 >&2
fi

# The sources, from Debian's registry, unpacked once; configure accepts dynamic linking on WASI
# once the line that refuses it is gone.
SRCDIR="$CACHE/cpython-src"
SRC="$SRCDIR/Python-$VERSION"
if [ ! -f "$SRC/.patched" ]; then
  if [ ! -f "$SRCDIR/python3.11_$VERSION.orig.tar.gz" ]; then
    debian_source "$SRCDIR" python3.11
  fi
  rm -rf "$SRC"
  tar -C "$SRCDIR" -xzf "$SRCDIR/python3.11_$VERSION.orig.tar.gz"
  sed -i 's/as_fn_error .* "WASI dynamic linking is not implemented yet\." .* ;;/;;/' "$SRC/configure"
  touch "$SRC/.patched"
fi

rm -rf "$OUT"; mkdir -p "$OUT/build" "$OUT/tools" "$OUT/empty" "$OUT/lib"
# The wrapped C libraries, built once for both shapes. $OUT/lib is the build's library directory:
# the archives (configure's link tests and the static build use them) and, in the dynamic build,
# the shared libraries, which wasm-ld prefers for a side module and records as NEEDED.
CLIBS="$CACHE/cpython/clibs"
bash "$HERE/clibs.sh" "$CLIBS" "$SYSROOT"
ln -s "$CLIBS"/lib/*.a "$OUT/lib/"
[ "$SHAPE" = dynamic ] && cp "$CLIBS"/lib/*.so "$OUT/lib/"
# wasi-libc has libm, libdl, ... in libc.a: configure's -lm and friends get empty archives.
for l in m dl pthread rt util; do llvm-ar-19 rc "$OUT/empty/lib$l.a"; done
# errno for side modules (docs/toolchain.md).
clang-19 --target=wasm32-wasi --sysroot="$SYSROOT" -O2 -fPIC -c "$SUPPORT/errno_location.c" -o "$OUT/tools/errno_location.o"

# A side module: what `-shared` means for the extension modules.
cat > "$OUT/tools/ldshared" <<X
#!/usr/bin/env bash
# CPython's WASI flags size the main module's memory and stack (LDFLAGS_NODIST); a library
# takes what the process has.
args=()
for a in "\$@"; do
  case "\$a" in -Wl,--initial-memory=*|-Wl,--stack-first|-Wl,--max-memory=*) ;; *) args+=("\$a");; esac
done
set -- "\${args[@]}"
exec clang-19 --target=wasm32-wasi --sysroot="$SYSROOT" -nostdlib -shared \\
  -Wl,--no-entry -Wl,--experimental-pic -Wl,--unresolved-symbols=import-dynamic \\
  -Wl,--extra-features=mutable-globals \\
  -Wl,--export=__wasm_call_ctors -Wl,--export-if-defined=__wasm_apply_data_relocs "\$@"
X
# The PIE main module carrying libc and exporting everything (the C API, for the extensions).
cat > "$OUT/tools/linkcc" <<X
#!/usr/bin/env bash
out=; inputs=(); libs=()
while [ \$# -gt 0 ]; do
  case "\$1" in
    -o) out="\$2"; shift;;
    -lwasi-emulated-*) ;;
    -l*|-L*) libs+=("\$1");;
    *.o|*.a) inputs+=("\$1");;
    -z|-Xlinker) shift;;
  esac
  shift
done
[ -n "\$out" ] || { echo "linkcc: no -o" >&2; exit 1; }
# Anything else (a configure test): an ordinary link.
exec wasm-ld-19 --experimental-pic -pie --import-memory --export-memory --max-memory=2147483648 \\
  --extra-features=mutable-globals --unresolved-symbols=import-dynamic -z stack-size=8388608 \\
  -L"$SYSROOT/lib/wasm32-wasi" -L"$OUT/empty" --whole-archive --export-all "\${inputs[@]}" \\
  "$SYSROOT/lib/wasm32-wasi/crt1.o" -lc -lwasi-emulated-signal -lwasi-emulated-getpid \\
  -lwasi-emulated-process-clocks -lwasi-emulated-mman "$OUT/tools/errno_location.o" \\
  --no-whole-archive "\${libs[@]}" "$CRT" \\
  --export=__wasm_call_ctors --export-if-defined=__wasm_apply_data_relocs -o "\$out"
X
chmod +x "$OUT/tools/ldshared" "$OUT/tools/linkcc"

cd "$OUT/build"
DYN=()
if [ "$SHAPE" = dynamic ]; then
  # libmpdec and libexpat as libraries of their own ("system" ones to configure), built below
  # from CPython's tree with CPython's flags.
  DYN=(--enable-wasm-dynamic-linking --with-system-libmpdec --with-system-expat
    LIBMPDEC_CFLAGS="-I$SRC/Modules/_decimal/libmpdec -DCONFIG_32=1 -DANSI=1"
    LIBMPDEC_LDFLAGS="-L$OUT/lib -lmpdec"
    LIBEXPAT_CFLAGS="-I$SRC/Modules/expat" LIBEXPAT_LDFLAGS="-L$OUT/lib -lexpat")
fi
CONFIG_SITE="$SRC/Tools/wasm/config.site-wasm32-wasi" "$SRC/configure" -q \
  --host=wasm32-unknown-wasi --build="$("$SRC/config.guess")" --with-build-python=python3.11 \
  --prefix="$OUT/prefix" "${DYN[@]}" \
  CC="clang-19 --target=wasm32-wasi --sysroot=$SYSROOT" \
  CFLAGS="-O2 -fPIC -I$SUPPORT" CCSHARED="-fPIC -fvisibility=default" \
  LDSHARED="$OUT/tools/ldshared" LDFLAGS="-L$OUT/empty" \
  AR=llvm-ar-19 RANLIB=llvm-ranlib-19 ac_cv_lib_dl_dlopen=no PKG_CONFIG=false \
  ZLIB_CFLAGS="-I$CLIBS/include" ZLIB_LIBS="-L$OUT/lib -lz" \
  BZIP2_CFLAGS="-I$CLIBS/include" BZIP2_LIBS="-L$OUT/lib -lbz2" \
  LIBLZMA_CFLAGS="-I$CLIBS/include" LIBLZMA_LIBS="-L$OUT/lib -llzma" \
  LIBSQLITE3_CFLAGS="-I$CLIBS/include" LIBSQLITE3_LIBS="-L$OUT/lib -lsqlite3" >&2
MAKEVARS=(LINKCC="$OUT/tools/linkcc"
  EXTRA_CFLAGS="-Wno-error=int-conversion -Wno-error=incompatible-function-pointer-types")
if [ "$SHAPE" = dynamic ]; then
  # Every stdlib extension module a side module.
  sed -i 's/^\*static\*/*shared*/' Modules/Setup.stdlib
  # libmpdec and libexpat: CPython's own archives of them, each made a shared library.
  make -j"$(nproc)" "${MAKEVARS[@]}" Modules/_decimal/libmpdec/libmpdec.a Modules/expat/libexpat.a >&2
  "$OUT/tools/ldshared" -Wl,--whole-archive Modules/_decimal/libmpdec/libmpdec.a \
    -Wl,--no-whole-archive -o "$OUT/lib/libmpdec.so"
  "$OUT/tools/ldshared" -Wl,--whole-archive Modules/expat/libexpat.a \
    -Wl,--no-whole-archive -o "$OUT/lib/libexpat.so"
fi
make -j"$(nproc)" "${MAKEVARS[@]}" >&2
make install "${MAKEVARS[@]}" >&2
# 3.11.2's `make install` leaves out two test packages (TESTSUBDIRS lacks them).
cp -r "$SRC/Lib/test/test_sqlite3" "$SRC/Lib/test/test_capi" "$OUT/prefix/lib/python3.11/test/"
if [ "$SHAPE" = dynamic ]; then
  # /usr/local/lib when the prefix is mounted at /usr/local: one of the linker's default
  # directories.
  cp "$OUT"/lib/*.so "$OUT/prefix/lib/"
fi
touch "$STAMP"
echo "$OUT/prefix"
