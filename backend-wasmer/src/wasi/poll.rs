//! `poll_oneoff` with a zero timeout returns at once.
//!
//! wasmer-wasix 0.704 takes a relative clock subscription whose timeout is 0 as "no timeout": it
//! records no clock event and waits for the other subscriptions forever (for ever, when there
//! are none). So `poll(fds, n, 0)`, the non-blocking check every event loop makes (CPython's
//! `selectors` probes it on import), never returns, and `poll(NULL, 0, 0)` hangs the program;
//! the wasmer CLI does the same. A timeout of 1 ns is what wasmer-wasix treats as "check and
//! return": the wrapper gives each such subscription that timeout for the call, and puts the 0
//! back before the guest sees its array again.

use wasmer::{AsStoreRef, Function, FunctionEnv, FunctionEnvMut, Imports, RuntimeError, Store};
use wasmer_wasix::WasiEnv;

/// The size of a WASI `subscription` (userdata, tag, then the clock's id, timeout, precision
/// and flags).
const SUBSCRIPTION: u64 = 48;
/// Offsets within a subscription: the event type (0 = clock), the clock's timeout, its flags.
const TAG: u64 = 8;
const TIMEOUT: u64 = 24;
const FLAGS: u64 = 40;
/// `subclockflags::abstime`: the timeout is an absolute time, not a duration.
const ABSTIME: u16 = 1;

/// What the wrapper calls: wasmer-wasix's own `poll_oneoff`, and its environment (for the
/// memory).
struct Poll {
    inner: Function,
    wasi: FunctionEnv<WasiEnv>,
}

/// `imports` with `wasi_snapshot_preview1.poll_oneoff` wrapped (see the module's comment).
pub(super) fn with_zero_timeouts(
    store: &mut Store,
    wasi: &FunctionEnv<WasiEnv>,
    mut imports: Imports,
) -> Imports {
    const MODULE: &str = "wasi_snapshot_preview1";
    let Some(wasmer::Extern::Function(inner)) = imports.get_export(MODULE, "poll_oneoff") else {
        return imports;
    };
    let env = FunctionEnv::new(
        store,
        Poll {
            inner,
            wasi: wasi.clone(),
        },
    );
    let wrapper = Function::new_typed_with_env(store, &env, poll_oneoff);
    imports.define(MODULE, "poll_oneoff", wrapper);
    imports
}

fn poll_oneoff(
    mut cx: FunctionEnvMut<Poll>,
    subs: i32,
    events: i32,
    count: i32,
    nevents: i32,
) -> Result<i32, RuntimeError> {
    let (poll, mut store) = cx.data_and_store_mut();
    let (inner, wasi) = (poll.inner.clone(), poll.wasi.clone());
    let patched = set_zero_timeouts(&store, &wasi, subs as u32, count as u32, 1);
    let args = [subs, events, count, nevents].map(wasmer::Value::I32);
    let result = inner.call(&mut store, &args);
    set_timeouts(&store, &wasi, subs as u32, &patched, 0);
    Ok(result?.first().map_or(0, |v| v.unwrap_i32()))
}

/// Sets the timeout of every relative clock subscription of the `count` at `subs` whose timeout
/// is 0 to `to`; returns their indices. Subscriptions it cannot read are left to wasmer-wasix,
/// which reports the fault.
fn set_zero_timeouts(
    store: &impl AsStoreRef,
    wasi: &FunctionEnv<WasiEnv>,
    subs: u32,
    count: u32,
    to: u64,
) -> Vec<u32> {
    let Some(view) = wasi.as_ref(store).try_memory_view(store) else {
        return Vec::new();
    };
    let mut patched = Vec::new();
    for i in 0..count {
        let at = subs as u64 + i as u64 * SUBSCRIPTION;
        let (mut tag, mut timeout, mut flags) = ([0u8; 1], [0u8; 8], [0u8; 2]);
        if view.read(at + TAG, &mut tag).is_err()
            || view.read(at + TIMEOUT, &mut timeout).is_err()
            || view.read(at + FLAGS, &mut flags).is_err()
        {
            break;
        }
        let relative = u16::from_le_bytes(flags) & ABSTIME == 0;
        if tag[0] == 0 && relative && u64::from_le_bytes(timeout) == 0 {
            if view.write(at + TIMEOUT, &to.to_le_bytes()).is_err() {
                break;
            }
            patched.push(i);
        }
    }
    patched
}

/// Sets the timeout of the subscriptions `which` of the array at `subs` to `to`.
fn set_timeouts(
    store: &impl AsStoreRef,
    wasi: &FunctionEnv<WasiEnv>,
    subs: u32,
    which: &[u32],
    to: u64,
) {
    if which.is_empty() {
        return;
    }
    let Some(view) = wasi.as_ref(store).try_memory_view(store) else {
        return;
    };
    for &i in which {
        let at = subs as u64 + i as u64 * SUBSCRIPTION + TIMEOUT;
        let _ = view.write(at, &to.to_le_bytes());
    }
}
