//! The key of a start-up's records: the library tree the search found (every file's name, path,
//! identity, stamp and resolved needed list, in load order) and the settings that shape the
//! image and its code. The same program started again over unchanged files gets the records its first start
//! computed instead of binding every import again, as macOS's dyld 3 reuses a "launch closure".
//! The search itself is always redone, so a library that now shadows another, or a changed file,
//! is a different key.

use crate::plan::config::LinkerConfig;
use crate::plan::discover::Found;
use crate::plan::image::ModuleId;
use crate::plan::instrument::Instrumentation;
use crate::plan::scope::WeakPolicy;

/// What a start-up's records depend on.
#[derive(Clone, PartialEq, Eq, Hash)]
pub(crate) struct LaunchKey {
    /// Per module in load order: name asked for, guest path (the records keep it: `$ORIGIN` and
    /// `dlerror` use it), identity, stamp, resolved needed list (which includes preloaded
    /// libraries).
    tree: Vec<(String, String, String, u64, Vec<ModuleId>)>,
    stack_size: u64,
    weak_policy: WeakPolicy,
    bind_now: bool,
    default_max_pages: u32,
    /// The code depends on it (`stubs::inline`).
    inline_plt: bool,
    /// The modules' bytes depend on it (`instrument.rs`).
    instrumentation: Instrumentation,
}

impl LaunchKey {
    /// The key of a tree [`crate::plan::discover::walk`] found, or `None` if a file has no version
    /// stamp (its filesystem cannot tell versions apart: nothing is reused).
    pub fn new(config: &LinkerConfig, found: &[Found]) -> Option<LaunchKey> {
        let tree = found
            .iter()
            .map(|f| {
                Some((
                    f.name.clone(),
                    f.path.clone(),
                    f.identity.clone(),
                    f.stamp?,
                    f.deps.clone(),
                ))
            })
            .collect::<Option<Vec<_>>>()?;
        Some(LaunchKey {
            tree,
            stack_size: config.stack_size,
            weak_policy: config.weak_policy,
            bind_now: config.bind_now,
            default_max_pages: config.default_max_pages,
            inline_plt: config.inline_plt,
            instrumentation: config.instrumentation(),
        })
    }
}
