//! PLT stubs moved into the importing module: calls through a lazily bound import at the speed
//! of a call within the module.
//!
//! A stub in its own module costs a call into another instance and then the `call_indirect`
//! through the PLT slot. When the importer's bytes are at hand (always, at load), the linker
//! instead rewrites the importer: each call of a function import bound through the PLT becomes
//! that `call_indirect` itself (the arguments are on the stack already: only the slot is pushed),
//! and the module imports the PLT table instead. A lazily bound call then costs what a call
//! through a function pointer costs. The import also becomes a function of the module whose body
//! is the `call_indirect` (the stub's body), for its other uses: `ref.func`, exports, element
//! segments (a non-PIE main module's table). Function indices are
//! renumbered throughout (calls, `ref.func`, exports, elements, the name section) with
//! `wasm-encoder`'s reencoder; the `dylink.0` section and the module's other custom sections are
//! kept as they are (DWARF is dropped: its code offsets no longer hold).
//!
//! Only imports whose symbol has a provider when the module is compiled are moved in; the others
//! keep their stub, which lets the host supply the function (see `instantiate`).

use wasm_encoder::reencode::{utils, Error as ReencodeError, Reencode};
use wasm_encoder::{
    CodeSection, EntityType, Function, FunctionSection, ImportSection, Instruction,
};
use wasmparser::{
    CodeSectionReader, FunctionSectionReader, ImportSectionReader, Operator, Parser, TypeRef,
};

use super::codegen::{plt_table_type, PLT_IMPORT};
use crate::plan::image::Inlined;

/// Why a module could not be rewritten (it is then used as it is, with stubs).
#[derive(Debug)]
pub(crate) struct NotRewritten(pub String);

struct Rewriter<'a> {
    /// Sorted by import position.
    moved: &'a [Inlined],
    /// The parameter count of each moved import, in order.
    param_counts: &'a [u32],
    /// For each moved import, in order: its function type index (filled while reading imports).
    moved_types: Vec<u32>,
    /// Function import index (among function imports) of each moved import.
    moved_funcs: Vec<u32>,
    imported_funcs: u32,
    imported_tables: u32,
    defined_funcs: u32,
    /// Whether the new functions were appended (the module has a code section).
    appended: bool,
}

impl Rewriter<'_> {
    /// The PLT table: right after the module's imported tables.
    fn plt_table(&self) -> u32 {
        self.imported_tables
    }
}

