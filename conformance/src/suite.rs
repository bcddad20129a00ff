//! Running the matrix: every case on every engine, each judged the same way.

use crate::fixtures::build_case;
use crate::manifest::{load_cases, Case};
use crate::runner::{run, EngineKind, Needs, Outcome, Request};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Status {
    Pass,
    Fail(String),
    /// Not graded, with the reason (an external loader and a case that needs our host).
    NotApplicable(String),
    /// Refused, as it must be, by an engine that lacks what the case needs (the interpreter,
    /// without threads or exceptions; a baseline compiler, without exceptions): the linker's
    /// typed error, naming the module. Neither a pass nor a failure (docs/conformance.md).
    Unsupported(String),
}

/// One cell of the matrix.
#[derive(Clone, Debug)]
pub struct CaseResult {
    pub case: String,
    pub group: String,
    pub engine: String,
    pub status: Status,
    pub millis: u128,
}

/// Compares a run with what the case expects; `Err` says what differs.
pub fn judge(case: &Case, out: &Outcome) -> Result<(), String> {
    let mut problems = Vec::new();
    if case.run.expect_load_error && out.load_error.is_none() {
        problems.push("the loader accepted a tree it must refuse".to_string());
    }
    if !case.run.expect_load_error {
        if let Some(e) = &out.load_error {
            problems.push(format!("load failed: {e}"));
        }
    }
    if let Some(want) = &case.run.stdout {
        if &out.stdout != want {
            problems.push(format!(
                "stdout differs:\n--- expected\n{want}--- got\n{}",
                out.stdout
            ));
        }
    }
    let want_code = if case.run.expect_load_error && case.run.exit_code == 0 {
        crate::runner::LOAD_FAILURE_EXIT
    } else {
        case.run.exit_code
    };
    if out.exit_code != want_code {
        problems.push(format!(
            "exit code {} (expected {want_code})",
            out.exit_code
        ));
    }
    for s in &case.run.stderr_contains {
        if !out.stderr.contains(s.as_str()) {
            problems.push(format!("stderr lacks {s:?}; stderr was:\n{}", out.stderr));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}

/// Builds and runs one case on one engine.
pub fn run_case(case: &Case, engine: EngineKind) -> CaseResult {
    let status_and_time = match build_case(case) {
        Err(e) => (Status::Fail(format!("fixture build failed: {e}")), 0),
        Ok(root) => {
            let main = format!("/{}", case.main());
            let req = Request {
                mounts: case.mounts(&root),
                main: &main,
                args: case.args(&root),
                env: case
                    .run
                    .env
                    .iter()
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect(),
                ld_library_path: case.ld_library_path(&root),
                passthrough: false,
                safepoint_timeout: case
                    .run
                    .safepoint_timeout_ms
                    .map(std::time::Duration::from_millis),
            };
            let out = run(engine, &req);
            let st = match judge(case, &out) {
                Ok(()) => Status::Pass,
                Err(e) => Status::Fail(e),
            };
            let lacks = engine.lacks();
            let st = if lacks != Needs::default() {
                grade_lacking(case, lacks, st)
            } else {
                st
            };
            (st, out.millis)
        }
    };
    CaseResult {
        case: case.name.clone(),
        group: case.group.clone(),
        engine: engine.name().to_string(),
        status: status_and_time.0,
        millis: status_and_time.1,
    }
}

/// Loads the cases, keeping those whose name or group contains `filter`.
pub fn cases(filter: Option<&str>) -> Result<Vec<Case>, String> {
    let all = load_cases(&crate::manifest::cases_dir())?;
    Ok(all
        .into_iter()
        .filter(|c| filter.is_none_or(|f| c.name.contains(f) || c.group.contains(f)))
        .collect())
}

/// Builds every case's fixtures (once), so that timing excludes compilation by clang.
pub fn build_all(cases: &[Case]) -> Result<(), String> {
    for c in cases {
        build_case(c)?;
    }
    Ok(())
}

/// A loader we did not write, run as a command (issue: grade any dylink.0 loader).
#[derive(Clone, Debug)]
pub struct External {
    pub name: String,
    /// Expanded per case: `{main}` (host path of the main module), `{libdir}` (the case's `lib`
    /// directory), `{root}` (the case's root), `{args}` (the arguments, shell-quoted),
    /// `{ld_library_path}` (the case's `LD_LIBRARY_PATH` guest directories, `:`-separated).
    pub template: String,
}

impl External {
    /// Parses `NAME=TEMPLATE`.
    pub fn parse(s: &str) -> Option<External> {
        let (name, template) = s.split_once('=')?;
        Some(External {
            name: name.to_string(),
            template: template.to_string(),
        })
    }
}

/// Why an external loader cannot be graded on `case`: it needs what only our host provides
/// (WASIX's calls and wasi-threads' spawn are not that: a WASIX loader serves them).
pub fn needs_our_host(case: &Case, root: &std::path::Path) -> Option<String> {
    if let Some(r) = &case.run.needs_our_host {
        return Some(r.clone());
    }
    for m in &case.modules {
        let Ok(bytes) = std::fs::read(root.join(&m.out)) else {
            continue;
        };
        let Ok(info) = wasmlink::ModuleInfo::parse(&m.out, &bytes, false) else {
            continue;
        };
        for i in &info.imports {
            // WASIX's calls and the standard wasi-threads spawn are served by WASIX loaders too.
            let standard =
                |b: wasmlink::Builtin| b.is_wasix() || b == wasmlink::Builtin::WasiThreadSpawn;
            if wasmlink::Builtin::of(i).is_some_and(|b| !standard(b)) {
                return Some(format!(
                    "{} imports {}.{}, which our linker provides (the dlfcn/thread ABI of docs/abi.md)",
                    m.out, i.module, i.name
                ));
            }
        }
    }
    None
}

fn shell_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}

/// Runs `case` with an external loader. `Ok(None)`: not applicable (the reason is returned).
pub fn run_external(case: &Case, ext: &External, timeout: std::time::Duration) -> CaseResult {
    let mut result = CaseResult {
        case: case.name.clone(),
        group: case.group.clone(),
        engine: format!("external:{}", ext.name),
        status: Status::Pass,
        millis: 0,
    };
    let root = match build_case(case) {
        Ok(r) => r,
        Err(e) => {
            result.status = Status::Fail(format!("fixture build failed: {e}"));
            return result;
        }
    };
    if let Some(why) = needs_our_host(case, &root) {
        result.status = Status::NotApplicable(why);
        return result;
    }
    // Templates map `{libdir}`; a case whose libraries live elsewhere (or that has none) still
    // gets one, empty.
    let _ = std::fs::create_dir_all(root.join("lib"));
    let cmd = ext
        .template
        .replace("{main}", &root.join(case.main()).display().to_string())
        .replace("{libdir}", &root.join("lib").display().to_string())
        .replace("{root}", &root.display().to_string())
        .replace("{ld_library_path}", &case.run.ld_library_path.join(":"))
        .replace(
            "{args}",
            &case
                .run
                .args
                .iter()
                .map(|a| shell_quote(a))
                .collect::<Vec<_>>()
                .join(" "),
        );
    let start = std::time::Instant::now();
    let child = std::process::Command::new("sh")
        .arg("-c")
        .arg(&cmd)
        .current_dir(&root)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn();
    let mut child = match child {
        Ok(c) => c,
        Err(e) => {
            result.status = Status::Fail(format!("{cmd}: {e}"));
            return result;
        }
    };
    // Read output on threads so a chatty loader cannot block on a full pipe.
    let mut so = child.stdout.take().expect("piped");
    let mut se = child.stderr.take().expect("piped");
    let t_out = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = std::io::Read::read_to_end(&mut so, &mut v);
        v
    });
    let t_err = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = std::io::Read::read_to_end(&mut se, &mut v);
        v
    });
    let code = loop {
        if let Ok(Some(st)) = child.try_wait() {
            break st.code().unwrap_or(128);
        }
        if start.elapsed() > timeout {
            let _ = child.kill();
            let _ = child.wait();
            result.status = Status::Fail(format!("timed out after {timeout:?}: {cmd}"));
            return result;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    };
    result.millis = start.elapsed().as_millis();
    let stdout = String::from_utf8_lossy(&t_out.join().unwrap_or_default()).into_owned();
    let stderr = String::from_utf8_lossy(&t_err.join().unwrap_or_default()).into_owned();
    let out = Outcome {
        stdout,
        stderr: stderr.clone(),
        exit_code: code,
        load_error: None,
        millis: result.millis,
    };
    result.status = match judge_external(case, &out) {
        Ok(()) => Status::Pass,
        Err(e) => Status::Fail(e),
    };
    result
}

