//! Parsed files by identity and version stamp ([`crate::LibraryFs::stat`]): a file seen before
//! with the same stamp is neither read, hashed nor parsed again, as a dynamic loader's cache trusts
//! a file's device, inode and times. Engine-free: planning (and `ldd`) use it without an engine.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use crate::metadata::ModuleInfo;
use crate::plan::content::ContentKey;
use crate::plan::instrument::Instrumentation;
use crate::plan::locate::FileId;

/// What is remembered of a file: its description and the key of its bytes.
#[derive(Clone)]
pub(crate) struct FileEntry {
    pub info: Arc<ModuleInfo>,
    pub content: ContentKey,
    /// What the bytes described were given (`plan/instrument.rs`).
    pub instrumentation: Instrumentation,
}

/// Parsed files, by identity; each with the stamp it was seen with.
#[derive(Default)]
pub(crate) struct FileCache {
    files: Mutex<HashMap<String, (u64, FileEntry)>>,
    hits: AtomicU64,
}

impl FileCache {
    /// What was parsed of the file `file` at this version, if anything.
    pub fn get(&self, file: &FileId) -> Option<FileEntry> {
        let stamp = file.stamp?;
        let e = self
            .files
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .get(file.identity.as_str())
            .filter(|(s, _)| *s == stamp)
            .map(|(_, e)| e.clone());
        if e.is_some() {
            self.hits.fetch_add(1, Ordering::Relaxed);
        }
        e
    }

    /// Remembers what was parsed of `file` (nothing if it has no stamp).
    pub fn remember(&self, file: &FileId, entry: FileEntry) {
        if let Some(stamp) = file.stamp {
            self.files
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .insert(file.identity.clone(), (stamp, entry));
        }
    }

    /// How many reads and parses were saved.
    pub fn hits(&self) -> u64 {
        self.hits.load(Ordering::Relaxed)
    }
}
