//! What a process keeps between loads, shared by the embedder between processes of one engine:
//! a library `dlopen`ed again, a thread's group, or another process reuses the work (the engines'
//! compile step dominates loading, then reading and parsing).
//!
//! Three things. Compiled modules, keyed by a cryptographic hash of the module's bytes
//! ([`ContentKey`]), so a changed file is compiled again whatever its name. Parsed files, by
//! identity and version stamp ([`crate::plan::file_cache`]). Start-up records, by the tree found
//! ([`crate::plan::launch`]), with the compiled code of each module.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use crate::engine::{Engine, EngineError};
use crate::plan::content::ContentKey;
use crate::plan::file_cache::FileCache;
use crate::plan::image::{Image, Inlined};
use crate::plan::launch::LaunchKey;

/// A loaded module's compiled code: the module, and the stubs of its PLT bindings.
pub(crate) struct ModuleCode<E: Engine> {
    pub module: E::Module,
    pub stubs: Option<E::Module>,
    /// The imports moved into `module` (PLT stubs inlined, `stubs::inline`): it no longer
    /// imports them, and imports the PLT table last.
    pub inlined: Arc<[Inlined]>,
}

impl<E: Engine> Clone for ModuleCode<E> {
    fn clone(&self) -> Self {
        ModuleCode {
            module: self.module.clone(),
            stubs: self.stubs.clone(),
            inlined: self.inlined.clone(),
        }
    }
}

/// A compiled module, or none yet (or its compilation failed: the next asker tries again).
type Slot<E> = Mutex<Option<<E as Engine>::Module>>;

/// The code of every module of an image, by module id (`None`: unloaded).
pub(crate) type Code<E> = Vec<Option<ModuleCode<E>>>;

/// A cache of compiled modules for one engine. Share it (in an `Arc`) between processes.
///
/// With [`ModuleCache::with_disk_dir`], compiled modules are also kept in a directory, so another
/// process (a command-line runner started again) loads them instead of compiling.
pub struct ModuleCache<E: Engine> {
    /// One slot per content key. A slot is locked while its module is compiled, so a thread
    /// that wants a module another is compiling waits for it instead of compiling it twice
    /// (start-up compiles on several threads).
    modules: Mutex<HashMap<ContentKey, Arc<Slot<E>>>>,
    disk: Option<std::path::PathBuf>,
    /// The part of disk file names that names the engine build, computed once.
    disk_tag: std::sync::OnceLock<String>,
    disk_hits: AtomicU64,
    files: FileCache,
    launches: Mutex<HashMap<LaunchKey, (Image, Code<E>)>>,
    hits: AtomicU64,
    launch_hits: AtomicU64,
}

