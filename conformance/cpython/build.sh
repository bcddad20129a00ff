#!/usr/bin/env bash
# Builds CPython 3.11 for wasm32-wasi as a dylink.0 main module (python.wasm), from Debian's
# source package, into $WASMLINK_CACHE/cpython/SHAPE (default ~/.cache/wasmlink). SHAPE is
# `dynamic` (every stdlib extension module that builds for WASI is a side module under
# lib-dynload, loaded by the linker's dlopen) or `static` (the same modules linked into
# python.wasm). Prints the install prefix on its last line. Nothing is committed but this script.
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
STAMP="$OUT/.built-$(cat "$0" | sha1sum | cut -c1-16)"
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

rm -rf "$OUT"; mkdir -p "$OUT/build" "$OUT/tools" "$OUT/empty"
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
[ "$SHAPE" = dynamic ] && DYN=(--enable-wasm-dynamic-linking)
CONFIG_SITE="$SRC/Tools/wasm/config.site-wasm32-wasi" "$SRC/configure" -q \
  --host=wasm32-unknown-wasi --build="$("$SRC/config.guess")" --with-build-python=python3.11 \
  --prefix="$OUT/prefix" "${DYN[@]}" \
  CC="clang-19 --target=wasm32-wasi --sysroot=$SYSROOT" \
  CFLAGS="-O2 -fPIC -I$SUPPORT" CCSHARED="-fPIC -fvisibility=default" \
  LDSHARED="$OUT/tools/ldshared" LDFLAGS="-L$OUT/empty" \
  AR=llvm-ar-19 RANLIB=llvm-ranlib-19 ac_cv_lib_dl_dlopen=no PKG_CONFIG=false >&2
if [ "$SHAPE" = dynamic ]; then
  # Every stdlib extension module a side module.
  sed -i 's/^\*static\*/*shared*/' Modules/Setup.stdlib
fi
make -j"$(nproc)" LINKCC="$OUT/tools/linkcc" \
  EXTRA_CFLAGS="-Wno-error=int-conversion -Wno-error=incompatible-function-pointer-types" >&2
make install LINKCC="$OUT/tools/linkcc" >&2
touch "$STAMP"
echo "$OUT/prefix"
