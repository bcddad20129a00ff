//! `ldd`: the tree a program would load and the symbols nothing defines, computed by the same
//! discovery and planning as a real load, without an engine.

use crate::error::Result;
use crate::plan::config::LinkerConfig;
use crate::plan::discover::{read_module, walk};
use crate::plan::image::{Image, MAIN};
use crate::plan::records::plan_startup;

/// A loaded module, as `ldd` and `dl_iterate_phdr` would show it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ModuleSummary {
    /// The name it was asked for by (the main module's path for the main module).
    pub name: String,
    /// The guest path it was read from.
    pub path: String,
    /// Where its data starts.
    pub memory_base: u64,
    /// Where its table slots start.
    pub table_base: u64,
}

/// A symbol that `ldd -r` reports: a function import no module defines and that is not weak
/// (left to the host, or reported when first called).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unresolved {
    /// The importing module.
    pub module: String,
    /// The symbol.
    pub symbol: String,
}

/// What `ldd -r` prints: the resolved tree and the symbols nothing defines.
#[derive(Clone, Debug)]
pub struct LddReport {
    /// Every module, main first, in global scope order.
    pub modules: Vec<ModuleSummary>,
    /// Function imports no loaded module defines.
    pub unresolved: Vec<Unresolved>,
}

/// The modules of `image` in global scope order.
pub(crate) fn summaries(image: &Image) -> Vec<ModuleSummary> {
    image
        .global_scope
        .iter()
        .map(|&m| {
            let lm = &image.modules[m];
            ModuleSummary {
                name: lm.name.clone(),
                path: lm.path.clone(),
                memory_base: lm.memory_base,
                table_base: lm.table_base,
            }
        })
        .collect()
}

/// Resolves the tree of `main_path` (a path in `config.fs`) and its symbols, without an engine.
pub fn ldd(config: &LinkerConfig, main_path: &str) -> Result<LddReport> {
    let main = read_module(config, None, main_path, main_path, false)?;
    let found = walk(config, None, None, main, MAIN, &mut |_| {})?;
    let (image, _) = plan_startup(config, found)?;
    let unresolved = image
        .plt
        .iter()
        .filter(|p| p.target.is_none())
        .map(|p| Unresolved {
            module: image.modules[p.importer].name.clone(),
            symbol: p.symbol.clone(),
        })
        .collect();
    Ok(LddReport {
        modules: summaries(&image),
        unresolved,
    })
}
