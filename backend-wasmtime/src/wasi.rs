//! WASI preview 1 from wasmtime's own crate, `wasmtime-wasi`, for every thread of a process.
//!
//! wasmtime-wasi's `add_to_linker_sync` finds guest memory through the calling instance's
//! `memory` export, which dylink.0 modules do not have (they import `env.memory`). Its preview-1
//! functions themselves (`wasmtime_wasi::p1::wasi_snapshot_preview1::*`) take the context and the
//! memory as arguments, so [`WasiP1`] calls them with the process memory: one [`WasiP1Ctx`] for the
//! whole process, hence one file-descriptor table shared by all threads, as POSIX has it. Calls
//! are serialised by the context's lock (a `WasiP1Ctx` is `Send`, not `Sync`).
//!
//! Blocking calls: `poll_oneoff` with one clock subscription (`nanosleep`, `usleep`, `sleep`) is
//! served here, outside the context's lock, and marked [`HostImport::Blocking`], so other threads'
//! link operations and WASI calls go on while it sleeps. Other `poll_oneoff`s and `fd_read` are
//! also marked blocking (link operations go on), but hold the context's lock while they wait:
//! another thread's WASI call waits for them (docs/abi.md).
//!
//! `proc_exit` comes back as [`HostError::Exit`]; `random_get` is wasmtime-wasi's, a CSPRNG seeded
//! from the operating system for each context.

use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use linker_core::engine::{HostError, HostFn, MemoryBytes, StoreOps, Val};
use linker_core::metadata::Import;
use linker_core::{HostContext, HostImport, HostResolver, LinkError};
use wasmtime_wasi::p1::wasi_snapshot_preview1 as abi;
use wasmtime_wasi::p1::wasi_snapshot_preview1::WasiSnapshotPreview1 as _;
use wasmtime_wasi::p1::WasiP1Ctx;
use wasmtime_wasi::runtime::in_tokio;

use crate::{WasmtimeEngine, WasmtimeMemory};

/// The import module of WASI preview 1.
pub const MODULE: &str = "wasi_snapshot_preview1";

/// How much guest memory one call may copy (wiggle's per-call fuel; wasmtime's default).
const HOSTCALL_FUEL: usize = 128 << 20;

/// WASI preview 1 for a process, from a [`WasiP1Ctx`] the embedder builds with
/// `wasmtime_wasi::WasiCtxBuilder::build_p1`. Give it to `Process::load` as the host resolver
/// (or put it first in a chain of your own).
#[derive(Clone)]
pub struct WasiP1 {
    ctx: Arc<Mutex<WasiP1Ctx>>,
}

impl WasiP1 {
    /// WASI served from `ctx` to every thread of the process.
    pub fn new(ctx: WasiP1Ctx) -> Self {
        WasiP1 {
            ctx: Arc::new(Mutex::new(ctx)),
        }
    }
}

/// Preopens every directory of `mounts` at its guest path with `perms`: the same table the
/// linker's [`linker_core::MountFs`] is built from, so that `open` and `dlopen` see one
/// filesystem.
pub fn preopen_mounts<'a>(
    wasi: &mut wasmtime_wasi::WasiCtxBuilder,
    mounts: impl IntoIterator<Item = &'a linker_core::Mount>,
    perms: wasmtime_wasi::FsPerms,
) -> wasmtime::Result<()> {
    for m in mounts {
        wasi.preopened_dir(&m.host, &m.guest, perms)?;
    }
    Ok(())
}

/// The context, ready for one call.
fn lock(ctx: &Mutex<WasiP1Ctx>) -> MutexGuard<'_, WasiP1Ctx> {
    let mut g = ctx.lock().unwrap_or_else(|p| p.into_inner());
    // Without fuel every iovec and string read fails with ENOMEM: wiggle's own glue sets it
    // before each call, and so do we.
    g.set_hostcall_fuel(HOSTCALL_FUEL);
    g
}

/// A call's failure: `proc_exit` is the exit code; anything else traps with its message.
fn to_host(e: wasmtime::Error) -> HostError {
    match e.downcast_ref::<wasmtime_wasi::I32Exit>() {
        Some(x) => HostError::Exit(x.0),
        None => HostError::Trap(format!("{e:#}")),
    }
}

