//! A fixed range of the differential fuzzer's seeds (docs/conformance.md, "Fuzzing"): random
//! programs of shared libraries, built natively as ELF and as dylink.0 modules, must print the
//! same on every engine, in both build shapes. The long runs are `conformance fuzz`.

use conformance::fuzz::run;
use conformance::manifest::Shape;
use conformance::runner::EngineKind;

#[test]
fn random_trees_print_what_native_elf_prints() {
    let s = run(
        0..6,
        &EngineKind::all(),
        &[Shape::Threads, Shape::Single],
        None,
        |line| println!("{line}"),
    );
    assert!(s.bad_programs.is_empty(), "{:?}", s.bad_programs);
    assert!(s.differences.is_empty(), "{:#?}", s.differences);
    assert_eq!(s.programs, 6 * 2 * EngineKind::all().len());
}
