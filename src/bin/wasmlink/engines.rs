//! The disk cache of compiled modules and the program's environment, from the command line and
//! the host; running the program is the library's (`wasmlink::run`), shared with the suite.

use std::path::PathBuf;

/// Where compiled modules are kept between runs.
pub(crate) fn cache_dir(no_cache: bool) -> Option<PathBuf> {
    if no_cache {
        return None;
    }
    if let Some(d) = std::env::var_os("WASMLINK_CACHE_DIR") {
        return Some(PathBuf::from(d));
    }
    let base = match std::env::var_os("XDG_CACHE_HOME") {
        Some(d) if !d.is_empty() => PathBuf::from(d),
        _ => PathBuf::from(std::env::var_os("HOME")?).join(".cache"),
    };
    Some(base.join("wasmlink").join("compiled"))
}

/// `NAME=VAL`, or `NAME` with its value here (left out if it has none).
pub(crate) fn guest_env(envs: &[String]) -> Vec<(String, String)> {
    envs.iter()
        .filter_map(|e| match e.split_once('=') {
            Some((k, v)) => Some((k.to_string(), v.to_string())),
            None => std::env::var(e).ok().map(|v| (e.clone(), v)),
        })
        .collect()
}
