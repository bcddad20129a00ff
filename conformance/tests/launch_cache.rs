//! A `ModuleCache` shared between start-ups reuses parsed modules and whole start-up records
//! only while the files are the same: a replaced library, or one that now shadows another in the
//! search path, is seen at the next start. Checked on every engine with the `precedence` fixture
//! (main needs liba.so then libb.so; both define `only_ab`, the first in load order wins).

use std::path::Path;
use std::sync::Arc;

use conformance::testing::built_case;
use conformance::wasi::Wasi;
use wasmlink::{Engine, LinkerConfig, ModuleCache, MountFs, Process};

fn start<E: Engine>(engine: &E, root: &Path, cache: &Arc<ModuleCache<E>>) -> String {
    let mut config = LinkerConfig::new(Arc::new(MountFs::root(root).unwrap()));
    config.search.ld_library_path = vec!["/over".into()];
    let (host, out) = Wasi::quiet();
    let mut p = Process::load_with_cache(engine.clone(), config, host, "/main.wasm", cache.clone())
        .unwrap();
    assert_eq!(p.run().unwrap(), 0);
    out.stdout_string()
}

fn check<E: Engine>(engine: E, fixture: &Path) {
    let dir = std::env::temp_dir().join(format!(
        "wasmlink-launch-cache-{}-{}",
        engine.name(),
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("lib")).unwrap();
    std::fs::create_dir_all(dir.join("over")).unwrap();
    for f in ["main.wasm", "lib/liba.so", "lib/libb.so"] {
        std::fs::copy(fixture.join(f), dir.join(f)).unwrap();
    }
    let cache = Arc::new(ModuleCache::default());

    let first = start(&engine, &dir, &cache);
    assert!(first.contains("only_ab=a (loaded first)"), "{first}");
    assert_eq!(cache.launch_hits(), 0);
    let again = start(&engine, &dir, &cache);
    assert_eq!(again, first);
    assert_eq!(
        cache.launch_hits(),
        1,
        "the second start reuses the records"
    );

    // liba.so replaced by b's code (a new file under the same name).
    let tmp = dir.join("lib/liba.so.new");
    std::fs::copy(dir.join("lib/libb.so"), &tmp).unwrap();
    std::fs::rename(&tmp, dir.join("lib/liba.so")).unwrap();
    let replaced = start(&engine, &dir, &cache);
    assert!(replaced.contains("only_ab=b"), "{replaced}");
    assert_eq!(cache.launch_hits(), 1, "a replaced file is a new start-up");

    // The original liba.so appears in /over, searched first: it shadows lib/liba.so.
    std::fs::copy(fixture.join("lib/liba.so"), dir.join("over/liba.so")).unwrap();
    let shadowed = start(&engine, &dir, &cache);
    assert!(shadowed.contains("only_ab=a (loaded first)"), "{shadowed}");
    assert_eq!(cache.launch_hits(), 1, "a shadowing file is a new start-up");

    // Each of those start-ups is reused in turn while nothing changes.
    assert_eq!(start(&engine, &dir, &cache), shadowed);
    assert_eq!(cache.launch_hits(), 2);
    let _ = std::fs::remove_dir_all(&dir);
}

/// Compiled modules kept on disk are loaded by a new cache (another process), and a file the
/// engine refuses is compiled again.
fn check_disk<E: Engine>(engine: E, fixture: &Path) {
    let dir = std::env::temp_dir().join(format!(
        "wasmlink-disk-cache-{}-{}",
        engine.name(),
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    let first = Arc::new(ModuleCache::with_disk_dir(&dir));
    let out = start(&engine, fixture, &first);
    assert_eq!(first.disk_hits(), 0);
    let files: Vec<_> = std::fs::read_dir(&dir).unwrap().flatten().collect();
    assert!(files.len() >= 3, "main, liba, libb kept: {}", files.len());

    let second = Arc::new(ModuleCache::with_disk_dir(&dir));
    assert_eq!(start(&engine, fixture, &second), out);
    assert_eq!(
        second.disk_hits(),
        files.len() as u64,
        "every module loaded, none compiled"
    );

    // Replaced whole (written aside, renamed), as any tool replacing a file under a running
    // program must: the cache maps its files, as ld.so maps libraries, so a file rewritten in
    // place would fault in the processes that mapped it.
    for f in &files {
        let aside = f.path().with_extension("garbage");
        std::fs::write(&aside, b"not a compiled module").unwrap();
        std::fs::rename(&aside, f.path()).unwrap();
    }
    let third = Arc::new(ModuleCache::with_disk_dir(&dir));
    assert_eq!(start(&engine, fixture, &third), out);
    assert_eq!(third.disk_hits(), 0, "refused files are compiled again");
    let fourth = Arc::new(ModuleCache::with_disk_dir(&dir));
    assert_eq!(start(&engine, fixture, &fourth), out);
    assert_eq!(fourth.disk_hits(), files.len() as u64, "and replaced");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn disk_cache_is_shared_between_processes() {
    let root = built_case("precedence");
    conformance::on_each_engine!(check_disk(&root));
}

#[test]
fn launch_cache_follows_the_files() {
    let root = built_case("precedence");
    conformance::on_each_engine!(check(&root));
}
