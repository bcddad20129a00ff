//! Compiled modules, kept across loads: a library `dlopen`ed again, a thread's group, or another
//! process of the same embedder reuses the compilation (the engines' compile step dominates
//! loading). Keyed by the module's bytes, so a changed file is compiled again.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;

use crate::engine::{Engine, EngineError};

/// A cache of compiled modules for one engine. Share it (in an `Arc`) between processes.
pub struct ModuleCache<E: Engine> {
    modules: Mutex<HashMap<(u64, usize), E::Module>>,
    hits: AtomicU64,
}

impl<E: Engine> Default for ModuleCache<E> {
    fn default() -> Self {
        ModuleCache {
            modules: Mutex::new(HashMap::new()),
            hits: AtomicU64::new(0),
        }
    }
}

impl<E: Engine> ModuleCache<E> {
    /// The compiled module for `bytes`, compiling it with `engine` the first time.
    pub fn compile(&self, engine: &E, name: &str, bytes: &[u8]) -> Result<E::Module, EngineError> {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        bytes.hash(&mut h);
        let key = (h.finish(), bytes.len());
        if let Some(m) = self
            .modules
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .get(&key)
        {
            self.hits.fetch_add(1, Ordering::Relaxed);
            return Ok(m.clone());
        }
        let m = engine.compile(name, bytes)?;
        self.modules
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .insert(key, m.clone());
        Ok(m)
    }

    /// How many compilations the cache saved.
    pub fn hits(&self) -> u64 {
        self.hits.load(Ordering::Relaxed)
    }
}
