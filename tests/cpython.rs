//! CPython 3.11 built as a dylink.0 main module, with the stdlib extension modules that build for
//! WASI as shared libraries under `lib-dynload` (`conformance/cpython/build.sh dynamic`, cached
//! outside the repository), run by `wasmlink run` on each engine's own WASI. The installation is
//! given to the program at `/usr/local`, a guest path unrelated to its host path: the
//! interpreter finds its extension modules by the paths it computes, through the linker's
//! `dlopen` (docs/abi.md, "The namespace"), and CPython's own regression tests for them pass,
//! as they do on the static build of the same sources (the oracle: the modules linked into
//! python.wasm).

use std::path::{Path, PathBuf};
use std::process::Command;

/// The installation prefix of build `shape` (`dynamic` or `static`; built on first use).
fn prefix(shape: &str) -> PathBuf {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("conformance/cpython/build.sh");
    let out = Command::new("bash")
        .arg(&script)
        .arg(shape)
        .output()
        .expect("running conformance/cpython/build.sh");
    assert!(
        out.status.success(),
        "building CPython failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    PathBuf::from(stdout.lines().last().expect("the prefix").trim())
}

/// A fresh, empty host directory.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("wasmlink-cpython-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// `python3.11 ARGS` under `wasmlink run` on `engine`: the prefix at `/usr/local`, an empty `/`
/// and `/tmp`; returns (exit code, stdout and stderr).
fn python(engine: &str, prefix: &Path, args: &[&str]) -> (i32, String) {
    let (root, tmp) = (scratch("root"), scratch("tmp"));
    let out = Command::new(env!("CARGO_BIN_EXE_wasmlink"))
        .args(["run", "--engine", engine, "--max-wasm-stack", "8388608"])
        .arg("--dir")
        .arg(format!("{}::/", root.display()))
        .arg("--dir")
        .arg(format!("{}::/usr/local", prefix.display()))
        .arg("--dir")
        .arg(format!("{}::/tmp", tmp.display()))
        .args(["--env", "PYTHONHOME=/usr/local"])
        .arg(prefix.join("bin/python3.11.wasm"))
        .args(args)
        .env(
            "WASMLINK_CACHE_DIR",
            std::env::temp_dir().join("wasmlink-cpython-cache"),
        )
        .output()
        .unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.code().unwrap_or(-1), text)
}

/// CPython's tests of the stdlib's extension modules that build for WASI and need no threads,
/// sockets or subprocesses.
const SELECTION: &[&str] = &[
    "test_json",
    "test_math",
    "test_decimal",
    "test_pyexpat",
    "test_unicodedata",
    "test_binascii",
    "test_struct",
    "test_datetime",
];

#[test]
fn cpython_loads_its_extension_modules_and_passes_their_tests() {
    let dynamic = prefix("dynamic");
    let dynload = dynamic.join("lib/python3.11/lib-dynload");
    let shared = std::fs::read_dir(&dynload).unwrap().count();
    assert!(
        shared >= 40,
        "{shared} extension modules in {}",
        dynload.display()
    );
    let static_ = prefix("static");
    for engine in ["wasmtime", "wasmer"] {
        let (code, out) = python(
            engine,
            &dynamic,
            &[
                "-c",
                "import json, math, _decimal, binascii, pyexpat, unicodedata, _json\n\
                 print(json.dumps({'a': [1, 2.5]}), math.sqrt(2), unicodedata.name('a'))\n\
                 print(_json.__file__)",
            ],
        );
        assert_eq!(
            (code, out.as_str()),
            (
                0,
                "{\"a\": [1, 2.5]} 1.4142135623730951 LATIN SMALL LETTER A\n\
                 /usr/local/lib/python3.11/lib-dynload/_json.cpython-311-wasm32-wasi.so\n"
            ),
            "{engine}"
        );
        // The same tests, the same result, on both builds.
        let mut args = vec!["-m", "test"];
        args.extend(SELECTION);
        let all_ok = format!("All {} tests OK.", SELECTION.len());
        for (build, prefix) in [("dynamic", &dynamic), ("static", &static_)] {
            let (code, out) = python(engine, prefix, &args);
            assert!(
                code == 0 && out.contains(&all_ok),
                "{engine}, {build} build: exit {code}\n{out}"
            );
        }
    }
}
