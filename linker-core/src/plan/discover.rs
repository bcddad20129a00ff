//! Finding the files of a tree (glibc's `dl-deps.c`): the main module, then every `needed`
//! library breadth-first, each file read and parsed once. The breadth-first order is the global
//! symbol scope. A name is matched against the names libraries were loaded under before any
//! directory is searched, as in glibc and musl. Engine-free.

use std::collections::{HashMap, VecDeque};
use std::sync::Arc;

use crate::error::{LinkError, Result};
use crate::metadata::ModuleInfo;
use crate::plan::config::LinkerConfig;
use crate::plan::content::ContentKey;
use crate::plan::file_cache::{FileCache, FileEntry};
use crate::plan::image::{Image, ModuleId};
use crate::plan::locate::{locate, normalize, Located};

/// A module read from the filesystem, not yet part of the image.
pub(crate) struct Found {
    /// The name it was asked for by.
    pub name: String,
    /// The guest path it was read from.
    pub path: String,
    /// Its identity (the file, whatever the path).
    pub identity: String,
    /// Its version stamp, if its filesystem gives one.
    pub stamp: Option<u64>,
    /// Its bytes, unless its description came from the cache (then they are only read again if
    /// its compilation is missing).
    pub bytes: Option<Vec<u8>>,
    /// The key of its bytes.
    pub content: ContentKey,
    /// What it declares.
    pub info: Arc<ModuleInfo>,
    /// Its resolved `needed` list.
    pub deps: Vec<ModuleId>,
}

/// Reads the module at guest path `path` (the main module, or a library `dlopen` names by path).
pub(crate) fn read_module(
    config: &LinkerConfig,
    files: Option<&FileCache>,
    name: &str,
    path: &str,
    require_dylink: bool,
) -> Result<Found> {
    let path = normalize(path).ok_or_else(|| LinkError::PathEscapesRoot {
        path: path.to_string(),
    })?;
    let file = config
        .fs
        .stat(&path)?
        .ok_or_else(|| LinkError::LibraryNotFound {
            name: name.to_string(),
            needed_by: "the command line".into(),
            searched: vec![path.clone()],
        })?;
    open_module(config, files, name, Located { path, file }, require_dylink)
}

/// Reads and describes a located module, or takes its description from the cache when the file
/// has not changed since.
pub(crate) fn open_module(
    config: &LinkerConfig,
    files: Option<&FileCache>,
    name: &str,
    loc: Located,
    require_dylink: bool,
) -> Result<Found> {
    let cached = files
        .and_then(|c| c.get(&loc.file))
        .filter(|e| e.instrumentation == config.instrumentation());
    let (info, bytes, content) = match cached {
        Some(e) => {
            if require_dylink && !e.info.has_dylink {
                return Err(LinkError::NoDylink {
                    module: name.to_string(),
                });
            }
            (e.info, None, e.content)
        }
        None => {
            let bytes = read_bytes(config, name, &loc.path)?;
            let info = Arc::new(ModuleInfo::parse(name, &bytes, require_dylink)?);
            let content = ContentKey::of(&bytes);
            if let Some(c) = files {
                let entry = FileEntry {
                    info: info.clone(),
                    content,
                    instrumentation: config.instrumentation(),
                };
                c.remember(&loc.file, entry);
            }
            (info, Some(bytes), content)
        }
    };
    Ok(Found {
        name: name.to_string(),
        path: loc.path,
        identity: loc.file.identity,
        stamp: loc.file.stamp,
        bytes,
        content,
        info,
        deps: Vec::new(),
    })
}

/// The bytes of the module at `path`, as the linker runs it: each futex wait bracketed, and
/// poll points added where asked (`instrument.rs`).
pub(crate) fn read_bytes(config: &LinkerConfig, name: &str, path: &str) -> Result<Vec<u8>> {
    let bytes = config
        .fs
        .read(path)?
        .ok_or_else(|| LinkError::LibraryNotFound {
            name: name.to_string(),
            needed_by: "the command line".into(),
            searched: vec![path.to_string()],
        })?;
    super::instrument::instrument(bytes, config.instrumentation()).map_err(|reason| {
        LinkError::Malformed {
            module: name.to_string(),
            reason,
        }
    })
}

/// Walks the needed lists from `first` breadth-first, reading each library once. Libraries
/// already loaded in `image` are reused, not read again. At start-up (no `image`), the configured
/// preloads are needed by the main module before its own libraries. The returned modules get ids `base_id`,
/// `base_id + 1`, ... in breadth-first order; `first` is `base_id`. `on_found` sees each newly
/// read library as soon as it is read (start-up and `dlopen` queue it for compilation there).
#[tracing::instrument(level = "debug", skip_all, fields(root = %first.name))]
pub(crate) fn walk(
    config: &LinkerConfig,
    files: Option<&FileCache>,
    image: Option<&Image>,
    first: Found,
    base_id: ModuleId,
    on_found: &mut dyn FnMut(&Found),
) -> Result<Vec<Found>> {
    let mut by_identity: HashMap<String, ModuleId> =
        image.map(|s| s.by_identity.clone()).unwrap_or_default();
    by_identity.insert(first.identity.clone(), base_id);
    // A bare name already loaded under that name is that library, wherever a search from this
    // module would lead (glibc's `_dl_map_object` matches names before it searches).
    let mut by_name: HashMap<String, ModuleId> = image.map(Image::loaded_names).unwrap_or_default();
    if !first.name.contains('/') {
        by_name.insert(first.name.clone(), base_id);
    }
    let mut found = vec![first];
    let mut queue = VecDeque::from([0usize]);
    while let Some(i) = queue.pop_front() {
        let mut needed = found[i].info.dylink.needed.clone();
        if i == 0 && image.is_none() {
            // Start-up: preloaded libraries come right after the main module (glibc's rtld).
            needed.splice(0..0, config.preload.iter().cloned());
        }
        for name in needed {
            if let Some(&dep) = by_name.get(&name) {
                if !found[i].deps.contains(&dep) {
                    found[i].deps.push(dep);
                }
                continue;
            }
            let loc = locate(
                &*config.fs,
                &config.search,
                &name,
                &found[i].path,
                &found[i].info.dylink.runtime_path,
            )?;
            let dep = match by_identity.get(loc.identity()) {
                Some(&d) => d,
                None => {
                    tracing::debug!(library = %name, path = %loc.path, needed_by = %found[i].name, "found library");
                    let d = base_id + found.len();
                    by_identity.insert(loc.identity().to_string(), d);
                    if !name.contains('/') {
                        by_name.insert(name.clone(), d);
                    }
                    let lib = open_module(config, files, &name, loc, true)?;
                    on_found(&lib);
                    found.push(lib);
                    queue.push_back(found.len() - 1);
                    d
                }
            };
            if !found[i].deps.contains(&dep) {
                found[i].deps.push(dep);
            }
        }
    }
    Ok(found)
}
