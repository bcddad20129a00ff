//! Builds every case's modules from their sources into a cache outside the repository.
//!
//! The toolchain (clang-19, wasm-ld-19, compiler-rt for wasm32, wabt, a PIC wasi-libc sysroot) is
//! installed by `conformance/toolchain/setup.sh` from Debian's registry. Each module is rebuilt
//! only when its inputs change (a stamp holds a hash of sources, flags and tool versions), and
//! the same inputs give byte-identical outputs (clang and wasm-ld are deterministic; paths are
//! the same on every run).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use wasm_encoder::Encode;

use crate::manifest::{Case, Kind, ModuleSpec, Shape};

/// The cache root: `$WASMLINK_CACHE` or `~/.cache/wasmlink`.
pub fn cache_dir() -> PathBuf {
    if let Some(d) = std::env::var_os("WASMLINK_CACHE") {
        return PathBuf::from(d);
    }
    let home = std::env::var_os("HOME").unwrap_or_else(|| "/tmp".into());
    PathBuf::from(home).join(".cache/wasmlink")
}

/// Where a case's modules are built: its root directory, mapped to the guest's `/`.
pub fn case_root(case: &Case) -> PathBuf {
    cache_dir().join("fixtures").join(&case.name)
}

/// A source path of a case: relative to the case's directory, or `crate:NAME=VERSION/path` for a
/// file of a crates.io package (fetched with `cargo vendor` into the cache; none of its code is
/// committed).
pub fn source_path(case: &Case, s: &str) -> Result<PathBuf, String> {
    let Some(rest) = s.strip_prefix("crate:") else {
        return Ok(case.dir.join(s));
    };
    let (spec, path) = rest
        .split_once('/')
        .ok_or_else(|| format!("{s}: expected crate:NAME=VERSION/PATH"))?;
    Ok(crate_dir(spec)?.join(path))
}

/// Unpacks crate `NAME=VERSION` from the registry (once) and returns its directory.
pub fn crate_dir(spec: &str) -> Result<PathBuf, String> {
    let (name, version) = spec
        .split_once('=')
        .ok_or_else(|| format!("{spec}: expected NAME=VERSION"))?;
    let project = cache_dir().join("crates").join(format!("{name}-{version}"));
    let dir = project.join("vendor").join(format!("{name}-{version}"));
    if dir.is_dir() {
        return Ok(dir);
    }
    std::fs::create_dir_all(project.join("src")).map_err(|e| e.to_string())?;
    std::fs::write(
        project.join("Cargo.toml"),
        format!(
            "[package]\nname = \"fetch\"\nversion = \"0.0.0\"\nedition = \"2021\"\n[workspace]\n\
             [dependencies]\n{name} = {{ version = \"={version}\", default-features = false }}\n"
        ),
    )
    .map_err(|e| e.to_string())?;
    std::fs::write(project.join("src/lib.rs"), "").map_err(|e| e.to_string())?;
    run(Command::new("cargo")
        .args(["vendor", "--versioned-dirs", "--quiet", "vendor"])
        .current_dir(&project)
        .env_remove("CARGO_TARGET_DIR"))?;
    if dir.is_dir() {
        Ok(dir)
    } else {
        Err(format!("cargo vendor did not produce {}", dir.display()))
    }
}

/// A case's compiler flags, with `${SUPPORT}` standing for the support directory and
/// `${CRATE:NAME=VERSION}` for an unpacked crate's directory.
pub fn cflags(m: &ModuleSpec) -> Result<Vec<String>, String> {
    let support = support_dir().display().to_string();
    m.cflags
        .iter()
        .map(|f| {
            let mut f = f.replace("${SUPPORT}", &support);
            while let Some(at) = f.find("${CRATE:") {
                let end = f[at..]
                    .find('}')
                    .ok_or_else(|| format!("{f}: unterminated ${{CRATE:"))?
                    + at;
                let dir = crate_dir(&f[at + 8..end])?.display().to_string();
                f.replace_range(at..=end, &dir);
            }
            Ok(f)
        })
        .collect()
}

/// The shared C sources every main module gets (runtime helpers, dlfcn shim).
pub(crate) fn support_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("support")
}

pub struct Toolchain {
    pub sysroot: PathBuf,
    pub version: String,
}

