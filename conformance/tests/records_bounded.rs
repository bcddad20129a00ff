//! The records of unloaded modules do not pile up beside sleeping threads (`reclaim.rs`): a
//! `dlopen`/`dlclose` loop while 4 threads sleep in 1 ms naps keeps few module records (24-67
//! at most here on 2026-11-30: those a sleeper saw loaded before it went back to sleep). Before,
//! a record could be dropped only once every thread had caught up with its unloading, which
//! the sleepers never all had at the moment of a `dlopen`: after 1000 rounds there were 1000
//! records, and every operation and every catch-up scanned them all.

use std::path::Path;
use std::sync::Arc;

use conformance::testing::built_bench_tree;
use conformance::wasi::Wasi;
use wasmlink::{Engine, LinkerConfig, MountFs, Process, Val};

fn check<E: Engine>(engine: E, root: &Path) {
    let name = engine.name();
    let config = LinkerConfig::new(Arc::new(MountFs::root(root).unwrap()));
    let (host, _) = Wasi::quiet();
    let mut p = Process::load(engine, config, host, "/main.wasm").unwrap();
    assert_eq!(
        p.call("start_sleepers", &[Val::I32(4)]).unwrap(),
        [Val::I32(0)]
    );
    let mut most = 0;
    for _ in 0..20 {
        assert_eq!(
            p.call("open_close", &[Val::I32(50)]).unwrap(),
            [Val::I32(50)]
        );
        most = most.max(p.accounting().module_records);
    }
    assert_eq!(p.call("stop_threads", &[]).unwrap(), [Val::I32(0)]);
    eprintln!("{name}: at most {most} module records");
    assert!(
        most <= 250,
        "{name}: {most} module records during 1000 dlopen/dlclose beside 4 sleeping threads"
    );
}

#[test]
fn unloaded_records_do_not_pile_up_beside_sleeping_threads() {
    let root = built_bench_tree("dlopen-threads");
    conformance::on_each_engine!(check(&root));
}
