//! The model of a random program made of shared libraries (drawn by `generate.rs`), which the
//! minimiser cuts down and `emit.rs` writes out as C: libraries
//! with exported functions and data, pointers to other modules' data and functions (relocations),
//! thread-local variables, symbols defined in several libraries (the scope's order decides),
//! weak definitions, constructors that record their order and destructors that print at exit,
//! calls across modules (cycles through the global scope included), wrappers that reach the next
//! definition of a duplicated function with `dlsym(RTLD_NEXT)`, libraries found through the
//! default directory, a `RUNPATH` (`$ORIGIN`-relative) or `LD_LIBRARY_PATH`, plugins the program
//! `dlopen`s with random flags, and jobs that open, call and close plugins (on threads of their
//! own in the threads shape, one after the other otherwise: the output is the same).
//!
//! Only what ELF and the wasm dynamic-linking convention agree on is generated (docs/abi.md):
//! a module never calls or reads a symbol it defines itself when another module defines it too
//! (wasm-ld binds such a reference inside its module, an ELF linker through the PLT or GOT);
//! constructors reach only libraries below them in the `NEEDED` graph; a library's calls go to
//! functions defined earlier in the whole program, so no call recurses.

/// A function defined in a module: `int NAME(int x) { return x * mul + add [+ CALLEE(x & 7)]; }`.
#[derive(Clone, Debug)]
pub struct Func {
    pub name: String,
    pub mul: i32,
    pub add: i32,
    /// A function of another module it calls (defined earlier in the program).
    pub calls: Option<String>,
    /// Defined weak.
    pub weak: bool,
}

/// `int NAME = value;`
#[derive(Clone, Debug)]
pub struct Data {
    pub name: String,
    pub value: i32,
    pub weak: bool,
}

/// `int *NAME = &TARGET;` or `int (*NAME)(int) = TARGET;`.
#[derive(Clone, Debug)]
pub struct Pointer {
    pub name: String,
    pub target: String,
    pub function: bool,
}

/// One library (or plugin).
#[derive(Clone, Debug)]
pub struct Lib {
    /// `l3` gives `lib/libl3.so`; a plugin `p1` gives `plugins/libp1.so`.
    pub name: String,
    /// Libraries it is linked against (its `NEEDED`), by name.
    pub needed: Vec<String>,
    pub funcs: Vec<Func>,
    pub data: Vec<Data>,
    pub pointers: Vec<Pointer>,
    /// `_Thread_local int NAME = value;`, read back through `NAME_get()`.
    pub tls: Vec<Data>,
    /// A constructor records its place in the order constructors ran (`NAME_ctor_order`).
    pub ctor: bool,
    /// A plugin's constructor also stores the address of this start-up function
    /// (`NAME_ctor_fp`), which main compares with the address it takes itself.
    pub ctor_target: Option<String>,
    /// A destructor prints its library's name at exit (start-up libraries only: musl runs a
    /// library's destructors at exit, never at `dlclose`, docs/abi.md).
    pub dtor: bool,
    /// Duplicated functions this library defines and wraps: `NAME_next_DUP()` calls the next
    /// definition of `DUP` after this library, found with `dlsym(RTLD_NEXT)`.
    pub next_wrappers: Vec<String>,
    /// Hidden functions (`visibility("hidden")`: not exported), each called by main through an
    /// exported wrapper `NAME_via_HIDDEN`. One may have the name of a duplicated function other
    /// libraries export: the library's own calls still reach its hidden one.
    pub hidden: Vec<Func>,
    /// Hidden data, read by main through `NAME_get_HIDDEN()`; one may have the name of a
    /// duplicated datum other libraries export.
    pub hidden_data: Vec<Data>,
    /// Where the library file is, which decides how it is found.
    pub dir: Dir,
    /// The module has a `RUNPATH` naming `lib2` relative to its own directory.
    pub runpath: bool,
}

impl Lib {
    /// A library named `name` in `dir`, with nothing in it yet.
    pub fn new(name: impl Into<String>, dir: Dir) -> Lib {
        Lib {
            name: name.into(),
            needed: vec![],
            funcs: vec![],
            data: vec![],
            pointers: vec![],
            tls: vec![],
            ctor: false,
            ctor_target: None,
            dtor: false,
            next_wrappers: vec![],
            hidden: vec![],
            hidden_data: vec![],
            dir,
            runpath: false,
        }
    }
}

/// Where a library is: how the loader finds it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dir {
    /// `/lib`, a default directory.
    Lib,
    /// `/lib2`, found only through the `RUNPATH` of the module that needs it.
    Runpath,
    /// `/lib3`, found only through `LD_LIBRARY_PATH`.
    Env,
    /// `/plugins` (through `LD_LIBRARY_PATH`): plugins.
    Plugins,
}

impl Dir {
    pub fn path(self) -> &'static str {
        match self {
            Dir::Lib => "lib",
            Dir::Runpath => "lib2",
            Dir::Env => "lib3",
            Dir::Plugins => "plugins",
        }
    }
}

/// Work a job does on its own (a thread in the threads shape): `rounds` times, `dlopen` the
/// plugin (`RTLD_NOW`), look up and call each of its functions and read each thread-local
/// variable's initial value, `dlclose` it; the checksum of what it saw is printed after all jobs
/// are done.
#[derive(Clone, Debug)]
pub struct Job {
    pub plugin: String,
    pub rounds: u32,
}

/// How the program `dlopen`s a plugin.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OpenFlags {
    NowLocal,
    LazyLocal,
    NowGlobal,
    NowLocalNodelete,
}

impl OpenFlags {
    pub fn c(self) -> &'static str {
        match self {
            OpenFlags::NowLocal => "RTLD_NOW",
            OpenFlags::LazyLocal => "RTLD_LAZY",
            OpenFlags::NowGlobal => "RTLD_NOW | RTLD_GLOBAL",
            OpenFlags::NowLocalNodelete => "RTLD_NOW | RTLD_NODELETE",
        }
    }
}

/// A plugin opened at run time.
#[derive(Clone, Debug)]
pub struct Open {
    pub plugin: String,
    pub flags: OpenFlags,
    /// `dlclose` it after use, then ask whether it is still loaded (`RTLD_NOLOAD`).
    pub close: bool,
}

/// The whole program.
#[derive(Clone, Debug)]
pub struct Tree {
    pub seed: u64,
    /// Start-up libraries; the first, `core`, holds the constructors' counter and is needed by
    /// every library with a constructor.
    pub libs: Vec<Lib>,
    pub plugins: Vec<Lib>,
    /// What the main module links against.
    pub main_needed: Vec<String>,
    /// What main prints: calls of these functions, with their argument.
    pub calls: Vec<(String, i32)>,
    /// Data it prints.
    pub reads: Vec<String>,
    /// Thread-local variables it writes, then reads back through their library.
    pub tls: Vec<String>,
    /// Function pointers compared with the address main takes of their target.
    pub fn_identity: Vec<(String, String)>,
    /// Data pointers compared with the address main takes of their target.
    pub data_identity: Vec<(String, String)>,
    /// Weak undefined references: a function and a datum nobody defines.
    pub weak_undefined: bool,
    pub opens: Vec<Open>,
    /// Jobs run after the opens.
    pub jobs: Vec<Job>,
    /// Main's `RUNPATH` names `lib2`.
    pub main_runpath: bool,
}
