//! Drawing a program ([`Tree`]) from a seed: the libraries and their symbols, the `NEEDED` graph
//! with its cycles, where each library is found, what main does with them, the plugins and the
//! jobs. Each decision draws from one SplitMix64 stream, so a seed gives the same program
//! anywhere.

use crate::fuzz::rng::Rng;
use crate::fuzz::tree::{Data, Dir, Func, Job, Lib, Open, OpenFlags, Pointer, Tree};

/// The libraries `needed` names and everything they need in turn.
fn needed_closure(libs: &[Lib], needed: &[String]) -> Vec<String> {
    let mut seen: Vec<String> = Vec::new();
    let mut todo = needed.to_vec();
    while let Some(n) = todo.pop() {
        if seen.contains(&n) {
            continue;
        }
        if let Some(l) = libs.iter().find(|l| l.name == n) {
            todo.extend(l.needed.iter().cloned());
        }
        seen.push(n);
    }
    seen
}

/// Draws a program from `seed`.
pub fn generate(seed: u64) -> Tree {
    let mut r = Rng::new(seed);
    // 1 to 11 libraries besides `core` (with the plugins, up to 13), mostly few: most bugs need
    // few modules, and a small program is quick to build and run.
    let n = if r.chance(1, 5) {
        5 + r.below(7) as usize
    } else {
        1 + r.below(4) as usize
    };
    let mut core = Lib::new("core", Dir::Lib);
    core.data.push(Data {
        name: "core_counter".into(),
        value: 0,
        weak: false,
    });
    let mut libs = vec![core];
    // Every function defined so far, with its module: later ones may call them.
    let mut defined: Vec<(String, String)> = Vec::new();
    let mut datas: Vec<(String, String)> = vec![("core".into(), "core_counter".into())];
    let dup_funcs = r.below(3) as usize;
    let dup_data = r.below(3) as usize;
    for i in 0..n {
        let lib = draw_lib(
            &mut r,
            i,
            &libs,
            &mut defined,
            &mut datas,
            (dup_funcs, dup_data),
        );
        libs.push(lib);
    }
    add_cycles(&mut r, &mut libs);
    keep_ordered_destructors(&mut libs);
    let mut plugins = draw_plugins(&mut r, &libs, &defined, &datas);
    // Main links against every library, in a random order: the global scope's order, which
    // decides between duplicated symbols (main may only name what it links against).
    let mut main_needed: Vec<String> = libs.iter().map(|l| l.name.clone()).collect();
    for i in (1..main_needed.len()).rev() {
        let j = r.below(i as u64 + 1) as usize;
        main_needed.swap(i, j);
    }
    // Main needs every library, so it has a RUNPATH when one is in lib2; the other modules have
    // one by chance: a library already loaded is found without (glibc matches a NEEDED name
    // against the loaded libraries before it searches).
    let in_lib2: Vec<String> = libs
        .iter()
        .filter(|l| l.dir == Dir::Runpath)
        .map(|l| l.name.clone())
        .collect();
    for l in libs.iter_mut().chain(plugins.iter_mut()) {
        l.runpath = r.chance(1, 3);
    }
    let mut t = main_uses(&mut r, seed, libs, plugins, main_needed);
    t.main_runpath = !in_lib2.is_empty() || r.chance(1, 4);
    // Jobs: plugins opened, called and closed again, some on several threads at once.
    if !t.plugins.is_empty() {
        for _ in 0..r.below(4) {
            let p = &t.plugins[r.below(t.plugins.len() as u64) as usize];
            t.jobs.push(Job {
                plugin: p.name.clone(),
                rounds: 1 + r.below(8) as u32,
            });
        }
    }
    // Drawn last, so that the rest of a seed's program is what it was before hidden symbols.
    add_hidden(&mut r, &mut t.libs);
    t
}

