//! Compiled modules and their parsed descriptions, kept across loads: a library `dlopen`ed again,
//! a thread's group, or another process of the same embedder reuses the work (the engines' compile
//! step dominates loading, then reading and parsing).
//!
//! Three maps. Compiled modules are keyed by a hash of the module's bytes, so a changed file is
//! compiled again whatever its name. Files are keyed by their identity and version stamp
//! ([`crate::LibraryFs::stat`]): a file seen before with the same stamp is neither read, hashed nor
//! parsed again, as a dynamic loader's cache trusts a file's device, inode and times. Start-ups
//! are keyed by the library tree the search found (every file's identity, stamp and resolved
//! needed list, in load order) and the settings that shape the image: the same program started
//! again over unchanged files gets the records its first start computed (layout, bindings, PLT)
//! instead of binding every import again, as macOS's dyld 3 reuses a "launch closure". The search
//! itself is always redone, so a library that now shadows another, or a changed file, is a
//! different key.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use crate::config::LinkerConfig;
use crate::engine::{Engine, EngineError};
use crate::image::{LinkState, ModuleId};
use crate::load::Found;
use crate::locate::FileId;
use crate::metadata::ModuleInfo;
use crate::scope::WeakPolicy;

/// A module's bytes, as the key of its compilation: a hash and the length.
pub type ContentKey = (u64, usize);

/// The key for `bytes`.
pub fn content_key(bytes: &[u8]) -> ContentKey {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    bytes.hash(&mut h);
    (h.finish(), bytes.len())
}

/// What is remembered of a file: its description and which compilation it has.
#[derive(Clone)]
pub struct FileEntry {
    pub info: Arc<ModuleInfo>,
    pub content: ContentKey,
}

/// What a start-up's records depend on: the tree found and the settings that shape the image.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct LaunchKey {
    /// Per module in load order: name asked for, identity, stamp, resolved needed list.
    tree: Vec<(String, String, u64, Vec<ModuleId>)>,
    stack_size: u64,
    weak_policy: WeakPolicy,
    bind_now: bool,
    default_max_pages: u32,
}

impl LaunchKey {
    /// The key of a tree [`crate::load::walk`] found, or `None` if a file has no version stamp
    /// (its filesystem cannot tell versions apart: nothing is reused).
    pub fn new(config: &LinkerConfig, found: &[Found]) -> Option<LaunchKey> {
        let tree = found
            .iter()
            .map(|f| Some((f.name.clone(), f.identity.clone(), f.stamp?, f.deps.clone())))
            .collect::<Option<Vec<_>>>()?;
        Some(LaunchKey {
            tree,
            stack_size: config.stack_size,
            weak_policy: config.weak_policy,
            bind_now: config.bind_now,
            default_max_pages: config.default_max_pages,
        })
    }
}

/// A cache of compiled modules for one engine. Share it (in an `Arc`) between processes.
///
/// With [`ModuleCache::with_disk_dir`], compiled modules are also kept in a directory, so another
/// process (a command-line runner started again) loads them instead of compiling.
pub struct ModuleCache<E: Engine> {
    modules: Mutex<HashMap<ContentKey, E::Module>>,
    disk: Option<std::path::PathBuf>,
    disk_hits: AtomicU64,
    /// By identity: the stamp it was seen with and what was parsed.
    files: Mutex<HashMap<String, (u64, FileEntry)>>,
    launches: Mutex<HashMap<LaunchKey, LinkState<E>>>,
    hits: AtomicU64,
    launch_hits: AtomicU64,
}

