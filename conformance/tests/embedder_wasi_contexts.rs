//! What differs when WASI comes from the embedder's own `wasmtime::Linker` (set up by
//! `wasmtime_wasi::p1::add_to_linker_sync`) instead of `WasiP1`: each thread's store gets its
//! data, and so its WASI context and descriptor table, from the embedder's factory. A file the
//! main thread opened is then not open in another thread (docs/abi.md, "WASI"), where with
//! `WasiP1` (tests/cli.rs) the threads share one table, as POSIX has it.

#[cfg(feature = "wasmtime")]
mod wasmtime_only {
    use std::path::Path;
    use std::sync::Arc;

    use conformance::testing::built_test_tree;
    use wasmlink::wasmtime::wasmtime_wasi::p1::{self, WasiP1Ctx};
    use wasmlink::wasmtime::wasmtime_wasi::p2::pipe::MemoryOutputPipe;
    use wasmlink::wasmtime::wasmtime_wasi::{FsPerms, WasiCtxBuilder};
    use wasmlink::wasmtime::{config, wasmtime, WasmtimeEngine};
    use wasmlink::{LinkerConfig, MountFs, NoHost, Process};

    struct Data {
        wasi: WasiP1Ctx,
    }

    fn context(out: &MemoryOutputPipe, data: &Path) -> WasiP1Ctx {
        let mut b = WasiCtxBuilder::new();
        b.stdout(out.clone()).args(&["main.wasm"]);
        b.preopened_dir(data, "/data", FsPerms::ReadWrite).unwrap();
        b.build_p1()
    }

    #[test]
    fn each_thread_has_its_own_descriptor_table() {
        let root = built_test_tree("cli-threads");
        let data = std::env::temp_dir().join(format!("wasmlink-contexts-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&data);
        std::fs::create_dir_all(&data).unwrap();
        let out = MemoryOutputPipe::new(1 << 16);
        let (pipe, dir) = (out.clone(), data.clone());
        let engine = WasmtimeEngine::with_data(&config(), move || Data {
            wasi: context(&pipe, &dir),
        })
        .unwrap();
        let mut linker = wasmtime::Linker::new(engine.wasmtime());
        p1::add_to_linker_sync(&mut linker, |d: &mut Data| &mut d.wasi).unwrap();
        let engine = engine.with_linker(linker);
        let config = LinkerConfig::new(Arc::new(MountFs::root(&root).unwrap()));
        let mut p = Process::load(engine, config, Arc::new(NoHost), "/main.wasm").unwrap();
        let code = p.run().unwrap();
        let printed = String::from_utf8_lossy(&out.contents()).into_owned();
        assert_eq!(code, 0, "{printed}");
        // Each thread prints through its own context (into the same pipe), but the descriptor the
        // main thread opened is not in its table: every write fails, and the log stays empty.
        assert_eq!(
            printed,
            "thread 1 writes\nthread 1: write failed\n\
             thread 2 writes\nthread 2: write failed\n\
             thread 3 writes\nthread 3: write failed\n\
             lines in the log: 0\n"
        );
        let _ = std::fs::remove_dir_all(&data);
    }
}
