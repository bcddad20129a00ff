//! Symbol lookup in a scope, as glibc's `dl-lookup.c`: walk the modules of the scope in order and
//! take the first that defines the symbol.
//!
//! The global scope is the main module, then the libraries in breadth-first load order. With
//! [`WeakPolicy::PreferStrong`] a strong definition later in the scope beats an earlier weak one
//! (glibc's `LD_DYNAMIC_WEAK`); the default is glibc's: the first definition wins, weak or not.

use crate::metadata::{Export, ExternType, ModuleInfo};

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
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
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
    Func,
    Data,
    Any,
}

fn matches_want(e: &Export, want: Want) -> bool {
    match want {
        Want::Any => true,
        Want::Func => matches!(e.ty, ExternType::Func(_)),
        Want::Data => matches!(e.ty, ExternType::Global { .. }),
    }
}

/// Finds the module defining `name` among `scope` (indices into `infos`). A definition of the
/// wrong kind still counts (so the caller can report a type mismatch), unless `want` is `Any`.
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

/// A scope indexed by symbol name: each name maps to the modules defining it, in scope order.
/// Built once per load so that binding thousands of imports costs a hash lookup each, not a walk
/// of the whole scope.
pub struct ScopeIndex<'a> {
    infos: &'a [&'a ModuleInfo],
    by_name: std::collections::HashMap<&'a str, Vec<usize>>,
}

impl<'a> ScopeIndex<'a> {
    pub fn new(infos: &'a [&'a ModuleInfo], scope: &[usize]) -> ScopeIndex<'a> {
        let mut by_name: std::collections::HashMap<&'a str, Vec<usize>> =
            std::collections::HashMap::with_capacity(
                scope.iter().map(|&m| infos[m].exports.len()).sum(),
            );
        for &m in scope {
            for e in &infos[m].exports {
                by_name.entry(e.name.as_str()).or_default().push(m);
            }
        }
        ScopeIndex { infos, by_name }
    }

    /// As [`lookup_kind`] over the indexed scope.
    pub fn lookup_kind(
        &self,
        name: &str,
        want: Want,
        policy: WeakPolicy,
    ) -> Option<Result<Hit<'a>, Hit<'a>>> {
        let candidates = self.by_name.get(name)?;
        let hit = lookup(self.infos, candidates.iter().copied(), name, policy, true)?;
        Some(if matches_want(hit.1, want) {
            Ok(hit)
        } else {
            Err(hit)
        })
    }
}