impl<E: Engine> Default for ModuleCache<E> {
    fn default() -> Self {
        ModuleCache {
            modules: Mutex::new(HashMap::new()),
            disk: None,
            disk_hits: AtomicU64::new(0),
            files: Mutex::new(HashMap::new()),
            launches: Mutex::new(HashMap::new()),
            hits: AtomicU64::new(0),
            launch_hits: AtomicU64::new(0),
        }
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

impl<E: Engine> ModuleCache<E> {
    /// A cache that also keeps compiled modules in `dir` (created if missing), one file per
    /// module's content, engine and version. The directory must be trusted: its files are loaded
    /// as machine code (as wasmer's `~/.wasmer/cache`); a file an engine refuses (another version,
    /// configuration, or garbage) is compiled again and replaced.
    pub fn with_disk_dir(dir: impl Into<std::path::PathBuf>) -> Self {
        let dir = dir.into();
        let _ = std::fs::create_dir_all(&dir);
        ModuleCache {
            disk: Some(dir),
            ..Default::default()
        }
    }

    /// How many compilations were loaded from the disk directory.
    pub fn disk_hits(&self) -> u64 {
        self.disk_hits.load(Ordering::Relaxed)
    }

    fn disk_path(&self, engine: &E, key: ContentKey) -> Option<std::path::PathBuf> {
        let dir = self.disk.as_ref()?;
        Some(dir.join(format!(
            "{}-linker-core-{}-{:016x}-{}.bin",
            engine.name(),
            env!("CARGO_PKG_VERSION"),
            key.0,
            key.1
        )))
    }

    /// Compiles, or loads from the disk directory, and keeps a compiled copy there.
    fn compile_or_load(
        &self,
        engine: &E,
        name: &str,
        key: ContentKey,
        bytes: impl FnOnce() -> Result<Vec<u8>, EngineError>,
    ) -> Result<E::Module, EngineError> {
        let path = self.disk_path(engine, key);
        if let Some(stored) = path.as_ref().and_then(|p| std::fs::read(p).ok()) {
            // SAFETY: files in the cache directory were written by `serialize` below; the
            // directory is trusted (see `with_disk_dir`).
            if let Ok(m) = unsafe { engine.deserialize(&stored) } {
                self.disk_hits.fetch_add(1, Ordering::Relaxed);
                return Ok(m);
            }
        }
        let m = engine.compile(name, &bytes()?)?;
        if let (Some(path), Some(data)) = (path, engine.serialize(&m)) {
            // Written aside and renamed, so a concurrent reader never sees half a file.
            let tmp = path.with_extension(format!("tmp{}", std::process::id()));
            if std::fs::write(&tmp, data).is_ok() {
                let _ = std::fs::rename(&tmp, &path);
            }
        }
        Ok(m)
    }

    /// The compiled module for `bytes`, compiling it with `engine` the first time.
    pub fn compile(&self, engine: &E, name: &str, bytes: &[u8]) -> Result<E::Module, EngineError> {
        self.compile_keyed(engine, name, content_key(bytes), || Ok(bytes.to_vec()))
    }

    /// The compiled module whose bytes have key `key`; `bytes` supplies them on a miss.
    pub fn compile_keyed(
        &self,
        engine: &E,
        name: &str,
        key: ContentKey,
        bytes: impl FnOnce() -> Result<Vec<u8>, EngineError>,
    ) -> Result<E::Module, EngineError> {
        if let Some(m) = lock(&self.modules).get(&key) {
            self.hits.fetch_add(1, Ordering::Relaxed);
            return Ok(m.clone());
        }
        let m = self.compile_or_load(engine, name, key, bytes)?;
        lock(&self.modules).insert(key, m.clone());
        Ok(m)
    }

    /// What was parsed of the file `file` at this version, if anything.
    pub fn file(&self, file: &FileId) -> Option<FileEntry> {
        let stamp = file.stamp?;
        let e = lock(&self.files)
            .get(file.identity.as_str())
            .filter(|(s, _)| *s == stamp)
            .map(|(_, e)| e.clone());
        if e.is_some() {
            self.hits.fetch_add(1, Ordering::Relaxed);
        }
        e
    }

    /// Remembers what was parsed of `file` (nothing if it has no stamp).
    pub fn remember_file(&self, file: &FileId, entry: FileEntry) {
        if let Some(stamp) = file.stamp {
            lock(&self.files).insert(file.identity.clone(), (stamp, entry));
        }
    }

    /// The records a start-up with key `key` computed, if any.
    pub fn launch(&self, key: &LaunchKey) -> Option<LinkState<E>> {
        let st = lock(&self.launches).get(key).cloned();
        if st.is_some() {
            self.hits.fetch_add(1, Ordering::Relaxed);
            self.launch_hits.fetch_add(1, Ordering::Relaxed);
        }
        st
    }

    /// Remembers the records of a start-up.
    pub fn remember_launch(&self, key: LaunchKey, state: LinkState<E>) {
        lock(&self.launches).insert(key, state);
    }

    /// Forgets every start-up's records (compiled modules and parsed files stay), e.g. to bound
    /// memory, or to measure a start-up of a tree never seen.
    pub fn clear_launches(&self) {
        lock(&self.launches).clear();
    }

    /// How many compilations, parses and start-ups the cache saved.
    pub fn hits(&self) -> u64 {
        self.hits.load(Ordering::Relaxed)
    }

    /// How many start-ups reused the records of an earlier one.
    pub fn launch_hits(&self) -> u64 {
        self.launch_hits.load(Ordering::Relaxed)
    }
}
