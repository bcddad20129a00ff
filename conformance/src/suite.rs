//! Running the matrix: every case on every engine, each judged the same way.

use crate::fixtures::build_case;
use crate::manifest::{load_cases, Case};
use crate::runner::{run, EngineKind, Outcome, Request};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Status {
    Pass,
    Fail(String),
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
                root: &root,
                main: &main,
                args: case.run.args.clone(),
                env: case
                    .run
                    .env
                    .iter()
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect(),
                ld_library_path: case.run.ld_library_path.clone(),
                passthrough: false,
                files_root: &root,
            };
            let out = run(engine, &req);
            let st = match judge(case, &out) {
                Ok(()) => Status::Pass,
                Err(e) => Status::Fail(e),
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
