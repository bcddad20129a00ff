//! Stress: 16 threads x 1000 rounds of dlopen / dlsym / call / dlclose (the `threads-churn`
//! fixture) on every engine. Bounded: fixed iterations, and a timeout that fails the test instead
//! of hanging if the protocol deadlocks.

use std::sync::mpsc;
use std::time::Duration;

use conformance::fixtures::build_case;
use conformance::runner::{run, EngineKind, Request};
use conformance::suite::cases;

#[test]
fn sixteen_threads_thousand_rounds() {
    let case = cases(Some("threads-churn")).unwrap().remove(0);
    let root = build_case(&case).unwrap();
    for engine in EngineKind::all() {
        let (tx, rx) = mpsc::channel();
        let root = root.clone();
        std::thread::spawn(move || {
            let req = Request {
                mounts: vec![wasmlink::Mount::new(&root, "/")],
                main: "/main.wasm",
                args: vec!["16".into(), "1000".into()],
                env: vec![],
                ld_library_path: vec![],
                passthrough: false,
                safepoint_timeout: None,
            };
            let _ = tx.send(run(engine, &req));
        });
        let out = rx
            .recv_timeout(Duration::from_secs(900))
            .unwrap_or_else(|_| panic!("{}: no result within 900 s: deadlock?", engine.name()));
        assert_eq!(
            out.stdout,
            "16 threads x 1000 rounds: 16000 good, 0 bad\nall unloaded at the end: 1\n",
            "{}: stderr {}",
            engine.name(),
            out.stderr
        );
        assert_eq!(out.exit_code, 0, "{}", engine.name());
        println!("{}: 16 x 1000 rounds in {} ms", engine.name(), out.millis);
    }
}