/// The process memory as wiggle sees it.
fn guest(mem: MemoryBytes<'_>) -> wiggle::GuestMemory<'_> {
    match mem {
        MemoryBytes::Private(b) => wiggle::GuestMemory::Unshared(b),
        MemoryBytes::Shared(b) => wiggle::GuestMemory::Shared(b),
    }
}

/// Argument `i` as the type the p1 function takes.
trait Arg: Sized {
    fn arg(a: &[Val], i: usize) -> Self;
}
impl Arg for i32 {
    fn arg(a: &[Val], i: usize) -> i32 {
        a[i].i32()
    }
}
impl Arg for i64 {
    fn arg(a: &[Val], i: usize) -> i64 {
        a[i].i64()
    }
}

type WasmtimeHostFn<T> = HostFn<WasmtimeEngine<T>>;

/// A host function calling p1 function `$f` (`sync` or `async`) with arguments of types `$t`.
macro_rules! p1 {
    (sync $f:ident ($($i:tt : $t:ty),*), $ctx:ident, $mem:ident) => {{
        let f: WasmtimeHostFn<T> = Arc::new(move |cx: &mut dyn StoreOps<WasmtimeEngine<T>>, a: &[Val], r: &mut [Val]| {
            let mut m = guest(cx.memory_bytes(&$mem));
            let mut g = lock(&$ctx);
            let v = abi::$f(&mut *g, &mut m $(, <$t as Arg>::arg(a, $i))*).map_err(to_host)?;
            r[0] = Val::I32(v);
            Ok(())
        });
        f
    }};
    (async $f:ident ($($i:tt : $t:ty),*), $ctx:ident, $mem:ident) => {{
        let f: WasmtimeHostFn<T> = Arc::new(move |cx: &mut dyn StoreOps<WasmtimeEngine<T>>, a: &[Val], r: &mut [Val]| {
            let mut m = guest(cx.memory_bytes(&$mem));
            let mut g = lock(&$ctx);
            let v = in_tokio(abi::$f(&mut *g, &mut m $(, <$t as Arg>::arg(a, $i))*)).map_err(to_host)?;
            r[0] = Val::I32(v);
            Ok(())
        });
        f
    }};
}

impl<T: Send + 'static> HostResolver<WasmtimeEngine<T>> for WasiP1 {
    fn resolve(
        &self,
        _cx: &mut dyn StoreOps<WasmtimeEngine<T>>,
        host: &HostContext<'_, WasmtimeEngine<T>>,
        import: &Import,
    ) -> Result<Option<HostImport<WasmtimeEngine<T>>>, LinkError> {
        if import.module != MODULE {
            return Ok(None);
        }
        let (ctx, mem) = (self.ctx.clone(), host.memory.clone());
        let f = match import.name.as_str() {
            "args_get" => p1!(sync args_get(0: i32, 1: i32), ctx, mem),
            "args_sizes_get" => p1!(sync args_sizes_get(0: i32, 1: i32), ctx, mem),
            "environ_get" => p1!(sync environ_get(0: i32, 1: i32), ctx, mem),
            "environ_sizes_get" => p1!(sync environ_sizes_get(0: i32, 1: i32), ctx, mem),
            "clock_res_get" => p1!(sync clock_res_get(0: i32, 1: i32), ctx, mem),
            "clock_time_get" => p1!(sync clock_time_get(0: i32, 1: i64, 2: i32), ctx, mem),
            "fd_advise" => p1!(async fd_advise(0: i32, 1: i64, 2: i64, 3: i32), ctx, mem),
            "fd_allocate" => p1!(sync fd_allocate(0: i32, 1: i64, 2: i64), ctx, mem),
            "fd_close" => p1!(async fd_close(0: i32), ctx, mem),
            "fd_datasync" => p1!(async fd_datasync(0: i32), ctx, mem),
            "fd_fdstat_get" => p1!(async fd_fdstat_get(0: i32, 1: i32), ctx, mem),
            "fd_fdstat_set_flags" => p1!(sync fd_fdstat_set_flags(0: i32, 1: i32), ctx, mem),
            "fd_fdstat_set_rights" => {
                p1!(sync fd_fdstat_set_rights(0: i32, 1: i64, 2: i64), ctx, mem)
            }
            "fd_filestat_get" => p1!(async fd_filestat_get(0: i32, 1: i32), ctx, mem),
            "fd_filestat_set_size" => p1!(async fd_filestat_set_size(0: i32, 1: i64), ctx, mem),
            "fd_filestat_set_times" => {
                p1!(async fd_filestat_set_times(0: i32, 1: i64, 2: i64, 3: i32), ctx, mem)
            }
            "fd_pread" => p1!(async fd_pread(0: i32, 1: i32, 2: i32, 3: i64, 4: i32), ctx, mem),
            "fd_prestat_get" => p1!(sync fd_prestat_get(0: i32, 1: i32), ctx, mem),
            "fd_prestat_dir_name" => {
                p1!(sync fd_prestat_dir_name(0: i32, 1: i32, 2: i32), ctx, mem)
            }
            "fd_pwrite" => p1!(async fd_pwrite(0: i32, 1: i32, 2: i32, 3: i64, 4: i32), ctx, mem),
            "fd_read" => {
                let f = p1!(async fd_read(0: i32, 1: i32, 2: i32, 3: i32), ctx, mem);
                return Ok(Some(HostImport::Blocking(f)));
            }
            "fd_readdir" => {
                p1!(async fd_readdir(0: i32, 1: i32, 2: i32, 3: i64, 4: i32), ctx, mem)
            }
            "fd_renumber" => p1!(async fd_renumber(0: i32, 1: i32), ctx, mem),
            "fd_seek" => p1!(async fd_seek(0: i32, 1: i64, 2: i32, 3: i32), ctx, mem),
            "fd_sync" => p1!(async fd_sync(0: i32), ctx, mem),
            "fd_tell" => p1!(sync fd_tell(0: i32, 1: i32), ctx, mem),
            "fd_write" => p1!(async fd_write(0: i32, 1: i32, 2: i32, 3: i32), ctx, mem),
            "path_create_directory" => {
                p1!(async path_create_directory(0: i32, 1: i32, 2: i32), ctx, mem)
            }
            "path_filestat_get" => {
                p1!(async path_filestat_get(0: i32, 1: i32, 2: i32, 3: i32, 4: i32), ctx, mem)
            }
            "path_filestat_set_times" => p1!(
                async path_filestat_set_times(0: i32, 1: i32, 2: i32, 3: i32, 4: i64, 5: i64, 6: i32),
                ctx,
                mem
            ),
            "path_link" => p1!(
                async path_link(0: i32, 1: i32, 2: i32, 3: i32, 4: i32, 5: i32, 6: i32),
                ctx,
                mem
            ),
            "path_open" => p1!(
                async path_open(0: i32, 1: i32, 2: i32, 3: i32, 4: i32, 5: i64, 6: i64, 7: i32, 8: i32),
                ctx,
                mem
            ),
            "path_readlink" => p1!(
                async path_readlink(0: i32, 1: i32, 2: i32, 3: i32, 4: i32, 5: i32),
                ctx,
                mem
            ),
            "path_remove_directory" => {
                p1!(async path_remove_directory(0: i32, 1: i32, 2: i32), ctx, mem)
            }
            "path_rename" => p1!(
                async path_rename(0: i32, 1: i32, 2: i32, 3: i32, 4: i32, 5: i32),
                ctx,
                mem
            ),
            "path_symlink" => {
                p1!(async path_symlink(0: i32, 1: i32, 2: i32, 3: i32, 4: i32), ctx, mem)
            }
            "path_unlink_file" => p1!(async path_unlink_file(0: i32, 1: i32, 2: i32), ctx, mem),
            "poll_oneoff" => return Ok(Some(HostImport::Blocking(poll_oneoff::<T>(ctx, mem)))),
            "proc_exit" => {
                let f: WasmtimeHostFn<T> = Arc::new(move |cx, a, _r| {
                    let mut m = guest(cx.memory_bytes(&mem));
                    let mut g = lock(&ctx);
                    match abi::proc_exit(&mut *g, &mut m, a[0].i32()) {
                        Err(e) => Err(to_host(e)),
                        // proc_exit does not return: an `Ok` would be wasmtime-wasi's bug.
                        Ok(_) => Err(HostError::Exit(a[0].i32())),
                    }
                });
                f
            }
            "proc_raise" => p1!(sync proc_raise(0: i32), ctx, mem),
            "sched_yield" => {
                let f: WasmtimeHostFn<T> = Arc::new(move |_cx, _a, r| {
                    // The OS scheduler, not a no-op: other guest threads are OS threads.
                    std::thread::yield_now();
                    r[0] = Val::I32(0);
                    Ok(())
                });
                f
            }
            "random_get" => p1!(sync random_get(0: i32, 1: i32), ctx, mem),
            "sock_accept" => p1!(sync sock_accept(0: i32, 1: i32, 2: i32), ctx, mem),
            "sock_recv" => p1!(
                sync sock_recv(0: i32, 1: i32, 2: i32, 3: i32, 4: i32, 5: i32),
                ctx,
                mem
            ),
            "sock_send" => {
                p1!(sync sock_send(0: i32, 1: i32, 2: i32, 3: i32, 4: i32), ctx, mem)
            }
            "sock_shutdown" => p1!(sync sock_shutdown(0: i32, 1: i32), ctx, mem),
            // Not a preview-1 function: the engine's own imports decide (and fail the load
            // naming it if nothing supplies it).
            _ => return Ok(None),
        };
        Ok(Some(HostImport::Func(f)))
    }
}

