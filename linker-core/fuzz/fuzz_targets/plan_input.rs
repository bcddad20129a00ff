//! The `plan` target's input: what `arbitrary` draws (the tree, each module's shape, the
//! settings), and the names and signatures it draws from.

use arbitrary::Arbitrary;
use wasm_encoder::ValType;

pub(crate) const SYMS: [&str; 12] = [
    "f0",
    "f1",
    "f2",
    "f3",
    "d0",
    "d1",
    "d2",
    "t0",
    "t1",
    "dlopen",
    "__wasm_call_ctors",
    "malloc",
];
/// Names `GOT.mem` and `env` globals are imported under: data symbols and the well-known ones.
pub(crate) const GLOBALS: [&str; 13] = [
    "d0",
    "d1",
    "t0",
    "f0",
    "__memory_base",
    "__table_base",
    "__stack_pointer",
    "__heap_base",
    "__heap_end",
    "__stack_low",
    "__stack_high",
    "__dso_handle",
    "__tls_base",
];
/// Signatures as (params, results): `dlopen`'s and `dlerror`'s among them.
pub(crate) const SIGS: [(&[ValType], &[ValType]); 5] = [
    (&[], &[]),
    (&[ValType::I32], &[ValType::I32]),
    (&[ValType::I32, ValType::I64], &[ValType::F64]),
    (&[], &[ValType::I32]),
    (&[ValType::I32, ValType::I32], &[ValType::I32]),
];
/// Host and builtin imports: (module, name).
pub(crate) const HOST: [(&str, &str); 6] = [
    ("wasi_snapshot_preview1", "fd_write"),
    ("wasi_snapshot_preview1", "poll_oneoff"),
    ("wasmlink", "thread_spawn"),
    ("wasi", "thread-spawn"),
    ("env", "dlerror"),
    ("wasix_32v1", "closure_free"),
];
/// Where a library file may live.
pub(crate) const DIRS: [&str; 4] = ["/lib", "/usr/lib", "/opt", "/app/sub"];
/// RUNPATH and `LD_LIBRARY_PATH` entries.
pub(crate) const PATHS: [&str; 7] = [
    "$ORIGIN",
    "/opt",
    "$ORIGIN/../opt",
    "${ORIGIN}/sub",
    "/app/sub",
    "/../../x",
    "/nowhere",
];

pub(crate) const WEAK: u32 = 1;
pub(crate) const HIDDEN: u32 = 4;
pub(crate) const UNDEFINED: u32 = 0x10;
pub(crate) const TLS: u32 = 0x100;
pub(crate) const ABSOLUTE: u32 = 0x200;

#[derive(Arbitrary, Debug)]
pub(crate) enum Need {
    /// A library of the tree, by its bare name.
    Lib(u8),
    /// A library no file has.
    Missing,
    Abs(u8),
    Rel(u8),
    Alias(u8),
    Main,
    Escape,
}

#[derive(Arbitrary, Debug)]
pub(crate) struct FuncDef {
    pub(crate) sym: u8,
    /// A second name for the same function.
    pub(crate) alias: Option<u8>,
    pub(crate) sig: u8,
    pub(crate) weak: bool,
    pub(crate) hidden: bool,
    pub(crate) in_elem: bool,
    pub(crate) calls: Vec<u8>,
}

#[derive(Arbitrary, Debug)]
pub(crate) struct DataDef {
    pub(crate) sym: u8,
    pub(crate) offset: u16,
    pub(crate) tls: bool,
    pub(crate) weak: bool,
    pub(crate) hidden: bool,
    pub(crate) absolute: bool,
    pub(crate) mutable: bool,
}

#[derive(Arbitrary, Debug)]
pub(crate) enum Imp {
    Func { sym: u8, sig: u8, weak: bool },
    GotMem { sym: u8, weak: bool },
    GotFunc { sym: u8, weak: bool },
    Global { name: u8, mutable: bool },
    Host { which: u8, sig: u8 },
    Tag,
}

#[derive(Arbitrary, Debug)]
pub(crate) struct MemImport {
    pub(crate) shared: bool,
    pub(crate) min: u8,
    pub(crate) max: Option<u8>,
    pub(crate) memory64: u8,
}

/// Made-invalid bytes (the tree is then not well formed).
#[derive(Arbitrary, Debug)]
pub(crate) enum Corrupt {
    Flip { at: u16, xor: u8 },
    Truncate(u16),
    Insert { at: u16, bytes: Vec<u8> },
    Garbage(Vec<u8>),
    DylinkPayload(Vec<u8>),
    DuplicateSubsection,
    TwoDylink,
    BadAlign(u8),
    NoDylink,
}

#[derive(Arbitrary, Debug)]
pub(crate) struct ModSpec {
    pub(crate) dir: u8,
    pub(crate) needed: Vec<Need>,
    pub(crate) runpath: Vec<u8>,
    pub(crate) mem_size: u16,
    /// 255: `mem_size << 16` bytes.
    pub(crate) mem_big: u8,
    pub(crate) mem_p2align: u8,
    pub(crate) table_size: u8,
    pub(crate) table_p2align: u8,
    pub(crate) tls: Option<(u8, u8)>,
    pub(crate) funcs: Vec<FuncDef>,
    pub(crate) data: Vec<DataDef>,
    pub(crate) imports: Vec<Imp>,
    pub(crate) memory: Option<MemImport>,
    /// Import the table, `__stack_pointer`, `__memory_base`, `__table_base` (bits 0-3).
    pub(crate) std_imports: u8,
    /// The main module only: linked at fixed addresses (defines its table).
    pub(crate) fixed: bool,
    /// An unknown dylink.0 subsection (skipped: still well formed).
    pub(crate) unknown_subsection: bool,
    /// Corrupted when below 16.
    pub(crate) corrupt_roll: u8,
    pub(crate) corrupt: Corrupt,
}

#[derive(Arbitrary, Debug)]
pub(crate) struct Config {
    pub(crate) prefer_strong: bool,
    pub(crate) preload: Vec<u8>,
    pub(crate) ld_library_path: Vec<u8>,
    pub(crate) default_max_pages: Option<u16>,
    pub(crate) stack: Option<u8>,
    pub(crate) polls: bool,
    pub(crate) waits: bool,
    pub(crate) stamps: bool,
    pub(crate) bind_now: bool,
}

#[derive(Arbitrary, Debug)]
pub(crate) struct Input {
    pub(crate) main: ModSpec,
    pub(crate) libs: Vec<ModSpec>,
    pub(crate) config: Config,
}
