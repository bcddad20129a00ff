//! The program's filesystem as the linker sees it: a table of mounts, each a host directory (or a
//! single file, as a bind mount of a file is) seen at a guest path, read-only. Every name the guest gives (`dlopen`'s argument, a NEEDED entry,
//! RUNPATH with `$ORIGIN`, `LD_LIBRARY_PATH`) is a guest path resolved here, as ld.so resolves
//! names in its process's own mount namespace; nothing else of the host exists.
//!
//! The embedder builds one table of [`Mount`]s and gives it both to [`MountFs`] and to its WASI
//! context's preopens, so that `dlopen` and `open` see one filesystem.
//!
//! Inside a mount, paths are resolved by `cap-std` (the library wasmtime-wasi serves preopens
//! with): `..` cannot climb above the mount's directory, a symlink is followed only while it
//! stays inside it (an absolute target is never followed), and no host path outside the mount is
//! ever looked at. Whatever cannot be opened there, for whatever reason, is "not found": a guest
//! cannot tell a host file outside its mounts that exists from one that does not.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use cap_std::fs::{Dir, MetadataExt};

use crate::error::{LinkError, Result};
use crate::plan::locate::{normalize, FileId, LibraryFs};

/// One row of a namespace's table: the host directory `host` seen by the guest at `guest` (or a
/// single host file, as a bind mount of a file is).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mount {
    /// The directory (or file) on the host.
    pub host: PathBuf,
    /// Where the guest sees it: an absolute guest path (`/`, `/usr/lib/app`).
    pub guest: String,
}

impl Mount {
    /// The host directory `host` at guest path `guest`.
    pub fn new(host: impl Into<PathBuf>, guest: impl Into<String>) -> Mount {
        Mount {
            host: host.into(),
            guest: guest.into(),
        }
    }

    /// `HOST[::GUEST]`, as `wasmtime run --dir` and `wasmlink run --dir` write it; without
    /// `::GUEST` the directory is seen at its own path.
    pub fn parse(spec: &str) -> Mount {
        match spec.split_once("::") {
            Some((host, guest)) => Mount::new(host, guest),
            None => Mount::new(spec, spec),
        }
    }
}

/// A mounted directory or file, opened.
#[derive(Debug)]
struct Mounted {
    /// Normalised absolute guest path.
    guest: String,
    /// The host directory's (or file's) canonical path (to map a host file to its guest path).
    host: PathBuf,
    /// The directory, through which everything below it is opened (a file's parent directory).
    dir: Dir,
    /// For a file mount: the file's name in `dir`, the only thing the mount shows.
    file: Option<PathBuf>,
}

impl Mounted {
    /// The path of guest path `path` relative to this mount, if the mount covers it.
    fn relative<'p>(&self, path: &'p str) -> Option<&'p str> {
        if self.guest == "/" {
            return Some(path.trim_start_matches('/'));
        }
        let rest = path.strip_prefix(self.guest.as_str())?;
        if rest.is_empty() {
            Some("")
        } else {
            rest.strip_prefix('/')
        }
    }
}

/// A [`LibraryFs`] made of mounts (guest prefix -> host directory, read-only). A path is
/// resolved in the mount with the longest guest prefix that covers it, and only there: a mount
/// hides what lies beneath it, as on a real filesystem. Paths no mount covers do not exist.
///
/// A file's identity is its device and inode, as glibc's loader compares files: one file reached
/// through two paths (a symlink, two mounts of one directory) is loaded once.
#[derive(Clone, Debug, Default)]
pub struct MountFs {
    /// Longest guest path first.
    mounts: Arc<Vec<Arc<Mounted>>>,
}

impl MountFs {
    /// A namespace with nothing in it.
    pub fn new() -> MountFs {
        MountFs::default()
    }

    /// The host directory `root` as the guest's `/`, and nothing else.
    pub fn root(root: impl AsRef<Path>) -> std::io::Result<MountFs> {
        MountFs::new().with(Mount::new(root.as_ref(), "/"))
    }