/// Start-up library `l{i}`: its `NEEDED` list (earlier libraries), constructor, destructor,
/// directory, symbols (`fill`), and its definitions of the `dups` duplicated names (functions,
/// data) with their `RTLD_NEXT` wrappers.
fn draw_lib(
    r: &mut Rng,
    i: usize,
    libs: &[Lib],
    defined: &mut Vec<(String, String)>,
    datas: &mut Vec<(String, String)>,
    dups: (usize, usize),
) -> Lib {
    let (dup_funcs, dup_data) = dups;
    let name = format!("l{i}");
    // NEEDED: earlier libraries only (a DAG; cycles are through the global scope).
    let mut needed: Vec<String> = libs
        .iter()
        .skip(1)
        .filter(|_| r.chance(1, 3))
        .map(|l| l.name.clone())
        .collect();
    let ctor = r.chance(1, 2);
    if ctor {
        needed.push("core".into());
    }
    let dir = match r.below(4) {
        0 => Dir::Runpath,
        1 => Dir::Env,
        _ => Dir::Lib,
    };
    let mut lib = Lib::new(name, dir);
    lib.needed = needed;
    lib.ctor = ctor;
    lib.dtor = r.chance(1, 3);
    fill(r, &mut lib, defined, datas, libs);
    // A duplicate only where no library this one links against defines the name: wasm-ld
    // drops a library's own weak definition when a library on its link line defines the
    // symbol, where an ELF linker keeps it (docs/conformance.md, "Fuzzing").
    let below = needed_closure(libs, &lib.needed);
    let defined_below = |name: &str| {
        libs.iter().filter(|l| below.contains(&l.name)).any(|l| {
            l.funcs.iter().any(|f| f.name == name) || l.data.iter().any(|d| d.name == name)
        })
    };
    for d in 0..dup_funcs {
        if r.chance(1, 2) && !defined_below(&format!("dup_f{d}")) {
            lib.funcs.push(Func {
                name: format!("dup_f{d}"),
                mul: 1,
                add: 100 * (i as i32 + 1) + d as i32,
                calls: None,
                weak: r.chance(1, 3),
            });
        }
    }
    // Wrappers of its duplicated functions through RTLD_NEXT.
    lib.next_wrappers = lib
        .funcs
        .iter()
        .filter(|f| f.name.starts_with("dup_") && r.chance(1, 2))
        .map(|f| f.name.clone())
        .collect();
    for d in 0..dup_data {
        if r.chance(1, 2) && !defined_below(&format!("dup_d{d}")) {
            lib.data.push(Data {
                name: format!("dup_d{d}"),
                value: 1000 * (i as i32 + 1) + d as i32,
                weak: r.chance(1, 3),
            });
        }
    }
    lib
}

/// Up to two plugins, each needing some start-up libraries, some with a constructor.
fn draw_plugins(
    r: &mut Rng,
    libs: &[Lib],
    defined: &[(String, String)],
    datas: &[(String, String)],
) -> Vec<Lib> {
    let plugin_count = r.below(3) as usize;
    let mut plugins = Vec::new();
    for k in 0..plugin_count {
        let mut p = Lib::new(format!("p{k}"), Dir::Plugins);
        p.needed = libs
            .iter()
            .skip(1)
            .filter(|_| r.chance(1, 3))
            .map(|l| l.name.clone())
            .collect();
        // A constructor that runs at dlopen, after the start-up ones, and takes the address of a
        // function of the global scope.
        let targets: Vec<&(String, String)> = defined
            .iter()
            .filter(|(_, f)| !f.starts_with("dup_"))
            .collect();
        if !targets.is_empty() && r.chance(1, 2) {
            p.ctor = true;
            p.ctor_target = Some(targets[r.below(targets.len() as u64) as usize].1.clone());
            if !p.needed.iter().any(|n| n == "core") {
                p.needed.push("core".into());
            }
        }
        // A plugin calls only start-up libraries (the global scope) and itself.
        let mut scoped = defined.to_vec();
        let mut scoped_data = datas.to_vec();
        fill(r, &mut p, &mut scoped, &mut scoped_data, libs);
        plugins.push(p);
    }
    plugins
}

