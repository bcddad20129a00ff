//! WASI preview 1, as much as libc needs, written once against `linker-core`'s traits so that
//! every engine sees exactly the same host and produces byte-identical output.
//!
//! Standard output and error are captured (and optionally passed through); files can be read
//! under one preopened directory (`wasi_fs`). Every other preview-1 function returns `ENOSYS`.
//! See docs/abi.md.

use std::sync::{Arc, Mutex};
use std::time::{SystemTime, UNIX_EPOCH};

use wasmlink::engine::{Engine, EngineError, HostError, HostFn, StoreOps, Val};
use wasmlink::metadata::{ExternType, Import};
use wasmlink::{HostContext, HostImport, HostResolver, LinkError};

use crate::wasi_fs::{Files, Stat};

const ESUCCESS: i32 = 0;
const EBADF: i32 = 8;
const EINVAL: i32 = 28;
const ENOSYS: i32 = 52;
const ENOTSUP: i32 = 58;
const ESPIPE: i32 = 70;

/// Where the guest's output goes.
#[derive(Default)]
pub struct Output {
    pub stdout: Mutex<Vec<u8>>,
    pub stderr: Mutex<Vec<u8>>,
    /// Also write to the host's stdout/stderr as the guest writes.
    pub passthrough: bool,
}

impl Output {
    pub fn passthrough() -> Self {
        Output {
            passthrough: true,
            ..Default::default()
        }
    }
    pub fn stdout_string(&self) -> String {
        String::from_utf8_lossy(&self.stdout.lock().unwrap()).into_owned()
    }
    pub fn stderr_string(&self) -> String {
        String::from_utf8_lossy(&self.stderr.lock().unwrap()).into_owned()
    }
    fn write(&self, fd: i32, data: &[u8]) {
        use std::io::Write;
        let buf = if fd == 1 { &self.stdout } else { &self.stderr };
        buf.lock()
            .unwrap_or_else(|p| p.into_inner())
            .extend_from_slice(data);
        if self.passthrough {
            if fd == 1 {
                let _ = std::io::stdout().write_all(data);
                let _ = std::io::stdout().flush();
            } else {
                let _ = std::io::stderr().write_all(data);
            }
        }
    }
}

impl Wasi {
    /// A host for a program named `main.wasm` with no arguments, no environment and no files,
    /// capturing its output (what the embedder-level tests need).
    pub fn quiet() -> (Arc<Wasi>, Arc<Output>) {
        let output = Arc::new(Output::default());
        let host = Arc::new(Wasi {
            args: vec!["main.wasm".into()],
            env: vec![],
            output: output.clone(),
            files: Default::default(),
        });
        (host, output)
    }
}

/// The WASI host of one process.
pub struct Wasi {
    pub args: Vec<String>,
    pub env: Vec<(String, String)>,
    pub output: Arc<Output>,
    /// Read-only files under one preopened directory (see `wasi_fs`).
    pub files: Arc<Files>,
}

/// What the WASI functions read: the process's arguments, environment, output and files.
struct Ctx {
    args: Vec<String>,
    env: Vec<String>,
    out: Arc<Output>,
    files: Arc<Files>,
}

/// Writes a WASI `filestat` (64 bytes: dev, ino, filetype, nlink, size, atim, mtim, ctim).
fn put_filestat<E: Engine>(m: &mut Mem<'_, E>, addr: u32, st: &Stat) -> Result<(), EngineError> {
    let mut b = [0u8; 64];
    b[16] = st.filetype;
    b[24..32].copy_from_slice(&1u64.to_le_bytes());
    b[32..40].copy_from_slice(&st.size.to_le_bytes());
    m.put(addr, &b)
}

struct Mem<'a, E: Engine> {
    cx: &'a mut dyn StoreOps<E>,
    mem: &'a E::Memory,
}

