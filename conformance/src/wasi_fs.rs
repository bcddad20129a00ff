//! Read-only files for the conformance host: the case's mounts, each a preopened directory (fds
//! 3, 4, ... in the order of the table, named by their guest paths) mapping a host directory:
//! the same table the linker's namespace is built from. Programs read their scripts through
//! them (SQLite's SQL, Lua's `require` probing `package.cpath` with `fopen`). Nothing can be
//! written, and no path leaves a preopen (`..` past it or a symlink out of it is refused).

use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;

/// WASI errno values used here.
pub const EACCES: i32 = 2;
pub const EBADF: i32 = 8;
pub const EINVAL: i32 = 28;
pub const EISDIR: i32 = 31;
pub const ENOENT: i32 = 44;
pub const ENOTDIR: i32 = 54;
pub const ENOTCAPABLE: i32 = 76;

/// WASI file types.
pub const FILETYPE_DIRECTORY: u8 = 3;
pub const FILETYPE_REGULAR_FILE: u8 = 4;

/// The first preopened directory's descriptor.
pub const PREOPEN_FD: i32 = 3;

enum Open {
    /// A directory, and the canonical host path of the preopen it was reached from (which no
    /// path opened from it may leave).
    Dir {
        path: PathBuf,
        root: PathBuf,
    },
    File {
        data: Vec<u8>,
        pos: u64,
    },
}

/// The open files of one process.
#[derive(Default)]
pub struct Files {
    /// Guest names of the preopens, fd `PREOPEN_FD + i` for entry `i`.
    preopens: Vec<String>,
    open: Mutex<HashMap<i32, Open>>,
}

/// What `fd_filestat_get` reports.
pub struct Stat {
    pub filetype: u8,
    pub size: u64,
}

impl Files {
    /// Files under `root` (canonicalised), preopened as `/`.
    pub fn new(root: Option<&Path>) -> Files {
        let mounts: Vec<wasmlink::Mount> = root
            .map(|r| wasmlink::Mount::new(r, "/"))
            .into_iter()
            .collect();
        Files::mounts(&mounts)
    }

    /// Each of `mounts` (host directories canonicalised) preopened at its guest path; a
    /// directory that cannot be resolved is left out.
    pub fn mounts(mounts: &[wasmlink::Mount]) -> Files {
        let mut open = HashMap::new();
        let mut preopens = Vec::new();
        for m in mounts {
            let Ok(root) = std::fs::canonicalize(&m.host) else {
                continue;
            };
            open.insert(
                PREOPEN_FD + preopens.len() as i32,
                Open::Dir {
                    path: root.clone(),
                    root,
                },
            );
            preopens.push(m.guest.clone());
        }
        Files {
            preopens,
            open: Mutex::new(open),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<i32, Open>> {
        self.open.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// The preopened directory's guest name, if `fd` is one.
    pub fn prestat(&self, fd: i32) -> Option<&str> {
        let i = usize::try_from(fd.checked_sub(PREOPEN_FD)?).ok()?;
        self.preopens.get(i).map(String::as_str)
    }

    pub fn is_open(&self, fd: i32) -> Option<u8> {
        self.lock().get(&fd).map(|o| match o {
            Open::Dir { .. } => FILETYPE_DIRECTORY,
            Open::File { .. } => FILETYPE_REGULAR_FILE,
        })
    }

    /// Resolves `path` relative to directory `dirfd`, inside its preopen; returns the host
    /// path and that preopen's root.
    fn resolve(&self, dirfd: i32, path: &str) -> Result<(PathBuf, PathBuf), i32> {
        let (base, root) = match self.lock().get(&dirfd) {
            Some(Open::Dir { path, root }) => (path.clone(), root.clone()),
            Some(_) => return Err(ENOTDIR),
            None => return Err(EBADF),
        };
        let mut p = base;
        for c in Path::new(path).components() {
            match c {
                Component::Normal(s) => p.push(s),
                Component::ParentDir => {
                    if p == root || !p.pop() {
                        return Err(ENOTCAPABLE);
                    }
                }
                Component::CurDir => {}
                Component::RootDir | Component::Prefix(_) => return Err(ENOTCAPABLE),
            }
        }
        match std::fs::canonicalize(&p) {
            Ok(c) if c.starts_with(&root) => Ok((c, root)),
            Ok(_) => Err(ENOTCAPABLE),
            Err(_) => Err(ENOENT),
        }
    }

    /// Opens `path` for reading; `write` or `create` requests are refused.
    pub fn open(&self, dirfd: i32, path: &str, directory: bool, write: bool) -> Result<i32, i32> {
        let (p, root) = self.resolve(dirfd, path)?;
        if write {
            return Err(EACCES);
        }
        let entry = if p.is_dir() {
            Open::Dir { path: p, root }
        } else if directory {
            return Err(ENOTDIR);
        } else {
            Open::File {
                data: std::fs::read(&p).map_err(|_| EACCES)?,
                pos: 0,
            }
        };
        let mut open = self.lock();
        let fd = (PREOPEN_FD + self.preopens.len() as i32..)
            .find(|f| !open.contains_key(f))
            .unwrap_or(i32::MAX);
        open.insert(fd, entry);
        Ok(fd)
    }

    pub fn stat_path(&self, dirfd: i32, path: &str) -> Result<Stat, i32> {
        let (p, _) = self.resolve(dirfd, path)?;
        let md = std::fs::metadata(&p).map_err(|_| ENOENT)?;
        Ok(Stat {
            filetype: if md.is_dir() {
                FILETYPE_DIRECTORY
            } else {
                FILETYPE_REGULAR_FILE
            },
            size: md.len(),
        })
    }

    pub fn stat_fd(&self, fd: i32) -> Result<Stat, i32> {
        match self.lock().get(&fd) {
            Some(Open::Dir { .. }) => Ok(Stat {
                filetype: FILETYPE_DIRECTORY,
                size: 0,
            }),
            Some(Open::File { data, .. }) => Ok(Stat {
                filetype: FILETYPE_REGULAR_FILE,
                size: data.len() as u64,
            }),
            None => Err(EBADF),
        }
    }

    /// Reads up to `len` bytes at the file position.
    pub fn read(&self, fd: i32, len: usize) -> Result<Vec<u8>, i32> {
        match self.lock().get_mut(&fd) {
            Some(Open::File { data, pos }) => {
                let start = (*pos as usize).min(data.len());
                let end = start.saturating_add(len).min(data.len());
                *pos = end as u64;
                Ok(data[start..end].to_vec())
            }
            Some(Open::Dir { .. }) => Err(EISDIR),
            None => Err(EBADF),
        }
    }

    /// `lseek`: whence 0 set, 1 current, 2 end. Returns the new position.
    pub fn seek(&self, fd: i32, offset: i64, whence: i32) -> Result<u64, i32> {
        match self.lock().get_mut(&fd) {
            Some(Open::File { data, pos }) => {
                let base = match whence {
                    0 => 0,
                    1 => *pos as i64,
                    2 => data.len() as i64,
                    _ => return Err(EINVAL),
                };
                let new = base.checked_add(offset).filter(|n| *n >= 0).ok_or(EINVAL)?;
                *pos = new as u64;
                Ok(*pos)
            }
            Some(Open::Dir { .. }) => Err(EISDIR),
            None => Err(EBADF),
        }
    }

    pub fn close(&self, fd: i32) -> Result<(), i32> {
        if self.prestat(fd).is_some() {
            return Ok(());
        }
        self.lock().remove(&fd).map(|_| ()).ok_or(EBADF)
    }
}
