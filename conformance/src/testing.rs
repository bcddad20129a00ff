//! Helpers for the embedder-level tests in `tests/`: a built fixture, and a check run on every
//! engine the cargo features enable.

use std::path::{Path, PathBuf};

use crate::fixtures::build_case;
use crate::manifest::load_cases;
use crate::suite::cases;

/// The built fixture of the case `name` in `cases/`.
pub fn built_case(name: &str) -> PathBuf {
    let case = cases(Some(name))
        .unwrap()
        .into_iter()
        .find(|c| c.name == name)
        .unwrap_or_else(|| panic!("no case {name}"));
    build_case(&case).unwrap()
}

/// The built fixture of the tree `name` in `tests/trees/` (trees that are tests, not matrix
/// cases), under the fixture name `test-NAME`.
pub fn built_test_tree(name: &str) -> PathBuf {
    built_tree("tests/trees", name, "test")
}

/// The built fixture of the bench tree `name` in `benches/trees/`, under the fixture name the
/// benches give it (`bench-NAME`), so a test and the bench share one build.
pub fn built_bench_tree(name: &str) -> PathBuf {
    built_tree("benches/trees", name, "bench")
}

/// The tree `name` of the crate's directory `dir`, built as the fixture `PREFIX-NAME`.
fn built_tree(dir: &str, name: &str, prefix: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut case = load_cases(&dir)
        .unwrap()
        .into_iter()
        .find(|c| c.name == name)
        .unwrap_or_else(|| panic!("no tree {name} in {}", dir.display()));
    case.name = format!("{prefix}-{name}");
    build_case(&case).unwrap()
}

/// `on_each_engine!(check(args...))` calls the generic `check(engine, args...)` once per engine
/// enabled by the `wasmtime` and `wasmer` features.
#[macro_export]
macro_rules! on_each_engine {
    ($check:ident ( $($arg:expr),* $(,)? )) => {{
        #[cfg(feature = "wasmtime")]
        $check(wasmlink::wasmtime::WasmtimeEngine::<()>::new().unwrap(), $($arg),*);
        #[cfg(feature = "wasmer")]
        $check(wasmlink::wasmer::WasmerEngine::new(), $($arg),*);
    }};
}
