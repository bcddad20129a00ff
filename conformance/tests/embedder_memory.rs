//! The embedder may give the process its own shared memory (`Process::load_with_memory`): the
//! program runs in it (it is grown to the program's initial size), and a program built without
//! threads, whose memory is not shared, is refused by name. On every engine.

use std::sync::Arc;

use conformance::testing::built_case;
use conformance::wasi::Wasi;
use wasmlink::{Engine, LinkError, LinkerConfig, MountFs, Process};

fn check<E: Engine>(engine: E, threads: &std::path::Path, single: &std::path::Path) {
    // One page: far less than the program needs at start.
    let memory = engine.new_shared_memory(1, 16384).unwrap();
    let config = LinkerConfig::new(Arc::new(MountFs::root(threads).unwrap()));
    let (host, _) = Wasi::quiet();
    let mut p = Process::load_with_memory(
        engine.clone(),
        config,
        host,
        "/main.wasm",
        Arc::default(),
        memory.clone(),
    )
    .unwrap();
    assert_eq!(p.run().unwrap(), 0);
    // The program ran in the embedder's memory: it grew past the page it was made with.
    let size = engine.with_store(p.store_mut(), |cx| {
        let m = cx.attach_memory(&memory).unwrap();
        cx.memory_size(&m)
    });
    assert!(
        size > 65536,
        "the embedder's memory was not used: {size} bytes"
    );

    let config = LinkerConfig::new(Arc::new(MountFs::root(single).unwrap()));
    let (host, _) = Wasi::quiet();
    let memory = engine.new_shared_memory(1, 16384).unwrap();
    let err = Process::load_with_memory(engine, config, host, "/main.wasm", Arc::default(), memory)
        .err()
        .expect("a program built without threads in a shared memory");
    assert!(
        matches!(&err, LinkError::Unsupported { module, .. } if module.contains("main.wasm")),
        "{err}"
    );
}

#[test]
fn a_program_runs_in_the_embedders_memory() {
    let threads = built_case("hello");
    let single = built_case("hello@single");
    conformance::on_each_engine!(check(&threads, &single));
}
