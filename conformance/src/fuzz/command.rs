//! `conformance fuzz --seeds A..B [--engine E]... [--shape threads|single]...
//! [--external NAME=TEMPLATE]... [--commit DIR]`: runs the seeds, prints each difference, and with
//! `--commit` writes each one, cut down, as a case directory under DIR (e.g.
//! `conformance/cases`). An external loader (a template as the matrix's `--external` takes) is
//! graded on the programs that use only the standard conventions: its pass rate is printed, its
//! differences do not fail the run.

use std::path::PathBuf;

use crate::fuzz::run;
use crate::manifest::Shape;
use crate::runner::EngineKind;
use crate::suite::External;

/// Runs the command on its arguments; the process's exit code (1 if anything differed).
pub fn main(args: &[String]) -> i32 {
    let (mut seeds, mut engines, mut shapes, mut commit) = (0..20, Vec::new(), Vec::new(), None);
    let mut externals = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let value = it.clone().next().cloned();
        match (a.as_str(), value) {
            ("--seeds", Some(v)) => {
                let Some((a, b)) = v
                    .split_once("..")
                    .and_then(|(a, b)| Some((a.parse().ok()?, b.parse().ok()?)))
                else {
                    eprintln!("--seeds wants A..B");
                    return 2;
                };
                seeds = a..b;
            }
            ("--engine", Some(v)) => match EngineKind::parse(&v) {
                Some(e) => engines.push(e),
                None => {
                    eprintln!("no engine {v}");
                    return 2;
                }
            },
            ("--shape", Some(v)) => shapes.push(match v.as_str() {
                "threads" => Shape::Threads,
                "single" => Shape::Single,
                _ => {
                    eprintln!("--shape is threads or single");
                    return 2;
                }
            }),
            ("--commit", Some(v)) => commit = Some(PathBuf::from(v)),
            ("--external", Some(v)) => match External::parse(&v) {
                Some(e) => externals.push(e),
                None => {
                    eprintln!("--external wants NAME=TEMPLATE");
                    return 2;
                }
            },
            _ => {
                eprintln!("usage: conformance fuzz --seeds A..B [--engine E]... [--shape threads|single]... [--external NAME=TEMPLATE]... [--commit DIR]");
                return 2;
            }
        }
        it.next();
    }
    if engines.is_empty() {
        engines = EngineKind::all()
            .into_iter()
            .chain(EngineKind::interpreters())
            .collect();
    }
    if shapes.is_empty() {
        shapes = vec![Shape::Threads, Shape::Single];
    }
    let s = run(
        seeds,
        &engines,
        &shapes,
        &externals,
        commit.as_deref(),
        |line| println!("{line}"),
    );
    println!(
        "\n{} runs: {} the same as native, {} differences, {} programs the oracle could not run",
        s.programs,
        s.same,
        s.differences.len(),
        s.bad_programs.len()
    );
    for (seed, shape, engine, _, dir) in &s.differences {
        let at = dir
            .as_ref()
            .map(|d| format!(" (cut down: {})", d.display()))
            .unwrap_or_default();
        println!("  seed {seed} {} on {}{at}", shape.name(), engine.name());
    }
    for t in &s.external {
        println!(
            "external:{}: {} of {} programs it could be given ran as the native build did",
            t.name, t.same, t.applicable
        );
        for (seed, shape, why) in &t.differs {
            println!("  seed {seed} {}: {why}", shape.name());
        }
    }
    i32::from(!s.differences.is_empty() || !s.bad_programs.is_empty())
}
