//! A failed dlopen leaves the process as it was: the same modules, and the memory and table space
//! it took given back. Checked on every engine with the `dlopen-errors` fixture.

use std::sync::Arc;

use conformance::testing::built_case;
use conformance::wasi::Wasi;
use wasmlink::{Engine, LinkerConfig, MountFs, Process};
use wasmlink::{RTLD_GLOBAL, RTLD_NOW};

fn check<E: Engine>(engine: E, root: &std::path::Path) {
    let config = LinkerConfig::new(Arc::new(MountFs::root(root).unwrap()));
    let (host, _) = Wasi::quiet();
    let mut p = Process::load(engine, config, host, "/main.wasm").unwrap();
    let start = p.accounting();
    for (lib, why) in [
        ("libnothere.so", "No such file"),
        ("libjunk.so", "not a WebAssembly module"),
        ("libhuge.so", "cannot allocate"),
        // Fails after instantiation has begun: exercises the rollback of placed data and slots.
        ("libneedsmissing.so", "nowhere_at_all"),
    ] {
        let err = p
            .dlopen(Some(lib), RTLD_NOW | RTLD_GLOBAL)
            .unwrap_err()
            .to_string();
        assert!(err.contains(why), "{lib}: {err}");
        assert_eq!(p.accounting(), start, "after the failed dlopen of {lib}");
    }
    // A successful open takes space; closing the last reference gives it all back.
    let h = p.dlopen(Some("libplugin.so"), RTLD_NOW).unwrap().unwrap();
    let open = p.accounting();
    assert_eq!(open.modules_loaded, start.modules_loaded + 1);
    assert!(open.memory_held > start.memory_held);
    p.dlclose(h).unwrap();
    let closed = p.accounting();
    assert_eq!(closed.modules_loaded, start.modules_loaded);
    assert_eq!(closed.memory_held, start.memory_held);
    assert_eq!(closed.table_held, start.table_held);
    // And the freed space is reused by the next load, the unloaded module's record and id too:
    // opening and closing in a loop holds no more than one open.
    let mut h = p.dlopen(Some("libplugin.so"), RTLD_NOW).unwrap().unwrap();
    assert_eq!(p.accounting(), open);
    assert!(p.dlsym(h, "plugin_ok").is_ok());
    for _ in 0..20 {
        p.dlclose(h).unwrap();
        h = p.dlopen(Some("libplugin.so"), RTLD_NOW).unwrap().unwrap();
        assert_eq!(p.accounting(), open);
        assert!(p.dlsym(h, "plugin_ok").is_ok());
    }
}

#[test]
fn failed_dlopen_gives_everything_back() {
    let root = built_case("dlopen-errors");
    conformance::on_each_engine!(check(&root));
}
