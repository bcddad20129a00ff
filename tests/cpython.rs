//! CPython 3.11 built as a dylink.0 main module, with the stdlib extension modules that build for
//! WASI as shared libraries under `lib-dynload` (`conformance/cpython/build.sh dynamic`, cached
//! outside the repository), run by `wasmlink run` on each engine's own WASI. The installation is
//! given to the program at `/usr/local`, a guest path unrelated to its host path: the
//! interpreter finds its extension modules by the paths it computes, through the linker's
//! `dlopen` (docs/abi.md, "The namespace"). CPython's own tests, on this build and on the static
//! one, are the matrix's `cpython` group (conformance/src/cpython.rs).

use std::path::{Path, PathBuf};
use std::process::Command;

/// The installation prefix of build `shape` (`dynamic` or `static`; built on first use).
fn prefix(shape: &str) -> PathBuf {
    conformance::cpython::prefix(shape).unwrap_or_else(|e| panic!("{e}"))
}

/// A fresh, empty host directory of its own (the tests run in parallel).
fn scratch(name: &str) -> PathBuf {
    conformance::cpython::scratch(name).unwrap()
}

/// `python3.11 ARGS` under `wasmlink run` on `engine`: the prefix at `/usr/local`, an empty `/`
/// and `/tmp`; returns (exit code, stdout and stderr).
fn python(engine: &str, prefix: &Path, args: &[&str]) -> (i32, String) {
    python_with(engine, prefix, &[], args)
}

/// As [`python`], with `extra` arguments for `wasmlink run` (more `--dir` and `--env`).
fn python_with(engine: &str, prefix: &Path, extra: &[&str], args: &[&str]) -> (i32, String) {
    let (root, tmp) = (scratch("root"), scratch("tmp"));
    let out = Command::new(env!("CARGO_BIN_EXE_wasmlink"))
        .args(["run", "--engine", engine, "--max-wasm-stack", "8388608"])
        .args(extra)
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

#[test]
fn the_command_runs_cpython_with_its_shared_extension_modules() {
    // The matrix's `cpython` group runs CPython's own tests on both builds through the library
    // (`wasmlink::run`); this is the command's line of the README, on each engine (wasmi, the interpreter,
    // too: both builds are single-threaded and raise no wasm exceptions).
    let dynamic = prefix("dynamic");
    for engine in ["wasmtime", "wasmer", "wasmi"] {
        let (code, out) = python(
            engine,
            &dynamic,
            &[
                "-c",
                "import json, zlib, sqlite3, _json\n\
                 print(json.dumps({'a': [1, 2.5]}), len(zlib.compress(b'a' * 1000)))\n\
                 print(sqlite3.connect(':memory:').execute('select 6 * 7').fetchone())\n\
                 print(_json.__file__, zlib.__file__.endswith('lib-dynload/zlib.cpython-311-wasm32-wasi.so'))",
            ],
        );
        assert_eq!(
            (code, out.as_str()),
            (
                0,
                "{\"a\": [1, 2.5]} 17\n\
                 (42,)\n\
                 /usr/local/lib/python3.11/lib-dynload/_json.cpython-311-wasm32-wasi.so True\n"
            ),
            "{engine}"
        );
    }
}

/// Builds the extension module `name` from `c` with the CPython build's own compiler flags and
/// side-module link, into `dir`.
fn extension(prefix: &Path, dir: &Path, name: &str, c: &str) {
    let build = prefix.parent().unwrap();
    let sysroot = String::from_utf8(
        Command::new("bash")
            .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("conformance/toolchain/setup.sh"))
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    let sysroot = format!("{}-single", sysroot.lines().last().unwrap().trim());
    let src = dir.join(format!("{name}.c"));
    let obj = dir.join(format!("{name}.o"));
    std::fs::write(&src, c).unwrap();
    let ok = Command::new("clang-19")
        .args([
            "--target=wasm32-wasi",
            "-O2",
            "-fPIC",
            "-fvisibility=default",
        ])
        .arg(format!("--sysroot={sysroot}"))
        .arg("-I")
        .arg(prefix.join("include/python3.11"))
        .arg("-c")
        .arg(&src)
        .arg("-o")
        .arg(&obj)
        .status()
        .unwrap()
        .success();
    assert!(ok, "compiling {name}.c");
    let ok = Command::new(build.join("tools/ldshared"))
        .arg(&obj)
        .arg("-o")
        .arg(dir.join(format!("{name}.cpython-311-wasm32-wasi.so")))
        .status()
        .unwrap()
        .success();
    assert!(ok, "linking {name}");
}

#[test]
fn a_broken_extension_is_an_import_error_carrying_dlerror() {
    // One extension calls a function nothing defines, one imports a C API function with the
    // wrong signature: CPython's `dlopen` (RTLD_NOW) fails, and Python raises ImportError with
    // the linker's message, and goes on.
    let prefix = prefix("dynamic");
    let ext = scratch("ext");
    extension(
        &prefix,
        &ext,
        "broken_missing",
        "#include <Python.h>\n\
         int nowhere_at_all(void);\n\
         static struct PyModuleDef def = {PyModuleDef_HEAD_INIT, \"broken_missing\", 0, -1, 0};\n\
         PyMODINIT_FUNC PyInit_broken_missing(void) { nowhere_at_all(); return PyModule_Create(&def); }\n",
    );
    extension(
        &prefix,
        &ext,
        "broken_abi",
        "double PyLong_FromLong(double);\n\
         void *PyInit_broken_abi(void) { return (void *)(long)PyLong_FromLong(1.0); }\n",
    );
    let dir = format!("{}::/ext", ext.display());
    let script = "for name, needle in (('broken_missing', 'nowhere_at_all'), ('broken_abi', 'PyLong_FromLong')):\n\
                  \x20   try:\n\
                  \x20       __import__(name)\n\
                  \x20       print(name, 'imported')\n\
                  \x20   except ImportError as e:\n\
                  \x20       print(name, type(e).__name__, needle in str(e), '/ext/' in str(e))\n\
                  import json\n\
                  print('still running', json.dumps([1]))";
    for engine in ["wasmtime", "wasmer", "wasmi"] {
        let (code, out) = python_with(
            engine,
            &prefix,
            &["--dir", &dir, "--env", "PYTHONPATH=/ext"],
            &["-c", script],
        );
        assert_eq!(
            (code, out.as_str()),
            (
                0,
                "broken_missing ImportError True True\n\
                 broken_abi ImportError True True\n\
                 still running [1]\n"
            ),
            "{engine}"
        );
    }
}
