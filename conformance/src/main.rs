//! `conformance`: the conformance matrix, and a loader for any module tree.
//!
//! ```text
//! conformance [matrix] [--engine E]... [--filter S] [--json] [--external NAME=TEMPLATE]...
//!                                                            run every case on every engine
//! conformance build                                          build the fixtures only
//! conformance native [FILTER]                                print what the native ELF build prints
//! conformance cpython-suite [--engine E]... [--jobs N] [--timeout SECS]
//!                                                            CPython's whole test suite, dynamic
//!                                                            build against static, per engine
//! conformance fuzz --seeds A..B [--engine E]... [--shape S]... [--commit DIR]
//!                                                            random module trees against native
//!                                                            ELF (docs/conformance.md, "Fuzzing")
//! ```
//!
//! To run one program, or print its tree, use the `wasmlink` command (`wasmlink run`, `wasmlink
//! ldd`): the suite runs programs through the same public crate.

use std::process::ExitCode;

use conformance::runner::EngineKind;
use conformance::suite::{build_all, cases, run_case, run_external, CaseResult, External, Status};
use conformance::{cpython, cpython_suite};

fn usage() -> ExitCode {
    eprintln!(
        "usage:\n  conformance [matrix] [--engine E]... [--filter S] [--json] [--external NAME=TEMPLATE]...\n  conformance build\n  \
         conformance native [FILTER]\n  \
         conformance cpython-suite [--engine E]... [--jobs N] [--timeout SECS]\n  \
         conformance fuzz --seeds A..B [--engine E]... [--shape threads|single]... [--commit DIR]\n\
         engines: {}",
        EngineKind::all()
            .iter()
            .chain(&EngineKind::baseline())
            .map(|e| e.name())
            .collect::<Vec<_>>()
            .join(", ")
    );
    ExitCode::from(2)
}

fn main() -> ExitCode {
    // A child running one program of the CPython group exits here.
    conformance::program::serve_child();
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::from_default_env())
        .with_writer(std::io::stderr)
        .init();
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("build") => match cases(None).and_then(|c| build_all(&c)).and_then(|()| {
            cpython::BUILDS
                .iter()
                .try_for_each(|b| cpython::prefix(b).map(drop))
        }) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("{e}");
                ExitCode::FAILURE
            }
        },
        Some("native") => cmd_native(args.get(1).map(String::as_str)),
        Some("matrix") => cmd_matrix(&args[1..]),
        Some("cpython-suite") => cmd_cpython_suite(&args[1..]),
        Some("fuzz") => ExitCode::from(conformance::fuzz::command::main(&args[1..]) as u8),
        Some("-h" | "--help") => usage(),
        _ => cmd_matrix(&args),
    }
}

/// Builds each case with gcc as ELF shared objects and prints what it prints: the reference the
/// manifests' expected outputs are taken from.
fn cmd_native(filter: Option<&str>) -> ExitCode {
    let cases = match cases(filter) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    for case in &cases {
        if let Some(why) = conformance::native::skip_reason(case) {
            println!("== {}: no native build ({why})", case.name);
            continue;
        }
        match conformance::native::run_case(case) {
            Ok(r) => print!("== {} (exit {})\n{}", case.name, r.exit_code, r.stdout),
            Err(e) => println!("== {}: {e}", case.name),
        }
    }
    ExitCode::SUCCESS
}

