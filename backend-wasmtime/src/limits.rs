//! The store limiter the linker installs when the embedder gives none.

/// A store limiter with no instance, table or memory count limit. A wasmtime store frees its
/// instances only when it is dropped, and every `dlopen` instantiates the library (and its PLT
/// stubs) in each thread's store: a long-running program that loads and unloads libraries goes
/// past the default 10,000 instances per store. Growth is still bounded by each memory's and
/// table's declared maximum. (A zero-sized type: the `&'static mut` handed out per call is free.)
pub(crate) struct Unbounded;

impl wasmtime::ResourceLimiter for Unbounded {
    fn memory_growing(
        &mut self,
        _current: usize,
        desired: usize,
        maximum: Option<usize>,
    ) -> wasmtime::Result<bool> {
        Ok(maximum.is_none_or(|m| desired <= m))
    }

    fn table_growing(
        &mut self,
        _current: usize,
        desired: usize,
        maximum: Option<usize>,
    ) -> wasmtime::Result<bool> {
        Ok(maximum.is_none_or(|m| desired <= m))
    }

    fn instances(&self) -> usize {
        usize::MAX
    }

    fn tables(&self) -> usize {
        usize::MAX
    }

    fn memories(&self) -> usize {
        usize::MAX
    }
}
