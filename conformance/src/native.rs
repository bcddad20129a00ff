//! The reference: the same case sources built natively with gcc as ELF shared objects and run
//! under glibc's `ld.so`. Expected outputs in the manifests must equal what the native build
//! prints, so they follow ELF semantics rather than our guesses.
//!
//! The case root is laid out as for wasm (`lib/`, `opt/...`, `app/...`), and the guest's search
//! path maps to `LD_LIBRARY_PATH` under it (the case's own entries, then `lib`, `usr/lib`,
//! `usr/local/lib`, the wasm loader's defaults). RUNPATH entries become `-rpath` with
//! `--enable-new-dtags`.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::fixtures::{cache_dir, cflags, fnv, make_symlink, run, source_path, support_dir};
use crate::manifest::{Case, Kind};

/// Why `case` has no native reference, if it has none.
pub fn skip_reason(case: &Case) -> Option<String> {
    if let Some(r) = &case.run.not_native {
        return Some(r.clone());
    }
    if case.shapes.first().is_some_and(|&s| s != case.shape) {
        // The native build does not depend on the wasm build shape.
        return Some(format!(
            "the same sources as the {} build, whose output is checked natively",
            case.shapes[0].name()
        ));
    }
    if case.modules.iter().any(|m| m.kind == Kind::Wat) {
        return Some("hand-written WebAssembly".into());
    }
    None
}

fn native_root(case: &Case) -> PathBuf {
    cache_dir().join("native").join(&case.name)
}

/// Builds `case` natively; returns its root.
pub fn build(case: &Case) -> Result<PathBuf, String> {
    let root = native_root(case);
    for m in &case.modules {
        let out = root.join(m.out.trim_end_matches(".wasm"));
        if let Some(p) = out.parent() {
            std::fs::create_dir_all(p).map_err(|e| e.to_string())?;
        }
        let mut h = 0xcbf29ce484222325u64;
        fnv(&mut h, format!("native {m:?}").as_bytes());
        for s in m.sources.iter().filter(|_| m.kind != Kind::Symlink) {
            fnv(
                &mut h,
                &std::fs::read(source_path(case, s)?).map_err(|e| format!("{s}: {e}"))?,
            );
        }
        let stamp = PathBuf::from(format!("{}.stamp", out.display()));
        let want = format!("{h:016x}");
        if out.exists() && std::fs::read_to_string(&stamp).ok().as_deref() == Some(want.as_str()) {
            continue;
        }
        match m.kind {
            Kind::Raw => {
                std::fs::copy(case.dir.join(&m.sources[0]), &out).map_err(|e| e.to_string())?;
            }
            Kind::Symlink => make_symlink(&root, &m.sources[0], &out)?,
            Kind::Wat => return Err("WAT modules have no native build".into()),
            Kind::Main | Kind::MainNopie | Kind::Side => {
                let mut c = Command::new("gcc");
                c.args(["-O2", "-w", "-fPIC"]);
                if m.kind == Kind::Side {
                    c.arg("-shared");
                }
                c.args(cflags(m)?).arg("-I").arg(support_dir());
                for s in &m.sources {
                    c.arg(source_path(case, s)?);
                }
                for d in &m.lib_dirs {
                    c.arg(format!("-L{}", root.join(d).display()));
                }
                for d in &m.lib_dirs {
                    c.arg(format!("-Wl,-rpath-link,{}", root.join(d).display()));
                }
                // As wasm-ld's --unresolved-symbols=import-dynamic: what a library leaves
                // undefined is the loader's business.
                c.arg("-Wl,--no-as-needed")
                    .arg("-Wl,--allow-shlib-undefined");
                for l in &m.libs {
                    c.arg(format!("-l{l}"));
                }
                if !m.runpath.is_empty() {
                    c.arg(format!(
                        "-Wl,--enable-new-dtags,-rpath,{}",
                        m.runpath.join(":")
                    ));
                }
                c.arg("-ldl").arg("-o").arg(&out);
                run(&mut c)?;
            }
        }
        std::fs::write(&stamp, want).map_err(|e| e.to_string())?;
    }
    Ok(root)
}

/// What the native build printed and returned.
pub struct NativeRun {
    pub stdout: String,
    pub stderr: String,
    pub exit_code: i32,
}

/// Builds and runs `case` natively.
pub fn run_case(case: &Case) -> Result<NativeRun, String> {
    let root = build(case)?;
    // Guest paths map to the host as the case's mounts say.
    let main = case.host_path(&root, case.main().trim_end_matches(".wasm"));
    let under = |p: &str| case.host_path(&root, p).display().to_string();
    let mut path: Vec<String> = case.run.ld_library_path.iter().map(|p| under(p)).collect();
    path.extend(["lib", "usr/lib", "usr/local/lib"].map(under));
    let out = Command::new(&main)
        .args(case.args(&root))
        .env_clear()
        .envs(case.run.env.iter())
        .env("LD_LIBRARY_PATH", path.join(":"))
        .current_dir(main.parent().unwrap_or(Path::new("/")))
        .output()
        .map_err(|e| format!("{}: {e}", main.display()))?;
    Ok(NativeRun {
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        exit_code: out.status.code().unwrap_or(128),
    })
}
