//! Memory and table layout of the process image.
//!
//! Memory, from low to high addresses, when the main module is PIC:
//!
//! ```text
//! 0 .. 1024               unused (address 0 stays invalid)
//! main_base ..            the main module's static data (dylink.0 mem_size, mem_p2align)
//! stack_low .. stack_high the main thread's stack (grows down)
//! ..                      data of the libraries loaded at start-up, each aligned as it asks
//! heap_base ..            what libc's malloc manages
//! ```
//!
//! The start-up libraries sit below `__heap_base` because wasi-libc's dlmalloc claims everything
//! from `__heap_base` to the end of memory on its first call. Later allocations (dlopen, thread
//! stacks, TLS blocks) grow the memory by whole pages: dlmalloc only extends itself through
//! `sbrk`, which grows memory too, so the two never overlap.
//!
//! The function table: slot 0 stays null; the main module's slots start at `__table_base` = 1,
//! then each library's block (dylink.0 table_size, table_p2align), then single slots handed out
//! for functions whose address is taken but which no element segment placed.

use std::collections::BTreeMap;

use crate::error::{LinkError, Result};

/// A wasm page.
pub const PAGE: u64 = 65536;

/// `v` rounded up to a multiple of `align` (a power of two); `None` on overflow.
pub fn align_up(v: u64, align: u64) -> Option<u64> {
    debug_assert!(align.is_power_of_two());
    v.checked_add(align - 1).map(|x| x & !(align - 1))
}

/// Free-list allocator for address ranges (memory bytes or table slots). Deterministic: the same
/// sequence of requests gives the same addresses, which replaying a load in another thread needs.
#[derive(Clone, Debug, Default)]
pub struct RangeAllocator {
    /// start -> length, non-overlapping and coalesced.
    free: BTreeMap<u64, u64>,
}

impl RangeAllocator {
    /// Adds a free range.
    pub fn release(&mut self, start: u64, len: u64) {
        if len == 0 {
            return;
        }
        let (mut start, mut len) = (start, len);
        if let Some((&ps, &pl)) = self.free.range(..start).next_back() {
            if ps + pl == start {
                self.free.remove(&ps);
                start = ps;
                len += pl;
            }
        }
        if let Some(&nl) = self.free.get(&(start + len)) {
            self.free.remove(&(start + len));
            len += nl;
        }
        self.free.insert(start, len);
    }

    /// Takes `len` units aligned to `align` from the lowest free range that fits.
    pub fn take(&mut self, len: u64, align: u64) -> Option<u64> {
        let (fs, fl, at) = self.free.iter().find_map(|(&fs, &fl)| {
            let at = align_up(fs, align)?;
            (at.checked_add(len)? <= fs + fl).then_some((fs, fl, at))
        })?;
        self.free.remove(&fs);
        if at > fs {
            self.free.insert(fs, at - fs);
        }
        if at + len < fs + fl {
            self.free.insert(at + len, fs + fl - (at + len));
        }
        Some(at)
    }

    pub fn free_total(&self) -> u64 {
        self.free.values().sum()
    }
}

/// Where the main module, the main stack and the heap go.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MainLayout {
    /// The main module's `__memory_base`.
    pub memory_base: u64,
    /// The main stack's lowest address.
    pub stack_low: u64,
    /// The main stack's highest address.
    pub stack_high: u64,
}

/// Lowest address the linker places anything at: keeps small addresses invalid.
pub const GLOBAL_BASE: u64 = 1024;

/// The poll word (`plan/instrument.rs`, `runtime/polls.rs`): the last cache line below
/// [`GLOBAL_BASE`], a line of its own (a guest's writes to neighbouring data must not slow every
/// poll), at the same address in every program.
pub const POLL_WORD: u64 = GLOBAL_BASE - 64;

impl MainLayout {
    /// Layout for a PIC main module with `mem_size` bytes of data aligned to `2^p2align`.
    pub fn pic(module: &str, mem_size: u64, p2align: u32, stack_size: u64) -> Result<MainLayout> {
        let overflow = || LinkError::OutOfMemory {
            module: module.to_string(),
            bytes: mem_size,
            align: 1 << p2align,
            reason: "layout overflows a 32-bit address space".into(),
        };
        let memory_base = align_up(GLOBAL_BASE, 1u64 << p2align).ok_or_else(overflow)?;
        let stack_low = align_up(memory_base + mem_size, 16).ok_or_else(overflow)?;
        let stack_high = align_up(stack_low + stack_size, 16).ok_or_else(overflow)?;
        if stack_high > u32::MAX as u64 {
            return Err(overflow());
        }
        Ok(MainLayout {
            memory_base,
            stack_low,
            stack_high,
        })
    }
}

