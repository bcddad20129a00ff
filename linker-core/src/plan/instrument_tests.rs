//! Tests of `instrument.rs`: the rewrite's output, checked instruction by instruction.

use super::*;
use wasmparser::Validator;

const WAITS: Instrumentation = Instrumentation {
    waits: true,
    polls: false,
};

const MODULE: &str = r#"(module
    (import "env" "memory" (memory 1 1 shared))
    (import "env" "f" (func $f (param i32)))
    (func $wait (export "wait") (param i32 i32 i64) (result i32)
        (call $f (i32.const 1))
        (memory.atomic.wait32 offset=8 (local.get 0) (local.get 1) (local.get 2)))
    (func $g (export "g") (result i64)
        (drop (memory.atomic.wait64 (i32.const 0) (i64.const 0) (i64.const -1)))
        (call $wait (i32.const 0) (i32.const 0) (i64.const 0))
        (i64.extend_i32_u))
    (table 1 funcref)
    (elem (i32.const 0) func $g))"#;

fn ops(bytes: &[u8]) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    for p in Parser::new(0).parse_all(bytes) {
        if let Payload::CodeSectionEntry(body) = p.unwrap() {
            let mut r = body.get_operators_reader().unwrap();
            let mut v = Vec::new();
            while !r.eof() {
                v.push(format!("{:?}", r.read().unwrap()));
            }
            out.push(v);
        }
    }
    out
}

/// The module's imports (`module.name`) and exports (name, index), in order.
fn imports_and_exports(bytes: &[u8]) -> (Vec<String>, Vec<(String, u32)>) {
    let mut imports = Vec::new();
    let mut exports = Vec::new();
    for p in Parser::new(0).parse_all(bytes) {
        match p.unwrap() {
            Payload::ImportSection(r) => {
                for i in r.into_imports() {
                    let i = i.unwrap();
                    imports.push(format!("{}.{}", i.module, i.name));
                }
            }
            Payload::ExportSection(r) => {
                for e in r {
                    let e = e.unwrap();
                    exports.push((e.name.to_string(), e.index));
                }
            }
            _ => {}
        }
    }
    (imports, exports)
}

#[test]
fn each_wait_is_bracketed_and_functions_renumbered() {
    let bytes = wat::parse_str(MODULE).unwrap();
    let out = instrument(bytes, WAITS).unwrap();
    Validator::new_with_features(wasmparser::WasmFeatures::all())
        .validate_all(&out)
        .unwrap();
    let b = ops(&out);
    // Import 0 is `f`; the two new imports are functions 1 and 2; `wait` is now 3.
    let wait = b[0]
        .iter()
        .position(|o| o.starts_with("MemoryAtomicWait32"))
        .unwrap();
    assert_eq!(b[0][wait - 1], "Call { function_index: 1 }");
    assert_eq!(b[0][wait + 1], "Call { function_index: 2 }");
    assert!(b[0][wait].contains("offset: 8"), "{}", b[0][wait]);
    assert!(b[0].contains(&"Call { function_index: 0 }".to_string()));
    let wait64 = b[1]
        .iter()
        .position(|o| o.starts_with("MemoryAtomicWait64"))
        .unwrap();
    assert_eq!(b[1][wait64 - 1], "Call { function_index: 1 }");
    assert_eq!(b[1][wait64 + 1], "Call { function_index: 2 }");
    assert!(b[1].contains(&"Call { function_index: 3 }".to_string()));
    let (imports, exports) = imports_and_exports(&out);
    assert_eq!(
        imports,
        [
            "env.memory",
            "env.f",
            "wasmlink.wait_leave",
            "wasmlink.wait_enter"
        ]
    );
    assert_eq!(exports, [("wait".to_string(), 3), ("g".to_string(), 4)]);
}