/// Hidden functions and data in some start-up libraries; sometimes one named as a duplicated
/// function or datum other libraries export (and this one does not).
fn add_hidden(r: &mut Rng, libs: &mut [Lib]) {
    let dup_data: Vec<String> = libs
        .iter()
        .flat_map(|l| l.data.iter())
        .filter(|d| d.name.starts_with("dup_"))
        .map(|d| d.name.clone())
        .collect();
    let dups: Vec<String> = libs
        .iter()
        .flat_map(|l| l.funcs.iter())
        .filter(|f| f.name.starts_with("dup_"))
        .map(|f| f.name.clone())
        .collect();
    for (i, l) in libs.iter_mut().enumerate().skip(1) {
        if !r.chance(1, 3) {
            continue;
        }
        for k in 0..1 + r.below(2) {
            l.hidden.push(Func {
                name: format!("{}_h{k}", l.name),
                mul: 1 + r.below(7) as i32,
                add: r.below(100) as i32,
                calls: None,
                weak: false,
            });
        }
        let free: Vec<&String> = dups
            .iter()
            .filter(|d| !l.funcs.iter().any(|f| &&f.name == d))
            .collect();
        if !free.is_empty() && r.chance(1, 2) {
            l.hidden.push(Func {
                name: free[r.below(free.len() as u64) as usize].clone(),
                mul: 3,
                add: 7000 + i as i32,
                calls: None,
                weak: false,
            });
        }
        if r.chance(1, 2) {
            l.hidden_data.push(Data {
                name: format!("{}_hd0", l.name),
                value: r.below(1000) as i32,
                weak: false,
            });
        }
        let free: Vec<&String> = dup_data
            .iter()
            .filter(|d| !l.data.iter().any(|x| &&x.name == d))
            .collect();
        if !free.is_empty() && r.chance(1, 3) {
            l.hidden_data.push(Data {
                name: free[r.below(free.len() as u64) as usize].clone(),
                value: 9000 + i as i32,
                weak: false,
            });
        }
    }
}

/// `NEEDED` cycles: some libraries also need a library made after them (which may need them in
/// turn, directly or through others). Such a library is built twice (`emit.rs`). Not where the
/// later library's tree defines a duplicated symbol the library defines too: wasm-ld would drop
/// the library's weak definition (see `generate`).
fn add_cycles(r: &mut Rng, libs: &mut [Lib]) {
    for i in 1..libs.len() {
        if !r.chance(1, 4) {
            continue;
        }
        let dups: Vec<String> = libs[i]
            .funcs
            .iter()
            .map(|f| f.name.clone())
            .chain(libs[i].data.iter().map(|d| d.name.clone()))
            .filter(|n| n.starts_with("dup_"))
            .collect();
        let later: Vec<String> = libs[i + 1..]
            .iter()
            .filter(|l| {
                let tree = needed_closure(libs, std::slice::from_ref(&l.name));
                !libs.iter().filter(|x| tree.contains(&x.name)).any(|x| {
                    x.funcs.iter().any(|f| dups.contains(&f.name))
                        || x.data.iter().any(|d| dups.contains(&d.name))
                })
            })
            .map(|l| l.name.clone())
            .collect();
        if later.is_empty() {
            continue;
        }
        let pick = later[r.below(later.len() as u64) as usize].clone();
        libs[i].needed.push(pick);
    }
}

/// Destructors only on libraries the `NEEDED` graph puts in one order, outside cycles: glibc
/// orders destructors by a sort of its own at exit, which may put two unrelated libraries the
/// other way round from the reverse of their constructors, the order on wasm, where each
/// library's destructors are `atexit` handlers its constructors register (docs/abi.md).
fn keep_ordered_destructors(libs: &mut [Lib]) {
    let below: Vec<Vec<String>> = libs
        .iter()
        .map(|l| needed_closure(libs, &l.needed))
        .collect();
    let mut kept: Vec<usize> = Vec::new();
    for i in 0..libs.len() {
        if !libs[i].dtor {
            continue;
        }
        let in_cycle = below[i].contains(&libs[i].name);
        let ordered = kept
            .iter()
            .all(|&k| below[i].contains(&libs[k].name) || below[k].contains(&libs[i].name));
        if in_cycle || !ordered {
            libs[i].dtor = false;
        } else {
            kept.push(i);
        }
    }
}

