//! Entry points for the cargo-fuzz targets in `linker-core/fuzz` (hidden, not a stable API): the
//! engine-free plan of a start-up returned as plain data, and thin wrappers of the generators of
//! `stubs` (and of `plan::instrument`, which rewrites modules too), taking plain data. Nothing
//! here adds behaviour: each function only runs crate-private code and copies out what it
//! decided, so that a fuzz target can check it.
//!
//! Value types are given as their binary-format codes ([`Sig`]): `0x7f` i32, `0x7e` i64, `0x7d`
//! f32, `0x7c` f64, `0x7b` v128, `0x70` funcref, `0x6f` externref; any other code stands for a
//! reference type the linker does not tell apart (`ValType::OtherRef`).

use crate::error::Result;
use crate::metadata::ExternType;
use crate::plan::config::LinkerConfig;
use crate::plan::discover::{read_module, walk};
use crate::plan::image::{Binding, Image, Inlined, Stub, MAIN};
use crate::plan::records::plan_startup;
use crate::types::{FuncType, Val, ValType};

/// A function signature as value-type codes: (parameters, results).
pub type Sig = (Vec<u8>, Vec<u8>);

fn val_type(code: u8) -> ValType {
    match code {
        0x7f => ValType::I32,
        0x7e => ValType::I64,
        0x7d => ValType::F32,
        0x7c => ValType::F64,
        0x7b => ValType::V128,
        0x70 => ValType::FuncRef,
        0x6f => ValType::ExternRef,
        _ => ValType::OtherRef,
    }
}

fn code(t: ValType) -> u8 {
    match t {
        ValType::I32 => 0x7f,
        ValType::I64 => 0x7e,
        ValType::F32 => 0x7d,
        ValType::F64 => 0x7c,
        ValType::V128 => 0x7b,
        ValType::FuncRef => 0x70,
        ValType::ExternRef => 0x6f,
        ValType::OtherRef => 0x64,
    }
}

fn func_type(sig: &Sig) -> FuncType {
    FuncType::new(
        sig.0.iter().map(|&c| val_type(c)).collect::<Vec<_>>(),
        sig.1.iter().map(|&c| val_type(c)).collect::<Vec<_>>(),
    )
}

fn sig(ty: &FuncType) -> Sig {
    (
        ty.params.iter().map(|&t| code(t)).collect(),
        ty.results.iter().map(|&t| code(t)).collect(),
    )
}

/// How one import was bound (`plan::image::Binding`, with the values flattened).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Bound {
    /// The process memory.
    Memory,
    /// The function table.
    Table,
    /// The group's `__stack_pointer`.
    StackPointer,
    /// `__stack_low` / `__stack_high`.
    StackBound,
    /// A constant: an address, a table slot or a base (an `i32` as its unsigned value).
    Value(u64),
    /// A `GOT.mem` entry of a TLS symbol: `offset` into `provider`'s TLS block.
    GotTls {
        /// The defining module.
        provider: usize,
        /// The symbol's offset in its block.
        offset: u64,
    },
    /// The provider's export, imported directly.
    Direct {
        /// The defining module.
        provider: usize,
        /// Its export.
        export: String,
    },
    /// Through PLT slot `slot`, with stub `stub` of the module's stubs.
    Plt {
        /// Index into [`PlannedModule::stubs`].
        stub: usize,
        /// Index into [`Plan::plt`].
        slot: u32,
    },
    /// A weak undefined function.
    WeakMissing,
    /// Another module's exported global.
    ExportedGlobal {
        /// The defining module.
        provider: usize,
        /// Its export.
        export: String,
    },
    /// A group-wide exception tag.
    Tag,
    /// The linker's own guest ABI.
    Builtin,
    /// Left to the embedder.
    Host,
}

/// One import of a planned module and its binding.
#[derive(Clone, Debug)]
pub struct PlannedImport {
    /// Import module.
    pub module: String,
    /// Import name.
    pub name: String,
    /// Flagged weak in dylink.0.
    pub weak: bool,
    /// For a function import, its signature.
    pub func: Option<Sig>,
    /// Its binding.
    pub bound: Bound,
}

