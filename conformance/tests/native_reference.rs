//! Every case's expected output is what its sources print when built natively with gcc as ELF
//! shared objects (glibc's loader is the reference). A case that cannot be built natively says
//! why in its manifest (`not_native`).

use conformance::native::{run_case, skip_reason};
use conformance::suite::cases;

#[test]
fn expected_outputs_match_native_elf() {
    if std::process::Command::new("gcc")
        .arg("--version")
        .output()
        .is_err()
    {
        panic!("gcc is needed for the native reference");
    }
    let mut problems = Vec::new();
    let mut checked = 0;
    for case in cases(None).unwrap() {
        if skip_reason(&case).is_some() {
            continue;
        }
        let native = match run_case(&case) {
            Ok(n) => n,
            Err(e) => {
                problems.push(format!("{}: native build failed: {e}", case.name));
                continue;
            }
        };
        checked += 1;
        if let Some(want) = &case.run.stdout {
            if &native.stdout != want {
                problems.push(format!(
                    "{}: expected stdout differs from native:\n--- manifest\n{want}--- native\n{}",
                    case.name, native.stdout
                ));
            }
        }
        let want_code = if case.run.expect_load_error {
            127
        } else {
            case.run.exit_code
        };
        if native.exit_code != want_code {
            problems.push(format!(
                "{}: native exit code {} (manifest {want_code}); stderr: {}",
                case.name, native.exit_code, native.stderr
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
    assert!(checked >= 30, "only {checked} cases checked natively");
}
