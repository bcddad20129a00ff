//! The wasm side of the guest's `dlsym` cache (`crate::dlfcn::dlsym_front` says why and how): the
//! *front* module every group instantiates, which looks a name up in the calling thread's cache
//! in the process memory and calls the host on a miss. Also the cache's geometry and hash, which
//! the host side shares so that it writes the entry the front reads.

use wasm_encoder::{
    BlockType, CodeSection, EntityType, ExportKind, ExportSection, Function, FunctionSection,
    GlobalType, ImportSection, Instruction, MemArg, TypeSection, ValType,
};

use super::{assemble, process_memory_type};

/// Entries per thread (a power of two: the hash's low bits pick one).
pub(crate) const ENTRIES: u32 = 64;
/// Bytes per entry: generation, handle, result, length (4 bytes each), then the name.
pub(crate) const ENTRY: u32 = 64;
/// The longest name an entry holds.
pub(crate) const NAME_MAX: u32 = ENTRY - 16;

/// FNV-1a over the name's bytes: what the front computes, to pick the same entry.
pub(crate) fn hash(name: &[u8]) -> u32 {
    name.iter().fold(0x811c_9dc5u32, |h, &b| {
        (h ^ b as u32).wrapping_mul(0x0100_0193)
    })
}

/// The front module: imports `env.memory` (the process memory's type), `wasmlink.dlsym_host`
/// (`(handle, name, caller) -> i32`), the mutable globals `wasmlink.dlsym_cache` and
/// `wasmlink.dlsym_generation`, and the constant `wasmlink.dlsym_caller` (the id of the module
/// the instance serves); exports `dlsym`. (Over 80 lines: its body is one list of
/// instructions, the front's whole program, which reads best in one piece.)
pub(crate) fn front_module(max_pages: u32, shared: bool) -> Vec<u8> {
    use Instruction as I;
    let mut types = TypeSection::new();
    types
        .ty()
        .function([ValType::I32, ValType::I32], [ValType::I32]);
    types
        .ty()
        .function([ValType::I32, ValType::I32, ValType::I32], [ValType::I32]);
    let mut imports = ImportSection::new();
    imports.import("env", "memory", process_memory_type(max_pages, shared));
    imports.import("wasmlink", "dlsym_host", EntityType::Function(1));
    let global = EntityType::Global(GlobalType {
        val_type: ValType::I32,
        mutable: true,
        shared: false,
    });
    imports.import("wasmlink", "dlsym_cache", global);
    imports.import("wasmlink", "dlsym_generation", global);
    imports.import(
        "wasmlink",
        "dlsym_caller",
        EntityType::Global(GlobalType {
            val_type: ValType::I32,
            mutable: false,
            shared: false,
        }),
    );
    let mut funcs = FunctionSection::new();
    funcs.function(0);
    let mut exports = ExportSection::new();
    exports.export("dlsym", ExportKind::Func, 1);

    // Parameters 0 (handle) and 1 (name); locals 2 (p, then the length), 3 (hash), 4 (byte),
    // 5 (entry), 6 (i).
    let (handle, name, p, h, b, e, i) = (0, 1, 2, 3, 4, 5, 6);
    let (cache, generation, caller) = (0, 1, 2);
    let at = |offset: u64, align: u32| MemArg {
        offset,
        align,
        memory_index: 0,
    };
    let mut f = Function::new([(5, ValType::I32)]);
    let body = [
        I::Block(BlockType::Empty), // $slow
        // No cache yet.
        I::GlobalGet(cache),
        I::I32Eqz,
        I::BrIf(0),
        // Hash the name up to its NUL; longer than NAME_MAX: the host.
        I::LocalGet(name),
        I::LocalSet(p),
        I::I32Const(0x811c_9dc5u32 as i32),
        I::LocalSet(h),
        I::Block(BlockType::Empty), // $end
        I::Loop(BlockType::Empty),
        I::LocalGet(p),
        I::I32Load8U(at(0, 0)),
        I::LocalTee(b),
        I::I32Eqz,
        I::BrIf(1),
        I::LocalGet(h),
        I::LocalGet(b),
        I::I32Xor,
        I::I32Const(0x0100_0193),
        I::I32Mul,
        I::LocalSet(h),
        I::LocalGet(p),
        I::I32Const(1),
        I::I32Add,
        I::LocalTee(p),
        I::LocalGet(name),
        I::I32Sub,
        I::I32Const(NAME_MAX as i32),
        I::I32GtU,
        I::BrIf(2),
        I::Br(0),
        I::End,
        I::End,
        // p := length.
        I::LocalGet(p),
        I::LocalGet(name),
        I::I32Sub,
        I::LocalSet(p),
        // e := cache + (h % ENTRIES) * ENTRY.
        I::GlobalGet(cache),
        I::LocalGet(h),
        I::I32Const((ENTRIES - 1) as i32),
        I::I32And,
        I::I32Const(ENTRY.trailing_zeros() as i32),
        I::I32Shl,
        I::I32Add,
        I::LocalSet(e),
        // The entry's generation, handle and length must match.
        I::LocalGet(e),
        I::I32Load(at(0, 2)),
        I::GlobalGet(generation),
        if shared {
            I::I32AtomicLoad(at(0, 2))
        } else {
            I::I32Load(at(0, 2))
        },
        I::I32Ne,
        I::BrIf(0),
        I::LocalGet(e),
        I::I32Load(at(4, 2)),
        I::LocalGet(handle),
        I::I32Ne,
        I::BrIf(0),
        I::LocalGet(e),
        I::I32Load(at(12, 2)),
        I::LocalGet(p),
        I::I32Ne,
        I::BrIf(0),
        // And the name, byte by byte.
        I::I32Const(0),
        I::LocalSet(i),
        I::Block(BlockType::Empty), // $same
        I::Loop(BlockType::Empty),
        I::LocalGet(i),
        I::LocalGet(p),
        I::I32GeU,
        I::BrIf(1),
        I::LocalGet(e),
        I::LocalGet(i),
        I::I32Add,
        I::I32Load8U(at(16, 0)),
        I::LocalGet(name),
        I::LocalGet(i),
        I::I32Add,
        I::I32Load8U(at(0, 0)),
        I::I32Ne,
        I::BrIf(2),
        I::LocalGet(i),
        I::I32Const(1),
        I::I32Add,
        I::LocalSet(i),
        I::Br(0),
        I::End,
        I::End,
        I::LocalGet(e),
        I::I32Load(at(8, 2)),
        I::Return,
        I::End,
        // $slow: the host.
        I::LocalGet(handle),
        I::LocalGet(name),
        I::GlobalGet(caller),
        I::Call(0),
        I::End,
    ];
    for ins in &body {
        f.instruction(ins);
    }
    let mut code = CodeSection::new();
    code.function(&f);
    assemble(&types, &imports, &funcs, &exports, &code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_front_is_valid_wasm() {
        for shared in [false, true] {
            let bytes = front_module(16384, shared);
            wasmparser::Validator::new_with_features(wasmparser::WasmFeatures::all())
                .validate_all(&bytes)
                .unwrap();
        }
    }

    #[test]
    fn fnv1a_matches_its_reference_values() {
        assert_eq!(hash(b""), 0x811c_9dc5);
        assert_eq!(hash(b"a"), 0xe40c_292c);
        assert_eq!(hash(b"foobar"), 0xbf9c_f968);
    }
}
