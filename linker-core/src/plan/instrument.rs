//! The safepoints a module carries in its code (docs/threads.md, "Waiting threads" and "Busy
//! threads"): a module is rewritten once, when it is read, so that a thread running it takes part
//! in other threads' link operations whatever it does.
//!
//! **Waits.** A thread blocked in `memory.atomic.wait32/64` (wasi-libc's `pthread_join`, a
//! contended mutex, a condition variable) runs no wasm and makes no host call, so it reaches no
//! safepoint, and another thread's `dlopen` would wait for it. Each wait instruction is bracketed
//! by calls of two linker imports:
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
//!
//! **Polls** (only for engines that cannot interrupt running wasm themselves, see
//! [`crate::Capabilities::resumable_safepoints`]; wasmtime's epochs need none). A thread
//! computing without calls never reaches a safepoint at a host call, so the linker puts one
//! where such a thread must pass: at the head of every loop, and at the entry of every function
//! that has two call sites or more, or a tail call. Without loops every instruction of a
//! function runs at most once per call of it, so a function with at most one call site (not a
//! tail call) makes at most one call: a chain of such calls is bounded by the stack's depth and
//! each link by its body's size. Running without bound then takes a loop (polled at its head),
//! a tail call (polled at the entry of its function), or a call tree that branches, whose
//! branching functions poll at entry. (Checking every function that calls, as wasmtime's epochs
//! do, doubles the checks of a chain of small calls: measured in docs/benchmarks.md.) Each is
//!
//! ```text
//! i32.const 960                 ;; the poll word (layout::POLL_WORD)
//! i32.load                      ;; non-zero while a link operation wants the threads stopped
//! if
//!   call wasmlink.poll          ;; the linker's safepoint: park, catch up, go on
//! end
//! ```
//!
//! The poll word is the last cache line below [`super::layout::GLOBAL_BASE`], which the linker's
//! layout keeps free (it places nothing below it, and wasm-ld's own layout of a non-PIE main
//! starts data there too), so its address is the same in every program: the rewritten bytes,
//! and the code compiled from them, do not depend on the program a module is loaded into. A link
//! operation raises it for every thread at once with one store, as wasmtime's epoch counter is
//! one counter of the engine. The load is a plain one: the host stores the word atomically, an
//! aligned word is never torn, and no compiler moves the load out of a loop whose body may call
//! (the poll itself); an atomic load would add an alignment check to every poll.
//!
//! This is the check a compiler middleware could add (wasmer's `FunctionMiddleware`), but a
//! middleware cannot add the import the check calls (every function index would move); done
//! here it is one implementation for every engine, tested on every engine, cached with the
//! compiled module like any module's code, and an engine without a middleware API (an
//! interpreter) gets it too.
//!
//! The imports are added after the module's own imports, so the module's own functions are
//! renumbered (calls, `ref.func`, exports, elements, the name section) with `wasm-encoder`'s reencoder, as for
//! moved PLT stubs; DWARF is dropped (its code offsets no longer hold). A module that needs
//! neither (no waits, and no polls asked for, or a memory that is not shared) is left as it is,
//! byte for byte.

use wasm_encoder::reencode::{utils, Error as ReencodeError, Reencode};
use wasm_encoder::{
    BlockType, CodeSection, EntityType, ImportSection, Instruction, MemArg, TypeSection,
};
use wasmparser::{ImportSectionReader, Operator, Parser, Payload, TypeRef, TypeSectionReader};

use super::builtin::{IMPORT_MODULE, POLL, WAIT_ENTER, WAIT_LEAVE};
use super::layout::POLL_WORD;

/// What to add to the modules a process reads (`LinkerConfig::wait_safepoints`, and polls where
/// the engine cannot interrupt wasm).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Instrumentation {
    /// Bracket every futex wait.
    pub waits: bool,
    /// Poll at loop heads and at the entry of functions that call.
    pub polls: bool,
}

/// Whether `op` is a wait instruction.
fn is_wait(op: &Operator<'_>) -> bool {
    matches!(
        op,
        Operator::MemoryAtomicWait32 { .. } | Operator::MemoryAtomicWait64 { .. }
    )
}

/// Whether `op` calls a function and returns here after.
fn is_call(op: &Operator<'_>) -> bool {
    matches!(
        op,
        Operator::Call { .. } | Operator::CallIndirect { .. } | Operator::CallRef { .. }
    )
}

/// Whether `op` is a tail call.
fn is_tail_call(op: &Operator<'_>) -> bool {
    matches!(
        op,
        Operator::ReturnCall { .. }
            | Operator::ReturnCallIndirect { .. }
            | Operator::ReturnCallRef { .. }
    )
}

/// What a module needs: whether its memory is shared, and whether it has a wait instruction. Only
/// a module whose memory is shared can wait (a wait on an unshared memory fails validation) or
/// run on several threads, so others are not scanned further.
struct Scan {
    shared: bool,
    waits: bool,
    /// Whether the module has a type and an import section, where the additions go. A module
    /// with a shared memory of its own that imports nothing shares it with no other thread:
    /// it runs as built.
    sections: bool,
}