    /// A namespace made of `mounts`; a later mount at the same guest path replaces an earlier one.
    pub fn from_mounts<'a>(
        mounts: impl IntoIterator<Item = &'a Mount>,
    ) -> std::io::Result<MountFs> {
        mounts
            .into_iter()
            .try_fold(MountFs::new(), |fs, m| fs.with(m.clone()))
    }

    /// This namespace with `mount` added. A relative guest path is taken from `/`, the working
    /// directory wasi-libc starts in (`--dir .` is the guest's `/`). Fails if the host directory
    /// cannot be opened or the guest path climbs above `/`.
    pub fn with(self, mount: Mount) -> std::io::Result<MountFs> {
        let guest = normalize(&format!("/{}", mount.guest)).ok_or_else(|| {
            std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                format!("{}: climbs above /", mount.guest),
            )
        })?;
        let err = |p: &Path, e: std::io::Error| {
            std::io::Error::new(e.kind(), format!("{}: {e}", p.display()))
        };
        let host = std::fs::canonicalize(&mount.host).map_err(|e| err(&mount.host, e))?;
        let (dir_path, file) = if host.is_dir() {
            (host.as_path(), None)
        } else {
            // A file: its canonical path names no symlink, so its parent and name find it.
            let parent = host.parent().unwrap_or(Path::new("/"));
            (parent, host.file_name().map(PathBuf::from))
        };
        let dir = Dir::open_ambient_dir(dir_path, cap_std::ambient_authority())
            .map_err(|e| err(dir_path, e))?;
        let mut mounts: Vec<Arc<Mounted>> = (*self.mounts).clone();
        mounts.retain(|m| m.guest != guest);
        mounts.push(Arc::new(Mounted {
            guest,
            host,
            dir,
            file,
        }));
        // Longest guest path first: the first mount that covers a path is the one that serves it.
        mounts.sort_by_key(|m| std::cmp::Reverse(m.guest.len()));
        Ok(MountFs {
            mounts: Arc::new(mounts),
        })
    }

    /// Whether a mount serves guest path `guest` itself (`/`, say).
    pub fn is_mounted(&self, guest: &str) -> bool {
        normalize(guest).is_some_and(|g| self.mounts.iter().any(|m| m.guest == g))
    }

    /// The table, longest guest path first (host directories canonical).
    pub fn mounts(&self) -> Vec<Mount> {
        self.mounts
            .iter()
            .map(|m| Mount::new(m.host.clone(), m.guest.clone()))
            .collect()
    }

    /// The guest path at which the guest sees the host file `host_file`, if any mount shows it
    /// (the most specific mount that is not hidden by another): how an embedder names the main
    /// module it was given as a host path.
    pub fn guest_path(&self, host_file: impl AsRef<Path>) -> Option<String> {
        let canon = std::fs::canonicalize(host_file).ok()?;
        let mut by_host: Vec<&Mounted> = self.mounts.iter().map(|m| &**m).collect();
        by_host.sort_by_key(|m| std::cmp::Reverse(m.host.components().count()));
        by_host.into_iter().find_map(|m| {
            let rel = canon.strip_prefix(&m.host).ok()?.to_str()?;
            let guest = match (m.guest.as_str(), rel) {
                (g, "") => g.to_string(),
                ("/", r) => format!("/{r}"),
                (g, r) => format!("{g}/{r}"),
            };
            // Not hidden by a mount further down the guest path.
            let serving = self.mount_of(&guest)?.0;
            std::ptr::eq(serving, m).then_some(guest)
        })
    }

    /// The mount serving normalised guest path `path`, and the path inside it.
    fn mount_of<'p>(&self, path: &'p str) -> Option<(&Mounted, &'p str)> {
        self.mounts
            .iter()
            .find_map(|m| m.relative(path).map(|rel| (&**m, rel)))
    }

    /// The regular file at guest path `guest_path`: its mount's directory and relative path, and
    /// its metadata; `Ok(None)` if there is none the guest may see.
    fn file(&self, guest_path: &str) -> Result<Option<(&Dir, PathBuf, cap_std::fs::Metadata)>> {
        let path = normalize(guest_path).ok_or_else(|| LinkError::PathEscapesRoot {
            path: guest_path.to_string(),
        })?;
        let Some((m, rel)) = self.mount_of(&path) else {
            return Ok(None);
        };
        let rel: &Path = match &m.file {
            // A file mount shows its file at its guest path, and nothing below it.
            Some(name) if rel.is_empty() => name,
            Some(_) => return Ok(None),
            // A directory is not a library.
            None if rel.is_empty() => return Ok(None),
            None => Path::new(rel),
        };
        // Any failure to resolve the path inside the mount is "not found": an escape attempt
        // (`..` above the mount, a symlink pointing out) must read exactly like a missing file.
        match m.dir.metadata(rel) {
            Ok(md) if md.is_file() => Ok(Some((&m.dir, rel.to_path_buf(), md))),
            _ => Ok(None),
        }
    }
}

