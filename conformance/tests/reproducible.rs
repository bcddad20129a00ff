//! The fixture builder is reproducible: the same sources give byte-identical modules, built again
//! from scratch into another directory.

use conformance::fixtures::{build_case, case_root};
use conformance::suite::cases;

#[test]
fn same_sources_same_bytes() {
    for name in ["side-libc", "lua"] {
        let case = cases(Some(name))
            .unwrap()
            .into_iter()
            .find(|c| c.name == name)
            .unwrap();
        let first = build_case(&case).unwrap();
        let mut again = case.clone();
        again.name = format!("repro-{name}");
        let _ = std::fs::remove_dir_all(case_root(&again));
        let second = build_case(&again).unwrap();
        for m in &case.modules {
            let a = std::fs::read(first.join(&m.out)).unwrap();
            let b = std::fs::read(second.join(&m.out)).unwrap();
            assert!(a == b, "{name}: {} differs between two builds", m.out);
        }
        let _ = std::fs::remove_dir_all(&second);
    }
}
