//! The conformance suite: module trees built from C and WAT sources by clang, run on every engine
//! compiled in, judged against expected output. See docs/conformance.md.

pub mod cpython;
pub mod cpython_suite;
pub mod fixtures;
pub mod fuzz;
pub mod manifest;
pub mod native;
pub mod program;
pub mod runner;
pub mod suite;
pub mod testing;
pub mod wabt_check;
pub mod wasi;
pub mod wasi_fs;
