//! Case manifests: `conformance/cases/<name>/case.toml`.
//!
//! A case names the modules to build (C sources compiled by clang, or WAT assembled in-process),
//! how to run the main module, and what it must print and return.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    /// Group in the matrix (`basic`, `symbols`, `errors`, ...).
    pub group: String,
    /// One line: what this case checks and which ELF rule it follows.
    pub description: String,
    /// Modules in build order (libraries before what links against them).
    #[serde(rename = "module")]
    pub modules: Vec<ModuleSpec>,
    #[serde(default)]
    pub run: RunSpec,
    /// The build shapes of the case's C modules (default: threads only). A case with several is
    /// loaded once per shape; every shape after the first gets its name as a suffix
    /// (`hello@single`) and its own build directory, and must give the same results.
    #[serde(default = "default_shapes")]
    pub shapes: Vec<Shape>,
    /// The shape of this instance of the case (filled in when loading).
    #[serde(skip)]
    pub shape: Shape,
    /// Name of the case: its directory name (filled in when loading).
    #[serde(skip)]
    pub name: String,
    /// The case's source directory (filled in when loading).
    #[serde(skip)]
    pub dir: PathBuf,
}

/// How C modules are built (docs/abi.md, "Build shapes").
#[derive(Clone, Copy, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum Shape {
    /// With threads: `-pthread`, atomics, `--shared-memory` (the memory import is shared).
    #[default]
    Threads,
    /// Without threads, the default for `wasm32-wasi`: no atomics, the memory is not shared.
    Single,
}

impl Shape {
    /// The case-name suffix of this shape.
    pub fn name(self) -> &'static str {
        match self {
            Shape::Threads => "threads",
            Shape::Single => "single",
        }
    }
}

fn default_shapes() -> Vec<Shape> {
    vec![Shape::Threads]
}

#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// A PIE main module carrying libc and exporting it.
    Main,
    /// A non-PIE main module (fixed addresses, its own table and stack pointer), as Emscripten
    /// has emitted by default since 4.0.19.
    MainNopie,
    /// A side module (`-shared`).
    Side,
    /// A module assembled from WAT as is.
    Wat,
    /// A file copied from the sources as is (e.g. a non-wasm file).
    Raw,
    /// A symbolic link whose target is `sources[0]` taken literally (`{build}` stands for the
    /// host path of the case's build directory).
    Symlink,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModuleSpec {
    /// Output path relative to the case's root (`main.wasm`, `lib/libfoo.so`).
    pub out: String,
    pub kind: Kind,
    pub sources: Vec<String>,
    /// Libraries to link against (`-l` names) and where to find them (relative to the root).
    #[serde(default)]
    pub libs: Vec<String>,
    #[serde(default)]
    pub lib_dirs: Vec<String>,
    #[serde(default)]
    pub cflags: Vec<String>,
    #[serde(default)]
    pub ldflags: Vec<String>,
    /// RUNPATH entries written into dylink.0 after linking (wasm-ld has no `-rpath` for wasm).
    #[serde(default)]
    pub runpath: Vec<String>,
    /// Optional support sources (in `conformance/support/opt`) compiled into this module, e.g.
    /// `wasmlink_thread.c` for the thread API.
    #[serde(default)]
    pub support: Vec<String>,
    /// Uses setjmp/longjmp (or C++ exceptions): compiled with wasm exception handling, with
    /// support/eh on the include path (and its sjlj runtime in a main module), and translated to
    /// the standard `try_table` form with Binaryen's wasm-opt.
    #[serde(default)]
    pub exceptions: bool,
    /// This module's build shape, instead of the case's (a library built with threads under a
    /// main built without, to check the linker refuses the mix).
    #[serde(default)]
    pub shape: Option<Shape>,
}

/// A directory of the case's build given to the program at a guest path.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MountSpec {
    /// The directory, relative to the case's build directory (`.` for all of it).
    pub dir: String,
    /// Where the program sees it.
    pub guest: String,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RunSpec {
    /// Main module's guest path without the leading `/` (default: the first `main` module's
    /// output path, which is its guest path under the default mount).
    pub main: Option<String>,
    /// Arguments; `{build}` stands for the host path of the case's build directory (to name
    /// host files that no mount shows).
    #[serde(default)]
    pub args: Vec<String>,
    /// The program's namespace, seen alike by its `dlopen` and its files (default: the whole
    /// build directory at `/`).
    #[serde(default)]
    pub mounts: Vec<MountSpec>,
    #[serde(default)]
    pub env: BTreeMap<String, String>,
    /// `LD_LIBRARY_PATH` entries (guest paths; `{build}` as in `args`).
    #[serde(default)]
    pub ld_library_path: Vec<String>,
    /// Expected standard output, exactly.
    pub stdout: Option<String>,
    #[serde(default)]
    pub exit_code: i32,
    /// Substrings standard error must contain (a link error's message lands there).
    #[serde(default)]
    pub stderr_contains: Vec<String>,
    /// The case checks a load failure: the loader must refuse the tree with an error containing
    /// each of `stderr_contains`.
    #[serde(default)]
    pub expect_load_error: bool,
    /// Needs our host (dlopen ABI, thread spawn): an external loader reports n/a.
    #[serde(default)]
    pub needs_our_host: Option<String>,
    /// Why the case cannot be checked against a native ELF build (absent: it is checked).
    #[serde(default)]
    pub not_native: Option<String>,
    /// `LinkerConfig::safepoint_timeout` for the run, in milliseconds (absent: the default):
    /// a case that must not wait for other threads says how long it may.
    #[serde(default)]
    pub safepoint_timeout_ms: Option<u64>,
}

