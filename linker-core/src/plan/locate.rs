//! Finding a library file, as glibc's `dl-load.c` does: a name with a `/` is a path; a bare name
//! is searched in `LD_LIBRARY_PATH`, then in the RUNPATH of the module that needs it (with
//! `$ORIGIN` = that module's directory), then in `/lib`, `/usr/lib`, `/usr/local/lib`.
//!
//! All paths are guest paths inside a [`LibraryFs`]: the embedder decides what they map to. The
//! usual one, [`crate::MountFs`], is the program's namespace: the directories it was given, at
//! the guest paths it sees them at (`namespace.rs`).

use std::path::{Component, Path};

use crate::error::{LinkError, Result};

/// The filesystem libraries are loaded from. Paths are absolute guest paths (`/lib/libc.so`).
pub trait LibraryFs: Send + Sync {
    /// Reads a whole file, or `Ok(None)` if it does not exist.
    fn read(&self, guest_path: &str) -> Result<Option<Vec<u8>>>;
    /// A stable identity for a guest path (its canonical form), so that one file reached through
    /// two names (symlinks, `..`) is loaded once.
    fn identity(&self, guest_path: &str) -> Result<Option<String>>;
    /// The file's identity and a stamp of its version, or `Ok(None)` if it does not exist. The
    /// stamp lets a [`crate::ModuleCache`] reuse what it parsed and compiled without reading the
    /// file again (as the dynamic loaders' caches use a file's device, inode and times); a
    /// filesystem that cannot tell versions apart returns `stamp: None` and every load reads and
    /// hashes the bytes.
    fn stat(&self, guest_path: &str) -> Result<Option<FileId>> {
        Ok(self.identity(guest_path)?.map(|identity| FileId {
            identity,
            stamp: None,
        }))
    }
}

/// What [`LibraryFs::stat`] says of a file.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct FileId {
    /// As [`LibraryFs::identity`].
    pub identity: String,
    /// Changes whenever the file's contents may have changed.
    pub stamp: Option<u64>,
}

/// Normalizes an absolute guest path lexically; `None` if `..` climbs above `/`.
pub fn normalize(path: &str) -> Option<String> {
    if path.len() > 1
        && path.starts_with('/')
        && path[1..]
            .split('/')
            .all(|c| !c.is_empty() && c != "." && c != "..")
    {
        return Some(path.to_string());
    }
    let mut parts: Vec<&str> = Vec::new();
    for c in Path::new(path).components() {
        match c {
            Component::RootDir | Component::CurDir | Component::Prefix(_) => {}
            Component::ParentDir => {
                parts.pop()?;
            }
            Component::Normal(s) => parts.push(s.to_str()?),
        }
    }
    Some(format!("/{}", parts.join("/")))
}

/// Where to look for libraries.
#[derive(Clone, Debug)]
pub struct SearchPath {
    /// `LD_LIBRARY_PATH` entries (guest paths), searched first.
    pub ld_library_path: Vec<String>,
    /// Directories searched last, after RUNPATH.
    pub default_dirs: Vec<String>,
}

impl Default for SearchPath {
    fn default() -> Self {
        SearchPath {
            ld_library_path: Vec::new(),
            default_dirs: vec!["/lib".into(), "/usr/lib".into(), "/usr/local/lib".into()],
        }
    }
}

/// A library that was found.
#[derive(Clone, Debug)]
pub struct Located {
    /// The guest path it was read from.
    pub path: String,
    /// Identity for de-duplication, and the version stamp (see [`LibraryFs::stat`]).
    pub file: FileId,
}

impl Located {
    /// Its identity for de-duplication.
    pub fn identity(&self) -> &str {
        &self.file.identity
    }
}

/// Finds `name`, needed by a module at `needer_path` whose RUNPATH is `runpath`.
#[tracing::instrument(level = "debug", skip(fs, search, runpath))]
pub fn locate(
    fs: &dyn LibraryFs,
    search: &SearchPath,
    name: &str,
    needer_path: &str,
    runpath: &[String],
) -> Result<Located> {
    let origin = parent_dir(needer_path);
    // Candidates are made one at a time: most libraries are found in the first directory tried.
    let candidates: Box<dyn Iterator<Item = String> + '_> = if name.contains('/') {
        Box::new(std::iter::once(if name.starts_with('/') {
            name.to_string()
        } else {
            // Relative paths are relative to the needing module's directory.
            format!("{}/{name}", origin.trim_end_matches('/'))
        }))
    } else {
        let runpath_dirs = runpath.iter().map(move |r| expand_origin(r, &origin));
        Box::new(
            search
                .ld_library_path
                .iter()
                .cloned()
                .chain(runpath_dirs)
                .chain(search.default_dirs.iter().cloned())
                .map(move |d| format!("{}/{}", d.trim_end_matches('/'), name)),
        )
    };
    let mut searched = Vec::new();
    let mut escape = None;
    for c in candidates {
        let Some(path) = normalize(&c) else {
            escape.get_or_insert(LinkError::PathEscapesRoot { path: c.clone() });
            continue;
        };
        match fs.stat(&path) {
            Ok(Some(file)) => {
                tracing::debug!(library = name, found = %path, "found library");
                return Ok(Located { path, file });
            }
            Ok(None) => searched.push(path),
            Err(e @ LinkError::PathEscapesRoot { .. }) => {
                escape.get_or_insert(e);
                searched.push(path);
            }
            Err(e) => return Err(e),
        }
    }
    // A path that only failed because it escaped the root is reported as such.
    if let Some(e) = escape {
        if name.contains('/') {
            return Err(e);
        }
    }
    Err(LinkError::LibraryNotFound {
        name: name.to_string(),
        needed_by: needer_path.to_string(),
        searched,
    })
}