/// CPython's whole suite on both builds and each engine: prints each module's verdict as it
/// comes, then the figures and the differences as markdown (docs/conformance.md). Fails when a
/// test module's verdict differs between the builds on one engine, unless the difference is one
/// the suite expects (`cpython_suite::DIFFERENCES`).
fn cmd_cpython_suite(args: &[String]) -> ExitCode {
    let (mut engines, mut jobs, mut timeout) = (Vec::new(), 2, 600);
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match (a.as_str(), it.next()) {
            ("--engine", Some(e)) => match EngineKind::parse(e) {
                Some(e) => engines.push(e),
                None => return usage(),
            },
            ("--jobs", Some(n)) => match n.parse() {
                Ok(n) => jobs = n,
                Err(_) => return usage(),
            },
            ("--timeout", Some(n)) => match n.parse() {
                Ok(n) => timeout = n,
                Err(_) => return usage(),
            },
            _ => return usage(),
        }
    }
    if engines.is_empty() {
        engines = EngineKind::all();
    }
    let progress = |build: &str, engine: &str, module: &str, v: &cpython_suite::Verdict| {
        eprintln!("{build:7} {engine:9} {module:40} {v:?}");
    };
    let report = match cpython_suite::run_suite(
        &engines,
        jobs,
        std::time::Duration::from_secs(timeout),
        &progress,
    ) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let (text, unexpected) = cpython_suite::markdown(&report);
    print!("{text}");
    if unexpected {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// A column of the matrix: one of our engines, or an external loader.
enum Column {
    Engine(EngineKind),
    External(External),
}

fn cmd_matrix(args: &[String]) -> ExitCode {
    // Every engine: the JITs' optimizing compilers and the interpreters (the baseline
    // compilers on request, `--engine`).
    let default_engines: Vec<EngineKind> = EngineKind::all()
        .into_iter()
        .chain(EngineKind::interpreters())
        .collect();
    let (mut engines, mut filter, mut json) = (default_engines, None, false);
    // `--engine` may be given more than once: the first replaces the default columns.
    let mut chosen = false;
    let mut markdown = false;
    let mut externals = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--engine" => match it.next().and_then(|e| EngineKind::parse(e)) {
                Some(e) if chosen => engines.push(e),
                Some(e) => {
                    engines = vec![e];
                    chosen = true;
                }
                None => return usage(),
            },
            "--filter" => filter = it.next().cloned(),
            "--json" => json = true,
            "--markdown" => markdown = true,
            "--external" => match it.next().and_then(|e| External::parse(e)) {
                Some(e) => externals.push(e),
                None => return usage(),
            },
            _ => return usage(),
        }
    }
    let columns: Vec<Column> = engines
        .into_iter()
        .map(Column::Engine)
        .chain(externals.into_iter().map(Column::External))
        .collect();
    let cases = match cases(filter.as_deref()).and_then(|c| build_all(&c).map(|_| c)) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let py_cases = match cpython::cases(filter.as_deref()) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    if markdown {
        return matrix_markdown(&cases, &py_cases, &columns);
    }
    let py_rows = py_cases
        .iter()
        .flat_map(|c| cpython::BUILDS.map(|b| cpython::row_name(c, b).len()));
    let width = cases
        .iter()
        .map(|c| c.name.len())
        .chain(py_rows)
        .max()
        .unwrap_or(4)
        .max(4);
    if !json {
        print!("{:width$}", "case");
        for c in &columns {
            let name = match c {
                Column::Engine(e) => e.name().to_string(),
                Column::External(x) => format!("external:{}", x.name),
            };
            print!("  {name:>18}");
        }
        println!();
    }
    let mut tally = Tally {
        json,
        ..Tally::default()
    };
    for case in &cases {
        if !json {
            print!("{:width$}", case.name);
        }
        for c in &columns {
            let r = match c {
                Column::Engine(e) => run_case(case, *e),
                Column::External(x) => run_external(case, x, std::time::Duration::from_secs(120)),
            };
            tally.cell(&r);
        }
        if !json {
            println!();
        }
    }
    // The CPython group, on our engines (external loaders get no WASI of ours to run it on).
    let engines = engine_columns(&columns);
    let mut done = 0;
    cpython::run_group(&py_cases, &engines, |_, r| {
        if !json && done % engines.len() == 0 {
            print!("{:width$}", r.case);
        }
        tally.cell(&r);
        done += 1;
        if !json && done % engines.len() == 0 {
            for _ in engines.len()..columns.len() {
                print!("  {:>18}", "n/a");
            }
            println!();
        }
    });
    let Tally {
        passed,
        failed,
        na,
        unsupported,
        failures,
        ..
    } = tally;
    if !json {
        for f in &failures {
            println!("\n{f}");
        }
        println!(
            "\n{passed} passed, {failed} failed, {na} not applicable, {unsupported} refused as unsupported (as they must be)"
        );
    }
    if failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// The matrix's counts, and its cells as they come.
#[derive(Default)]
struct Tally {
    json: bool,
    passed: usize,
    failed: usize,
    na: usize,
    /// Refused by an engine that lacks what the case needs, as it must be.
    unsupported: usize,
    failures: Vec<String>,
}

