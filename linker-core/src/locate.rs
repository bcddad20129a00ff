//! Finding a library file, as glibc's `dl-load.c` does: a name with a `/` is a path; a bare name
//! is searched in `LD_LIBRARY_PATH`, then in the RUNPATH of the module that needs it (with
//! `$ORIGIN` = that module's directory), then in `/lib`, `/usr/lib`, `/usr/local/lib`.
//!
//! All paths are guest paths inside a [`LibraryFs`]: the embedder decides what they map to. The
//! default, [`HostDirFs`], maps one host directory and refuses any path that leaves it.

use std::path::{Component, Path, PathBuf};

use crate::error::{LinkError, Result};

/// The filesystem libraries are loaded from. Paths are absolute guest paths (`/lib/libc.so`).
pub trait LibraryFs: Send + Sync {
    /// Reads a whole file, or `Ok(None)` if it does not exist.
    fn read(&self, guest_path: &str) -> Result<Option<Vec<u8>>>;
    /// A stable identity for a guest path (its canonical form), so that one file reached through
    /// two names (symlinks, `..`) is loaded once.
    fn identity(&self, guest_path: &str) -> Result<Option<String>>;
}

/// Maps the guest's `/` to one host directory. `..` cannot climb above it and a symlink may not
/// point outside it.
#[derive(Clone, Debug)]
pub struct HostDirFs {
    root: PathBuf,
}

impl HostDirFs {
    pub fn new(root: impl Into<PathBuf>) -> std::io::Result<HostDirFs> {
        Ok(HostDirFs {
            root: std::fs::canonicalize(root.into())?,
        })
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Resolves a guest path to a host path inside the root, following symlinks.
    fn host_path(&self, guest_path: &str) -> Result<Option<PathBuf>> {
        let rel = normalize(guest_path).ok_or_else(|| LinkError::PathEscapesRoot {
            path: guest_path.to_string(),
        })?;
        let joined = self.root.join(rel.trim_start_matches('/'));
        let canon = match std::fs::canonicalize(&joined) {
            Ok(c) => c,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => {
                return Err(LinkError::Io {
                    path: guest_path.to_string(),
                    reason: e.to_string(),
                })
            }
        };
        if !canon.starts_with(&self.root) {
            return Err(LinkError::PathEscapesRoot {
                path: guest_path.to_string(),
            });
        }
        if !canon.is_file() {
            return Ok(None);
        }
        Ok(Some(canon))
    }
}

impl LibraryFs for HostDirFs {
    fn read(&self, guest_path: &str) -> Result<Option<Vec<u8>>> {
        let Some(p) = self.host_path(guest_path)? else {
            return Ok(None);
        };
        std::fs::read(&p).map(Some).map_err(|e| LinkError::Io {
            path: guest_path.to_string(),
            reason: e.to_string(),
        })
    }

    fn identity(&self, guest_path: &str) -> Result<Option<String>> {
        Ok(self
            .host_path(guest_path)?
            .map(|p| p.to_string_lossy().into_owned()))
    }
}

/// Normalizes an absolute guest path lexically; `None` if `..` climbs above `/`.
pub fn normalize(path: &str) -> Option<String> {
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
    /// Identity for de-duplication.
    pub identity: String,
    pub bytes: Vec<u8>,
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
    let candidates: Vec<String> = if name.contains('/') {
        vec![if name.starts_with('/') {
            name.to_string()
        } else {
            // Relative paths are relative to the needing module's directory.
            format!("{origin}/{name}")
        }]
    } else {
        let runpath_dirs = runpath.iter().map(|r| expand_origin(r, &origin));
        search
            .ld_library_path
            .iter()
            .cloned()
            .chain(runpath_dirs)
            .chain(search.default_dirs.iter().cloned())
            .map(|d| format!("{}/{}", d.trim_end_matches('/'), name))
            .collect()
    };
    let mut searched = Vec::new();
    let mut escape = None;
    for c in candidates {
        let Some(path) = normalize(&c) else {
            escape.get_or_insert(LinkError::PathEscapesRoot { path: c.clone() });
            continue;
        };
        match fs.read(&path) {
            Ok(Some(bytes)) => {
                let identity = fs.identity(&path)?.unwrap_or_else(|| path.clone());
                tracing::debug!(library = name, found = %path, "found library");
                return Ok(Located {
                    path,
                    identity,
                    bytes,
                });
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
        let fs = HostDirFs::new(dir.join("root")).unwrap();
        let mut sp = SearchPath::default();
        let rp = vec!["$ORIGIN/rp".to_string()];
        assert_eq!(
            locate(&fs, &sp, "libx.so", "/app/main.wasm", &rp)
                .unwrap()
                .bytes,
            b"rp"
        );
        assert_eq!(
            locate(&fs, &sp, "libx.so", "/app/main.wasm", &[])
                .unwrap()
                .bytes,
            b"lib"
        );
        sp.ld_library_path.push("/first".into());
        assert_eq!(
            locate(&fs, &sp, "libx.so", "/app/main.wasm", &rp)
                .unwrap()
                .bytes,
            b"first"
        );
        assert!(matches!(
            locate(&fs, &sp, "../../outside.so", "/app/main.wasm", &[]),
            Err(LinkError::PathEscapesRoot { .. })
        ));
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(dir.join("outside.so"), dir.join("root/lib/libevil.so"))
                .unwrap();
            assert!(matches!(
                locate(&fs, &sp, "/lib/libevil.so", "/app/main.wasm", &[]),
                Err(LinkError::PathEscapesRoot { .. })
            ));
        }
        assert!(matches!(
            locate(&fs, &sp, "libnone.so", "/app/main.wasm", &[]),
            Err(LinkError::LibraryNotFound { .. })
        ));
        let _ = std::fs::remove_dir_all(&dir);
    }
}