impl<E: Engine> Mem<'_, E> {
    fn read(&mut self, addr: u32, len: u32) -> Result<Vec<u8>, EngineError> {
        let mut b = vec![0; len as usize];
        self.cx.memory_read(self.mem, addr as u64, &mut b)?;
        Ok(b)
    }
    fn u32(&mut self, addr: u32) -> Result<u32, EngineError> {
        let b = self.read(addr, 4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn put(&mut self, addr: u32, data: &[u8]) -> Result<(), EngineError> {
        self.cx.memory_write(self.mem, addr as u64, data)
    }
    fn put_u32(&mut self, addr: u32, v: u32) -> Result<(), EngineError> {
        self.put(addr, &v.to_le_bytes())
    }
    fn put_u64(&mut self, addr: u32, v: u64) -> Result<(), EngineError> {
        self.put(addr, &v.to_le_bytes())
    }
}

fn trap(e: EngineError) -> HostError {
    HostError::Trap(e.0)
}

/// Writes NUL-terminated `items` for `args_get`/`environ_get`.
fn put_list<E: Engine>(
    m: &mut Mem<'_, E>,
    items: &[String],
    ptrs: u32,
    buf: u32,
) -> Result<(), EngineError> {
    let mut at = buf;
    for (i, s) in items.iter().enumerate() {
        m.put_u32(ptrs + 4 * i as u32, at)?;
        let mut b = s.as_bytes().to_vec();
        b.push(0);
        m.put(at, &b)?;
        at += b.len() as u32;
    }
    Ok(())
}

impl Wasi {
    fn func<E: Engine>(&self, name: &str, memory: E::Memory) -> HostFn<E> {
        let ctx = Arc::new(Ctx {
            args: self.args.clone(),
            env: self.env.iter().map(|(k, v)| format!("{k}={v}")).collect(),
            out: self.output.clone(),
            files: self.files.clone(),
        });
        macro_rules! host {
            (|$m:ident, $a:ident, $c:ident| $body:block) => {{
                let memory = memory.clone();
                let ctx = ctx.clone();
                Arc::new(
                    move |cx: &mut dyn StoreOps<E>, args: &[Val], results: &mut [Val]| {
                        #[allow(unused_variables)]
                        fn body<E: Engine>(
                            $m: &mut Mem<'_, E>,
                            $a: &[Val],
                            $c: &Ctx,
                        ) -> Result<i32, HostError> {
                            $body
                        }
                        let r = body(&mut Mem { cx, mem: &memory }, args, &ctx);
                        if let Some(slot) = results.first_mut() {
                            *slot = Val::I32(r?);
                        } else {
                            r?;
                        }
                        Ok(())
                    },
                )
            }};
        }
        match name {
            "args_sizes_get" => host!(|m, a, c| {
                let size: usize = c.args.iter().map(|s| s.len() + 1).sum();
                m.put_u32(a[0].i32() as u32, c.args.len() as u32)
                    .map_err(trap)?;
                m.put_u32(a[1].i32() as u32, size as u32).map_err(trap)?;
                Ok(ESUCCESS)
            }),
            "args_get" => host!(|m, a, c| {
                put_list(m, &c.args, a[0].i32() as u32, a[1].i32() as u32).map_err(trap)?;
                Ok(ESUCCESS)
            }),
            "environ_sizes_get" => host!(|m, a, c| {
                let size: usize = c.env.iter().map(|s| s.len() + 1).sum();
                m.put_u32(a[0].i32() as u32, c.env.len() as u32)
                    .map_err(trap)?;
                m.put_u32(a[1].i32() as u32, size as u32).map_err(trap)?;
                Ok(ESUCCESS)
            }),
            "environ_get" => host!(|m, a, c| {
                put_list(m, &c.env, a[0].i32() as u32, a[1].i32() as u32).map_err(trap)?;
                Ok(ESUCCESS)
            }),
            "fd_write" => host!(|m, a, c| {
                let (fd, iovs, n, nwritten) = (
                    a[0].i32(),
                    a[1].i32() as u32,
                    a[2].i32() as u32,
                    a[3].i32() as u32,
                );
                if fd != 1 && fd != 2 {
                    return Ok(EBADF);
                }
                let mut total = 0u32;
                for i in 0..n {
                    let ptr = m.u32(iovs + 8 * i).map_err(trap)?;
                    let len = m.u32(iovs + 8 * i + 4).map_err(trap)?;
                    let data = m.read(ptr, len).map_err(trap)?;
                    c.out.write(fd, &data);
                    total += len;
                }
                m.put_u32(nwritten, total).map_err(trap)?;
                Ok(ESUCCESS)
            }),
            "fd_read" => host!(|m, a, c| {
                let (fd, iovs, n, nread) = (
                    a[0].i32(),
                    a[1].i32() as u32,
                    a[2].i32() as u32,
                    a[3].i32() as u32,
                );
                if fd == 0 {
                    m.put_u32(nread, 0).map_err(trap)?;
                    return Ok(ESUCCESS);
                }
                let mut total = 0u32;
                for i in 0..n {
                    let ptr = m.u32(iovs + 8 * i).map_err(trap)?;
                    let len = m.u32(iovs + 8 * i + 4).map_err(trap)?;
                    let data = match c.files.read(fd, len as usize) {
                        Ok(d) => d,
                        Err(e) => return Ok(e),
                    };
                    m.put(ptr, &data).map_err(trap)?;
                    total += data.len() as u32;
                    if (data.len() as u32) < len {
                        break;
                    }
                }
                m.put_u32(nread, total).map_err(trap)?;
                Ok(ESUCCESS)
            }),
            "fd_close" => host!(|_m, a, c| {
                let fd = a[0].i32();
                if (0..=2).contains(&fd) {
                    return Ok(ESUCCESS);
                }
                Ok(c.files.close(fd).err().unwrap_or(ESUCCESS))
            }),
            "fd_seek" => host!(|m, a, c| {
                let fd = a[0].i32();
                if (0..=2).contains(&fd) {
                    return Ok(ESPIPE);
                }
                match c.files.seek(fd, a[1].i64(), a[2].i32()) {
                    Ok(p) => {
                        m.put_u64(a[3].i32() as u32, p).map_err(trap)?;
                        Ok(ESUCCESS)
                    }
                    Err(e) => Ok(e),
                }
            }),
            "fd_tell" => host!(|m, a, c| {
                match c.files.seek(a[0].i32(), 0, 1) {
                    Ok(p) => {
                        m.put_u64(a[1].i32() as u32, p).map_err(trap)?;
                        Ok(ESUCCESS)
                    }
                    Err(e) => Ok(e),
                }
            }),
            "fd_fdstat_get" => host!(|m, a, c| {
                let fd = a[0].i32();
                // stdio: character devices; files and the preopen: their type. All rights.
                let filetype = if (0..=2).contains(&fd) {
                    2
                } else {
                    match c.files.is_open(fd) {
                        Some(t) => t,
                        None => return Ok(EBADF),
                    }
                };
                let mut st = [0u8; 24];
                st[0] = filetype;
                st[8..16].copy_from_slice(&u64::MAX.to_le_bytes());
                st[16..24].copy_from_slice(&u64::MAX.to_le_bytes());
                m.put(a[1].i32() as u32, &st).map_err(trap)?;
                Ok(ESUCCESS)
            }),
            "fd_filestat_get" => host!(|m, a, c| {
                match c.files.stat_fd(a[0].i32()) {
                    Ok(st) => {
                        put_filestat(m, a[1].i32() as u32, &st).map_err(trap)?;
                        Ok(ESUCCESS)
                    }
                    Err(e) => Ok(e),
                }
            }),
            "fd_prestat_get" => host!(|m, a, c| {
                match c.files.prestat(a[0].i32()) {
                    Some(name) => {
                        let mut st = [0u8; 8];
                        st[4..8].copy_from_slice(&(name.len() as u32).to_le_bytes());
                        m.put(a[1].i32() as u32, &st).map_err(trap)?;
                        Ok(ESUCCESS)
                    }
                    None => Ok(EBADF),
                }
            }),
            "fd_prestat_dir_name" => host!(|m, a, c| {
                match c.files.prestat(a[0].i32()) {
                    Some(name) => {
                        let n = name.len().min(a[2].i32().max(0) as usize);
                        m.put(a[1].i32() as u32, &name.as_bytes()[..n])
                            .map_err(trap)?;
                        Ok(ESUCCESS)
                    }
                    None => Ok(EBADF),
                }
            }),
            "path_open" => host!(|m, a, c| {
                let (dirfd, path_ptr, path_len, oflags) =
                    (a[0].i32(), a[2].i32() as u32, a[3].i32() as u32, a[4].i32());
                let rights = a[5].i64() as u64;
                let path = String::from_utf8_lossy(&m.read(path_ptr, path_len).map_err(trap)?)
                    .into_owned();
                // O_CREAT 1, O_DIRECTORY 2, O_EXCL 4, O_TRUNC 8; right FD_WRITE is bit 6.
                let write = oflags & (1 | 4 | 8) != 0 || rights & (1 << 6) != 0;
                match c.files.open(dirfd, &path, oflags & 2 != 0, write) {
                    Ok(fd) => {
                        m.put_u32(a[8].i32() as u32, fd as u32).map_err(trap)?;
                        Ok(ESUCCESS)
                    }
                    Err(e) => Ok(e),
                }
            }),
            "path_filestat_get" => host!(|m, a, c| {
                let path = String::from_utf8_lossy(
                    &m.read(a[2].i32() as u32, a[3].i32() as u32).map_err(trap)?,
                )
                .into_owned();
                match c.files.stat_path(a[0].i32(), &path) {
                    Ok(st) => {
                        put_filestat(m, a[4].i32() as u32, &st).map_err(trap)?;
                        Ok(ESUCCESS)
                    }
                    Err(e) => Ok(e),
                }
            }),
            "proc_exit" => Arc::new(|_cx: &mut dyn StoreOps<E>, a: &[Val], _r: &mut [Val]| {
                Err(HostError::Exit(a[0].i32()))
            }),
            "clock_time_get" => host!(|m, a, c| {
                let now = SystemTime::now()
                    .duration_since(UNIX_EPOCH)
                    .unwrap_or_default();
                m.put_u64(a[2].i32() as u32, now.as_nanos() as u64)
                    .map_err(trap)?;
                Ok(ESUCCESS)
            }),
            "clock_res_get" => host!(|m, a, c| {
                m.put_u64(a[1].i32() as u32, 1000).map_err(trap)?;
                Ok(ESUCCESS)
            }),
            "random_get" => host!(|m, a, c| {
                // Deterministic bytes: runs must be reproducible across engines.
                let mut x = 0x2545F4914F6CDD1Du64;
                let bytes: Vec<u8> = (0..a[1].i32() as u32)
                    .map(|_| {
                        x ^= x << 13;
                        x ^= x >> 7;
                        x ^= x << 17;
                        x as u8
                    })
                    .collect();
                m.put(a[0].i32() as u32, &bytes).map_err(trap)?;
                Ok(ESUCCESS)
            }),
            "sched_yield" => host!(|_m, _a, _c| {
                std::thread::yield_now();
                Ok(ESUCCESS)
            }),
            // Clock subscriptions only (`nanosleep`, `usleep`): sleeps until the earliest.
            "poll_oneoff" => host!(|m, a, c| {
                let (subs, events, n) = (a[0].i32() as u32, a[1].i32() as u32, a[2].i32() as u32);
                if n == 0 {
                    return Ok(EINVAL);
                }
                let raw = m.read(subs, n.saturating_mul(48)).map_err(trap)?;
                let now = SystemTime::now()
                    .duration_since(UNIX_EPOCH)
                    .unwrap_or_default()
                    .as_nanos() as u64;
                let mut earliest: Option<(u64, u64)> = None;
                for sub in raw.chunks(48) {
                    let u64_at = |o: usize| u64::from_le_bytes(sub[o..o + 8].try_into().unwrap());
                    if sub[8] != 0 {
                        return Ok(ENOTSUP);
                    }
                    let (timeout, abstime) = (u64_at(24), sub[40] & 1 != 0);
                    let wait = if abstime {
                        timeout.saturating_sub(now)
                    } else {
                        timeout
                    };
                    if earliest.is_none_or(|(w, _)| wait < w) {
                        earliest = Some((wait, u64_at(0)));
                    }
                }
                let (wait, userdata) = earliest.unwrap_or_default();
                std::thread::sleep(std::time::Duration::from_nanos(wait));
                let mut event = [0u8; 32];
                event[..8].copy_from_slice(&userdata.to_le_bytes());
                m.put(events, &event).map_err(trap)?;
                m.put_u32(a[3].i32() as u32, 1).map_err(trap)?;
                Ok(ESUCCESS)
            }),
            _ => host!(|_m, _a, _c| { Ok(ENOSYS) }),
        }
    }
}

impl<E: Engine> HostResolver<E> for Wasi {
    fn resolve(
        &self,
        _cx: &mut dyn StoreOps<E>,
        host: &HostContext<'_, E>,
        import: &Import,
    ) -> Result<Option<HostImport<E>>, LinkError> {
        if import.module != "wasi_snapshot_preview1" || !matches!(import.ty, ExternType::Func(_)) {
            return Ok(None);
        }
        let f = self.func::<E>(&import.name, host.memory.clone());
        // A sleep blocks: link operations of other threads need not wait for it.
        Ok(Some(if import.name == "poll_oneoff" {
            HostImport::Blocking(f)
        } else {
            HostImport::Func(f)
        }))
    }
}
