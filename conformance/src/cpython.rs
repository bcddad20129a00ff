//! The `cpython` group: CPython 3.11, built by `conformance/cpython/build.sh` from Debian's
//! sources in two shapes of the same sources, runs the programs of `conformance/cpython/cases.toml`
//! on every engine, with the engine's own WASI, as `wasmlink run` would (crate::program):
//! - `dynamic`: every stdlib extension module a side module under `lib-dynload`, loaded by the
//!   linker's `dlopen`, and the C libraries they wrap (zlib, bzip2, liblzma, SQLite, libmpdec,
//!   expat) shared libraries of their own, which the extensions record as NEEDED;
//! - `static`: the same modules and libraries linked into `python.wasm`, the oracle.
//!
//! Each case must pass on both builds; a case is a row per build (`cpython-json@static`).
//! The installation is seen at `/usr/local`, an empty scratch directory at `/` and another at
//! `/tmp`, the suite's scripts at `/suite`.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use serde::Deserialize;

use crate::program::{run_program, ProgramRun};
use crate::runner::{EngineKind, Outcome};
use crate::suite::{CaseResult, Status};

/// The two builds, the dynamic one first.
pub const BUILDS: [&str; 2] = ["dynamic", "static"];

/// The group's name in the matrix.
pub const GROUP: &str = "cpython";

/// CPython's parser recurses deeply (its own WASI runs give wasmtime 8 MiB).
const WASM_STACK: usize = 8 << 20;

/// One program of the group (`[[case]]` in `cases.toml`).
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PyCase {
    pub name: String,
    /// What it checks.
    pub description: String,
    /// `python3.11`'s arguments; `{build}` stands for the build's name.
    pub args: Vec<String>,
    /// Standard output, exactly.
    pub stdout: Option<String>,
    /// Substrings the output (standard output and error) must contain.
    #[serde(default)]
    pub output_contains: Vec<String>,
    /// Seconds before the run is killed.
    #[serde(default = "default_timeout")]
    pub timeout: u64,
}

fn default_timeout() -> u64 {
    600
}

#[derive(Deserialize)]
struct CaseFile {
    #[serde(rename = "case")]
    cases: Vec<PyCase>,
}

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("cpython")
}

/// The group's cases whose row name or group contains `filter`.
pub fn cases(filter: Option<&str>) -> Result<Vec<PyCase>, String> {
    let path = dir().join("cases.toml");
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let file: CaseFile = toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(file
        .cases
        .into_iter()
        .filter(|c| {
            filter.is_none_or(|f| {
                GROUP.contains(f) || BUILDS.iter().any(|b| row_name(c, b).contains(f))
            })
        })
        .collect())
}

/// The matrix row of `case` on `build`.
pub fn row_name(case: &PyCase, build: &str) -> String {
    format!("cpython-{}@{build}", case.name)
}

/// The installation prefix of `build`, built (or found in the cache) by `build.sh`.
pub fn prefix(build: &str) -> Result<PathBuf, String> {
    let out = Command::new("bash")
        .arg(dir().join("build.sh"))
        .arg(build)
        .output()
        .map_err(|e| format!("running build.sh: {e}"))?;
    if !out.status.success() {
        let err = String::from_utf8_lossy(&out.stderr);
        let tail: Vec<&str> = err.lines().rev().take(30).collect();
        return Err(format!(
            "building CPython ({build}) failed:\n{}",
            tail.into_iter().rev().collect::<Vec<_>>().join("\n")
        ));
    }
    let stdout = String::from_utf8_lossy(&out.stdout);
    let last = stdout.lines().last().unwrap_or_default().trim();
    Ok(PathBuf::from(last))
}

/// An empty scratch directory of its own for one run (runs may go on in parallel).
pub fn scratch(what: &str) -> Result<PathBuf, String> {
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!(
        "wasmlink-cpython-{what}-{}-{n}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    Ok(dir)
}

/// Runs `python3.11 ARGS` of `prefix` on `engine`.
pub fn python(
    engine: EngineKind,
    prefix: &Path,
    args: &[String],
    timeout: Duration,
) -> Result<Outcome, String> {
    let (root, tmp) = (scratch("root")?, scratch("tmp")?);
    let run = ProgramRun {
        engine: engine.name().to_string(),
        mounts: vec![
            (root.clone(), "/".into()),
            (prefix.to_path_buf(), "/usr/local".into()),
            (tmp.clone(), "/tmp".into()),
            (dir().join("scripts"), "/suite".into()),
        ],
        main: "/usr/local/bin/python3.11.wasm".into(),
        args: args.to_vec(),
        env: vec![
            ("PYTHONHOME".into(), "/usr/local".into()),
            // The installation is shared by every run: nothing is written into it.
            ("PYTHONDONTWRITEBYTECODE".into(), "1".into()),
        ],
        max_wasm_stack: Some(WASM_STACK),
        cache_dir: Some(crate::fixtures::cache_dir().join("compiled")),
    };
    let out = run_program(&run, timeout);
    let _ = std::fs::remove_dir_all(&root);
    let _ = std::fs::remove_dir_all(&tmp);
    Ok(out)
}

/// What differs between `out` and what `case` expects.
fn judge(case: &PyCase, out: &Outcome) -> Result<(), String> {
    let mut problems = Vec::new();
    if out.exit_code != 0 {
        problems.push(format!("exit code {}", out.exit_code));
    }
    if let Some(want) = &case.stdout {
        if &out.stdout != want {
            problems.push(format!(
                "stdout differs:\n--- expected\n{want}--- got\n{}",
                out.stdout
            ));
        }
    }
    let all = format!("{}{}", out.stdout, out.stderr);
    for s in &case.output_contains {
        if !all.contains(s.as_str()) {
            problems.push(format!("the output lacks {s:?}"));
        }
    }
    if problems.is_empty() {
        return Ok(());
    }
    // The end of the output says why (regrtest's summary, a traceback).
    let tail: Vec<&str> = all.lines().rev().take(40).collect();
    problems.push(format!(
        "output (end):\n{}",
        tail.into_iter().rev().collect::<Vec<_>>().join("\n")
    ));
    Err(problems.join("\n"))
}

/// Runs `cases` on both builds and every engine in `engines`, giving `on_row` a row per case,
/// build and engine as it is done (the engines of one case and build one after another).
pub fn run_group(
    cases: &[PyCase],
    engines: &[EngineKind],
    mut on_row: impl FnMut(&PyCase, CaseResult),
) {
    for build in BUILDS {
        let prefix = prefix(build);
        for case in cases {
            for &engine in engines {
                let mut row = CaseResult {
                    case: row_name(case, build),
                    group: GROUP.into(),
                    engine: engine.name().into(),
                    status: Status::Pass,
                    millis: 0,
                };
                let args: Vec<String> = case
                    .args
                    .iter()
                    .map(|a| a.replace("{build}", build))
                    .collect();
                let outcome = prefix
                    .clone()
                    .and_then(|p| python(engine, &p, &args, Duration::from_secs(case.timeout)));
                match outcome {
                    Ok(out) => {
                        row.millis = out.millis;
                        if let Err(e) = judge(case, &out) {
                            row.status = Status::Fail(e);
                        }
                    }
                    Err(e) => row.status = Status::Fail(e),
                }
                on_row(case, row);
            }
        }
    }
}
