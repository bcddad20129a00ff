//! Symbol lookup in a scope, as glibc's `dl-lookup.c`: walk the modules of the scope in order and
//! take the first that defines the symbol.
//!
//! The global scope is the main module, then the libraries in breadth-first load order. With
//! [`WeakPolicy::PreferStrong`] a strong definition later in the scope beats an earlier weak one
//! (glibc's `LD_DYNAMIC_WEAK`); the default is glibc's: the first definition wins, weak or not.

use crate::metadata::{Export, ExternType, ModuleInfo};
use crate::symbol_map::SymbolMap;

/// Names a module exports that are linker plumbing, never symbols of the program.
pub fn is_linker_internal(name: &str) -> bool {
    matches!(
        name,
        "__wasm_call_ctors"
            | "__wasm_call_dtors"
            | "__wasm_apply_data_relocs"
            | "__wasm_apply_tls_relocs"
            | "__wasm_apply_global_relocs"
            | "__wasm_init_memory"
            | "__wasm_init_tls"
            | "__wasm_start"
            | "__tls_base"
            | "__tls_size"
            | "__tls_align"
            | "__stack_pointer"
            | "__memory_base"
            | "__table_base"
            | "__indirect_function_table"
            | "memory"
            | "_start"
            | "_initialize"
    )
}

/// How weak definitions compete with strong ones.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum WeakPolicy {
    /// glibc's default: the first definition in scope order wins.
    #[default]
    FirstDefinition,
    /// A strong definition anywhere in the scope beats a weak one (`LD_DYNAMIC_WEAK=1`).
    PreferStrong,
}

/// What kind of definition a lookup wants.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Want {
    /// A function.
    Func,
    /// A data symbol (an exported global).
    Data,
}

fn matches_want(e: &Export, want: Want) -> bool {
    match want {
        Want::Func => matches!(e.ty, ExternType::Func(_)),
        Want::Data => matches!(e.ty, ExternType::Global { .. }),
    }
}

/// Finds the module defining `name` among `scope` (indices into `infos`). A definition of the
/// wrong kind still counts (so the caller can report a type mismatch).
pub fn lookup<'a>(
    infos: &'a [&'a ModuleInfo],
    scope: impl IntoIterator<Item = usize>,
    name: &str,
    policy: WeakPolicy,
    include_hidden: bool,
) -> Option<(usize, &'a Export)> {
    if is_linker_internal(name) {
        return None;
    }
    let mut weak_hit = None;
    for id in scope {
        let Some(info) = infos.get(id) else { continue };
        let Some(e) = info.export(name) else { continue };
        if e.flags.hidden && !include_hidden {
            continue;
        }
        if e.flags.weak && policy == WeakPolicy::PreferStrong {
            weak_hit.get_or_insert((id, e));
            continue;
        }
        return Some((id, e));
    }
    weak_hit
}

/// A definition found in a scope: the module and its export.
pub type Hit<'a> = (usize, &'a Export);

/// Lookup that also checks the kind; returns `Err` with the definition found when it is of the
/// wrong kind.
pub fn lookup_kind<'a>(
    infos: &'a [&'a ModuleInfo],
    scope: impl IntoIterator<Item = usize>,
    name: &str,
    want: Want,
    policy: WeakPolicy,
) -> Option<Result<Hit<'a>, Hit<'a>>> {
    let hit = lookup(infos, scope, name, policy, true)?;
    Some(if matches_want(hit.1, want) {
        Ok(hit)
    } else {
        Err(hit)
    })
}

/// The modules of a scope defining one name, in scope order, each with the export's position in
/// its [`ModuleInfo::exports`]. Most names have one definition: no allocation for them.
enum Definers {
    One((u32, u32)),
    Many(Vec<(u32, u32)>),
}

impl Definers {
    fn push(&mut self, d: (u32, u32)) {
        match self {
            Definers::One(first) => *self = Definers::Many(vec![*first, d]),
            Definers::Many(v) => v.push(d),
        }
    }

    fn as_slice(&self) -> &[(u32, u32)] {
        match self {
            Definers::One(d) => std::slice::from_ref(d),
            Definers::Many(v) => v,
        }
    }
}

/// A scope indexed by symbol name: each name maps to the modules defining it, in scope order.
/// Built once per load so that binding thousands of imports costs one hash lookup each, not a
/// walk of the whole scope (and not a second lookup in the defining module's own export map).
pub struct ScopeIndex<'a> {
    infos: &'a [&'a ModuleInfo],
    by_name: SymbolMap<&'a str, Definers>,
}

impl<'a> ScopeIndex<'a> {
    pub fn new(infos: &'a [&'a ModuleInfo], scope: &[usize]) -> ScopeIndex<'a> {
        let mut by_name: SymbolMap<&'a str, Definers> = SymbolMap::with_capacity_and_hasher(
            scope.iter().map(|&m| infos[m].exports.len()).sum(),
            Default::default(),
        );
        for &m in scope {
            for (i, e) in infos[m].exports.iter().enumerate() {
                let d = (m as u32, i as u32);
                by_name
                    .entry(e.name.as_str())
                    .and_modify(|x| x.push(d))
                    .or_insert(Definers::One(d));
            }
        }
        ScopeIndex { infos, by_name }
    }

    /// As [`lookup_kind`] over the indexed scope; also gives the export's position in its
    /// module's export list.
    pub fn lookup_kind(
        &self,
        name: &str,
        want: Want,
        policy: WeakPolicy,
    ) -> Option<Result<IndexedHit<'a>, IndexedHit<'a>>> {
        if is_linker_internal(name) {
            return None;
        }
        let definers = self.by_name.get(name)?;
        let mut weak_hit = None;
        let mut hit = None;
        for &(m, i) in definers.as_slice() {
            let e = &self.infos[m as usize].exports[i as usize];
            if e.flags.weak && policy == WeakPolicy::PreferStrong {
                weak_hit.get_or_insert((m as usize, i as usize, e));
                continue;
            }
            hit = Some((m as usize, i as usize, e));
            break;
        }
        let hit = hit.or(weak_hit)?;
        Some(if matches_want(hit.2, want) {
            Ok(hit)
        } else {
            Err(hit)
        })
    }
}

/// A definition found through a [`ScopeIndex`]: the module, the export's position, the export.
pub type IndexedHit<'a> = (usize, usize, &'a Export);