/// One module of a plan, by id (its position in [`Plan::modules`]).
#[derive(Clone, Debug)]
pub struct PlannedModule {
    /// The name it was asked for by.
    pub name: String,
    /// The guest path it was read from.
    pub path: String,
    /// Its file identity.
    pub identity: String,
    /// Where its data starts.
    pub memory_base: u64,
    /// dylink.0's memory size.
    pub mem_size: u64,
    /// dylink.0's memory alignment, in bytes.
    pub mem_align: u64,
    /// Where its table slots start.
    pub table_base: u64,
    /// dylink.0's table size.
    pub table_size: u64,
    /// dylink.0's table alignment, in slots.
    pub table_align: u64,
    /// Ids of its needed libraries.
    pub deps: Vec<usize>,
    /// Its imports, in order, with their bindings.
    pub imports: Vec<PlannedImport>,
    /// Its PLT stubs: (slot, signature).
    pub stubs: Vec<(u32, Sig)>,
    /// Linked at fixed addresses (a non-PIE main).
    pub fixed: bool,
}

/// A PLT slot.
#[derive(Clone, Debug)]
pub struct PlannedPlt {
    /// The symbol.
    pub symbol: String,
    /// The importing module.
    pub importer: usize,
    /// The defining module, if one is loaded.
    pub target: Option<usize>,
}

/// A canonical table slot of a function whose address was taken.
#[derive(Clone, Debug)]
pub struct PlannedSlot {
    /// The defining module.
    pub module: usize,
    /// The export it was asked for under.
    pub export: String,
    /// The function's index in its module.
    pub func_index: u32,
    /// The slot.
    pub slot: u64,
}

/// What planning a start-up decided, as plain data.
#[derive(Clone, Debug)]
pub struct Plan {
    /// Every module, by id (the main module is 0).
    pub modules: Vec<PlannedModule>,
    /// The global scope.
    pub global_scope: Vec<usize>,
    /// Instantiation and initialisation order.
    pub init_order: Vec<usize>,
    /// The PLT.
    pub plt: Vec<PlannedPlt>,
    /// Canonical function slots.
    pub func_slots: Vec<PlannedSlot>,
    /// Slots the linker allocated (not placed by an element segment).
    pub linker_slots: Vec<u64>,
    /// The table's size.
    pub table_size: u64,
    /// The main stack: (low, high).
    pub stack: (u64, u64),
    /// `__heap_base`.
    pub heap_base: u64,
    /// The memory's maximum in bytes.
    pub max_bytes: u64,
}

fn bound(b: &Binding) -> Bound {
    match b {
        Binding::Memory => Bound::Memory,
        Binding::Table => Bound::Table,
        Binding::StackPointer => Bound::StackPointer,
        Binding::StackBound(_) => Bound::StackBound,
        Binding::Value(v) => Bound::Value(match *v {
            Val::I32(x) => x as u32 as u64,
            other => other.i64() as u64,
        }),
        Binding::GotTls { provider, offset } => Bound::GotTls {
            provider: *provider,
            offset: *offset,
        },
        Binding::Direct { provider, export } => Bound::Direct {
            provider: *provider,
            export: export.clone(),
        },
        Binding::Plt { stub, slot } => Bound::Plt {
            stub: *stub,
            slot: *slot,
        },
        Binding::WeakMissing { .. } => Bound::WeakMissing,
        Binding::ExportedGlobal { provider, export } => Bound::ExportedGlobal {
            provider: *provider,
            export: export.clone(),
        },
        Binding::Tag { .. } => Bound::Tag,
        Binding::Builtin(_) => Bound::Builtin,
        Binding::Host => Bound::Host,
    }
}

fn facts(image: &Image) -> Plan {
    let modules = image
        .modules
        .iter()
        .map(|m| {
            let d = &m.info.dylink;
            let imports = m
                .info
                .imports
                .iter()
                .zip(m.plan.iter())
                .map(|(i, b)| PlannedImport {
                    module: i.module.clone(),
                    name: i.name.clone(),
                    weak: i.flags.weak,
                    func: match &i.ty {
                        ExternType::Func(t) => Some(sig(t)),
                        _ => None,
                    },
                    bound: bound(b),
                })
                .collect();
            PlannedModule {
                name: m.name.clone(),
                path: m.path.clone(),
                identity: m.identity.clone(),
                memory_base: m.memory_base,
                mem_size: d.mem_size as u64,
                mem_align: 1 << d.mem_p2align,
                table_base: m.table_base,
                table_size: d.table_size as u64,
                table_align: 1 << d.table_p2align,
                deps: m.deps.clone(),
                imports,
                stubs: m.stubs.iter().map(|s| (s.slot, sig(&s.ty))).collect(),
                fixed: m.info.shape == crate::metadata::Shape::Fixed,
            }
        })
        .collect();
    let func_slots = image
        .func_slots
        .iter()
        .map(|(&(module, func_index), &slot)| PlannedSlot {
            module,
            // The first of the function's exports (an alias shares its slot).
            export: image.modules[module]
                .info
                .exports
                .iter()
                .find(|e| e.index == func_index && matches!(e.ty, ExternType::Func(_)))
                .map(|e| e.name.clone())
                .unwrap_or_default(),
            func_index,
            slot,
        })
        .collect();
    Plan {
        modules,
        global_scope: image.global_scope.clone(),
        init_order: image.init_order.clone(),
        plt: image
            .plt
            .iter()
            .map(|p| PlannedPlt {
                symbol: p.symbol.clone(),
                importer: p.importer,
                target: p.target.as_ref().map(|t| t.0),
            })
            .collect(),
        func_slots,
        linker_slots: image.table_fills.iter().map(|f| f.slot).collect(),
        table_size: image.table.size,
        stack: (image.stack_low, image.stack_high),
        heap_base: image.heap_base,
        max_bytes: image.memory.max_bytes,
    }
}