/// The memory space the linker hands out: a bump region below `__heap_base` while the process is
/// being built, whole pages grown from the memory afterwards, and a free list of returned ranges.
#[derive(Clone, Debug)]
pub struct MemorySpace {
    /// End of what the linker has placed below `__heap_base`; `None` once the heap is fixed.
    pub bump: Option<u64>,
    /// Ranges returned (unloaded libraries, exited threads) or grown and not yet used.
    pub free: RangeAllocator,
    /// Memory maximum in bytes.
    pub max_bytes: u64,
    /// Bytes the linker obtained by growing the memory after start-up.
    pub obtained: u64,
    /// The ranges this space grew the memory by since the `dlopen` in progress began (it
    /// clears the list as it begins): a failed `dlopen` gives them back as free space, the
    /// pages its libraries' data took and those the loading thread's TLS blocks took alike.
    pub grown: Vec<(u64, u64)>,
}

impl MemorySpace {
    /// Allocates `size` bytes aligned to `align` after start-up: from freed ranges first, else
    /// from new pages obtained with `grow(pages)` (which returns the memory's previous size in
    /// pages). Memory that was used before must be zeroed by the caller.
    pub fn alloc(
        &mut self,
        size: u64,
        align: u64,
        grow: &mut dyn FnMut(u64) -> std::result::Result<u64, String>,
    ) -> std::result::Result<u64, String> {
        // A module without data still gets a distinct, valid address.
        let len = size.max(1);
        if let Some(at) = self.free.take(len, align) {
            return Ok(at);
        }
        if len > self.max_bytes {
            return Err(format!("the memory's maximum is {} bytes", self.max_bytes));
        }
        let pages = (len + align.max(1) - 1).div_ceil(PAGE);
        let old = grow(pages)?;
        self.obtained += pages * PAGE;
        self.grown.push((old * PAGE, pages * PAGE));
        self.free.release(old * PAGE, pages * PAGE);
        self.free
            .take(len, align)
            .ok_or_else(|| "grown memory does not fit the request".to_string())
    }
}

/// The function table's slot space.
#[derive(Clone, Debug, Default)]
pub struct TableSpace {
    /// Current size of every group's table.
    pub size: u64,
    /// Slots returned or skipped for alignment.
    pub free: RangeAllocator,
    /// Maximum number of slots, if the table has one.
    pub max: Option<u64>,
    /// Slots freed while another group may still hold their old function (it catches up at
    /// its next safepoint): (the version that freed them, first slot, count). They join `free`
    /// once every group reflects that version ([`TableSpace::reclaim`]), so that a slot is never
    /// given to a new function while some group's table still holds the old one there.
    pub quarantine: Vec<(u64, u64, u64)>,
}

impl TableSpace {
    /// Frees `len` slots from `start`, which other groups may still hold until they reflect
    /// records `version`; `alone`: there are no other groups.
    pub fn release_after(&mut self, version: u64, start: u64, len: u64, alone: bool) {
        if alone {
            self.free.release(start, len);
        } else {
            self.quarantine.push((version, start, len));
        }
    }

    /// Frees the quarantined slots every group has let go of: those freed in versions up to
    /// `floor`, the oldest version any group reflects.
    pub fn reclaim(&mut self, floor: u64) {
        let mut i = 0;
        while i < self.quarantine.len() {
            let (v, start, len) = self.quarantine[i];
            if v <= floor {
                self.free.release(start, len);
                self.quarantine.swap_remove(i);
            } else {
                i += 1;
            }
        }
    }

    /// Allocates `len` slots aligned to `align`: from freed slots if possible, else by growing.
    /// Returns (first slot, how much the table must grow).
    pub fn alloc(&mut self, module: &str, len: u64, align: u64) -> Result<(u64, u64)> {
        if len == 0 {
            return Ok((align_up(self.size, align).unwrap_or(self.size), 0));
        }
        if let Some(at) = self.free.take(len, align) {
            return Ok((at, 0));
        }
        let at = align_up(self.size, align).ok_or_else(|| LinkError::TableLimit {
            module: module.into(),
            slots: len,
            reason: "overflow".into(),
        })?;
        let new_size = at + len;
        if let Some(max) = self.max {
            if new_size > max {
                return Err(LinkError::TableLimit {
                    module: module.into(),
                    slots: len,
                    reason: format!("the table's maximum is {max}"),
                });
            }
        }
        if new_size > u32::MAX as u64 {
            return Err(LinkError::TableLimit {
                module: module.into(),
                slots: len,
                reason: "more than 2^32 slots".into(),
            });
        }
        if at > self.size {
            self.free.release(self.size, at - self.size);
        }
        let grow = new_size - self.size;
        self.size = new_size;
        Ok((at, grow))
    }
}

