//! The hash map of the linker's symbol tables.
//!
//! Binding a process means thousands of lookups by symbol name (a hundred libraries with forty
//! symbols each bind four thousand imports), so the hash function shows in load time. Symbol
//! names come from the modules being loaded; `foldhash`'s fast hasher is seeded per process, which
//! keeps a module from choosing colliding names in advance, and is several times faster than the
//! standard SipHash on short keys.

/// A `HashMap` hashed with `foldhash`.
pub type SymbolMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;