impl Reencode for Rewriter<'_> {
    type Error = String;

    fn function_index(&mut self, func: u32) -> Result<u32, ReencodeError<String>> {
        let k = self.moved_funcs.len() as u32;
        if func >= self.imported_funcs {
            return Ok(func - k);
        }
        Ok(match self.moved_funcs.binary_search(&func) {
            // A moved import: its new function, after the module's own.
            Ok(i) => self.imported_funcs - k + self.defined_funcs + i as u32,
            Err(before) => func - before as u32,
        })
    }

    fn table_index(&mut self, table: u32) -> Result<u32, ReencodeError<String>> {
        // The PLT table import comes after the imported tables, before the defined ones.
        Ok(if table >= self.imported_tables {
            table + 1
        } else {
            table
        })
    }

    fn parse_import_section(
        &mut self,
        out: &mut ImportSection,
        section: ImportSectionReader<'_>,
    ) -> Result<(), ReencodeError<String>> {
        let mut next = self.moved.iter().peekable();
        for (pos, imp) in section.into_imports().enumerate() {
            let imp = imp?;
            let moved = next.peek().is_some_and(|m| m.import == pos);
            match imp.ty {
                TypeRef::Func(ty) if moved => {
                    next.next();
                    self.moved_types.push(ty);
                    self.moved_funcs.push(self.imported_funcs);
                    self.imported_funcs += 1;
                    continue;
                }
                _ if moved => {
                    return Err(ReencodeError::UserError(format!(
                        "import {pos} ({}.{}) is not a function",
                        imp.module, imp.name
                    )))
                }
                TypeRef::Func(_) | TypeRef::FuncExact(_) => self.imported_funcs += 1,
                TypeRef::Table(_) => self.imported_tables += 1,
                _ => {}
            }
            let ty = self.entity_type(imp.ty)?;
            out.import(imp.module, imp.name, ty);
        }
        if next.next().is_some() {
            return Err(ReencodeError::UserError(
                "fewer imports than planned".into(),
            ));
        }
        out.import(
            PLT_IMPORT.0,
            PLT_IMPORT.1,
            EntityType::Table(plt_table_type()),
        );
        Ok(())
    }

    fn parse_function_section(
        &mut self,
        out: &mut FunctionSection,
        section: FunctionSectionReader<'_>,
    ) -> Result<(), ReencodeError<String>> {
        self.defined_funcs = section.count();
        utils::parse_function_section(self, out, section)?;
        for &ty in &self.moved_types {
            out.function(ty);
        }
        Ok(())
    }

    /// A call of a moved import becomes the stub's `call_indirect` right there: the arguments
    /// are on the stack already, so only the slot is pushed (no call of the new function: the
    /// inlining an engine would do, done here for every engine).
    fn parse_function_body(
        &mut self,
        out: &mut CodeSection,
        func: wasmparser::FunctionBody<'_>,
    ) -> Result<(), ReencodeError<String>> {
        let mut f = utils::new_function_with_parsed_locals(self, &func)?;
        let mut reader = func.get_operators_reader()?;
        let table = self.plt_table();
        while !reader.eof() {
            let op = reader.read()?;
            let moved = match op {
                Operator::Call { function_index } | Operator::ReturnCall { function_index } => self
                    .moved_funcs
                    .binary_search(&function_index)
                    .ok()
                    .map(|i| (i, matches!(op, Operator::ReturnCall { .. }))),
                _ => None,
            };
            match moved {
                Some((i, tail)) => {
                    let type_index = self.moved_types[i];
                    f.instruction(&Instruction::I32Const(self.moved[i].slot as i32));
                    f.instruction(&if tail {
                        Instruction::ReturnCallIndirect {
                            type_index,
                            table_index: table,
                        }
                    } else {
                        Instruction::CallIndirect {
                            type_index,
                            table_index: table,
                        }
                    });
                }
                None => {
                    f.instruction(&self.instruction(op)?);
                }
            }
        }
        out.function(&f);
        Ok(())
    }

    fn parse_code_section(
        &mut self,
        out: &mut CodeSection,
        section: CodeSectionReader<'_>,
    ) -> Result<(), ReencodeError<String>> {
        utils::parse_code_section(self, out, section)?;
        let table = self.plt_table();
        for ((m, &ty), &params) in self
            .moved
            .iter()
            .zip(&self.moved_types)
            .zip(self.param_counts)
        {
            let mut f = Function::new([]);
            for p in 0..params {
                f.instruction(&Instruction::LocalGet(p));
            }
            f.instruction(&Instruction::I32Const(m.slot as i32));
            f.instruction(&Instruction::CallIndirect {
                type_index: ty,
                table_index: table,
            });
            f.instruction(&Instruction::End);
            out.function(&f);
        }
        self.appended = true;
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

/// `bytes` with each import of `moved` (sorted by position) turned into a function that calls
/// through its PLT slot (see the module documentation); `param_counts[i]` is the parameter count
/// of `moved[i]`'s function type.
pub(crate) fn inline_stubs(
    bytes: &[u8],
    moved: &[Inlined],
    param_counts: &[u32],
) -> Result<Vec<u8>, NotRewritten> {
    if moved.windows(2).any(|w| w[0].import >= w[1].import) || moved.len() != param_counts.len() {
        return Err(NotRewritten("unsorted plan".into()));
    }
    let mut r = Rewriter {
        moved,
        param_counts,
        moved_types: Vec::new(),
        moved_funcs: Vec::new(),
        imported_funcs: 0,
        imported_tables: 0,
        defined_funcs: 0,
        appended: false,
    };
    let mut module = wasm_encoder::Module::new();
    r.parse_core_module(&mut module, Parser::new(0), bytes)
        .map_err(|e| NotRewritten(format!("{e:?}")))?;
    if !r.appended {
        return Err(NotRewritten("the module has no code section".into()));
    }
    Ok(module.finish())
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasmparser::{Payload, Validator};

    const MODULE: &str = r#"(module
        (type $t (func (param i32) (result i32)))
        (import "env" "a" (func $a (type $t)))
        (import "env" "__indirect_function_table" (table 2 funcref))
        (import "env" "b" (func $b (type $t)))
        (func $f (export "f") (param i32) (result i32) (call $b (call $a (local.get 0))))
        (func $g (export "g") (param i32) (result i32) (return_call $b (local.get 0)))
        (elem (i32.const 0) func $b $f)
        (export "b_alias" (func $b)))"#;

    /// Every instruction of every function body, as text.
    fn bodies(bytes: &[u8]) -> Vec<Vec<String>> {
        let mut out = Vec::new();
        for p in Parser::new(0).parse_all(bytes) {
            if let Payload::CodeSectionEntry(body) = p.unwrap() {
                let mut ops = Vec::new();
                let mut r = body.get_operators_reader().unwrap();
                while !r.eof() {
                    ops.push(format!("{:?}", r.read().unwrap()));
                }
                out.push(ops);
            }
        }
        out
    }

    #[test]
    fn calls_of_a_moved_import_become_call_indirect_through_its_slot() {
        let bytes = wat::parse_str(MODULE).unwrap();
        let moved = [Inlined { import: 2, slot: 7 }];
        let out = inline_stubs(&bytes, &moved, &[1]).unwrap();
        Validator::new().validate_all(&out).unwrap();
        let b = bodies(&out);
        // f: `a` is still import 0; `b`'s call is the slot's call_indirect on table 1 (the PLT
        // table, after the one imported table).
        assert_eq!(
            b[0],
            [
                "LocalGet { local_index: 0 }",
                "Call { function_index: 0 }",
                "I32Const { value: 7 }",
                "CallIndirect { type_index: 0, table_index: 1 }",
                "End"
            ]
        );
        assert!(b[1].contains(&"ReturnCallIndirect { type_index: 0, table_index: 1 }".into()));
        // The new function (index 3: one import, two functions before it) is the stub.
        assert_eq!(
            b[2],
            [
                "LocalGet { local_index: 0 }",
                "I32Const { value: 7 }",
                "CallIndirect { type_index: 0, table_index: 1 }",
                "End"
            ]
        );
        let mut exports = Vec::new();
        let mut imports = Vec::new();
        let mut elems = Vec::new();
        for p in Parser::new(0).parse_all(&out) {
            match p.unwrap() {
                Payload::ExportSection(r) => {
                    for e in r {
                        let e = e.unwrap();
                        exports.push((e.name.to_string(), e.index));
                    }
                }
                Payload::ImportSection(r) => {
                    for i in r.into_imports() {
                        let i = i.unwrap();
                        imports.push(format!("{}.{}", i.module, i.name));
                    }
                }
                Payload::ElementSection(r) => {
                    for e in r {
                        if let wasmparser::ElementItems::Functions(f) = e.unwrap().items {
                            elems.extend(f.into_iter().map(|i| i.unwrap()));
                        }
                    }
                }
                _ => {}
            }
        }
        assert_eq!(
            imports,
            ["env.a", "env.__indirect_function_table", "wasmlink.plt"]
        );
        assert_eq!(
            exports,
            [
                ("f".to_string(), 1),
                ("g".to_string(), 2),
                ("b_alias".to_string(), 3)
            ]
        );
        assert_eq!(elems, [3, 1]);
    }

    #[test]
    fn a_plan_that_does_not_fit_the_module_is_refused() {
        let bytes = wat::parse_str(MODULE).unwrap();
        // Import 1 is the table.
        let e = inline_stubs(&bytes, &[Inlined { import: 1, slot: 0 }], &[1]).unwrap_err();
        assert!(e.0.contains("not a function"), "{}", e.0);
        let e = inline_stubs(&bytes, &[Inlined { import: 9, slot: 0 }], &[1]).unwrap_err();
        assert!(e.0.contains("fewer imports"), "{}", e.0);
    }
}
