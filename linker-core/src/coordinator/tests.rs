//! Tests of the coordinator's rules that need no interleaving (the protocol's interleavings are
//! model-checked in `loom_model.rs`).

use std::cell::Cell;

use super::{Coordinator, OpKind};

/// A group registered and built from version 0.
fn with_group(co: &Coordinator, id: u64) {
    co.register(id, 0);
    co.set_version(id, 0);
}

/// A safepoint the operator reaches inside its own operation (wasm the operation runs: a start
/// function, a constructor) catches nothing up, however far behind the group is: the operation
/// changes the operator's store itself, and a catch-up from the half-changed records would
/// instantiate again what the operation is instantiating (`threads-lagging-dlopen`).
#[test]
fn the_operators_own_safepoint_catches_nothing_up() {
    let co = Coordinator::default();
    with_group(&co, 0);
    with_group(&co, 1);
    co.leave(1);
    co.begin(0, OpKind::Stop, None, || {}).unwrap();
    let caught_up = Cell::new(false);
    co.safepoint::<()>(
        0,
        || 5,
        |_| {
            caught_up.set(true);
            Ok(())
        },
    )
    .unwrap();
    assert!(!caught_up.get(), "the operator's safepoint ran a catch-up");
    co.end(0, 5);
    assert_eq!(co.versions().iter().max(), Some(&5));
}

/// Outside any operation the same group does catch up at a safepoint.
#[test]
fn a_group_behind_catches_up_at_a_safepoint() {
    let co = Coordinator::default();
    with_group(&co, 0);
    let seen = Cell::new(0);
    co.safepoint::<()>(
        0,
        || 3,
        |v| {
            seen.set(v);
            Ok(())
        },
    )
    .unwrap();
    assert_eq!(seen.get(), 3);
    assert_eq!(co.versions(), vec![3]);
}
