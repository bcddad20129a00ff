//! WASIX's dynamic-linking calls (module `wasix_32v1`, as wasix-libc's `dlopen` and `dlsym`
//! call them), served on the same records, scopes and flags as `<dlfcn.h>`: a handle from one
//! ABI is good in the other. The conventions are WASIX's: every call returns an errno, results
//! go through out-pointers, strings come with their lengths, and a failure's text is written into
//! the caller's buffer (cut to fit, NUL-terminated) with the errno `Unknown`. Where ours is
//! stricter than wasmer-wasix's (flags honoured, real scopes, unloading, rollback), ours holds
//! (docs/abi.md, "WASIX").

use crate::dlfcn::dlopen::{
    dlopen_searching, handle_of, module_of, RTLD_GLOBAL, RTLD_LAZY, RTLD_NODELETE, RTLD_NOLOAD,
    RTLD_NOW,
};
use crate::dlfcn::dlsym::dlsym;
use crate::engine::{Engine, EngineError, HostError};
use crate::runtime::state::GroupCx;
use crate::types::Val;

/// WASIX errno values (wasi's numbering).
pub(crate) mod errno {
    /// Success.
    pub const SUCCESS: i32 = 0;
    /// Bad address.
    pub const FAULT: i32 = 21;
    /// Invalid argument.
    pub const INVAL: i32 = 28;
    /// Not an executable (an invalid handle).
    pub const NOEXEC: i32 = 45;
    /// Not supported.
    pub const NOTSUP: i32 = 58;
    /// A value too large for its buffer.
    pub const OVERFLOW: i32 = 61;
    /// Memory access out of bounds.
    pub const MEMVIOLATION: i32 = 78;
    /// Any other failure: the text is in the caller's error buffer.
    pub const UNKNOWN: i32 = 79;
}

/// WASIX's `DlFlags` bits.
mod flags {
    pub const LAZY: i32 = 1;
    pub const NOW: i32 = 2;
    pub const GLOBAL: i32 = 4;
    pub const NOLOAD: i32 = 8;
    pub const NODELETE: i32 = 16;
}

/// WASIX `DlFlags` as `<dlfcn.h>` flags (DEEPBIND, 32, has no meaning here and is dropped; no
/// GLOBAL bit is `RTLD_LOCAL`, as in C).
fn dl_flags(wasix: i32) -> i32 {
    [
        (flags::LAZY, RTLD_LAZY),
        (flags::NOW, RTLD_NOW),
        (flags::GLOBAL, RTLD_GLOBAL),
        (flags::NOLOAD, RTLD_NOLOAD),
        (flags::NODELETE, RTLD_NODELETE),
    ]
    .iter()
    .filter(|(w, _)| wasix & w != 0)
    .fold(0, |acc, (_, ours)| acc | ours)
}

/// A call's arguments as the unsigned 32-bit values they are.
pub(crate) fn args<const N: usize>(a: &[Val]) -> [u32; N] {
    std::array::from_fn(|i| a.get(i).map_or(0, |v| v.i32() as u32))
}

/// The errno for a failed guest memory access.
pub(crate) fn memory_errno(_: EngineError) -> i32 {
    errno::MEMVIOLATION
}

/// `len` bytes of guest memory at `ptr` (`MEMVIOLATION` past the end of memory: checked before
/// anything is allocated, so a huge length costs nothing).
pub(crate) fn read_bytes<E: Engine>(
    g: &mut GroupCx<'_, E>,
    mem: &E::Memory,
    ptr: u32,
    len: u32,
) -> Result<Vec<u8>, i32> {
    if ptr as u64 + len as u64 > g.cx.memory_size(mem) {
        return Err(errno::MEMVIOLATION);
    }
    let mut buf = vec![0u8; len as usize];
    g.cx.memory_read(mem, ptr as u64, &mut buf)
        .map_err(memory_errno)?;
    Ok(buf)
}

/// A string given by pointer and length: `INVAL` if it is not UTF-8.
fn read_str<E: Engine>(
    g: &mut GroupCx<'_, E>,
    mem: &E::Memory,
    ptr: u32,
    len: u32,
) -> Result<String, i32> {
    String::from_utf8(read_bytes(g, mem, ptr, len)?).map_err(|_| errno::INVAL)
}

/// Writes `bytes` at `ptr`.
pub(crate) fn write_bytes<E: Engine>(
    g: &mut GroupCx<'_, E>,
    mem: &E::Memory,
    ptr: u32,
    bytes: &[u8],
) -> Result<(), i32> {
    g.cx.memory_write(mem, ptr as u64, bytes)
        .map_err(memory_errno)
}