/// Where new modules' data goes.
pub(crate) enum Placement<'a> {
    /// Below `__heap_base`, while the process is built (before the program runs).
    Startup,
    /// Anywhere: freed ranges first, else new pages; `grow(pages)` grows the memory and returns
    /// its previous size in pages.
    Runtime(&'a mut dyn FnMut(u64) -> std::result::Result<u64, String>),
}

impl MemorySpace {
    /// Places `size` bytes of `module`'s static data aligned to `align`, as `placement` says.
    pub(crate) fn place(
        &mut self,
        module: &str,
        size: u64,
        align: u64,
        placement: &mut Placement<'_>,
    ) -> Result<u64> {
        let oom = |reason: String| LinkError::OutOfMemory {
            module: module.to_string(),
            bytes: size,
            align,
            reason,
        };
        match placement {
            Placement::Startup => {
                let bump = self
                    .bump
                    .ok_or_else(|| oom("start-up placement after the heap was fixed".into()))?;
                let base = align_up(bump, align).ok_or_else(|| oom("address overflow".into()))?;
                if base + size > self.max_bytes {
                    return Err(oom(format!(
                        "the memory's maximum is {} bytes and {} would be needed",
                        self.max_bytes,
                        base + size
                    )));
                }
                self.bump = Some(base + size);
                Ok(base)
            }
            Placement::Runtime(grow) => self.alloc(size, align, &mut **grow).map_err(oom),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quarantined_slots_are_reused_only_once_every_group_caught_up() {
        let mut t = TableSpace::default();
        let (a, _) = t.alloc("lib", 4, 1).unwrap();
        // Freed in version 5 while other groups exist: not given out again yet.
        t.release_after(5, a, 4, false);
        let (b, grow) = t.alloc("next", 4, 1).unwrap();
        assert_ne!(b, a);
        assert_eq!(grow, 4);
        // The oldest group reflects version 4: still held.
        t.reclaim(4);
        assert_eq!(t.quarantine.len(), 1);
        // Every group reflects version 5: the slots are free again.
        t.reclaim(5);
        assert!(t.quarantine.is_empty());
        assert_eq!(t.alloc("again", 4, 1).unwrap(), (a, 0));
        // Alone, a release is immediate.
        t.release_after(9, b, 4, true);
        assert_eq!(t.alloc("last", 4, 1).unwrap(), (b, 0));
    }

    #[test]
    fn range_allocator_aligns_and_coalesces() {
        let mut r = RangeAllocator::default();
        r.release(100, 100);
        let a = r.take(10, 64).unwrap();
        assert_eq!(a, 128);
        assert_eq!(r.free_total(), 90);
        r.release(a, 10);
        assert_eq!(r.free.len(), 1);
        assert_eq!(r.free_total(), 100);
        assert!(r.take(200, 1).is_none());
    }

    #[test]
    fn pic_layout_is_aligned_and_nonzero() {
        let l = MainLayout::pic("m", 1000, 12, 65536).unwrap();
        assert_eq!(l.memory_base, 4096);
        assert_eq!(l.stack_low, 5104);
        assert!(l.stack_high > l.stack_low);
        assert!(MainLayout::pic("m", u32::MAX as u64, 2, 1 << 20).is_err());
    }

    #[test]
    fn memory_space_grows_and_reuses() {
        let mut m = MemorySpace {
            bump: None,
            free: RangeAllocator::default(),
            max_bytes: 100 * PAGE,
            obtained: 0,
            grown: Vec::new(),
        };
        let mut pages = 4u64;
        let mut grow = |n: u64| {
            let old = pages;
            pages += n;
            Ok(old)
        };
        let a = m.alloc(1000, 16, &mut grow).unwrap();
        assert_eq!(a, 4 * PAGE);
        let b = m.alloc(PAGE, 4096, &mut grow).unwrap();
        assert!(b >= a + 1000 && b.is_multiple_of(4096));
        m.free.release(a, 1000);
        assert_eq!(m.alloc(500, 8, &mut grow).unwrap(), a);
        assert!(m.alloc(200 * PAGE, 1, &mut grow).is_err());
        // Every growth is listed (what a failed dlopen gives back), reuse is not.
        let grown: u64 = m.grown.iter().map(|&(_, l)| l).sum();
        assert_eq!(grown, m.obtained);
        assert_eq!(m.grown[0], (4 * PAGE, PAGE));
        assert_eq!(m.grown.len(), 2);
    }

    #[test]
    fn table_space_respects_max() {
        let mut t = TableSpace {
            size: 1,
            max: Some(10),
            ..Default::default()
        };
        assert_eq!(t.alloc("m", 4, 4).unwrap(), (4, 7));
        assert_eq!(t.alloc("m", 2, 1).unwrap(), (1, 0));
        assert!(t.alloc("m", 8, 1).is_err());
    }
}
