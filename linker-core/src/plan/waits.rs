//! Futex waits as safepoints (docs/threads.md, "Waiting threads").
//!
//! A thread blocked in `memory.atomic.wait32/64` (wasi-libc's `pthread_join`, a contended
//! mutex, a condition variable) runs no wasm and makes no host call, so it reaches no safepoint,
//! and another thread's `dlopen` would wait for it. When a module is read, each wait instruction
//! in it is bracketed by calls of two linker imports:
//!
//! ```text
//! call wasmlink.wait_leave      ;; the group counts as idle, as in a blocking host call
//! memory.atomic.wait32/64       ;; the engine's own wait, unchanged
//! call wasmlink.wait_enter      ;; back: wait for an operation in progress, catch up
//! ```
//!
//! Both calls take and give nothing, so the wait's operands and result stay where they are on
//! the stack. The wait itself is still the engine's instruction, so its semantics (the value
//! check, the timeout, the result 0/1/2, a `memory.atomic.notify` from any thread's wasm waking
//! it) are exactly the engine's; no engine needs a host-side wait on the guest's futex queue.
//! While the group is idle, a link operation of another thread goes on without it; before the
//! waiter runs wasm again it brings its store up to date, as after any blocking call.
//!
//! The imports are added after the module's own function imports, so the module's own
//! functions are renumbered (calls, `ref.func`, exports, elements, the name section) with
//! `wasm-encoder`'s reencoder, as for moved PLT stubs; DWARF is dropped (its code offsets no
//! longer hold). A module without wait instructions is left as it is, byte for byte.

use wasm_encoder::reencode::{utils, Error as ReencodeError, Reencode};
use wasm_encoder::{CodeSection, EntityType, ImportSection, Instruction, TypeSection};
use wasmparser::{ImportSectionReader, Operator, Parser, Payload, TypeRef, TypeSectionReader};

use super::builtin::{IMPORT_MODULE, WAIT_ENTER, WAIT_LEAVE};

/// Whether `op` is a wait instruction.
fn is_wait(op: &Operator<'_>) -> bool {
    matches!(
        op,
        Operator::MemoryAtomicWait32 { .. } | Operator::MemoryAtomicWait64 { .. }
    )
}

/// Whether the module has a wait instruction. Only a module whose memory is shared can (a wait
/// on an unshared memory fails validation), so others are not scanned.
pub(crate) fn has_waits(bytes: &[u8]) -> Result<bool, String> {
    let mut shared = false;
    for payload in Parser::new(0).parse_all(bytes) {
        match payload.map_err(|e| e.to_string())? {
            Payload::ImportSection(r) => {
                for imp in r.into_imports() {
                    if let TypeRef::Memory(m) = imp.map_err(|e| e.to_string())?.ty {
                        shared |= m.shared;
                    }
                }
            }
            Payload::MemorySection(r) => {
                for m in r {
                    shared |= m.map_err(|e| e.to_string())?.shared;
                }
            }
            Payload::CodeSectionStart { range, .. } => {
                // Cheap pre-check: a wait is encoded 0xFE 0x01 or 0xFE 0x02 (the prefix and
                // a one-byte LEB); without that byte pair anywhere there is none.
                let code = &bytes[range.start..range.end];
                if !shared
                    || !code
                        .windows(2)
                        .any(|w| w[0] == 0xFE && matches!(w[1], 1 | 2))
                {
                    return Ok(false);
                }
            }
            Payload::CodeSectionEntry(body) => {
                let mut ops = body.get_operators_reader().map_err(|e| e.to_string())?;
                while !ops.eof() {
                    if is_wait(&ops.read().map_err(|e| e.to_string())?) {
                        return Ok(true);
                    }
                }
            }
            _ => {}
        }
    }
    Ok(false)
}

struct Rewriter {
    /// Function imports of the module (the new imports come right after them).
    imported_funcs: u32,
    /// The type index of `[] -> []`, appended to the type section.
    unit_type: Option<u32>,
}

impl Rewriter {
    fn leave(&self) -> u32 {
        self.imported_funcs
    }
}

