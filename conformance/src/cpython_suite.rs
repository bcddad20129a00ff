//! CPython's whole regression suite on both builds and every engine, compared: the dynamic build
//! (extension modules and their C libraries as shared libraries) must give the static build's
//! result for every test module, on each engine (`conformance cpython-suite`; the figures are in
//! docs/conformance.md).
//!
//! Each test module runs in a process of its own (`python -m test test_x`), so a module that
//! traps or hangs costs only its own result, and the modules run on several cores at once.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Duration;

use crate::cpython::{prefix, python, BUILDS};
use crate::runner::{EngineKind, Outcome};

/// Test modules whose verdict may differ between the builds, and why: what exists only in a build
/// with dynamic loading. Any other difference fails the comparison.
pub const DIFFERENCES: &[(&str, &str)] = &[
    (
        "test_xxlimited",
        "xxlimited exists only as a shared library (Setup.stdlib's `*shared*` section): the static \
         build skips the test module, the dynamic one runs it",
    ),
    (
        "test_capi",
        "test_module_state_shared_in_global runs only where _testmultiphase exists (a shared \
         library only, so on the dynamic build) and then needs os.pipe, which WASI lacks",
    ),
];

/// A test module's result, as regrtest reports it (or as its process ended).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Verdict {
    Ok,
    Failed,
    Skipped,
    /// The process ended without regrtest's summary (a trap, an exit) or was killed at the
    /// timeout; with the last line it printed.
    Crashed(String),
}

impl Verdict {
    /// The column this verdict is counted in.
    pub fn word(&self) -> &'static str {
        match self {
            Verdict::Ok => "OK",
            Verdict::Failed => "failed",
            Verdict::Skipped => "skipped",
            Verdict::Crashed(_) => "crashed",
        }
    }

    /// Reads regrtest's summary of a run of one module.
    pub fn of(out: &Outcome) -> Verdict {
        let all = format!("{}{}", out.stdout, out.stderr);
        let result = all
            .lines()
            .rev()
            .find_map(|l| l.strip_prefix("Tests result: "));
        match result {
            Some(r) if r.contains("NO TESTS RAN") => Verdict::Skipped,
            Some(_) if all.contains("1 test skipped:") => Verdict::Skipped,
            Some(r) if r.starts_with("SUCCESS") => Verdict::Ok,
            Some(r) if r.starts_with("FAILURE") && all.contains("1 test failed") => Verdict::Failed,
            _ => {
                let last = all
                    .lines()
                    .rev()
                    .find(|l| !l.trim().is_empty())
                    .unwrap_or("")
                    .trim();
                Verdict::Crashed(format!("exit {}: {last}", out.exit_code))
            }
        }
    }
}

/// Every test module's verdict, per (build, engine).
pub type Report = BTreeMap<(String, String), BTreeMap<String, Verdict>>;

/// The test modules regrtest knows (`-m test --list-tests`), on `engine` with `prefix`.
pub fn list_tests(engine: EngineKind, prefix: &Path) -> Result<Vec<String>, String> {
    let args = ["-m", "test", "--list-tests"].map(String::from);
    let out = python(engine, prefix, &args, Duration::from_secs(300))?;
    if out.exit_code != 0 {
        return Err(format!(
            "--list-tests: exit {}\n{}",
            out.exit_code, out.stderr
        ));
    }
    Ok(out
        .stdout
        .lines()
        .map(str::trim)
        .filter(|l| l.starts_with("test_"))
        .map(String::from)
        .collect())
}

/// Runs every test module on every build and engine, `jobs` at a time, each killed after
/// `timeout`; `progress` sees each result as it comes.
pub fn run_suite(
    engines: &[EngineKind],
    jobs: usize,
    timeout: Duration,
    progress: &(dyn Fn(&str, &str, &str, &Verdict) + Sync),
) -> Result<Report, String> {
    // Nothing is left out: a module that needs what WASI lacks skips itself, and none hangs.
    let mut work: Vec<(String, EngineKind, PathBuf, String)> = Vec::new();
    for build in BUILDS {
        let prefix = prefix(build)?;
        for &engine in engines {
            for m in list_tests(engine, &prefix)? {
                work.push((build.to_string(), engine, prefix.clone(), m));
            }
        }
    }
    let queue = Mutex::new(work.into_iter());
    let results = Mutex::new(Vec::new());
    std::thread::scope(|s| {
        for _ in 0..jobs.max(1) {
            s.spawn(|| loop {
                let Some((build, engine, prefix, module)) = queue.lock().unwrap().next() else {
                    break;
                };
                let args = ["-m", "test", module.as_str()].map(String::from);
                let verdict = match python(engine, &prefix, &args, timeout) {
                    Ok(out) => Verdict::of(&out),
                    Err(e) => Verdict::Crashed(e),
                };
                progress(&build, engine.name(), &module, &verdict);
                results
                    .lock()
                    .unwrap()
                    .push((build, engine.name().to_string(), module, verdict));
            });
        }
    });
    let mut report = Report::new();
    for (build, engine, module, verdict) in results.into_inner().unwrap() {
        report
            .entry((build, engine))
            .or_default()
            .insert(module, verdict);
    }
    Ok(report)
}

/// The figures per build and engine, and every test module whose verdict differs between the
/// builds on one engine, as markdown; and whether a difference is not one of [`DIFFERENCES`].
pub fn markdown(report: &Report) -> (String, bool) {
    let mut undocumented = false;
    let mut s = String::from(
        "| build | engine | test modules run | OK | failed | skipped | crashed |\n|---|---|---|---|---|---|---|\n",
    );
    for ((build, engine), verdicts) in report {
        let count = |w: &str| verdicts.values().filter(|v| v.word() == w).count();
        s += &format!(
            "| {build} | {engine} | {} | {} | {} | {} | {} |\n",
            verdicts.len(),
            count("OK"),
            count("failed"),
            count("skipped"),
            count("crashed")
        );
    }
    let engines: std::collections::BTreeSet<&String> = report.keys().map(|(_, e)| e).collect();
    for engine in engines {
        let dynamic = report.get(&("dynamic".to_string(), engine.clone()));
        let static_ = report.get(&("static".to_string(), engine.clone()));
        let (Some(dynamic), Some(static_)) = (dynamic, static_) else {
            continue;
        };
        let mut lines = Vec::new();
        for (m, v) in dynamic {
            let other = static_.get(m).map_or("absent", Verdict::word);
            if other == v.word() {
                continue;
            }
            let line = format!("- {engine}: `{m}`: dynamic {}, static {other}", v.word());
            match DIFFERENCES.iter().find(|(name, _)| name == m) {
                Some((_, why)) => lines.push(format!("{line} (expected: {why})")),
                None => {
                    undocumented = true;
                    lines.push(format!("{line} **(not expected)**"));
                }
            }
        }
        if lines.is_empty() {
            s += &format!("\n{engine}: every test module gives the same verdict on both builds.\n");
        } else {
            s += &format!("\n{engine}: test modules whose verdict differs between the builds:\n\n");
            s += &lines.join("\n");
            s += "\n";
        }
    }
    let mut unusual = Vec::new();
    for ((build, engine), verdicts) in report {
        for (m, v) in verdicts {
            if matches!(v, Verdict::Failed | Verdict::Crashed(_)) {
                unusual.push(format!("- {build} on {engine}: `{m}`: {v:?}"));
            }
        }
    }
    if !unusual.is_empty() {
        s += "\nTest modules that failed or crashed:\n\n";
        s += &unusual.join("\n");
        s += "\n";
    }
    (s, undocumented)
}