/// Plans the start-up of the program at `main_path` as `ldd` does (discovery, order, layout,
/// scope, binding), and returns what was decided.
pub fn plan(config: &LinkerConfig, main_path: &str) -> Result<Plan> {
    let main = read_module(config, None, main_path, main_path, false)?;
    let found = walk(config, None, None, main, MAIN, &mut |_| {})?;
    let (image, _) = plan_startup(config, found)?;
    Ok(facts(&image))
}

/// The PLT stub module of these stubs: (slot, signature).
pub fn stub_module(stubs: &[(u32, Sig)]) -> Vec<u8> {
    let stubs: Vec<Stub> = stubs
        .iter()
        .map(|(slot, s)| Stub {
            slot: *slot,
            ty: func_type(s),
        })
        .collect();
    crate::stubs::stub_module(&stubs)
}

/// The closure trampoline of a host function of this signature.
pub fn trampoline_module(ty: &Sig) -> Vec<u8> {
    crate::stubs::codegen::trampoline_module(&func_type(ty))
}

/// A forwarder module of these imports: (module, name, signature, may block).
pub fn forwarder_module(
    funcs: &[(String, String, Sig, bool)],
    max_pages: u32,
    shared: bool,
) -> Vec<u8> {
    let types: Vec<FuncType> = funcs.iter().map(|f| func_type(&f.2)).collect();
    let funcs: Vec<crate::stubs::Forwarded<'_>> = funcs
        .iter()
        .zip(&types)
        .map(|(f, ty)| crate::stubs::Forwarded {
            module: &f.0,
            name: &f.1,
            ty,
            blocking: f.3,
        })
        .collect();
    crate::stubs::forwarder_module(&funcs, max_pages, shared)
}

/// A stand-in module for slots `base + offset`; `entries` must be sorted by offset.
pub fn standin_module(entries: &[(u64, Sig)]) -> Vec<u8> {
    let entries: Vec<(u64, FuncType)> = entries.iter().map(|(o, s)| (*o, func_type(s))).collect();
    crate::stubs::standin::standin_module(&entries)
}

/// A stand-in module for slots given by imported globals, one function per signature.
pub fn slot_standin_module(types: &[Sig]) -> Vec<u8> {
    let types: Vec<FuncType> = types.iter().map(func_type).collect();
    crate::stubs::standin::slot_standin_module(&types)
}

/// The wasm side of the guest's `dlsym` cache.
pub fn dlsym_front_module(max_pages: u32, shared: bool) -> Vec<u8> {
    crate::stubs::dlsym_front::front_module(max_pages, shared)
}

/// `bytes` with the function imports at positions `moved` (import, PLT slot; sorted by import)
/// turned into calls through their PLT slots; `param_counts[i]` is `moved[i]`'s parameter count.
/// `Err` when the linker would use the module as it is (the rewrite's reason).
pub fn inline_stubs(
    bytes: &[u8],
    moved: &[(usize, u32)],
    param_counts: &[u32],
) -> std::result::Result<Vec<u8>, String> {
    let moved: Vec<Inlined> = moved
        .iter()
        .map(|&(import, slot)| Inlined { import, slot })
        .collect();
    crate::stubs::inline::inline_stubs(bytes, &moved, param_counts).map_err(|e| e.0)
}

/// `bytes` as the linker runs them with futex waits bracketed (`waits`) and poll points added
/// (`polls`); `Err` when the rewrite failed.
pub fn instrument(
    bytes: Vec<u8>,
    waits: bool,
    polls: bool,
) -> std::result::Result<Vec<u8>, String> {
    crate::plan::instrument::instrument(
        bytes,
        crate::plan::instrument::Instrumentation { waits, polls },
    )
}
