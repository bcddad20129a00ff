//! The key of a module's compiled code: a cryptographic hash of its bytes. Compiled code is
//! looked up by it in memory and on disk, so two different modules must never share a key, as
//! wasmtime's own cache keys code by a SHA-256 of the module. BLAKE3 is used for its speed (the
//! bytes of every new file are hashed once, on the start-up path).

use std::fmt;

/// A module's bytes, as the key of its compilation: their BLAKE3 hash.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct ContentKey([u8; 32]);

impl ContentKey {
    /// The key of `bytes`.
    pub fn of(bytes: &[u8]) -> ContentKey {
        ContentKey(*blake3::hash(bytes).as_bytes())
    }
}

impl fmt::Display for ContentKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for b in self.0 {
            write!(f, "{b:02x}")?;
        }
        Ok(())
    }
}

impl fmt::Debug for ContentKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ContentKey({self})")
    }
}