#[test]
fn a_module_without_waits_is_left_as_it_is() {
    let bytes =
        wat::parse_str(r#"(module (memory 1 1 shared) (func (drop (memory.atomic.notify (i32.const 0) (i32.const 1)))))"#)
            .unwrap();
    assert_eq!(instrument(bytes.clone(), WAITS).unwrap(), bytes);
    // A shared memory and the byte pair in an immediate, but no wait.
    let bytes =
        wat::parse_str(r#"(module (memory 1 1 shared) (func (drop (i32.const 254))))"#).unwrap();
    assert!(!has_waits(&bytes).unwrap());
}

const LOOPS: &str = r#"(module
    (import "env" "memory" (memory 1 1 shared))
    (import "env" "__memory_base" (global $base i32))
    (import "env" "f" (func $f))
    (global $counter (mut i32) (i32.const 0))
    (func $leaf (export "leaf") (param i32) (result i32)
        (i32.add (local.get 0) (global.get $base)))
    (func $spin (export "spin") (param i32)
        (loop $l
            (global.set $counter (i32.add (global.get $counter) (i32.const 1)))
            (br_if $l (i32.ne (global.get $counter) (local.get 0)))))
    (func $calls (export "calls")
        (call $f)
        (drop (memory.atomic.wait32 (i32.const 0) (i32.const 0) (i64.const 0)))
        (call $f))
    (func $once (call $f))
    (func $tail (return_call $once))
    (export "counter" (global $counter)))"#;

#[test]
fn polls_go_at_loop_heads_and_entries_of_functions_that_call() {
    let bytes = wat::parse_str(LOOPS).unwrap();
    let both = Instrumentation {
        waits: true,
        polls: true,
    };
    let out = instrument(bytes, both).unwrap();
    Validator::new_with_features(wasmparser::WasmFeatures::all())
        .validate_all(&out)
        .unwrap();
    let b = ops(&out);
    // Imports: memory, base, f, then wait_leave (1), wait_enter (2), poll (3); globals keep
    // their indices.
    let poll = [
        "I32Const { value: 960 }",
        "I32Load { memarg: MemArg { align: 2, max_align: 2, offset: 0, memory: 0 } }",
        "If { blockty: Empty }",
        "Call { function_index: 3 }",
        "End",
    ];
    // The leaf neither loops nor calls: unchanged.
    assert!(
        !b[0].iter().any(|o| o.contains("function_index: 3")),
        "{:?}",
        b[0]
    );
    assert_eq!(b[0][1], "GlobalGet { global_index: 0 }");
    // The loop: a poll right after its head; it does not call, so none at its entry.
    let head = b[1].iter().position(|o| o.starts_with("Loop")).unwrap();
    assert_eq!(head, 0);
    assert_eq!(&b[1][head + 1..head + 6], &poll);
    assert!(b[1].contains(&"GlobalSet { global_index: 1 }".to_string()));
    // A function with two call sites polls at its entry, and its wait is still bracketed.
    assert_eq!(&b[2][..5], &poll);
    // One call site: no poll (at most one call per call of it); a tail call: a poll.
    assert!(
        !b[3].iter().any(|o| o.contains("function_index: 3")),
        "{:?}",
        b[3]
    );
    assert_eq!(&b[4][..5], &poll);
    let wait = b[2]
        .iter()
        .position(|o| o.starts_with("MemoryAtomicWait32"))
        .unwrap();
    assert_eq!(b[2][wait - 1], "Call { function_index: 1 }");
    assert_eq!(b[2][wait + 1], "Call { function_index: 2 }");
    let (imports, exports) = imports_and_exports(&out);
    assert_eq!(
        imports,
        [
            "env.memory",
            "env.__memory_base",
            "env.f",
            "wasmlink.wait_leave",
            "wasmlink.wait_enter",
            "wasmlink.poll"
        ]
    );
    assert_eq!(
        exports,
        [
            ("leaf".to_string(), 4),
            ("spin".to_string(), 5),
            ("calls".to_string(), 6),
            ("counter".to_string(), 1)
        ]
    );
}

#[test]
fn polls_only_where_memory_is_shared() {
    let unshared = LOOPS
        .replace("(memory 1 1 shared)", "(memory 1 1)")
        .replace(
            "(drop (memory.atomic.wait32 (i32.const 0) (i32.const 0) (i64.const 0)))",
            "",
        );
    let bytes = wat::parse_str(unshared).unwrap();
    let polls = Instrumentation {
        waits: true,
        polls: true,
    };
    assert_eq!(instrument(bytes.clone(), polls).unwrap(), bytes);
    // Polls without waits: no wait imports, the poll is function 1.
    let bytes = wat::parse_str(LOOPS.replace(
        "(drop (memory.atomic.wait32 (i32.const 0) (i32.const 0) (i64.const 0)))",
        "",
    ))
    .unwrap();
    let only = Instrumentation {
        waits: false,
        polls: true,
    };
    let out = instrument(bytes, only).unwrap();
    Validator::new_with_features(wasmparser::WasmFeatures::all())
        .validate_all(&out)
        .unwrap();
    assert_eq!(ops(&out)[2][3], "Call { function_index: 1 }");
}

#[test]
fn a_code_section_running_past_the_end_is_left_to_the_parser() {
    // Found by the `plan` cargo-fuzz target: a module cut short inside its code section made the
    // scan slice past the end of the bytes (a panic). Cut anywhere, it is an answer (the module
    // or an error), and cut inside the code section it is returned as it is.
    let whole = wat::parse_str(MODULE).unwrap();
    let every = Instrumentation {
        waits: true,
        polls: true,
    };
    let code = wasmparser::Parser::new(0)
        .parse_all(&whole)
        .find_map(|p| match p {
            Ok(wasmparser::Payload::CodeSectionStart { range, .. }) => Some(range),
            _ => None,
        })
        .unwrap();
    for len in 8..whole.len() {
        let cut = whole[..len].to_vec();
        // An error or a module, never a panic.
        let out = instrument(cut.clone(), every);
        if code.start < len && len < code.end {
            assert_eq!(out.unwrap(), cut, "cut at {len}");
        }
    }
}