impl Kind {
    pub fn is_main(self) -> bool {
        matches!(self, Kind::Main | Kind::MainNopie)
    }
}

impl ModuleSpec {
    /// The shape this module is built in, as a member of `case`.
    pub fn shape_in(&self, case: &Case) -> Shape {
        self.shape.unwrap_or(case.shape)
    }
}

impl Case {
    /// Whether a module of the case is built with threads (its memory shared).
    pub fn uses_threads(&self) -> bool {
        self.shape == Shape::Threads || self.modules.iter().any(|m| m.shape == Some(Shape::Threads))
    }

    /// The namespace of a run whose build directory is `root`.
    pub fn mounts(&self, root: &Path) -> Vec<wasmlink::Mount> {
        if self.run.mounts.is_empty() {
            return vec![wasmlink::Mount::new(root, "/")];
        }
        self.run
            .mounts
            .iter()
            .map(|m| wasmlink::Mount::new(root.join(&m.dir), m.guest.clone()))
            .collect()
    }

    /// The host path, under build directory `root`, of guest path `guest` in this case's
    /// namespace (the native build lays its files out the same way).
    pub fn host_path(&self, root: &Path, guest: &str) -> PathBuf {
        let guest = format!("/{}", guest.trim_start_matches('/'));
        let best = self
            .run
            .mounts
            .iter()
            .filter_map(|m| {
                let g = m.guest.trim_end_matches('/');
                let rest = guest.strip_prefix(g)?;
                (rest.is_empty() || rest.starts_with('/')).then_some((g.len(), &m.dir, rest))
            })
            .max_by_key(|(len, _, _)| *len);
        match best {
            Some((_, dir, rest)) => root.join(dir).join(rest.trim_start_matches('/')),
            None if self.run.mounts.is_empty() => root.join(guest.trim_start_matches('/')),
            // Outside every mount: nowhere (a path that does not exist).
            None => root.join(".outside-every-mount"),
        }
    }

    /// The arguments of a run whose build directory is `root`.
    pub fn args(&self, root: &Path) -> Vec<String> {
        expand_build(&self.run.args, root)
    }

    /// The `LD_LIBRARY_PATH` of a run whose build directory is `root`.
    pub fn ld_library_path(&self, root: &Path) -> Vec<String> {
        expand_build(&self.run.ld_library_path, root)
    }

    pub fn main(&self) -> String {
        self.run.main.clone().unwrap_or_else(|| {
            self.modules
                .iter()
                .find(|m| m.kind.is_main())
                .map(|m| m.out.clone())
                .unwrap_or_else(|| "main.wasm".into())
        })
    }
}

/// `items` with `{build}` replaced by the host path of build directory `root`.
fn expand_build(items: &[String], root: &Path) -> Vec<String> {
    let build = root.to_string_lossy();
    items.iter().map(|a| a.replace("{build}", &build)).collect()
}

/// Loads every case under `cases_dir`, sorted by name.
pub fn load_cases(cases_dir: &Path) -> Result<Vec<Case>, String> {
    let mut out = Vec::new();
    let rd = std::fs::read_dir(cases_dir).map_err(|e| format!("{}: {e}", cases_dir.display()))?;
    for entry in rd {
        let entry = entry.map_err(|e| e.to_string())?;
        let manifest = entry.path().join("case.toml");
        if !manifest.is_file() {
            continue;
        }
        let text = std::fs::read_to_string(&manifest)
            .map_err(|e| format!("{}: {e}", manifest.display()))?;
        let mut case: Case =
            toml::from_str(&text).map_err(|e| format!("{}: {e}", manifest.display()))?;
        case.name = entry.file_name().to_string_lossy().into_owned();
        case.dir = entry.path();
        for (i, &shape) in case.shapes.iter().enumerate() {
            let mut c = case.clone();
            c.shape = shape;
            if i > 0 {
                c.name = format!("{}@{}", case.name, shape.name());
            }
            out.push(c);
        }
    }
    out.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(out)
}

/// The directory holding the case sources.
pub fn cases_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("cases")
}
