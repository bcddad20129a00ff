#!/usr/bin/env bash
# Installs the wasm toolchain this project builds its fixtures with, and a PIC wasi-libc sysroot.
#
# Everything comes from Debian's package registry (see docs/toolchain.md). Results are cached under
# $WASMLINK_CACHE (default ~/.cache/wasmlink) so a second run costs nothing.
# Prints the sysroot path on its last line (the one for programs built without threads is beside
# it, with the suffix -single).
set -euo pipefail

CACHE="${WASMLINK_CACHE:-$HOME/.cache/wasmlink}"
# shellcheck source=debian-source.sh
source "$(dirname "$0")/debian-source.sh"
SYSROOT="$CACHE/sysroot-pic"
WASI_LIBC_VERSION="0.0~git20220510.9886d3d"
mkdir -p "$CACHE"

need_pkgs=()
command -v clang-19 >/dev/null || need_pkgs+=(clang-19)
command -v wasm-ld-19 >/dev/null || need_pkgs+=(lld-19)
[ -f /usr/lib/llvm-19/lib/clang/19/lib/wasi/libclang_rt.builtins-wasm32.a ] || need_pkgs+=(libclang-rt-19-dev-wasm32)
command -v wasm-objdump >/dev/null || need_pkgs+=(wabt)
command -v xz >/dev/null || need_pkgs+=(xz-utils)
if [ ${#need_pkgs[@]} -gt 0 ]; then
  echo "toolchain: installing ${need_pkgs[*]}" >&2
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_pkgs[@]}" >&2
fi

# Two builds of the same sources: for programs built with threads (atomics, so everything links
# against one shared memory) and for programs built without (no atomics: no thread-local storage,
# which wasm-ld-19 cannot lay out in a PIC module whose memory is not shared: docs/abi.md).
build_sysroot() { # DIR EXTRA_CFLAGS
  local dir="$1" flags="$2"
  [ -f "$dir/lib/wasm32-wasi/libc.a" ] && return 0
  echo "toolchain: building a PIC wasi-libc sysroot in $dir" >&2
  local work="$CACHE/wasi-libc-build"
  if [ ! -f "$work/wasi-libc_${WASI_LIBC_VERSION}.orig.tar.xz" ]; then
    rm -rf "$work"
    debian_source "$work" "wasi-libc=${WASI_LIBC_VERSION}-2"
  fi
  rm -rf "$work/wasi-libc-${WASI_LIBC_VERSION}"
  tar -C "$work" -xf "$work/wasi-libc_${WASI_LIBC_VERSION}.orig.tar.xz"
  # The final check-symbols step fails for a PIC build (it lists __memory_base & co. as undefined);
  # the libraries are complete before it runs, so its failure is expected and checked for below.
  make -C "$work/wasi-libc-${WASI_LIBC_VERSION}" -j"$(nproc)" CC=clang-19 AR=llvm-ar-19 NM=llvm-nm-19 \
    THREAD_MODEL=single SYSROOT="$dir" \
    EXTRA_CFLAGS="-O2 -DNDEBUG -fPIC $flags -Wno-error" >"$work/make.log" 2>&1 || true
  if [ ! -f "$dir/lib/wasm32-wasi/libc.a" ]; then
    tail -30 "$work/make.log" >&2
    echo "toolchain: wasi-libc build failed" >&2
    exit 1
  fi
}
build_sysroot "$SYSROOT" "-matomics -mbulk-memory -mmutable-globals"
build_sysroot "$SYSROOT-single" "-mmutable-globals"
# Binaryen's wasm-opt (npm registry): clang-19 emits only the legacy exception-handling form,
# which neither engine runs; `wasm-opt --translate-to-exnref` rewrites it (docs/toolchain.md).
if [ ! -x "$CACHE/npm/node_modules/.bin/wasm-opt" ]; then
  if command -v npm >/dev/null; then
    echo "toolchain: installing binaryen@132 from npm" >&2
    mkdir -p "$CACHE/npm"
    npm install --silent --prefix "$CACHE/npm" binaryen@132 >&2 || echo "toolchain: npm binaryen failed; exception cases will fail" >&2
  else
    echo "toolchain: npm not found; exception cases will fail" >&2
  fi
fi
echo "$SYSROOT"
