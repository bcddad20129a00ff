//! `cargo test` runs the whole conformance matrix: every case on every engine compiled in.
//! (A custom harness: the cases are data, one test per case and engine.)

use conformance::runner::EngineKind;
use conformance::suite::{build_all, cases, run_case, Status};

fn main() {
    let filter = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    let cases = cases(filter.as_deref()).expect("loading cases");
    build_all(&cases).expect("building fixtures");
    let (mut passed, mut failed) = (0, 0);
    for case in &cases {
        for engine in EngineKind::all() {
            let r = run_case(case, engine);
            match &r.status {
                Status::Pass => {
                    passed += 1;
                    println!("test {}::{} ... ok ({} ms)", r.engine, r.case, r.millis);
                }
                Status::Fail(why) => {
                    failed += 1;
                    println!("test {}::{} ... FAILED\n{why}", r.engine, r.case);
                }
            }
        }
    }
    println!();
    println!("{passed} passed, {failed} failed");
    if failed > 0 || passed == 0 {
        std::process::exit(1);
    }
}