fn file_id(md: &cap_std::fs::Metadata) -> FileId {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    (
        md.len(),
        md.mtime(),
        md.mtime_nsec(),
        md.ctime(),
        md.ctime_nsec(),
    )
        .hash(&mut h);
    FileId {
        identity: format!("{}:{}", md.dev(), md.ino()),
        stamp: Some(h.finish()),
    }
}

impl LibraryFs for MountFs {
    fn read(&self, guest_path: &str) -> Result<Option<Vec<u8>>> {
        let Some((dir, rel, _)) = self.file(guest_path)? else {
            return Ok(None);
        };
        let Ok(mut file) = dir.open(&rel) else {
            return Ok(None);
        };
        // The file opened is checked again: it may have been replaced since it was looked at.
        match file.metadata() {
            Ok(md) if md.is_file() => {}
            _ => return Ok(None),
        }
        let mut bytes = Vec::new();
        file.read_to_end(&mut bytes).map_err(|e| LinkError::Io {
            path: guest_path.to_string(),
            reason: e.to_string(),
        })?;
        Ok(Some(bytes))
    }

    fn identity(&self, guest_path: &str) -> Result<Option<String>> {
        Ok(self.stat(guest_path)?.map(|f| f.identity))
    }

    /// One `stat` inside the mount: the identity is the device and inode, the stamp hashes the
    /// size and both times, so a rewritten or replaced file gets a new one.
    fn stat(&self, guest_path: &str) -> Result<Option<FileId>> {
        Ok(self.file(guest_path)?.map(|(_, _, md)| file_id(&md)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree() -> PathBuf {
        let dir = std::env::temp_dir().join(format!(
            "wasmlink-namespace-{}-{:?}",
            std::process::id(),
            std::thread::current().id()
        ));
        let _ = std::fs::remove_dir_all(&dir);
        for d in ["jail/lib", "plugins/sub", "secret"] {
            std::fs::create_dir_all(dir.join(d)).unwrap();
        }
        std::fs::write(dir.join("jail/lib/liba.so"), b"a").unwrap();
        std::fs::write(dir.join("plugins/libp.so"), b"p").unwrap();
        std::fs::write(dir.join("secret/libs.so"), b"s").unwrap();
        dir
    }

    fn read(fs: &MountFs, p: &str) -> Option<Vec<u8>> {
        fs.read(p).unwrap()
    }

    #[test]
    fn mounts_are_the_whole_namespace() {
        let dir = tree();
        let fs = MountFs::new()
            .with(Mount::new(dir.join("jail"), "/"))
            .unwrap()
            .with(Mount::new(dir.join("plugins"), "/usr/lib/app"))
            .unwrap();
        assert_eq!(read(&fs, "/lib/liba.so").as_deref(), Some(&b"a"[..]));
        assert_eq!(
            read(&fs, "/usr/lib/app/libp.so").as_deref(),
            Some(&b"p"[..])
        );
        // The host's own paths do not exist, whether or not the file does.
        let host_secret = dir.join("secret/libs.so");
        assert_eq!(fs.stat(host_secret.to_str().unwrap()).unwrap(), None);
        assert_eq!(fs.stat("/etc/passwd").unwrap(), None);
        assert_eq!(fs.stat("/proc/self/exe").unwrap(), None);
        // `..` inside a mount cannot reach its host directory's neighbours.
        assert_eq!(
            fs.stat("/usr/lib/app/../../../secret/libs.so").unwrap(),
            None
        );
        // A directory is not a library.
        assert_eq!(fs.stat("/usr/lib/app/sub").unwrap(), None);
        // Host files map back to guest paths; the secret directory has none.
        assert_eq!(
            fs.guest_path(dir.join("plugins/libp.so")).as_deref(),
            Some("/usr/lib/app/libp.so")
        );
        assert_eq!(fs.guest_path(dir.join("jail/lib")).as_deref(), Some("/lib"));
        assert_eq!(fs.guest_path(&host_secret), None);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_mount_hides_what_lies_beneath() {
        let dir = tree();
        std::fs::create_dir_all(dir.join("jail/usr/lib/app")).unwrap();
        std::fs::write(dir.join("jail/usr/lib/app/libhidden.so"), b"h").unwrap();
        let fs = MountFs::root(dir.join("jail"))
            .unwrap()
            .with(Mount::new(dir.join("plugins"), "/usr/lib/app"))
            .unwrap();
        assert_eq!(fs.stat("/usr/lib/app/libhidden.so").unwrap(), None);
        assert_eq!(
            fs.guest_path(dir.join("jail/usr/lib/app/libhidden.so")),
            None
        );
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[cfg(unix)]
    #[test]
    fn symlinks_stay_inside_their_mount() {
        let dir = tree();
        let link =
            |target: &Path, at: &str| std::os::unix::fs::symlink(target, dir.join(at)).unwrap();
        // Out of the mount: to an existing file, a missing one, a directory, by absolute and
        // relative targets. All read as missing.
        link(&dir.join("secret/libs.so"), "jail/lib/abs-out.so");
        link(&dir.join("secret/none.so"), "jail/lib/abs-missing.so");
        link(Path::new("../../secret/libs.so"), "jail/lib/rel-out.so");
        link(&dir.join("secret"), "jail/up");
        link(Path::new("/etc/passwd"), "jail/lib/passwd.so");
        // Inside: relative targets are followed, and two names are one file.
        link(Path::new("liba.so"), "jail/lib/liba.so.1");
        link(Path::new("lib"), "jail/alias");
        let fs = MountFs::root(dir.join("jail")).unwrap();
        for p in [
            "/lib/abs-out.so",
            "/lib/abs-missing.so",
            "/lib/rel-out.so",
            "/up/libs.so",
            "/lib/passwd.so",
        ] {
            assert_eq!(fs.stat(p).unwrap(), None, "{p}");
            assert_eq!(fs.read(p).unwrap(), None, "{p}");
        }
        let direct = fs.stat("/lib/liba.so").unwrap().unwrap();
        assert_eq!(fs.stat("/lib/liba.so.1").unwrap().as_ref(), Some(&direct));
        assert_eq!(fs.stat("/alias/liba.so").unwrap().as_ref(), Some(&direct));
        // A rewritten file keeps its identity and gets a new stamp.
        std::fs::write(dir.join("jail/lib/liba.so"), b"a, version 2").unwrap();
        let after = fs.stat("/lib/liba.so").unwrap().unwrap();
        assert_eq!(after.identity, direct.identity);
        assert_ne!(after.stamp, direct.stamp);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_file_can_be_mounted_alone() {
        let dir = tree();
        let fs = MountFs::root(dir.join("jail"))
            .unwrap()
            .with(Mount::new(dir.join("secret/libs.so"), "/main.wasm"))
            .unwrap();
        assert_eq!(read(&fs, "/main.wasm").as_deref(), Some(&b"s"[..]));
        assert_eq!(fs.stat("/main.wasm/x").unwrap(), None);
        assert_eq!(
            fs.guest_path(dir.join("secret/libs.so")).as_deref(),
            Some("/main.wasm")
        );
        assert!(fs.is_mounted("/") && fs.is_mounted("/main.wasm") && !fs.is_mounted("/lib"));
        // Its directory is not shown.
        assert_eq!(fs.guest_path(dir.join("secret")), None);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn bad_mounts_are_refused() {
        let dir = tree();
        assert!(MountFs::new()
            .with(Mount::new(dir.join("jail"), "/../x"))
            .is_err());
        let dot = MountFs::new().with(Mount::parse(&format!("{}::.", dir.join("jail").display())));
        assert_eq!(dot.unwrap().mounts()[0].guest, "/");
        assert!(MountFs::new()
            .with(Mount::new(dir.join("none"), "/"))
            .is_err());
        assert_eq!(Mount::parse("a::/b"), Mount::new("a", "/b"));
        assert_eq!(Mount::parse("/a"), Mount::new("/a", "/a"));
        let _ = std::fs::remove_dir_all(&dir);
    }
}