fn scan(bytes: &[u8], look_for_waits: bool) -> Result<Scan, String> {
    let mut s = Scan {
        shared: false,
        waits: false,
        sections: false,
    };
    let mut types = false;
    for payload in Parser::new(0).parse_all(bytes) {
        match payload.map_err(|e| e.to_string())? {
            Payload::TypeSection(_) => types = true,
            Payload::ImportSection(r) => {
                s.sections = types;
                for imp in r.into_imports() {
                    if let TypeRef::Memory(m) = imp.map_err(|e| e.to_string())?.ty {
                        s.shared |= m.shared;
                    }
                }
            }
            Payload::MemorySection(r) => {
                for m in r {
                    s.shared |= m.map_err(|e| e.to_string())?.shared;
                }
            }
            Payload::CodeSectionStart { range, .. } => {
                // Cheap pre-check: a wait is encoded 0xFE 0x01 or 0xFE 0x02 (the prefix and
                // a one-byte LEB); without that byte pair anywhere there is none.
                // A section claiming more bytes than the file has is the parser's to report.
                let code = bytes
                    .get(range.start..range.end)
                    .ok_or("the code section runs past the end of the file")?;
                if !s.shared
                    || !look_for_waits
                    || !code
                        .windows(2)
                        .any(|w| w[0] == 0xFE && matches!(w[1], 1 | 2))
                {
                    return Ok(s);
                }
            }
            Payload::CodeSectionEntry(body) => {
                let mut ops = body.get_operators_reader().map_err(|e| e.to_string())?;
                while !ops.eof() {
                    if is_wait(&ops.read().map_err(|e| e.to_string())?) {
                        s.waits = true;
                        return Ok(s);
                    }
                }
            }
            _ => {}
        }
    }
    Ok(s)
}

/// Whether the module has a wait instruction.
#[cfg(test)]
pub(crate) fn has_waits(bytes: &[u8]) -> Result<bool, String> {
    Ok(scan(bytes, true)?.waits)
}

struct Rewriter {
    /// What is added.
    waits: bool,
    polls: bool,
    /// Function imports of the module (the new ones come right after them).
    imported_funcs: u32,
    /// The type index of `[] -> []`, appended to the type section.
    unit_type: Option<u32>,
}

impl Rewriter {
    /// How many functions are added.
    fn added_funcs(&self) -> u32 {
        2 * self.waits as u32 + self.polls as u32
    }
    fn wait_leave(&self) -> u32 {
        self.imported_funcs
    }
    fn wait_enter(&self) -> u32 {
        self.imported_funcs + 1
    }
    fn poll(&self) -> u32 {
        self.imported_funcs + 2 * self.waits as u32
    }

    /// The poll sequence (see the module documentation).
    fn emit_poll(&self, f: &mut wasm_encoder::Function) {
        f.instruction(&Instruction::I32Const(POLL_WORD as i32));
        f.instruction(&Instruction::I32Load(MemArg {
            offset: 0,
            align: 2,
            memory_index: 0,
        }));
        f.instruction(&Instruction::If(BlockType::Empty));
        f.instruction(&Instruction::Call(self.poll()));
        f.instruction(&Instruction::End);
    }
}

impl Reencode for Rewriter {
    type Error = String;

    fn function_index(&mut self, func: u32) -> Result<u32, ReencodeError<String>> {
        Ok(if func >= self.imported_funcs {
            func + self.added_funcs()
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
        if self.waits {
            out.import(IMPORT_MODULE, WAIT_LEAVE, EntityType::Function(unit));
            out.import(IMPORT_MODULE, WAIT_ENTER, EntityType::Function(unit));
        }
        if self.polls {
            out.import(IMPORT_MODULE, POLL, EntityType::Function(unit));
        }
        Ok(())
    }

    fn parse_function_body(
        &mut self,
        out: &mut CodeSection,
        func: wasmparser::FunctionBody<'_>,
    ) -> Result<(), ReencodeError<String>> {
        let mut f = utils::new_function_with_parsed_locals(self, &func)?;
        if self.polls {
            // A poll at the entry of a function that can make two calls or more per invocation,
            // or a tail call (see the module documentation).
            let mut reader = func.get_operators_reader()?;
            let (mut calls, mut tail) = (0u32, false);
            while !reader.eof() && calls < 2 && !tail {
                let op = reader.read()?;
                calls += is_call(&op) as u32;
                tail |= is_tail_call(&op);
            }
            if calls >= 2 || tail {
                self.emit_poll(&mut f);
            }
        }
        let mut reader = func.get_operators_reader()?;
        while !reader.eof() {
            let op = reader.read()?;
            if self.waits && is_wait(&op) {
                f.instruction(&Instruction::Call(self.wait_leave()));
                f.instruction(&self.instruction(op)?);
                f.instruction(&Instruction::Call(self.wait_enter()));
            } else if self.polls && matches!(op, Operator::Loop { .. }) {
                f.instruction(&self.instruction(op)?);
                self.emit_poll(&mut f);
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

/// `bytes` as the process runs them (see the module documentation): waits bracketed, polls
/// added, or `bytes` as they are when the module needs neither.
pub(crate) fn instrument(bytes: Vec<u8>, what: Instrumentation) -> Result<Vec<u8>, String> {
    if !what.waits && !what.polls {
        return Ok(bytes);
    }
    // A module that does not parse is left to the parser that describes it, whose error names
    // what is wrong (not a WebAssembly module, ...).
    let Ok(s) = scan(&bytes, what.waits) else {
        return Ok(bytes);
    };
    let polls = what.polls && s.shared;
    if !s.sections || (!s.waits && !polls) {
        return Ok(bytes);
    }
    let mut r = Rewriter {
        waits: s.waits,
        polls,
        imported_funcs: 0,
        unit_type: None,
    };
    let mut module = wasm_encoder::Module::new();
    r.parse_core_module(&mut module, Parser::new(0), &bytes)
        .map_err(|e| format!("{e:?}"))?;
    Ok(module.finish())
}
#[cfg(test)]
#[path = "instrument_tests.rs"]
mod tests;