/// Installs the toolchain if needed (once per process).
pub fn toolchain() -> Result<&'static Toolchain, String> {
    static TC: OnceLock<Result<Toolchain, String>> = OnceLock::new();
    TC.get_or_init(|| {
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("toolchain/setup.sh");
        let out = Command::new("bash")
            .arg(&script)
            .stderr(std::process::Stdio::inherit())
            .output()
            .map_err(|e| format!("running {}: {e}", script.display()))?;
        if !out.status.success() {
            return Err(format!("{} failed", script.display()));
        }
        let sysroot = String::from_utf8_lossy(&out.stdout)
            .lines()
            .last()
            .unwrap_or("")
            .trim()
            .to_string();
        let version = Command::new("clang-19")
            .arg("--version")
            .output()
            .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
            .unwrap_or_default();
        Ok(Toolchain {
            sysroot: PathBuf::from(sysroot),
            version,
        })
    })
    .as_ref()
    .map_err(|e| e.clone())
}

/// FNV-1a: a stable hash for build stamps (std's hasher may change between releases).
pub(crate) fn fnv(h: &mut u64, bytes: &[u8]) {
    for b in bytes {
        *h ^= *b as u64;
        *h = h.wrapping_mul(0x100000001b3);
    }
}

/// Builds all modules of `case`; returns its root directory.
pub fn build_case(case: &Case) -> Result<PathBuf, String> {
    let root = case_root(case);
    std::fs::create_dir_all(&root).map_err(|e| e.to_string())?;
    for m in &case.modules {
        build_module(case, &root, m).map_err(|e| format!("{}: {}: {e}", case.name, m.out))?;
    }
    Ok(root)
}

/// Directory (under a case's root) of the modules as wasm-ld wrote them, which later modules of the
/// case link against.
const LINK_COPIES: &str = ".link";

/// Changed whenever the builder's link flags change, so fixtures built before are rebuilt.
const BUILDER_VERSION: &str = "2: build shapes, a libc per shape";

/// clang flags of every C module.
const CFLAGS: &[&str] = &[
    "--target=wasm32-wasi",
    "-fPIC",
    "-O2",
    "-Wall",
    "-Wno-unused-function",
];

/// clang flags of the threads shape: atomics and thread-local storage.
const THREADS_CFLAGS: &[&str] = &[
    "-matomics",
    "-mbulk-memory",
    "-mmutable-globals",
    "-pthread",
    "-mthread-model",
    "posix",
    "-ftls-model=local-exec",
];

/// wasm-ld's `--extra-features` of each shape (and of modules with exception handling).
fn link_features(shape: Shape, exceptions: bool) -> String {
    let mut f = match shape {
        Shape::Threads => "--extra-features=atomics,bulk-memory,mutable-globals".to_string(),
        Shape::Single => "--extra-features=mutable-globals".to_string(),
    };
    if exceptions {
        f.push_str(",exception-handling");
    }
    f
}

fn build_module(case: &Case, root: &Path, m: &ModuleSpec) -> Result<(), String> {
    let out = root.join(&m.out);
    if let Some(p) = out.parent() {
        std::fs::create_dir_all(p).map_err(|e| e.to_string())?;
    }
    // Stamp: inputs of this module (sources, flags, libraries it links against, tools).
    let mut h = 0xcbf29ce484222325u64;
    fnv(&mut h, format!("{m:?}{:?}", m.shape_in(case)).as_bytes());
    for s in m.sources.iter().filter(|_| m.kind != Kind::Symlink) {
        fnv(
            &mut h,
            &std::fs::read(source_path(case, s)?).map_err(|e| format!("{s}: {e}"))?,
        );
    }
    if matches!(m.kind, Kind::Main | Kind::MainNopie | Kind::Side) {
        let tc = toolchain()?;
        fnv(&mut h, tc.version.as_bytes());
        // The builder's own flags and the libc each shape links with.
        fnv(&mut h, format!("{CFLAGS:?}{THREADS_CFLAGS:?}").as_bytes());
        fnv(&mut h, BUILDER_VERSION.as_bytes());
        for f in sorted_files(&support_dir()) {
            fnv(&mut h, &std::fs::read(&f).unwrap_or_default());
        }
        for s in &m.support {
            fnv(
                &mut h,
                &std::fs::read(support_dir().join("opt").join(s)).unwrap_or_default(),
            );
        }
        for lib in &m.libs {
            for d in &m.lib_dirs {
                if let Ok(b) = std::fs::read(root.join(d).join(format!("lib{lib}.so"))) {
                    fnv(&mut h, &b);
                }
            }
        }
    }
    let stamp = PathBuf::from(format!("{}.stamp", out.display()));
    let want = format!("{h:016x}");
    if out.exists() && std::fs::read_to_string(&stamp).ok().as_deref() == Some(want.as_str()) {
        return Ok(());
    }
    match m.kind {
        Kind::Raw => {
            std::fs::copy(case.dir.join(&m.sources[0]), &out).map_err(|e| e.to_string())?;
        }
        Kind::Symlink => make_symlink(root, &m.sources[0], &out)?,
        Kind::Wat => {
            let text =
                std::fs::read_to_string(case.dir.join(&m.sources[0])).map_err(|e| e.to_string())?;
            let bytes = wat::parse_str(&text).map_err(|e| e.to_string())?;
            std::fs::write(&out, bytes).map_err(|e| e.to_string())?;
        }
        Kind::Main | Kind::MainNopie | Kind::Side => compile_and_link(case, root, m, &out)?,
    }
    if !m.runpath.is_empty() {
        let bytes = std::fs::read(&out).map_err(|e| e.to_string())?;
        let patched = add_runpath(&bytes, &m.runpath)?;
        std::fs::write(&out, patched).map_err(|e| e.to_string())?;
    }
    std::fs::write(&stamp, want).map_err(|e| e.to_string())?;
    Ok(())
}

