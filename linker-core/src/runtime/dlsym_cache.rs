//! Results of `dlsym`, for the lookups a program repeats.
//!
//! A resolved lookup is read without a lock: an `arc-swap` snapshot of a map. Publishing a new
//! snapshot copies the map, so new results are not published one by one (4,000 distinct lookups
//! would copy the map 4,000 times): they go to a small locked map first, and the snapshot is
//! republished when those reach a quarter of its size, so each result is copied a bounded number
//! of times (amortized O(1)) and a lookup that misses the snapshot costs one uncontended lock.
//!
//! Every link operation that can change a result (dlopen with `RTLD_GLOBAL`, dlclose, a failed
//! load's rollback) clears it; no lookup runs concurrently with one (docs/threads.md).

use std::sync::{Arc, Mutex};

use arc_swap::ArcSwap;

use crate::symbol_map::SymbolMap;

/// What `dlsym` found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SymbolAddress {
    /// A function's canonical table index.
    Function(u32),
    /// A data address (for TLS, in the calling thread's block).
    Data(u32),
}

impl SymbolAddress {
    /// The address or index as the guest sees it.
    pub fn value(self) -> u32 {
        match self {
            SymbolAddress::Function(v) | SymbolAddress::Data(v) => v,
        }
    }
}

/// By handle, then by name (so a lookup by `&str` allocates nothing).
type Table = SymbolMap<u32, SymbolMap<String, SymbolAddress>>;

#[derive(Default)]
struct Recent {
    table: Table,
    len: usize,
}

/// See the module documentation.
#[derive(Default)]
pub struct DlsymCache {
    snapshot: ArcSwap<(Table, usize)>,
    recent: Mutex<Recent>,
}

fn get(t: &Table, handle: u32, symbol: &str) -> Option<SymbolAddress> {
    t.get(&handle).and_then(|m| m.get(symbol)).copied()
}

impl DlsymCache {
    fn recent(&self) -> std::sync::MutexGuard<'_, Recent> {
        self.recent.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// An earlier result for `symbol` in `handle`'s scope.
    pub fn get(&self, handle: u32, symbol: &str) -> Option<SymbolAddress> {
        if let Some(a) = get(&self.snapshot.load().0, handle, symbol) {
            return Some(a);
        }
        let recent = self.recent();
        if recent.len == 0 {
            return None;
        }
        get(&recent.table, handle, symbol)
    }

    /// Remembers a result (not for thread-local symbols: their address differs per thread).
    pub fn insert(&self, handle: u32, symbol: &str, addr: SymbolAddress) {
        let mut recent = self.recent();
        if recent
            .table
            .entry(handle)
            .or_default()
            .insert(symbol.to_string(), addr)
            .is_none()
        {
            recent.len += 1;
        }
        let published = self.snapshot.load();
        if recent.len * 4 < published.1 {
            return;
        }
        let mut table = published.0.clone();
        for (h, names) in std::mem::take(&mut recent.table) {
            table.entry(h).or_default().extend(names);
        }
        let len = published.1 + recent.len;
        recent.len = 0;
        self.snapshot.store(Arc::new((table, len)));
    }

    /// Forgets every result.
    pub fn clear(&self) {
        let mut recent = self.recent();
        recent.table.clear();
        recent.len = 0;
        self.snapshot.store(Arc::default());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_result_is_found_and_clear_forgets() {
        let c = DlsymCache::default();
        for i in 0..5000u32 {
            c.insert(i % 3, &format!("s{i}"), SymbolAddress::Data(i));
            // Both the newest and the oldest results are found, published or not.
            assert_eq!(c.get(i % 3, &format!("s{i}")), Some(SymbolAddress::Data(i)));
            assert_eq!(c.get(0, "s0"), Some(SymbolAddress::Data(0)));
        }
        assert!(c.snapshot.load().1 >= 4000, "most results are published");
        assert_eq!(c.get(1, "s0"), None, "per handle");
        c.clear();
        assert_eq!(c.get(0, "s0"), None);
        assert_eq!(c.get(2, "s4999"), None);
    }
}
