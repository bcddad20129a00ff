#!/usr/bin/env bash
# Builds the C libraries CPython's extension modules wrap, for wasm32-wasi, from the sources the
# crates.io registry ships inside its -sys crates: zlib (libz-sys), bzip2 (bzip2-sys), xz's liblzma
# (lzma-sys) and SQLite (libsqlite3-sys). Each library is built twice from the same objects:
#   lib/libNAME.a   an archive, for the static build and for configure's link tests;
#   lib/libNAME.so  a dylink.0 side module, for the dynamic build (the extension modules record
#                   it as NEEDED and the linker loads it from /usr/local/lib).
# Usage: clibs.sh OUTDIR SYSROOT. Headers land in OUTDIR/include. Rebuilt when this script changes.
# (libmpdec and libexpat come from CPython's own tree: build.sh makes them.)
set -euo pipefail
OUT="$1"; SYSROOT="$2"
CACHE="${WASMLINK_CACHE:-$HOME/.cache/wasmlink}"
STAMP="$OUT/.built-$(sha1sum < "$0" | cut -c1-16)"
# Both shapes' builds ask for these; one builds them, the other waits and finds them.
mkdir -p "$(dirname "$OUT")"
exec 9>"$OUT.lock"
flock 9
[ -f "$STAMP" ] && exit 0

# name version sha256: pinned, so a build is the same build everywhere.
CRATES=(
  "libz-sys 1.1.23 15d118bbf3771060e7311cc7bb0545b01d08a8b4a7de949198dec1fa0ca1c0f7"
  "bzip2-sys 0.1.13+1.0.8 225bff33b2141874fe80d71e07d6eec4f85c5c216453dd96388240f96e1acc14"
  "lzma-sys 0.1.20 5fda04ab3764e6cde78b9974eec4f779acaba7c4e84b36eca3cf77c581b85d27"
  "libsqlite3-sys 0.40.0 b06e69070b7e12262b0cd90832f0a7396f142a2b330181255562decf9f0c6215"
)
SRCS="$CACHE/crate-src"; mkdir -p "$SRCS"
if ! command -v curl >/dev/null; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq curl >&2
fi
for c in "${CRATES[@]}"; do
  read -r name ver sum <<<"$c"
  dir="$SRCS/$name-$ver"
  [ -d "$dir" ] && continue
  crate="$SRCS/$name-$ver.crate"
  curl -sSfL --retry 3 -o "$crate" "https://static.crates.io/crates/$name/$name-$ver.crate"
  echo "$sum  $crate" | sha256sum -c --quiet - >&2
  tar -C "$SRCS" -xzf "$crate"
done

rm -rf "$OUT"; mkdir -p "$OUT/include" "$OUT/lib" "$OUT/obj"
# -fvisibility=default: what a library defines is exported (clang hides it by default on wasm).
CC=(clang-19 --target=wasm32-wasi --sysroot="$SYSROOT" -O2 -fPIC -fvisibility=default)
# The side-module link (docs/toolchain.md): symbols the library does not define (libc's) are
# imported and bound at load time to the main module's exports.
SHARED=(clang-19 --target=wasm32-wasi --sysroot="$SYSROOT" -nostdlib -shared
  -Wl,--no-entry -Wl,--experimental-pic -Wl,--unresolved-symbols=import-dynamic
  -Wl,--extra-features=mutable-globals
  -Wl,--export=__wasm_call_ctors -Wl,--export-if-defined=__wasm_apply_data_relocs)

