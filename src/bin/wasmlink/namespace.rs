//! The program's namespace and the linker's settings, from the command line and the host
//! environment (docs/abi.md, "The namespace").

use std::path::Path;
use std::sync::Arc;

use wasmlink::{LinkerConfig, Mount, MountFs};

use crate::args::Namespace;

/// The program's namespace, and the guest path of the main module in it.
pub(crate) struct Linking {
    pub(crate) config: LinkerConfig,
    pub(crate) main: String,
    /// The `--dir` mounts, which the program's WASI is given too.
    pub(crate) dirs: Vec<Mount>,
}

/// The main module in the namespace. A `--dir` that shows it gives its guest path. Otherwise it
/// is `/NAME`: its directory becomes the linker's `/` (for `$ORIGIN` and the libraries beside
/// it) unless a `--dir` is mounted there, in which case the file alone is mounted at `/NAME`.
/// Either way the guest never sees the host path of a directory it was not given.
fn main_in(fs: MountFs, main: &Path) -> Result<(MountFs, String), String> {
    let canon = std::fs::canonicalize(main).map_err(|e| format!("{}: {e}", main.display()))?;
    if let Some(guest) = fs.guest_path(&canon) {
        return Ok((fs, guest));
    }
    let name = canon.file_name().unwrap_or_default().to_string_lossy();
    let guest = format!("/{name}");
    let mount = if fs.is_mounted("/") {
        Mount::new(&canon, guest.clone())
    } else {
        Mount::new(canon.parent().unwrap_or(Path::new("/")), "/")
    };
    let fs = fs
        .with(mount)
        .map_err(|e| format!("{}: {e}", main.display()))?;
    Ok((fs, guest))
}

/// Settings from the command line and the host environment, as `ld.so` reads them. Every name
/// the linker resolves is a guest path in the namespace built here: `LD_LIBRARY_PATH`,
/// `LD_PRELOAD` and `--preload` name guest paths, as they would inside the program.
pub(crate) fn config(
    ns: &Namespace,
    main: &Path,
    preload: &[String],
    bind_now: bool,
) -> Result<Linking, String> {
    let dirs: Vec<Mount> = ns.dirs.iter().map(|d| Mount::parse(d)).collect();
    let mut fs = MountFs::new();
    for m in &dirs {
        fs = fs
            .with(m.clone())
            .map_err(|e| format!("--dir {}: {e}", m.host.display()))?;
    }
    let (mut fs, main) = main_in(fs, main)?;
    // A library directory is searched at the guest path the namespace shows it at, or else
    // mounted at its own absolute path.
    let mut search = Vec::new();
    for d in &ns.lib_dirs {
        // As ld.so skips a search directory that does not exist.
        let Ok(canon) = std::fs::canonicalize(d) else {
            continue;
        };
        let guest = match fs.guest_path(&canon) {
            Some(g) => g,
            None => {
                let g = canon.to_string_lossy().into_owned();
                fs = fs
                    .with(Mount::new(&canon, g.clone()))
                    .map_err(|e| format!("-L {}: {e}", d.display()))?;
                g
            }
        };
        search.push(guest);
    }
    let mut config = LinkerConfig::new(Arc::new(fs));
    config.search.ld_library_path = search;
    if let Ok(path) = std::env::var("LD_LIBRARY_PATH") {
        config
            .search
            .ld_library_path
            .extend(path.split(':').filter(|d| !d.is_empty()).map(String::from));
    }
    config.bind_now = bind_now || std::env::var_os("LD_BIND_NOW").is_some_and(|v| !v.is_empty());
    if let Ok(libs) = std::env::var("LD_PRELOAD") {
        config.preload.extend(
            libs.split([':', ' '])
                .filter(|l| !l.is_empty())
                .map(String::from),
        );
    }
    config.preload.extend(preload.iter().cloned());
    // A thread's exit() ends the process, as POSIX has it (stdio was flushed by the guest's
    // libc before proc_exit).
    config.on_exit = Some(Arc::new(|code| {
        use std::io::Write;
        let _ = std::io::stdout().flush();
        let _ = std::io::stderr().flush();
        std::process::exit(code)
    }));
    Ok(Linking { config, main, dirs })
}