fn parent_dir(path: &str) -> String {
    match path.rfind('/') {
        Some(0) | None => "/".to_string(),
        Some(i) => path[..i].to_string(),
    }
}

fn expand_origin(entry: &str, origin: &str) -> String {
    entry
        .replace("${ORIGIN}", origin)
        .replace("$ORIGIN", origin)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_refuses_escape() {
        assert_eq!(normalize("/a/../b").as_deref(), Some("/b"));
        assert_eq!(normalize("/a/./b/").as_deref(), Some("/a/b"));
        assert_eq!(normalize("/../etc/passwd"), None);
    }

    #[test]
    fn origin_expands() {
        assert_eq!(expand_origin("$ORIGIN/lib", "/app"), "/app/lib");
        assert_eq!(expand_origin("${ORIGIN}/../x", "/app"), "/app/../x");
    }

    use crate::plan::namespace::MountFs;

    fn found(fs: &MountFs, l: Result<Located>) -> Vec<u8> {
        fs.read(&l.unwrap().path).unwrap().unwrap()
    }

    #[test]
    fn search_order_and_escape() {
        let dir = std::env::temp_dir().join(format!("wasmlink-locate-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        for d in ["first", "app/rp", "lib"] {
            std::fs::create_dir_all(dir.join("root").join(d)).unwrap();
        }
        std::fs::write(dir.join("root/lib/libx.so"), b"lib").unwrap();
        std::fs::write(dir.join("root/app/rp/libx.so"), b"rp").unwrap();
        std::fs::write(dir.join("root/first/libx.so"), b"first").unwrap();
        std::fs::write(dir.join("outside.so"), b"out").unwrap();
        let fs = MountFs::root(dir.join("root")).unwrap();
        let mut sp = SearchPath::default();
        let rp = vec!["$ORIGIN/rp".to_string()];
        assert_eq!(
            found(&fs, locate(&fs, &sp, "libx.so", "/app/main.wasm", &rp)),
            b"rp"
        );
        assert_eq!(
            found(&fs, locate(&fs, &sp, "libx.so", "/app/main.wasm", &[])),
            b"lib"
        );
        sp.ld_library_path.push("/first".into());
        assert_eq!(
            found(&fs, locate(&fs, &sp, "libx.so", "/app/main.wasm", &rp)),
            b"first"
        );
        assert!(matches!(
            locate(&fs, &sp, "../../outside.so", "/app/main.wasm", &[]),
            Err(LinkError::PathEscapesRoot { .. })
        ));
        #[cfg(unix)]
        {
            // A symlink out of the namespace is not followed: the library does not exist.
            std::os::unix::fs::symlink(dir.join("outside.so"), dir.join("root/lib/libevil.so"))
                .unwrap();
            assert!(matches!(
                locate(&fs, &sp, "/lib/libevil.so", "/app/main.wasm", &[]),
                Err(LinkError::LibraryNotFound { .. })
            ));
            // An absolute symlink is not followed even when its host path is inside the root
            // (as in wasmtime-wasi's preopens); a relative one that stays inside is.
            std::os::unix::fs::symlink(dir.join("root/lib"), dir.join("root/alias")).unwrap();
            assert!(matches!(
                locate(&fs, &sp, "/alias/libx.so", "/app/main.wasm", &[]),
                Err(LinkError::LibraryNotFound { .. })
            ));
            let direct = locate(&fs, &sp, "/lib/libx.so", "/app/main.wasm", &[]);
            assert!(direct.is_ok());
            std::os::unix::fs::symlink("lib", dir.join("root/rel-alias")).unwrap();
            let via_rel = locate(&fs, &sp, "/rel-alias/libx.so", "/app/main.wasm", &[]).unwrap();
            assert_eq!(via_rel.file, direct.unwrap().file, "one file, one identity");
        }
        assert!(matches!(
            locate(&fs, &sp, "libnone.so", "/app/main.wasm", &[]),
            Err(LinkError::LibraryNotFound { .. })
        ));
        let _ = std::fs::remove_dir_all(&dir);
    }
}