impl Reencode for Rewriter {
    type Error = String;

    fn function_index(&mut self, func: u32) -> Result<u32, ReencodeError<String>> {
        Ok(if func >= self.imported_funcs {
            func + 2
        } else {
            func
        })
    }

    fn parse_type_section(
        &mut self,
        out: &mut TypeSection,
        section: TypeSectionReader<'_>,
    ) -> Result<(), ReencodeError<String>> {
        let mut count = 0u32;
        for group in section {
            let group = group?;
            count += group.types().len() as u32;
            self.parse_recursive_type_group(out.ty(), group)?;
        }
        out.ty().function([], []);
        self.unit_type = Some(count);
        Ok(())
    }

    fn parse_import_section(
        &mut self,
        out: &mut ImportSection,
        section: ImportSectionReader<'_>,
    ) -> Result<(), ReencodeError<String>> {
        for imp in section.into_imports() {
            let imp = imp?;
            if matches!(imp.ty, TypeRef::Func(_) | TypeRef::FuncExact(_)) {
                self.imported_funcs += 1;
            }
            let ty = self.entity_type(imp.ty)?;
            out.import(imp.module, imp.name, ty);
        }
        let unit = self
            .unit_type
            .ok_or_else(|| ReencodeError::UserError("no type section".to_string()))?;
        out.import(IMPORT_MODULE, WAIT_LEAVE, EntityType::Function(unit));
        out.import(IMPORT_MODULE, WAIT_ENTER, EntityType::Function(unit));
        Ok(())
    }

    fn parse_function_body(
        &mut self,
        out: &mut CodeSection,
        func: wasmparser::FunctionBody<'_>,
    ) -> Result<(), ReencodeError<String>> {
        let mut f = utils::new_function_with_parsed_locals(self, &func)?;
        let mut reader = func.get_operators_reader()?;
        while !reader.eof() {
            let op = reader.read()?;
            if is_wait(&op) {
                f.instruction(&Instruction::Call(self.leave()));
                f.instruction(&self.instruction(op)?);
                f.instruction(&Instruction::Call(self.leave() + 1));
            } else {
                f.instruction(&self.instruction(op)?);
            }
        }
        out.function(&f);
        Ok(())
    }

    fn parse_custom_section(
        &mut self,
        module: &mut wasm_encoder::Module,
        section: wasmparser::CustomSectionReader<'_>,
    ) -> Result<(), ReencodeError<String>> {
        crate::metadata::reencode::custom_section_without_dwarf(self, module, section)
    }
}

/// `bytes` with every wait instruction bracketed by the linker's two imports (see the module
/// documentation), or `bytes` as they are when the module has none.
pub(crate) fn bracket_waits(bytes: Vec<u8>) -> Result<Vec<u8>, String> {
    // A module that does not parse is left to the parser that describes it, whose error names
    // what is wrong (not a WebAssembly module, ...).
    if !has_waits(&bytes).unwrap_or(false) {
        return Ok(bytes);
    }
    let mut r = Rewriter {
        imported_funcs: 0,
        unit_type: None,
    };
    let mut module = wasm_encoder::Module::new();
    r.parse_core_module(&mut module, Parser::new(0), &bytes)
        .map_err(|e| format!("{e:?}"))?;
    Ok(module.finish())
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasmparser::Validator;

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

    #[test]
    fn each_wait_is_bracketed_and_functions_renumbered() {
        let bytes = wat::parse_str(MODULE).unwrap();
        let out = bracket_waits(bytes).unwrap();
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
        let mut imports = Vec::new();
        let mut exports = Vec::new();
        for p in Parser::new(0).parse_all(&out) {
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
        assert_eq!(bracket_waits(bytes.clone()).unwrap(), bytes);
        // A shared memory and the byte pair in an immediate, but no wait.
        let bytes = wat::parse_str(r#"(module (memory 1 1 shared) (func (drop (i32.const 254))))"#)
            .unwrap();
        assert!(!has_waits(&bytes).unwrap());
    }
}