impl<E: Engine> Default for ModuleCache<E> {
    fn default() -> Self {
        ModuleCache {
            modules: Mutex::new(HashMap::new()),
            disk: None,
            disk_tag: std::sync::OnceLock::new(),
            disk_hits: AtomicU64::new(0),
            files: FileCache::default(),
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
    /// module's content hash, engine, engine configuration and linker version. The directory must
    /// be trusted: its files are loaded as machine code (as wasmer's `~/.wasmer/cache`); a file
    /// an engine refuses (another version, configuration, or garbage) is compiled again and
    /// replaced. Engines may map the files (wasmtime does), as ld.so maps libraries: replace a
    /// file whole (write aside, rename), never in place, while a process may have it mapped.
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

    /// The file of `key`'s code: named by the content hash and, hashed with it, the engine, its
    /// configuration and this linker's version, so code of another engine build is never read.
    fn disk_path(&self, engine: &E, key: ContentKey) -> Option<std::path::PathBuf> {
        let dir = self.disk.as_ref()?;
        let variant = self.disk_tag.get_or_init(|| {
            let tag = format!(
                "{}\0{}\0linker-core {}",
                engine.name(),
                engine.compatibility(),
                env!("CARGO_PKG_VERSION")
            );
            ContentKey::of(tag.as_bytes()).to_string()[..16].to_string()
        });
        Some(dir.join(format!("{}-{key}-{variant}.bin", engine.name())))
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
        if let Some(p) = path.as_ref().filter(|p| p.is_file()) {
            // SAFETY: files in the cache directory were written by `serialize` below (aside,
            // under a name no other writer uses, then renamed: never half written, never changed
            // in place, so a mapped file stays as it was), under a name that binds them to these
            // bytes' hash and this engine build; the directory is trusted, and replaced only whole
            // (see `with_disk_dir`); the engine checks its own version header.
            if let Ok(m) = unsafe { engine.deserialize_file(p) } {
                self.disk_hits.fetch_add(1, Ordering::Relaxed);
                return Ok(m);
            }
        }
        let m = engine.compile(name, &bytes()?)?;
        if let (Some(path), Some(data)) = (path, engine.serialize(&m)) {
            // Written aside and renamed, so a concurrent reader never sees half a file. The
            // aside name is this writer's alone (process and a counter): two threads sharing one
            // would truncate a file the other had already renamed into place.
            static WRITES: AtomicU64 = AtomicU64::new(0);
            let n = WRITES.fetch_add(1, Ordering::Relaxed);
            let tmp = path.with_extension(format!("tmp{}-{n}", std::process::id()));
            if std::fs::write(&tmp, data).is_ok() {
                let _ = std::fs::rename(&tmp, &path);
            }
        }
        Ok(m)
    }

    /// The compiled module for `bytes`, compiling it with `engine` the first time.
    pub(crate) fn compile(
        &self,
        engine: &E,
        name: &str,
        bytes: &[u8],
    ) -> Result<E::Module, EngineError> {
        self.compile_keyed(engine, name, ContentKey::of(bytes), || Ok(bytes.to_vec()))
    }

    /// The compiled module whose bytes have key `key`; `bytes` supplies them on a miss. If
    /// another thread is compiling it, waits for that thread's result.
    pub(crate) fn compile_keyed(
        &self,
        engine: &E,
        name: &str,
        key: ContentKey,
        bytes: impl FnOnce() -> Result<Vec<u8>, EngineError>,
    ) -> Result<E::Module, EngineError> {
        let slot = lock(&self.modules).entry(key).or_default().clone();
        let mut slot = lock(&slot);
        if let Some(m) = &*slot {
            self.hits.fetch_add(1, Ordering::Relaxed);
            return Ok(m.clone());
        }
        let m = self.compile_or_load(engine, name, key, bytes)?;
        *slot = Some(m.clone());
        Ok(m)
    }

    /// Whether `key`'s module is compiled, or being compiled by another thread.
    pub(crate) fn has(&self, key: &ContentKey) -> bool {
        let Some(slot) = lock(&self.modules).get(key).cloned() else {
            return false;
        };
        let has = match slot.try_lock() {
            Ok(s) => s.is_some(),
            Err(std::sync::TryLockError::Poisoned(p)) => p.into_inner().is_some(),
            Err(std::sync::TryLockError::WouldBlock) => true,
        };
        has
    }

    /// Parsed files.
    pub(crate) fn files(&self) -> &FileCache {
        &self.files
    }

    /// The records and code a start-up with key `key` computed, if any.
    pub(crate) fn launch(&self, key: &LaunchKey) -> Option<(Image, Code<E>)> {
        let st = lock(&self.launches).get(key).cloned();
        if st.is_some() {
            self.hits.fetch_add(1, Ordering::Relaxed);
            self.launch_hits.fetch_add(1, Ordering::Relaxed);
        }
        st
    }

    /// Remembers the records and code of a start-up.
    pub(crate) fn remember_launch(&self, key: LaunchKey, image: Image, code: Code<E>) {
        lock(&self.launches).insert(key, (image, code));
    }

    /// Forgets every start-up's records (compiled modules and parsed files stay), e.g. to bound
    /// memory, or to measure a start-up of a tree never seen.
    pub fn clear_launches(&self) {
        lock(&self.launches).clear();
    }

    /// How many compilations, parses and start-ups the cache saved.
    pub fn hits(&self) -> u64 {
        self.hits.load(Ordering::Relaxed) + self.files.hits()
    }

    /// How many start-ups reused the records of an earlier one.
    pub fn launch_hits(&self) -> u64 {
        self.launch_hits.load(Ordering::Relaxed)
    }
}
