//! A fixed range of the differential fuzzer's seeds (docs/conformance.md, "Fuzzing"): random
//! programs of shared libraries, built natively as ELF and as dylink.0 modules, must print the
//! same on every engine, in both build shapes. The long runs are `conformance fuzz`.

use conformance::fuzz::run;
use conformance::manifest::Shape;
use conformance::runner::EngineKind;

#[test]
fn random_trees_print_what_native_elf_prints() {
    let engines: Vec<EngineKind> = EngineKind::all()
        .into_iter()
        .chain(EngineKind::interpreters())
        .collect();
    let s = run(
        0..10,
        &engines,
        &[Shape::Threads, Shape::Single],
        &[],
        None,
        |line| println!("{line}"),
    );
    assert!(s.bad_programs.is_empty(), "{:?}", s.bad_programs);
    assert!(s.differences.is_empty(), "{:#?}", s.differences);
    // wasmi runs the single-threaded builds only.
    let expected = 10 * (2 * EngineKind::all().len() + EngineKind::interpreters().len());
    assert_eq!(s.programs, expected);
}
