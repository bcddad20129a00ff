//! A thread sleeping in a host call the embedder marks blocking (`HostImport::Blocking`: here
//! WASI's `poll_oneoff`) does not hold up another thread's dlopen, on either engine: the link
//! operation treats it as idle (safepoint waits are bounded to 300 ms; it sleeps 1.5 s), and it
//! catches up before running wasm again: it calls the new library through a function pointer.

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use conformance::testing::built_test_tree;
use conformance::wasi::{Output, Wasi};
use wasmlink::{Engine, LinkerConfig, MountFs, Process};

fn check<E: Engine>(engine: E, root: &Path) {
    let mut config = LinkerConfig::new(Arc::new(MountFs::root(root).unwrap()));
    config.safepoint_timeout = Duration::from_millis(300);
    let output = Arc::new(Output::default());
    let host = Arc::new(Wasi {
        args: vec!["main.wasm".into()],
        env: vec![],
        output: output.clone(),
        files: Default::default(),
    });
    let name = engine.name();
    let mut p = Process::load(engine, config, host, "/main.wasm").unwrap();
    assert_eq!(p.run().unwrap(), 0, "{name}: {}", output.stdout_string());
    assert_eq!(
        output.stdout_string(),
        "loaded: 7\nsleeper calls: 7\n",
        "{name}"
    );
}

#[test]
fn dlopen_while_a_thread_sleeps() {
    let root = built_test_tree("sleeping");
    conformance::on_each_engine!(check(&root));
}

/// The same program with WASI from wasmtime-wasi: `WasiP1` (one context for the process; the
/// sleep is served outside its lock), and the embedder's own `wasmtime::Linker` set up by
/// `wasmtime_wasi::p1::add_to_linker_sync` (calls go through the linker's forwarder, which
/// leaves the thread idle around `poll_oneoff`). Output is captured in a shared pipe.
#[cfg(feature = "wasmtime")]
mod wasmtime_wasi_host {
    use super::*;
    use wasmlink::wasmtime::wasmtime_wasi::p1::{self, WasiP1Ctx};
    use wasmlink::wasmtime::wasmtime_wasi::p2::pipe::MemoryOutputPipe;
    use wasmlink::wasmtime::wasmtime_wasi::WasiCtxBuilder;
    use wasmlink::wasmtime::{config, wasmtime, WasiP1, WasmtimeEngine};
    use wasmlink::NoHost;

    fn linker_config(root: &Path) -> LinkerConfig {
        let mut config = LinkerConfig::new(Arc::new(MountFs::root(root).unwrap()));
        config.safepoint_timeout = Duration::from_millis(300);
        config
    }

    fn printed(pipe: &MemoryOutputPipe) -> String {
        String::from_utf8_lossy(&pipe.contents()).into_owned()
    }

    #[test]
    fn with_wasi_p1_shared_by_the_process() {
        let root = built_test_tree("sleeping");
        let out = MemoryOutputPipe::new(1 << 16);
        let wasi = WasiCtxBuilder::new()
            .stdout(out.clone())
            .args(&["main.wasm"])
            .build_p1();
        let engine = WasmtimeEngine::<()>::new().unwrap();
        let host = Arc::new(WasiP1::new(wasi));
        let mut p = Process::load(engine, linker_config(&root), host, "/main.wasm").unwrap();
        assert_eq!(p.run().unwrap(), 0, "{}", printed(&out));
        assert_eq!(printed(&out), "loaded: 7\nsleeper calls: 7\n");
    }

    struct Data {
        wasi: WasiP1Ctx,
    }

    #[test]
    fn with_the_embedders_linker_and_add_to_linker_sync() {
        let root = built_test_tree("sleeping");
        let out = MemoryOutputPipe::new(1 << 16);
        let pipe = out.clone();
        let engine = WasmtimeEngine::with_data(&config(), move || Data {
            wasi: WasiCtxBuilder::new()
                .stdout(pipe.clone())
                .args(&["main.wasm"])
                .build_p1(),
        })
        .unwrap();
        let mut linker = wasmtime::Linker::new(engine.wasmtime());
        p1::add_to_linker_sync(&mut linker, |d: &mut Data| &mut d.wasi).unwrap();
        let engine = engine.with_linker(linker);
        let mut p =
            Process::load(engine, linker_config(&root), Arc::new(NoHost), "/main.wasm").unwrap();
        assert_eq!(p.run().unwrap(), 0, "{}", printed(&out));
        // Each thread writes through its own context (its store's data) into the same pipe.
        assert_eq!(printed(&out), "loaded: 7\nsleeper calls: 7\n");
    }
}