/// `poll_oneoff`. A single clock subscription (what `nanosleep`, `usleep` and `sleep` become) is
/// served here without the context's lock, so a sleeping thread does not hold up the others'
/// WASI calls; anything else goes to wasmtime-wasi.
fn poll_oneoff<T: Send + 'static>(
    ctx: Arc<Mutex<WasiP1Ctx>>,
    mem: WasmtimeMemory,
) -> WasmtimeHostFn<T> {
    Arc::new(move |cx, a, r| {
        let (subs, events, n, nevents) = (a[0].i32(), a[1].i32(), a[2].i32(), a[3].i32());
        if n == 1 {
            if let Some(errno) = sleep_one(cx, &mem, subs as u32, events as u32, nevents as u32)? {
                r[0] = Val::I32(errno);
                return Ok(());
            }
        }
        let mut m = guest(cx.memory_bytes(&mem));
        let mut g = lock(&ctx);
        let v = in_tokio(abi::poll_oneoff(&mut *g, &mut m, subs, events, n, nevents))
            .map_err(to_host)?;
        r[0] = Val::I32(v);
        Ok(())
    })
}

/// Sleeps for the one clock subscription at `subs` and writes its event; `None` if the
/// subscription is not a clock (then wasmtime-wasi serves it).
fn sleep_one<T: Send + 'static>(
    cx: &mut dyn StoreOps<WasmtimeEngine<T>>,
    mem: &WasmtimeMemory,
    subs: u32,
    events: u32,
    nevents: u32,
) -> Result<Option<i32>, HostError> {
    let trap = |e: linker_core::EngineError| HostError::Trap(e.0);
    // struct subscription { u64 userdata; u8 tag; (pad) ; clock { u32 id; u64 timeout; u64
    // precision; u16 flags } } = 48 bytes; the clock starts at offset 16.
    let mut s = [0u8; 48];
    cx.memory_read(mem, subs as u64, &mut s).map_err(trap)?;
    if s[8] != 0 {
        return Ok(None);
    }
    let userdata = &s[0..8];
    let clock = u32::from_le_bytes(s[16..20].try_into().unwrap_or_default());
    let timeout = u64::from_le_bytes(s[24..32].try_into().unwrap_or_default());
    let flags = u16::from_le_bytes(s[40..42].try_into().unwrap_or_default());
    let absolute = flags & 1 != 0;
    let wait = match (absolute, clock) {
        (false, _) => Duration::from_nanos(timeout),
        // Absolute on the realtime clock: until that wall-clock time.
        (true, 0) => {
            let now = SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .unwrap_or_default();
            Duration::from_nanos(timeout).saturating_sub(now)
        }
        // Absolute on another clock: wasmtime-wasi knows its epoch.
        (true, _) => return Ok(None),
    };
    std::thread::sleep(wait);
    // struct event { u64 userdata; u16 error; u8 type; ... } = 32 bytes; type 0 = clock.
    let mut ev = [0u8; 32];
    ev[0..8].copy_from_slice(userdata);
    cx.memory_write(mem, events as u64, &ev).map_err(trap)?;
    cx.memory_write(mem, nevents as u64, &1u32.to_le_bytes())
        .map_err(trap)?;
    Ok(Some(0))
}
