//! The `wasmlink` command on real module trees (built by the conformance suite's fixture builder
//! from `conformance/tests/trees/cli-*`): what a program gets from `wasmlink run` is real, and
//! equal to what the same C prints natively given the same input.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use conformance::testing::built_test_tree;

/// A fresh, empty host directory for `--dir`.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("wasmlink-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// `wasmlink ARGS` in `cwd`, its output captured, with `env` added to its environment and the
/// host's `LD_LIBRARY_PATH` and `LD_PRELOAD` taken away.
fn command(cwd: &Path, args: &[&str], env: &[(&str, &str)]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_wasmlink"));
    cmd.current_dir(cwd)
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .env_remove("LD_LIBRARY_PATH")
        .env_remove("LD_PRELOAD")
        .env(
            "WASMLINK_CACHE_DIR",
            std::env::temp_dir().join("wasmlink-cli-cache"),
        );
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd
}

/// Runs `wasmlink` in `cwd` with `args`, `stdin` as its input and `env` added to its
/// environment; returns (exit code, stdout, stderr).
fn wasmlink(cwd: &Path, args: &[&str], stdin: &str, env: &[(&str, &str)]) -> (i32, String, String) {
    let mut cmd = command(cwd, args, env);
    let mut child = cmd.stdin(Stdio::piped()).spawn().unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// What `cli-io/main.c` prints given this test's input, as the native build prints it: two lines
/// of stdin echoed, the arguments, only the variables passed with --env, the files it made, and
/// two getentropy results that differ.
const CLI_IO: &str = "\
stdin: hello
stdin: from the pipe
args: 3, last: --not-an-option
GIVEN=yes FROM_HOST=host value NOT_GIVEN=(unset)
read back 11 bytes: first file
listing:
  one.txt
  two.txt
entries: 2
entropy differs: yes
";

#[test]
fn run_gives_stdin_args_env_files_and_entropy() {
    let data = scratch("io");
    let dir = format!("{}::/data", data.display());
    for engine in engines() {
        let tree = tree_for("cli-io", engine);
        let _ = std::fs::remove_file(data.join("one.txt"));
        let _ = std::fs::remove_file(data.join("two.txt"));
        let (code, out, err) = wasmlink(
            &tree,
            &[
                "run",
                "--engine",
                engine,
                "-L",
                "lib",
                "--dir",
                &dir,
                "--env",
                "GIVEN=yes",
                "--env",
                "FROM_HOST",
                "main.wasm",
                "first",
                "--not-an-option",
            ],
            "hello\nfrom the pipe\n",
            &[("FROM_HOST", "host value"), ("NOT_GIVEN", "leaked")],
        );
        assert_eq!(out, CLI_IO, "{engine}: stderr: {err}");
        assert_eq!(code, 3, "{engine}: the program's exit code");
        // The files are on the host, where the program wrote them.
        assert_eq!(
            std::fs::read_to_string(data.join("two.txt")).unwrap(),
            "second\n"
        );
    }
}

/// wasmi has no threads: every program built with them is refused by name, with the load
/// failure's exit code, before anything of it runs.
#[test]
fn wasmi_refuses_programs_built_with_threads_by_name() {
    for (tree, main) in [
        ("cli-io", "main.wasm"),
        ("cli-threads", "main.wasm"),
        ("cli-exit", "main.wasm"),
        ("cli-exit", "wasi-main.wasm"),
    ] {
        let (code, out, err) = wasmlink(
            &built_test_tree(tree),
            &["run", "--engine", "wasmi", "-L", "lib", main],
            "",
            &[],
        );
        assert_eq!((code, out.as_str()), (127, ""), "{tree}/{main}: {err}");
        assert!(
            err.contains(&format!(
                "{main}: unsupported: the engine wasmi does not support shared memory (threads)"
            )),
            "{tree}/{main}: {err}"
        );
    }
}

/// The issue's check of the interpreter: the SQLite case's program under `wasmlink run --engine
/// wasmi` with wasmi's own WASI prints the case's native-checked output; Lua, whose errors are
/// setjmp/longjmp over wasm exceptions, is refused by name.
#[test]
fn wasmi_runs_sqlite_and_refuses_lua() {
    let expected = |name: &str| {
        conformance::suite::cases(Some(name))
            .unwrap()
            .into_iter()
            .find(|c| c.name == name)
            .and_then(|c| c.run.stdout)
            .unwrap()
    };
    let sqlite = conformance::testing::built_case("sqlite@single");
    let args = [
        "run",
        "--engine",
        "wasmi",
        "-L",
        "lib",
        "--dir",
        ".::/",
        "main.wasm",
    ];
    let (code, out, err) = wasmlink(&sqlite, &args, "", &[]);
    assert_eq!(
        (code, out.as_str()),
        (0, expected("sqlite@single").as_str()),
        "{err}"
    );
    let lua = conformance::testing::built_case("lua@single");
    let mut args = args.to_vec();
    args.push("scripts/main.lua");
    let (code, out, err) = wasmlink(&lua, &args, "", &[]);
    assert_eq!((code, out.as_str()), (127, ""), "{err}");
    assert!(
        err.contains(
            "/main.wasm: unsupported: the engine wasmi does not support exception handling"
        ),
        "{err}"
    );
}

#[test]
fn threads_share_stdout_and_the_descriptor_table() {
    let tree = built_test_tree("cli-threads");
    let data = scratch("threads");
    let dir = format!("{}::/data", data.display());
    for engine in engines_with_threads() {
        let (code, out, err) = wasmlink(
            &tree,
            &[
                "run",
                "--engine",
                engine,
                "-L",
                "lib",
                "--dir",
                &dir,
                "main.wasm",
            ],
            "",
            &[],
        );
        assert_eq!(
            out,
            "thread 1 writes\nthread 2 writes\nthread 3 writes\n\
             log: line from thread 1\nlog: line from thread 2\nlog: line from thread 3\n\
             lines in the log: 3\n",
            "{engine}: stderr: {err}"
        );
        assert_eq!(code, 0, "{engine}");
    }
}

#[test]
fn preload_comes_before_the_programs_libraries() {
    let data = scratch("preload");
    let dir = format!("{}::/data", data.display());
    for engine in engines() {
        let tree = tree_for("cli-io", engine);
        for (args, env) in [
            (vec!["--preload", "libshout.so"], vec![]),
            (vec![], vec![("LD_PRELOAD", "libshout.so")]),
        ] {
            let mut argv = vec!["run", "--engine", engine, "-L", "lib", "--dir", &dir];
            argv.extend(args.iter().copied());
            argv.push("main.wasm");
            let (code, out, err) = wasmlink(&tree, &argv, "", &env);
            assert_eq!(code, 3, "{engine}: {err}");
            assert!(
                out.contains("listing:\n  (preloaded list_dir of /data)\nentries: -7\n"),
                "{engine}: {out}"
            );
        }
    }
}

#[test]
fn exit_or_a_trap_in_a_thread_ends_the_process() {
    let tree = built_test_tree("cli-exit");
    // (program, exit code, output): exit() in a thread started through the wasmlink API and
    // through wasi-threads, then a trap in a thread, which ends every thread (wasi-threads)
    // with the code of a trap.
    let programs = [
        ("main.wasm", 7, "thread exits\n"),
        ("wasi-main.wasm", 9, "wasi thread exits\n"),
        ("trap-main.wasm", 134, "wasi thread traps\n"),
    ];
    for engine in engines_with_threads() {
        for (main, want_code, want_out) in programs {
            let (code, out, err) = wasmlink(&tree, &["run", "--engine", engine, main], "", &[]);
            assert_eq!(
                (code, out.as_str()),
                (want_code, want_out),
                "{engine} {main}: {err}"
            );
        }
    }
}

#[test]
fn ldd_prints_every_module_and_unresolved_symbols() {
    let tree = built_test_tree("cli-io");
    let (code, out, err) = wasmlink(&tree, &["ldd", "-r", "-L", "lib", "main.wasm"], "", &[]);
    assert_eq!(code, 0, "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert!(lines[0].contains("main.wasm => "), "{out}");
    assert!(lines[1].starts_with("\tlibfiles.so => "), "{out}");
    assert!(lines[1].contains("/lib/libfiles.so (memory 0x"), "{out}");
}

#[test]
fn a_missing_library_is_a_load_error_naming_it() {
    // The program's / is an empty directory, so its libraries (in lib/ beside main.wasm on the
    // host) are not in its namespace.
    let tree = built_test_tree("cli-io");
    let empty = scratch("missing");
    let dir = format!("{}::/", empty.display());
    let (code, out, err) = wasmlink(&tree, &["run", "--dir", &dir, "main.wasm"], "", &[]);
    assert_eq!(code, 127, "{out}");
    assert!(
        err.contains(
            "error while loading shared libraries: libfiles.so: cannot open shared object file: \
             No such file or directory (needed by /main.wasm; searched [\"/lib/libfiles.so\""
        ),
        "{err}"
    );
}

#[test]
fn version_and_help() {
    let cwd = std::env::temp_dir();
    let (code, out, _) = wasmlink(&cwd, &["--version"], "", &[]);
    assert_eq!(code, 0);
    assert_eq!(
        out.trim(),
        format!("wasmlink {}", env!("CARGO_PKG_VERSION"))
    );
    let (code, out, _) = wasmlink(&cwd, &["run", "--help"], "", &[]);
    assert_eq!(code, 0);
    assert!(
        out.contains("--dir <HOST[::GUEST]>") && out.contains("--preload <LIB>"),
        "{out}"
    );
}

/// `NAME: cannot open shared object file` as `dlerror` and load errors say it, needed by the
/// main module at guest path `/main.wasm`.
fn not_found(name: &str) -> String {
    format!(
        "{name}: cannot open shared object file: No such file or directory \
         (needed by /main.wasm; searched [\"{name}\"])"
    )
}

#[test]
fn dlopen_sees_only_the_programs_namespace() {
    // The guest is given one directory, as its `/`; the main module lies outside it and is
    // seen as /main.wasm. Nothing else of the host exists for its dlopen: a wasm library
    // elsewhere, a host file that exists, one that does not and `..` all read alike, and no
    // message names a host path the guest was not given.
    let tree = built_test_tree("cli-sandbox");
    let secret = tree.join("secret/libsecret.so").display().to_string();
    let missing = tree.join("secret/libnone.so").display().to_string();
    // The secret is named by the threads build's path on every engine: a host file the guest
    // was not given, whichever tree the engine runs.
    let paths = [
        "/etc/passwd",
        "/etc/nonexistent",
        &secret,
        &missing,
        "../../etc/passwd",
        "/proc/self/exe",
        "/plugins/libw.so",
        "/lib/libbeside.so",
    ];
    let expected = [
        not_found("/etc/passwd"),
        not_found("/etc/nonexistent"),
        not_found(&secret),
        not_found(&missing),
        "/../../etc/passwd: path escapes the library root".to_string(),
        not_found("/proc/self/exe"),
        not_found("/plugins/libw.so"),
        not_found("/lib/libbeside.so"),
    ];
    for engine in engines() {
        let mut argv = vec![
            "run",
            "--engine",
            engine,
            "--dir",
            "jail::/",
            "app/main.wasm",
        ];
        argv.extend(paths);
        let (code, out, err) = wasmlink(&tree_for("cli-sandbox", engine), &argv, "", &[]);
        assert_eq!(code, 0, "{engine}: {err}");
        assert_eq!(out, expected.join("\n") + "\n", "{engine}: stderr: {err}");
        // The tree's host path appears only where the guest gave it (the secret's lines).
        let app = tree_for("cli-sandbox", engine)
            .join("app")
            .display()
            .to_string();
        assert!(!out.contains(&app), "{engine}: {out}");
    }
}

#[test]
fn a_library_in_a_preopen_opens_by_the_path_the_guest_sees() {
    for engine in engines() {
        let tree = tree_for("cli-sandbox", engine);
        // A preopen at a guest path of its own: by path, and by name through LD_LIBRARY_PATH
        // naming the guest path.
        let (code, out, err) = wasmlink(
            &tree,
            &[
                "run",
                "--engine",
                engine,
                "--dir",
                "plugins::/plugins",
                "app/main.wasm",
                "/plugins/libw.so",
                "libw.so",
                "plugins/libw.so",
            ],
            "",
            &[("LD_LIBRARY_PATH", "/plugins")],
        );
        assert_eq!(code, 0, "{engine}: {err}");
        assert_eq!(
            out,
            "/plugins/libw.so: opened, value 21\nlibw.so: opened, value 21\n\
             plugins/libw.so: opened, value 21\n",
            "{engine}: {err}"
        );
        // The whole tree at a guest path unrelated to its host path (CPython's layout): the
        // main module is found inside it and named by its guest path.
        let dir = format!("{}::/usr/lib/app", tree.display());
        let (code, out, err) = wasmlink(
            &tree,
            &[
                "run",
                "--engine",
                engine,
                "--dir",
                &dir,
                "app/main.wasm",
                "/usr/lib/app/plugins/libw.so",
                "lib/libbeside.so",
                "/usr/lib/app/secret/../app/lib/libbeside.so",
                "libbeside.so",
            ],
            "",
            &[],
        );
        assert_eq!(code, 0, "{engine}: {err}");
        assert_eq!(
            out,
            format!(
                "/usr/lib/app/plugins/libw.so: opened, value 21\n\
                 lib/libbeside.so: opened, value 3\n\
                 /usr/lib/app/secret/../app/lib/libbeside.so: opened, value 3\n\
                 libbeside.so: cannot open shared object file: No such file or directory \
                 (needed by /usr/lib/app/app/main.wasm; searched [\"/lib/libbeside.so\", \
                 \"/usr/lib/libbeside.so\", \"/usr/local/lib/libbeside.so\"])\n"
            ),
            "{engine}: {err}"
        );
    }
}

#[test]
fn without_a_root_directory_the_main_modules_directory_is_the_linkers_root() {
    let tree = built_test_tree("cli-sandbox");
    let (code, out, err) = wasmlink(
        &tree,
        &[
            "run",
            "app/main.wasm",
            "/lib/libbeside.so",
            "lib/libbeside.so",
        ],
        "",
        &[],
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        out,
        "/lib/libbeside.so: opened, value 3\nlib/libbeside.so: opened, value 3\n"
    );
    // ldd names guest paths too.
    let dir = format!("{}::/usr/lib/app", tree.display());
    let (code, out, err) = wasmlink(&tree, &["ldd", "--dir", &dir, "app/main.wasm"], "", &[]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("main.wasm => /usr/lib/app/app/main.wasm ("),
        "{out}"
    );
}

#[test]
fn poll_with_a_zero_timeout_returns_at_once() {
    // wasmer-wasix alone waits forever here (backend-wasmer/src/wasi/poll.rs); the run is
    // bounded so that a regression fails instead of hanging.
    for engine in engines() {
        let tree = tree_for("cli-poll", engine);
        let mut child = command(&tree, &["run", "--engine", engine, "main.wasm"], &[])
            .stdin(Stdio::null())
            .spawn()
            .unwrap();
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
        while child.try_wait().unwrap().is_none() {
            if std::time::Instant::now() > deadline {
                let _ = child.kill();
                panic!("{engine}: poll with a zero timeout did not return");
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        let out = child.wait_with_output().unwrap();
        assert_eq!(
            String::from_utf8_lossy(&out.stdout),
            "poll(NULL, 0, 0) = 0\npoll(stdout, POLLOUT, 0) returned: 1\npoll(NULL, 0, 20) = 0\n",
            "{engine}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(out.status.code(), Some(0), "{engine}");
    }
}

#[test]
fn the_wasm_stack_can_be_raised() {
    // A million calls deep: past each engine's default wasm stack (wasmtime 512 KiB, wasmer
    // 1 MiB, wasmi 100,000 frames), within 64 MiB (on wasmi, a million frames and more).
    for engine in engines() {
        let tree = tree_for("cli-stack", engine);
        let (code, out, err) = wasmlink(&tree, &["run", "--engine", engine, "main.wasm"], "", &[]);
        assert_eq!((code, out.as_str()), (134, ""), "{engine}: {err}");
        assert!(err.contains("wasmlink: wasm trap"), "{engine}: {err}");
        let (code, out, err) = wasmlink(
            &tree,
            &[
                "run",
                "--engine",
                engine,
                "--max-wasm-stack",
                "67108864",
                "main.wasm",
            ],
            "",
            &[],
        );
        assert_eq!(
            (code, out.as_str()),
            (0, "depth 1000000\n"),
            "{engine}: {err}"
        );
    }
}

#[test]
fn wasix_dynamic_linking_and_closures_on_every_engine() {
    for engine in engines() {
        let tree = tree_for("cli-wasix", engine);
        let (code, out, err) = wasmlink(&tree, &["run", "--engine", engine, "main.wasm"], "", &[]);
        assert_eq!(
            (code, out.as_str()),
            (0, "dlopen 0, dlsym 0, plug_twice(21) = 42\nclosure 0: 42\n"),
            "{engine}: {err}"
        );
    }
}

#[test]
fn wasix_system_calls_come_from_wasmer_wasix_on_wasmer_only() {
    let tree = built_test_tree("cli-wasix");
    let (code, out, err) = wasmlink(
        &tree,
        &["run", "--engine", "wasmer", "wasix-main.wasm"],
        "",
        &[],
    );
    assert_eq!(
        (code, out.as_str()),
        (0, "getcwd: 0 /\ndlopen(NULL): 0 1\n"),
        "wasmer: {err}"
    );
    for engine in ["wasmtime", "wasmi"] {
        let (code, out, err) = wasmlink(
            &tree_for("cli-wasix", engine),
            &["run", "--engine", engine, "wasix-main.wasm"],
            "",
            &[],
        );
        assert_eq!((code, out.as_str()), (127, ""), "{engine}: {err}");
        assert!(
            err.contains("wasix_32v1") && err.contains("getcwd") && err.contains("wasix-main.wasm"),
            "{engine}: {err}"
        );
    }
}

/// The engines `wasmlink run` serves WASI on in this build.
fn engines() -> Vec<&'static str> {
    vec!["wasmtime", "wasmer", "wasmi"]
}

/// The engines that run programs built with threads (wasmi refuses them:
/// `wasmi_refuses_programs_built_with_threads_by_name`).
fn engines_with_threads() -> Vec<&'static str> {
    vec!["wasmtime", "wasmer"]
}

/// The test tree `name` as `engine` runs it: built with threads, or on wasmi, which has none,
/// its shape built without them (`name@single`).
fn tree_for(name: &str, engine: &str) -> PathBuf {
    if engine == "wasmi" {
        built_test_tree(&format!("{name}@single"))
    } else {
        built_test_tree(name)
    }
}
