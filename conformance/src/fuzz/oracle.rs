//! The oracle: a generated program built natively with gcc as ELF shared objects and run under
//! glibc gives the expected output; the same program built as dylink.0 modules and run on an
//! engine must print exactly that.

use crate::fixtures::cache_dir;
use crate::fuzz::emit;
use crate::fuzz::tree::Tree;
use crate::manifest::{load_cases, Case, Shape};
use crate::native;
use crate::runner::EngineKind;
use crate::suite::{run_case, run_external, External, Status};

/// What one program did on one engine, against the oracle.
#[derive(Debug)]
pub enum Verdict {
    /// The same output as the native build.
    Same,
    /// A difference: the suite's description of it.
    Differs(String),
    /// The generator made something the oracle cannot run (a generator bug, not a linker one).
    BadProgram(String),
}

/// `tree` in `shape` as a case under the fuzz work directory, named `name`, with `stdout` as its
/// expected output if known.
pub fn as_case(
    tree: &Tree,
    shape: Shape,
    name: &str,
    stdout: Option<&str>,
) -> Result<Case, String> {
    let parent = cache_dir().join("fuzz").join(name);
    let dir = parent.join(name);
    let before = sources(&dir);
    emit::write_case(tree, shape, stdout, &dir)?;
    if sources(&dir) != before {
        // Another program under this name: what its builds left must go, or a library that moved
        // to another directory would still be found where it was.
        for kind in ["native", "fixtures"] {
            let _ = std::fs::remove_dir_all(cache_dir().join(kind).join(name));
        }
    }
    load_cases(&parent)?
        .into_iter()
        .find(|c| c.name == name)
        .ok_or_else(|| format!("{name}: not loaded"))
}

/// The C sources and manifest of the case directory `dir` (without its expected output), to
/// tell whether a program written there is the one written before.
fn sources(dir: &std::path::Path) -> Vec<(std::ffi::OsString, String)> {
    let mut out: Vec<_> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| {
            let text = std::fs::read_to_string(e.path()).unwrap_or_default();
            // The expected output is filled in after the native run; it does not change the
            // program.
            let text = match text.find("stdout = ") {
                Some(i) => text[..i].to_string(),
                None => text,
            };
            (e.file_name(), text)
        })
        .collect();
    out.sort();
    out
}

/// `tree` in `shape` as a case whose expected output is what its native build printed; `Err`:
/// the generator made something the oracle cannot run.
pub fn expected_case(tree: &Tree, shape: Shape, name: &str) -> Result<Case, String> {
    let mut case = as_case(tree, shape, name, None)?;
    let native = match native::run_case(&case) {
        Ok(n) if n.exit_code == 0 => n,
        Ok(n) => return Err(format!("native exit {}: {}", n.exit_code, n.stderr)),
        Err(e) => return Err(format!("native build: {e}")),
    };
    case.run.stdout = Some(native.stdout);
    Ok(case)
}

/// Runs `tree` natively, then on `engine`.
pub fn check(tree: &Tree, shape: Shape, name: &str, engine: EngineKind) -> Verdict {
    let case = match expected_case(tree, shape, name) {
        Ok(c) => c,
        Err(e) => return Verdict::BadProgram(e),
    };
    match run_case(&case, engine).status {
        Status::Pass => Verdict::Same,
        // A module the toolchain would not build is the generator's fault.
        Status::Fail(why) if why.starts_with("fixture build failed") => Verdict::BadProgram(why),
        Status::Fail(why) => Verdict::Differs(why),
        Status::NotApplicable(why) | Status::Unsupported(why) => Verdict::BadProgram(why),
    }
}

/// What an external loader did with a program: `None` when the program uses what only our host
/// provides (the linker's `<dlfcn.h>`, its thread API), else whether its output was the native
/// build's (`Err`: how it differed).
pub fn check_external(
    tree: &Tree,
    shape: Shape,
    name: &str,
    ext: &External,
) -> Option<Result<(), String>> {
    let case = expected_case(tree, shape, name).ok()?;
    match run_external(&case, ext, std::time::Duration::from_secs(60)).status {
        Status::Pass => Some(Ok(())),
        Status::NotApplicable(_) => None,
        Status::Fail(why) | Status::Unsupported(why) => Some(Err(why)),
    }
}

/// One line saying how a run differed from its expected output (the suite's description of a
/// failure is the whole of both outputs): the first line that differs, and the first error line
/// the loader printed.
pub fn first_difference(why: &str) -> String {
    let mut out = Vec::new();
    if let Some((_, rest)) = why.split_once("--- expected\n") {
        if let Some((want, got)) = rest.split_once("--- got\n") {
            let got: Vec<&str> = got
                .lines()
                .take_while(|l| !l.starts_with("exit code "))
                .collect();
            let want: Vec<&str> = want.lines().collect();
            if let Some(i) = (0..want.len().max(got.len())).find(|&i| want.get(i) != got.get(i)) {
                out.push(format!(
                    "line {}: expected {:?}, got {:?}",
                    i + 1,
                    want.get(i).copied().unwrap_or("(end)"),
                    got.get(i).copied().unwrap_or("(end)")
                ));
            }
        }
    }
    if let Some((_, stderr)) = why.split_once("stderr:\n") {
        if let Some(line) = stderr
            .lines()
            .find(|l| l.contains("rror") && !l.ends_with("failed"))
        {
            out.push(
                line.trim_start_matches(|c: char| !c.is_alphanumeric())
                    .to_string(),
            );
        }
    }
    if out.is_empty() {
        out.push(why.lines().next().unwrap_or_default().to_string());
    }
    out.join("; ")
}

/// The name of seed `seed`'s program in `shape`.
pub fn case_name(seed: u64, shape: Shape) -> String {
    format!("fuzz-{seed}-{}", shape.name())
}
