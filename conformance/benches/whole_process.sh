#!/usr/bin/env bash
# The whole process, as a user starts it: `wasmlink run` on the 100- and 1000-library bench trees
# (docs/benchmarks.md, sections 6 and 8), with nothing cached and with the disk cache, on each
# engine and compiler; and, when WASMER names the wasmer CLI's binary (it is not built here:
# `cargo install wasmer-cli --version 7.4.2` takes over an hour on 2 cores), the CLI beside ours
# on the many-100 fixture and the bench-cli1000 tree (the other bench trees use the linker's
# thread API, which the CLI lacks).
#
#     conformance/benches/whole_process.sh [RUNS]
#     WASMER=~/.cache/wasmlink/wasmer-cli/bin/wasmer conformance/benches/whole_process.sh [RUNS]
#
# (WASMER_ONLY=1 runs the many-100 comparison alone.)
# Needs the release build (`cargo build --release --workspace`) and the bench trees (built by
# `cargo bench -p conformance --bench linking`, or any bench run naming them). Prints one line
# per configuration: mean wall time over RUNS runs (default 5; 20 for cached starts), its spread,
# and the largest peak RSS seen.
set -euo pipefail
runs=${1:-5}
target=${CARGO_TARGET_DIR:-$HOME/.cache/wasmlink/target}
wasmlink=$target/release/wasmlink
fixtures=$HOME/.cache/wasmlink/fixtures
cache=$(mktemp -d)
trap 'rm -rf "$cache"' EXIT

# measure LABEL RUNS CMD...: runs CMD RUNS times in the tree's directory.
measure() {
    local label=$1 n=$2
    shift 2
    python3 - "$label" "$n" "$@" <<'EOF'
import resource, statistics, subprocess, sys, time
label, n, cmd = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
times = []
for _ in range(n):
    t = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True)
    times.append(time.perf_counter() - t)
rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
m = statistics.mean(times)
sd = statistics.stdev(times) if n > 1 else 0.0
print(f"{label:58} {m * 1000:9.1f} ms  ± {sd * 1000:6.1f}  peak RSS {rss} MB", flush=True)
EOF
}

# run_configs LABEL: our four configurations in the current directory, nothing cached and
# with the disk cache.
run_configs() {
    for cfg in "wasmtime cranelift" "wasmtime winch" "wasmer cranelift" "wasmer singlepass"; do
        set -- $cfg
        run=("$wasmlink" run --engine "$1" --compiler "$2")
        measure "$label $1 $2, nothing cached" "$runs" "${run[@]}" --no-cache -L lib main.wasm
        rm -rf "$cache"/*
        WASMLINK_CACHE_DIR=$cache "${run[@]}" -L lib main.wasm >/dev/null
        measure "$label $1 $2, disk cache" $((runs * 4)) \
            env WASMLINK_CACHE_DIR="$cache" "${run[@]}" -L lib main.wasm
    done
}

if [ -z "${WASMER_ONLY:-}" ]; then
    for n in 100 1000; do
        cd "$fixtures/bench-tree$n"
        label=tree$n
        run_configs
    done
fi
if [ -n "${WASMER:-}" ]; then
    # The bench trees call the linker's thread API, which the CLI lacks: the comparison runs on
    # the many-100 fixture (100 libraries with constructors and data) and on bench-cli1000
    # (tree1000 without the thread API), ours beside it.
    for label in many-100 bench-cli1000; do
        tree=$fixtures/$label
        cd "$tree"
        run_configs
        measure "$label wasmer CLI, --disable-cache" "$runs" \
            "$WASMER" run --disable-cache --volume "$tree:/" --volume "$tree/lib:/lib" main.wasm
        "$WASMER" run --volume "$tree:/" --volume "$tree/lib:/lib" main.wasm >/dev/null
        measure "$label wasmer CLI, cached" $((runs * 4)) \
            "$WASMER" run --volume "$tree:/" --volume "$tree/lib:/lib" main.wasm
    done
fi
