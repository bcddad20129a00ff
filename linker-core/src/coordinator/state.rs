//! What the coordinator's mutex guards: who runs an operation, and each member group's state.

use std::collections::HashMap;

use super::GroupId;

#[derive(Debug, Default)]
pub(super) struct Member {
    /// Waiting in `Coordinator::safepoint` for an operation to finish.
    pub(super) parked: bool,
    /// Not running wasm at all (the embedder holds the store between calls): counts as parked,
    /// and catches up when entered again instead of during the operation.
    pub(super) idle: bool,
    /// Reading the records outside an operation (being built, or catching up): an operation
    /// that does not stop the groups waits for this to end before it changes them.
    pub(super) reading: bool,
    /// Records version this group's store reflects.
    pub(super) version: u64,
}

#[derive(Debug)]
pub(super) struct Owner {
    pub(super) id: GroupId,
    /// Nesting depth (a constructor may dlopen).
    pub(super) depth: u32,
    /// Whether the other groups were stopped (an `OpKind::Stop` operation, or a
    /// `OpKind::NoStop` one that nested a stopping one).
    pub(super) stopped: bool,
}

#[derive(Debug, Default)]
pub(super) struct Coord {
    /// The group running a link operation.
    pub(super) owner: Option<Owner>,
    pub(super) members: HashMap<GroupId, Member>,
}

impl Coord {
    pub(super) fn owner_id(&self) -> Option<GroupId> {
        self.owner.as_ref().map(|o| o.id)
    }

    /// Whether another group than `me` runs an operation.
    pub(super) fn other_owner(&self, me: GroupId) -> bool {
        self.owner_id().is_some_and(|o| o != me)
    }

    /// Whether what the operator waits for holds: stopping the groups, every other running
    /// member parked; not stopping them, none reading the records.
    pub(super) fn operator_ready(&self) -> bool {
        let Some(owner) = &self.owner else {
            return false;
        };
        let o = owner.id;
        self.members.iter().all(|(id, m)| {
            *id == o
                || if owner.stopped {
                    m.idle || m.parked
                } else {
                    !m.reading
                }
        })
    }

    /// This member's version (`u64::MAX` if it is not one: nothing to catch up).
    pub(super) fn version_of(&self, me: GroupId) -> u64 {
        self.members.get(&me).map_or(u64::MAX, |m| m.version)
    }

    pub(super) fn set_reading(&mut self, me: GroupId, reading: bool) {
        if let Some(m) = self.members.get_mut(&me) {
            m.reading = reading;
        }
    }

    /// Records that `me` reflects `version` and no longer reads the records.
    pub(super) fn caught_up(&mut self, me: GroupId, version: u64) {
        if let Some(m) = self.members.get_mut(&me) {
            m.version = m.version.max(version);
            m.reading = false;
        }
    }
}
