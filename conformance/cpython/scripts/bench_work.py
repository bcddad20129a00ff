# Extension-heavy work for the CPython benchmark (conformance/benches/cpython.rs): runs WORK N
# times after one warm-up round and prints the nanoseconds the N rounds took, by the guest's own
# monotonic clock (so the interpreter's start-up is not part of the figure).
import sys, time

work, rounds = sys.argv[1], int(sys.argv[2])
if work == "json":
    import json
    doc = {"id": list(range(100)), "name": "wasmlink" * 10, "nested": [{"a": 1.5, "b": None}] * 50}
    step = lambda: json.loads(json.dumps(doc))
elif work == "zlib":
    import zlib
    blob = bytes(range(256)) * 64 + b"wasmlink " * 2000
    step = lambda: zlib.decompress(zlib.compress(blob))
elif work == "decimal":
    import decimal
    D = decimal.Decimal
    step = lambda: sum((D(i) / D(7) * D("1.01") for i in range(1, 300)), D(0))
elif work == "sqlite":
    import sqlite3
    db = sqlite3.connect(":memory:")
    db.execute("create table t (a integer, b text)")
    rows = [(i, str(i)) for i in range(300)]
    def step():
        db.executemany("insert into t values (?, ?)", rows)
        db.commit()
else:
    sys.exit(f"no work {work}")
step()
start = time.perf_counter_ns()
for _ in range(rounds):
    step()
print(time.perf_counter_ns() - start)
