//! `cargo test` runs the whole conformance matrix: every case on every engine compiled in.
//! (A custom harness: the cases are data, one test per case and engine.)

use conformance::manifest::Kind;
use conformance::runner::EngineKind;
use conformance::suite::{build_all, cases, run_case, Status};

fn main() {
    // A child running one program of the CPython group exits here.
    conformance::program::serve_child();
    let filter = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    let cases = cases(filter.as_deref()).expect("loading cases");
    build_all(&cases).expect("building fixtures");
    let (mut passed, mut failed, mut unsupported) = (0, 0, 0);
    for case in &cases {
        for engine in EngineKind::all() {
            let r = run_case(case, engine);
            match &r.status {
                Status::Pass => {
                    passed += 1;
                    println!("test {}::{} ... ok ({} ms)", r.engine, r.case, r.millis);
                }
                Status::NotApplicable(why) => {
                    failed += 1;
                    println!(
                        "test {}::{} ... FAILED (our engines must run every case: {why})",
                        r.engine, r.case
                    );
                }
                Status::Fail(why) | Status::Unsupported(why) => {
                    failed += 1;
                    println!("test {}::{} ... FAILED\n{why}", r.engine, r.case);
                }
            }
        }
    }
    // The CPython group: each program on both builds (extension modules as shared libraries,
    // and linked in), on every engine, the interpreter too (both builds are single-threaded
    // and raise no wasm exceptions, so wasmi must run them).
    let py_cases = conformance::cpython::cases(filter.as_deref()).expect("loading cpython cases");
    let py_engines: Vec<EngineKind> = EngineKind::all()
        .into_iter()
        .chain(EngineKind::interpreters())
        .collect();
    conformance::cpython::run_group(&py_cases, &py_engines, |_, r| match &r.status {
        Status::Pass => {
            passed += 1;
            println!("test {}::{} ... ok ({} ms)", r.engine, r.case, r.millis);
        }
        Status::Fail(why) | Status::NotApplicable(why) | Status::Unsupported(why) => {
            failed += 1;
            println!("test {}::{} ... FAILED\n{why}", r.engine, r.case);
        }
    });
    // The baseline compilers (Winch, singlepass) and the interpreters (wasmi): every case. One
    // that needs what the engine lacks (exception tags on all of them, a shared memory on
    // wasmi) must be refused by the linker, typed, naming the module, before anything is
    // compiled: its own state, `unsupported`, never a pass and never a skip (docs/conformance.md,
    // "Compiler tiers").
    for case in &cases {
        for engine in EngineKind::baseline()
            .into_iter()
            .chain(EngineKind::interpreters())
        {
            let r = run_case(case, engine);
            match &r.status {
                Status::Pass => {
                    passed += 1;
                    println!("test {}::{} ... ok ({} ms)", r.engine, r.case, r.millis);
                }
                Status::Unsupported(_) => {
                    unsupported += 1;
                    println!(
                        "test {}::{} ... unsupported ({} ms)",
                        r.engine, r.case, r.millis
                    );
                }
                _ => {
                    failed += 1;
                    println!("test {}::{} ... FAILED\n{:?}", r.engine, r.case, r.status);
                }
            }
        }
    }
    // Our dylink.0 reader against wabt's, for every module the fixtures built.
    for case in &cases {
        // (A symbolic link is its target's module, or points nowhere by design.)
        for m in case.modules.iter().filter(|m| m.kind != Kind::Symlink) {
            let file = conformance::fixtures::case_root(case).join(&m.out);
            match conformance::wabt_check::compare(&file) {
                Ok(true) => {
                    passed += 1;
                    println!("test wabt::{}/{} ... ok", case.name, m.out);
                }
                Ok(false) => {}
                Err(e) => {
                    failed += 1;
                    println!("test wabt::{}/{} ... FAILED\n{e}", case.name, m.out);
                }
            }
        }
    }
    println!();
    println!(
        "{passed} passed, {failed} failed, {unsupported} refused as unsupported (as they must be)"
    );
    if failed > 0 || passed == 0 {
        std::process::exit(1);
    }
}