# library NAME FLAGS... -- SOURCES...: compile in parallel, then archive and link.
library() {
  local name="$1"; shift
  local flags=()
  while [ "$1" != -- ]; do flags+=("$1"); shift; done
  shift
  local obj="$OUT/obj/$name"; mkdir -p "$obj"
  printf '%s\n' "$@" | xargs -P"$(nproc)" -I{} sh -c \
    'f="$1"; shift; o="$0/$(basename "${f%.c}").o"; exec "$@" -c "$f" -o "$o"' \
    "$obj" {} "${CC[@]}" "${flags[@]}"
  llvm-ar-19 rc "$OUT/lib/lib$name.a" "$obj"/*.o
  "${SHARED[@]}" "$obj"/*.o -o "$OUT/lib/lib$name.so"
}

Z="$SRCS/libz-sys-1.1.23/src/zlib"
library z -DHAVE_UNISTD_H -DHAVE_STDARG_H -- \
  "$Z"/{adler32,compress,crc32,deflate,gzclose,gzlib,gzread,gzwrite,infback,inffast,inflate,inftrees,trees,uncompr,zutil}.c
cp "$Z/zlib.h" "$Z/zconf.h" "$OUT/include/"

B="$SRCS/bzip2-sys-0.1.13+1.0.8/bzip2-1.0.8"
library bz2 -D_FILE_OFFSET_BITS=64 -- \
  "$B"/{blocksort,huffman,crctable,randtable,compress,decompress,bzlib}.c
cp "$B/bzlib.h" "$OUT/include/"

# liblzma as lzma-sys builds it (its config.h), without threads: this libc is single-threaded.
L="$SRCS/lzma-sys-0.1.20"
mkdir -p "$OUT/obj/lzma-config"
# lzma-sys's config.h enables the x86 and SPARC branch filters only; xz's own build (and Python's
# test_lzma) has them all.
{ grep -v 'MYTHREAD_POSIX' "$L/config.h"
  for f in ARM ARMTHUMB IA64 POWERPC; do printf '#define HAVE_DECODER_%s 1\n#define HAVE_ENCODER_%s 1\n' $f $f; done
} > "$OUT/obj/lzma-config/config.h"
# Without threads, mythread.h still declares a sigprocmask helper that nothing calls; WASI has no
# signal masks, so a header of our own stands in for <signal.h> in this library alone.
cat > "$OUT/obj/lzma-config/signal.h" <<'X'
typedef int sigset_t;
static inline int sigprocmask(int how, const sigset_t *set, sigset_t *old) {
  (void)how; (void)set; (void)old; return 0;
}
X
LZ="$L/xz-5.2/src/liblzma"
mapfile -t LZMA_SRC < <(find "$LZ"/{common,lzma,lz,check,delta,rangecoder,simple} -maxdepth 1 -name '*.c' \
  ! -name '*_small.c' ! -name '*tablegen.c' ! -name '*_mt.c' ! -name 'outqueue.c' | sort)
library lzma -std=c99 -DHAVE_CONFIG_H -I"$OUT/obj/lzma-config" \
  -I"$LZ/api" -I"$LZ/common" -I"$LZ/lzma" -I"$LZ/lz" -I"$LZ/check" -I"$LZ/simple" -I"$LZ/delta" \
  -I"$LZ/rangecoder" -I"$L/xz-5.2/src/common" -- \
  "${LZMA_SRC[@]}" "$L/xz-5.2/src/common/tuklib_physmem.c" "$L/xz-5.2/src/common/tuklib_cpucores.c"
cp -r "$LZ/api/lzma.h" "$LZ/api/lzma" "$OUT/include/"

# SQLite's amalgamation knows WASI: no threads, no loadable extensions, no file locking.
S="$SRCS/libsqlite3-sys-0.40.0/sqlite3"
library sqlite3 -DSQLITE_THREADSAFE=0 -DHAVE_LOCALTIME_R -DSQLITE_ENABLE_COLUMN_METADATA \
  -DSQLITE_ENABLE_FTS3 -DSQLITE_ENABLE_FTS5 -DSQLITE_ENABLE_RTREE -DSQLITE_ENABLE_DBSTAT_VTAB -- \
  "$S/sqlite3.c"
cp "$S/sqlite3.h" "$OUT/include/"

rm -rf "$OUT/obj"
touch "$STAMP"