/// The names (libraries, symbols, paths) among a case's expected error texts: what any loader's
/// message should mention, whatever its wording.
fn error_names(case: &Case) -> Vec<&str> {
    case.run
        .stderr_contains
        .iter()
        .flat_map(|s| s.split([' ', ':', ',']))
        .filter(|t| t.contains(".so") || t.contains('_') || t.contains('/'))
        .collect()
}

/// As [`judge`], for a loader whose messages and exit codes are its own. Stdout is judged
/// exactly; a failure the case expects (a refused load, or a link error at run time, our exit
/// code 127) passes when the loader exits non-zero and its output names the library or symbol
/// our message names.
pub fn judge_external(case: &Case, out: &Outcome) -> Result<(), String> {
    let link_failure =
        case.run.expect_load_error || case.run.exit_code == crate::runner::LOAD_FAILURE_EXIT;
    if link_failure {
        let all = format!("{}{}", out.stdout, out.stderr);
        let names = error_names(case);
        let named = names.iter().any(|n| all.contains(n));
        let stdout_ok = case.run.stdout.as_ref().is_none_or(|w| &out.stdout == w);
        return if out.exit_code != 0 && named && stdout_ok {
            Ok(())
        } else {
            Err(format!(
                "expected a link failure naming one of {names:?}; exit {} and output:\n{all}",
                out.exit_code
            ))
        };
    }
    let mut problems = Vec::new();
    if let Some(want) = &case.run.stdout {
        if &out.stdout != want {
            problems.push(format!(
                "stdout differs:\n--- expected\n{want}--- got\n{}",
                out.stdout
            ));
        }
    }
    if out.exit_code != case.run.exit_code {
        problems.push(format!(
            "exit code {} (expected {}); stderr:\n{}",
            out.exit_code, case.run.exit_code, out.stderr
        ));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}

/// The result on an engine that lacks features (`lacks`: the interpreter, the baseline
/// compilers): a case none of whose modules needs them must pass; any other must be refused with
/// the linker's `Unsupported` error naming a module, before anything ran (as the loader's error,
/// or in the stderr of a case that expected another load error).
fn grade_lacking(case: &Case, lacks: Needs, st: Status) -> Status {
    let refused = lacks.meets(needs(case));
    match (st, refused) {
        (Status::Pass, false) => Status::Pass,
        (Status::Fail(why), true)
            if why.contains(": unsupported: the engine ")
                && (why.contains("load failed: ")
                    || why.contains("error while loading shared libraries: ")) =>
        {
            Status::Unsupported(why)
        }
        (Status::Pass, true) => Status::Fail(
            "passed, but a module needs what the engine lacks (threads or exception tags): \
             the linker must refuse it"
                .into(),
        ),
        (st, _) => st,
    }
}

/// What the modules the case built need: a shared memory (built with threads), exception tags
/// (imported or defined). Read from the built modules themselves, so a case's WAT modules count
/// for what they are.
pub fn needs(case: &Case) -> Needs {
    use wasmlink::metadata::ExternType;
    let root = crate::fixtures::case_root(case);
    case.modules
        .iter()
        .filter(|m| m.kind != crate::manifest::Kind::Symlink)
        .filter_map(|m| std::fs::read(root.join(&m.out)).ok())
        .filter_map(|bytes| wasmlink::ModuleInfo::parse("m", &bytes, false).ok())
        .fold(Needs::default(), |n, info| Needs {
            threads: n.threads
                || info
                    .imports
                    .iter()
                    .any(|i| matches!(i.ty, ExternType::Memory { shared: true, .. })),
            tags: n.tags || info.uses_tags,
        })
}