/// A symbolic link at `out` to `target` (`{build}` replaced by `root`), replacing what is there.
pub(crate) fn make_symlink(root: &Path, target: &str, out: &Path) -> Result<(), String> {
    let target = target.replace("{build}", &root.to_string_lossy());
    let _ = std::fs::remove_file(out);
    #[cfg(unix)]
    return std::os::unix::fs::symlink(target, out).map_err(|e| e.to_string());
    #[cfg(not(unix))]
    return Err(format!("symbolic links need a unix host ({target})"));
}

fn sorted_files(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    v.sort();
    v
}

pub(crate) fn run(cmd: &mut Command) -> Result<(), String> {
    let out = cmd.output().map_err(|e| format!("{cmd:?}: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "{:?} failed:\n{}{}",
            cmd,
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    Ok(())
}

fn compile_and_link(case: &Case, root: &Path, m: &ModuleSpec, out: &Path) -> Result<(), String> {
    let tc = toolchain()?;
    let shape = m.shape_in(case);
    // Without threads, the libc built without atomics (toolchain/setup.sh).
    let sysroot = match shape {
        Shape::Threads => tc.sysroot.display().to_string(),
        Shape::Single => format!("{}-single", tc.sysroot.display()),
    };
    let objdir = PathBuf::from(format!("{}.obj", out.display()));
    std::fs::create_dir_all(&objdir).map_err(|e| e.to_string())?;
    let mut objects = Vec::new();
    let mut sources: Vec<PathBuf> = m
        .sources
        .iter()
        .map(|s| source_path(case, s))
        .collect::<Result<_, _>>()?;
    sources.extend(m.support.iter().map(|s| support_dir().join("opt").join(s)));
    if m.kind.is_main() && m.exceptions {
        sources.push(support_dir().join("eh/sjlj.c"));
    }
    if m.kind.is_main() {
        sources.extend(
            sorted_files(&support_dir())
                .into_iter()
                .filter(|p| p.extension().is_some_and(|e| e == "c")),
        );
    }
    for (i, src) in sources.iter().enumerate() {
        let obj = objdir.join(format!("{i}.o"));
        let mut c = Command::new("clang-19");
        c.args(CFLAGS);
        if shape == Shape::Threads {
            c.args(THREADS_CFLAGS);
        }
        c.arg(format!("--sysroot={sysroot}"))
            .arg("-I")
            .arg(support_dir())
            .args(cflags(m)?);
        if m.kind == Kind::Side {
            c.arg("-fvisibility=default");
        }
        if m.exceptions {
            c.args(["-mexception-handling", "-mllvm", "-wasm-enable-sjlj", "-I"])
                .arg(support_dir().join("eh"));
        }
        c.arg("-c").arg(src).arg("-o").arg(&obj);
        run(&mut c)?;
        objects.push(obj);
    }
    let mut l = Command::new("wasm-ld-19");
    l.arg(link_features(shape, m.exceptions))
        .arg("--experimental-pic");
    // Link against the copies wasm-ld can read (see below).
    for d in &m.lib_dirs {
        l.arg(format!("-L{}", root.join(LINK_COPIES).join(d).display()));
    }
    // A non-PIE main finds shared libraries only between -Bdynamic and -Bstatic.
    if m.kind == Kind::MainNopie {
        l.arg("-Bdynamic");
    }
    for lib in &m.libs {
        l.arg(format!("-l{lib}"));
    }
    if m.kind == Kind::MainNopie {
        l.arg("-Bstatic");
    }
    match m.kind {
        Kind::Side => {
            l.args([
                "--export=__wasm_call_ctors",
                "--export-if-defined=__wasm_apply_data_relocs",
                "--export-if-defined=__wasm_init_tls",
                "--export-if-defined=__tls_base",
                "--export-if-defined=__tls_size",
                "--export-if-defined=__tls_align",
                "--unresolved-symbols=import-dynamic",
                "-shared",
            ]);
            if shape == Shape::Threads {
                l.arg("--shared-memory");
            }
            l.args(&objects);
        }
        Kind::Main | Kind::MainNopie => {
            let lib = format!("{sysroot}/lib/wasm32-wasi");
            l.arg(format!("-L{lib}"))
                .arg("--whole-archive")
                .arg("--export-all");
            l.args(&objects);
            l.arg(format!("{lib}/crt1.o"))
                .arg("-lc")
                .arg("--no-whole-archive");
            l.arg("/usr/lib/llvm-19/lib/clang/19/lib/wasi/libclang_rt.builtins-wasm32.a");
            l.args(["--import-memory", "--max-memory=1073741824"]);
            match shape {
                Shape::Threads => l.args([
                    "--shared-memory",
                    "--export=__tls_base",
                    "--export=__tls_size",
                    "--export=__tls_align",
                ]),
                // As docs/abi.md's recipe: the memory also exported, for hosts that look for it.
                Shape::Single => l.arg("--export-memory"),
            };
            l.args([
                "--export-if-defined=__wasm_init_tls",
                "--export=__wasm_call_ctors",
                "--export-if-defined=__wasm_apply_data_relocs",
                "--unresolved-symbols=import-dynamic",
            ]);
            if m.kind == Kind::Main {
                l.arg("-pie");
            } else {
                // Fixed addresses; the table and stack pointer the libraries import are main's.
                l.args(["--growable-table", "--export=__stack_pointer"]);
            }
        }
        _ => unreachable!(),
    }
    l.args(&m.ldflags).arg("-o").arg(out);
    run(&mut l)?;
    // wasm-ld cannot read a library that imports a tag in the translated form ("unexpected import
    // kind"), so modules link against the untranslated copy.
    let copy = root
        .join(LINK_COPIES)
        .join(out.strip_prefix(root).unwrap_or(out));
    if let Some(p) = copy.parent() {
        std::fs::create_dir_all(p).map_err(|e| e.to_string())?;
    }
    std::fs::copy(out, &copy).map_err(|e| e.to_string())?;
    if m.exceptions {
        // Both engines run only the standard try_table form; clang-19 emits the legacy one.
        let wasm_opt = cache_dir().join("npm/node_modules/.bin/wasm-opt");
        run(Command::new(&wasm_opt)
            .arg(out)
            .args([
                "-g",
                "--enable-threads",
                "--enable-bulk-memory",
                "--enable-mutable-globals",
                "--enable-sign-ext",
                "--enable-nontrapping-float-to-int",
                "--enable-reference-types",
                "--enable-exception-handling",
                "--translate-to-exnref",
                "-o",
            ])
            .arg(out))?;
    }
    Ok(())
}

/// Appends a `WASM_DYLINK_RUNTIME_PATH` subsection to dylink.0 (wasm-ld cannot write one).
pub fn add_runpath(module: &[u8], runpath: &[String]) -> Result<Vec<u8>, String> {
    let mut out = wasm_encoder::Module::new();
    let mut found = false;
    for payload in wasmparser::Parser::new(0).parse_all(module) {
        let payload = payload.map_err(|e| e.to_string())?;
        let Some((id, range)) = payload.as_section() else {
            continue;
        };
        let data = &module[range];
        if let wasmparser::Payload::CustomSection(c) = &payload {
            if c.name() == "dylink.0" {
                found = true;
                let mut sub = Vec::new();
                (runpath.len() as u32).encode(&mut sub);
                for r in runpath {
                    r.as_str().encode(&mut sub);
                }
                let mut new = c.data().to_vec();
                new.push(5);
                sub.encode(&mut new);
                out.section(&wasm_encoder::CustomSection {
                    name: "dylink.0".into(),
                    data: new.into(),
                });
                continue;
            }
        }
        out.section(&wasm_encoder::RawSection { id, data });
    }
    if !found {
        return Err("no dylink.0 section to add a RUNPATH to".into());
    }
    Ok(out.finish())
}