/// `msg` into the error buffer (at most `len - 1` bytes, cut at a character boundary, then a
/// NUL; nothing if `len` is 0), and the errno that says so.
fn dl_error<E: Engine>(
    g: &mut GroupCx<'_, E>,
    mem: &E::Memory,
    buf: u32,
    len: u32,
    msg: &str,
) -> i32 {
    if len == 0 {
        return errno::UNKNOWN;
    }
    let mut n = msg.len().min(len as usize - 1);
    while !msg.is_char_boundary(n) {
        n -= 1;
    }
    let mut bytes = msg.as_bytes()[..n].to_vec();
    bytes.push(0);
    match write_bytes(g, mem, buf, &bytes) {
        Ok(()) => errno::UNKNOWN,
        Err(e) => e,
    }
}

/// The errno as the call's result.
pub(crate) fn done(r: Result<(), i32>) -> std::result::Result<Val, HostError> {
    Ok(Val::I32(r.err().unwrap_or(errno::SUCCESS)))
}

/// `dlopen(path, path_len, flags, err_buf, err_buf_len, ld_library_path, ld_library_path_len,
/// out_handle)`: a NULL path is the main module (handle 1, whose `dlsym` searches the global
/// scope, as `dlopen(NULL)` in C); `ld_library_path` is a `:`-separated list searched first.
pub(crate) fn wasix_dlopen<E: Engine>(
    g: &mut GroupCx<'_, E>,
    mem: &E::Memory,
    a: &[Val],
) -> std::result::Result<Val, HostError> {
    let [path, path_len, wflags, err_buf, err_len, ldp, ldp_len, out] = args(a);
    done((|| {
        let name = match path {
            0 => None,
            p => Some(read_str(g, mem, p, path_len)?),
        };
        let dirs: Vec<String> = match ldp_len {
            0 => Vec::new(),
            n => read_str(g, mem, ldp, n)?
                .split(':')
                .filter(|d| !d.is_empty())
                .map(str::to_string)
                .collect(),
        };
        let handle = match dlopen_searching(g, name.as_deref(), dl_flags(wflags as i32), &dirs) {
            Ok(Some(m)) => handle_of(m),
            Ok(None) => {
                let msg = format!(
                    "{}: not loaded (RTLD_NOLOAD)",
                    name.as_deref().unwrap_or_default()
                );
                return Err(dl_error(g, mem, err_buf, err_len, &msg));
            }
            Err(e) => return Err(dl_error(g, mem, err_buf, err_len, &e.to_string())),
        };
        write_bytes(g, mem, out, &handle.to_le_bytes())
    })())
}

/// `dlsym(handle, symbol, symbol_len, err_buf, err_buf_len, out_symbol)`: handle 0 is
/// `RTLD_DEFAULT`; a function comes back as its canonical table slot (the same number as its
/// address taken anywhere), data as its address (this thread's, for TLS).
pub(crate) fn wasix_dlsym<E: Engine>(
    g: &mut GroupCx<'_, E>,
    mem: &E::Memory,
    a: &[Val],
) -> std::result::Result<Val, HostError> {
    let [handle, sym, sym_len, err_buf, err_len, out] = args(a);
    done((|| {
        let name = read_str(g, mem, sym, sym_len)?;
        match dlsym(g, handle, &name) {
            Ok(addr) => write_bytes(g, mem, out, &addr.value().to_le_bytes()),
            Err(e) => Err(dl_error(g, mem, err_buf, err_len, &e.to_string())),
        }
    })())
}

/// `dl_invalid_handle(handle)`: `SUCCESS` if `handle` names a loaded module (the main module's
/// handle 1 included), `NOEXEC` otherwise (0, an unloaded or never given handle).
pub(crate) fn wasix_dl_invalid_handle<E: Engine>(
    g: &mut GroupCx<'_, E>,
    _mem: &E::Memory,
    a: &[Val],
) -> std::result::Result<Val, HostError> {
    let [handle] = args(a);
    let valid = handle != 0 && module_of(&g.records().image, handle).is_ok();
    Ok(Val::I32(if valid { errno::SUCCESS } else { errno::NOEXEC }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wasix_flags_are_dlfcn_flags() {
        assert_eq!(dl_flags(flags::NOW | flags::GLOBAL), RTLD_NOW | RTLD_GLOBAL);
        assert_eq!(dl_flags(flags::LAZY), RTLD_LAZY);
        assert_eq!(
            dl_flags(flags::NOLOAD | flags::NODELETE | 32),
            RTLD_NOLOAD | RTLD_NODELETE
        );
    }
}