/// Fills `lib` with functions, data, pointers and TLS.
fn fill(
    r: &mut Rng,
    lib: &mut Lib,
    defined: &mut Vec<(String, String)>,
    datas: &mut Vec<(String, String)>,
    libs: &[Lib],
) {
    let name = lib.name.clone();
    for j in 0..1 + r.below(3) {
        let calls = (!defined.is_empty() && r.chance(1, 2))
            .then(|| defined[r.below(defined.len() as u64) as usize].1.clone());
        let f = format!("{name}_f{j}");
        lib.funcs.push(Func {
            name: f.clone(),
            mul: 1 + r.below(7) as i32,
            add: r.below(100) as i32,
            calls,
            weak: r.chance(1, 6),
        });
        defined.push((name.clone(), f));
    }
    for j in 0..r.below(3) {
        let d = format!("{name}_d{j}");
        lib.data.push(Data {
            name: d.clone(),
            value: r.below(1000) as i32,
            weak: false,
        });
        datas.push((name.clone(), d));
    }
    // Pointers to data and functions of any start-up library (or this one).
    for j in 0..r.below(3) {
        let function = r.chance(1, 2);
        let pool = if function { &*defined } else { &*datas };
        let candidates: Vec<&(String, String)> = pool
            .iter()
            .filter(|(m, _)| *m == name || libs.iter().any(|l| &l.name == m))
            .collect();
        if candidates.is_empty() {
            continue;
        }
        let target = candidates[r.below(candidates.len() as u64) as usize]
            .1
            .clone();
        lib.pointers.push(Pointer {
            name: format!("{name}_p{j}"),
            target,
            function,
        });
    }
    for j in 0..r.below(2) {
        lib.tls.push(Data {
            name: format!("{name}_t{j}"),
            value: r.below(50) as i32,
            weak: false,
        });
    }
}

/// What main does with the libraries: every function called, data read, pointers compared,
/// TLS written and read back, the duplicated symbols resolved, plugins opened.
fn main_uses(
    r: &mut Rng,
    seed: u64,
    libs: Vec<Lib>,
    plugins: Vec<Lib>,
    main_needed: Vec<String>,
) -> Tree {
    let mut t = Tree {
        seed,
        libs,
        plugins,
        main_needed,
        calls: vec![],
        reads: vec![],
        tls: vec![],
        fn_identity: vec![],
        data_identity: vec![],
        weak_undefined: r.chance(1, 2),
        opens: vec![],
        jobs: vec![],
        main_runpath: false,
    };
    let mut dup_f: Vec<String> = Vec::new();
    let mut dup_d: Vec<String> = Vec::new();
    for l in &t.libs {
        for f in &l.funcs {
            if f.name.starts_with("dup_") {
                if !dup_f.contains(&f.name) {
                    dup_f.push(f.name.clone());
                }
            } else {
                t.calls.push((f.name.clone(), r.below(50) as i32));
            }
        }
        for d in &l.data {
            if d.name.starts_with("dup_") {
                if !dup_d.contains(&d.name) {
                    dup_d.push(d.name.clone());
                }
            } else if d.name != "core_counter" {
                t.reads.push(d.name.clone());
            }
        }
        for p in &l.pointers {
            let pair = (p.name.clone(), p.target.clone());
            if p.function {
                t.fn_identity.push(pair);
            } else {
                t.data_identity.push(pair);
            }
        }
        t.tls.extend(l.tls.iter().map(|d| d.name.clone()));
    }
    t.calls.extend(dup_f.into_iter().map(|f| (f, 1)));
    t.reads.extend(dup_d);
    let flags = [
        OpenFlags::NowLocal,
        OpenFlags::LazyLocal,
        OpenFlags::NowGlobal,
        OpenFlags::NowLocalNodelete,
    ];
    for p in &t.plugins {
        t.opens.push(Open {
            plugin: p.name.clone(),
            flags: flags[r.below(4) as usize],
            close: r.chance(1, 2),
        });
    }
    t
}
