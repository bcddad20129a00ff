//! What a closure slot of the function table holds, as the process records keep it: every
//! instance group makes its own function from the record (`closure_funcs.rs`), so a
//! thread started later has every closure made before it.

use crate::engine::{Engine, HostFn};
use crate::types::FuncType;

/// One closure slot.
pub(crate) struct ClosureRecord<E: Engine> {
    /// Changes whenever the slot is given another function (a guest may prepare a slot again):
    /// a group whose function has another stamp makes it anew.
    pub stamp: u64,
    /// What the slot holds.
    pub kind: ClosureKind<E>,
}

impl<E: Engine> Clone for ClosureRecord<E> {
    fn clone(&self) -> Self {
        ClosureRecord {
            stamp: self.stamp,
            kind: self.kind.clone(),
        }
    }
}

/// The function a closure slot holds.
pub(crate) enum ClosureKind<E: Engine> {
    /// A host function the embedder made (`Process::closure`).
    Host(FuncType, HostFn<E>),
    /// Reserved by the guest (WASIX `closure_allocate`) and not prepared yet: null in every
    /// table, so a call through it traps.
    Reserved,
    /// Made by the guest (WASIX `closure_prepare`).
    Guest(GuestClosure),
}

impl<E: Engine> Clone for ClosureKind<E> {
    fn clone(&self) -> Self {
        match self {
            ClosureKind::Host(t, f) => ClosureKind::Host(t.clone(), f.clone()),
            ClosureKind::Reserved => ClosureKind::Reserved,
            ClosureKind::Guest(c) => ClosureKind::Guest(c.clone()),
        }
    }
}

/// A function of signature `ty` that the guest made at run time: it packs its arguments into a
/// frame on the calling thread's shadow stack and calls the guest's `backing` function (a table
/// slot, `void backing(void *args, void *results, void *env)`), then reads the results the
/// backing function wrote (WASIX's closure ABI, docs/abi.md).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct GuestClosure {
    /// The closure's own signature.
    pub ty: FuncType,
    /// The table slot of the backing function.
    pub backing: u32,
    /// The environment pointer passed to it.
    pub env: u32,
}