impl Tally {
    /// Counts `r` and prints its cell (or its JSON line).
    fn cell(&mut self, r: &CaseResult) {
        let (word, detail) = match &r.status {
            Status::Pass => {
                self.passed += 1;
                ("pass", String::new())
            }
            Status::Fail(d) => {
                self.failed += 1;
                self.failures
                    .push(format!("{} on {}:\n{d}", r.case, r.engine));
                ("fail", d.clone())
            }
            Status::NotApplicable(d) => {
                self.na += 1;
                ("n/a", d.clone())
            }
            Status::Unsupported(d) => {
                self.unsupported += 1;
                ("unsupported", d.clone())
            }
        };
        if self.json {
            println!(
                "{}",
                serde_json::json!({"case": r.case, "group": r.group, "engine": r.engine,
                    "status": word, "millis": r.millis as u64, "detail": detail})
            );
            return;
        }
        let cell = match word {
            "n/a" => "n/a".to_string(),
            "unsupported" => "unsupported".to_string(),
            "pass" => format!("pass {:>5}ms", r.millis),
            _ => format!("FAIL {:>5}ms", r.millis),
        };
        print!("  {cell:>18}");
        use std::io::Write;
        let _ = std::io::stdout().flush();
    }
}

/// The columns that are our engines, which run the CPython group (external loaders have no WASI
/// of ours to run it on: their cells read `n/a`, after the engines', which come first).
fn engine_columns(columns: &[Column]) -> Vec<EngineKind> {
    columns
        .iter()
        .filter_map(|c| match c {
            Column::Engine(e) => Some(*e),
            _ => None,
        })
        .collect()
}

fn column_name(c: &Column) -> String {
    match c {
        Column::Engine(e) => e.name().to_string(),
        Column::External(x) => format!("external:{}", x.name),
    }
}

/// The matrix as a markdown table (docs/conformance.md): one line per case with what it checks,
/// then, for every cell that is not a pass, what the loader did instead.
fn matrix_markdown(
    cases: &[conformance::manifest::Case],
    py_cases: &[cpython::PyCase],
    columns: &[Column],
) -> ExitCode {
    print!("| case | group | what it checks |");
    for c in columns {
        print!(" {} |", column_name(c));
    }
    println!();
    print!("|---|---|---|");
    for _ in columns {
        print!("---|");
    }
    println!();
    let mut notes = Vec::new();
    let mut failed = false;
    for case in cases {
        print!(
            "| `{}` | {} | {} |",
            case.name,
            case.group,
            case.description.replace('|', "\\|")
        );
        for c in columns {
            let r = match c {
                Column::Engine(e) => run_case(case, *e),
                Column::External(x) => run_external(case, x, std::time::Duration::from_secs(120)),
            };
            let cell = match &r.status {
                Status::Pass => "pass".to_string(),
                Status::Fail(d) => {
                    failed |= matches!(c, Column::Engine(_));
                    notes.push(format!(
                        "- `{}` on {}: fails: {}",
                        case.name,
                        r.engine,
                        first_lines(d, 3)
                    ));
                    "**fail**".to_string()
                }
                Status::NotApplicable(d) => {
                    notes.push(format!("- `{}` on {}: n/a: {d}", case.name, r.engine));
                    "n/a".to_string()
                }
                Status::Unsupported(_) => "unsupported".to_string(),
            };
            print!(" {cell} |");
        }
        println!();
    }
    let engines = engine_columns(columns);
    let mut done = 0;
    cpython::run_group(py_cases, &engines, |case, r| {
        if done % engines.len() == 0 {
            print!(
                "| `{}` | {} | {} |",
                r.case,
                r.group,
                case.description.replace('|', "\\|")
            );
        }
        if let Status::Fail(d) = &r.status {
            failed = true;
            notes.push(format!(
                "- `{}` on {}: fails: {}",
                r.case,
                r.engine,
                first_lines(d, 3)
            ));
            print!(" **fail** |");
        } else {
            print!(" pass |");
        }
        done += 1;
        if done % engines.len() == 0 {
            for _ in engines.len()..columns.len() {
                print!(" n/a |");
            }
            println!();
        }
    });
    if !notes.is_empty() {
        println!("\nWhere a loader did not pass:\n");
        for n in notes {
            println!("{n}");
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn first_lines(s: &str, n: usize) -> String {
    s.lines()
        .take(n)
        .collect::<Vec<_>>()
        .join(" / ")
        .replace('|', "\\|")
}
