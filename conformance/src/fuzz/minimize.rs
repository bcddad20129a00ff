//! Cutting a program that differs down to what still makes it differ: libraries, plugins,
//! `NEEDED` edges, symbols, constructors, destructors, wrappers, jobs and main's uses are dropped
//! one at a time (with every reference to what is dropped), and libraries moved back to the
//! default directory, while the difference persists; then the result is written as a case
//! directory with the native build's output as its expected output.

use std::path::{Path, PathBuf};

use crate::fuzz::oracle::{as_case, check, Verdict};
use crate::fuzz::tree::{Dir, Lib, Tree};
use crate::manifest::Shape;
use crate::native;
use crate::runner::EngineKind;

/// `tree` without symbol `name` and every reference to it.
fn drop_symbol(tree: &Tree, name: &str) -> Tree {
    let mut t = tree.clone();
    for l in t.libs.iter_mut().chain(t.plugins.iter_mut()) {
        l.funcs.retain(|f| f.name != name);
        for f in &mut l.funcs {
            if f.calls.as_deref() == Some(name) {
                f.calls = None;
            }
        }
        l.data.retain(|d| d.name != name);
        l.pointers.retain(|p| p.name != name && p.target != name);
        l.tls.retain(|d| d.name != name);
        l.next_wrappers.retain(|d| d != name);
        l.hidden.retain(|h| h.name != name);
        l.hidden_data.retain(|d| d.name != name);
        if l.ctor_target.as_deref() == Some(name) {
            l.ctor_target = None;
        }
    }
    t.calls.retain(|(f, _)| f != name);
    t.reads.retain(|d| d != name);
    t.tls.retain(|d| d != name);
    t.fn_identity.retain(|(p, x)| p != name && x != name);
    t.data_identity.retain(|(p, x)| p != name && x != name);
    t
}

/// Every symbol `l` defines.
fn symbols(l: &Lib) -> Vec<String> {
    l.funcs
        .iter()
        .map(|f| f.name.clone())
        .chain(l.data.iter().map(|d| d.name.clone()))
        .chain(l.pointers.iter().map(|p| p.name.clone()))
        .chain(l.tls.iter().map(|d| d.name.clone()))
        .chain(l.hidden.iter().map(|h| h.name.clone()))
        .chain(l.hidden_data.iter().map(|d| d.name.clone()))
        .collect()
}

/// `tree` without library (or plugin) `name`: its symbols, the references to them, and the
/// `NEEDED` entries naming it.
fn drop_lib(tree: &Tree, name: &str) -> Tree {
    let Some(l) = tree
        .libs
        .iter()
        .chain(&tree.plugins)
        .find(|l| l.name == name)
    else {
        return tree.clone();
    };
    let mut t = tree.clone();
    for s in symbols(l) {
        t = drop_symbol(&t, &s);
    }
    t.libs.retain(|l| l.name != name);
    t.plugins.retain(|l| l.name != name);
    t.opens.retain(|o| o.plugin != name);
    t.jobs.retain(|j| j.plugin != name);
    t.main_needed.retain(|n| n != name);
    for l in t.libs.iter_mut().chain(t.plugins.iter_mut()) {
        l.needed.retain(|n| n != name);
    }
    t
}

/// Smaller programs than `tree`, each one step smaller.
fn candidates(tree: &Tree) -> Vec<Tree> {
    let mut out = Vec::new();
    for l in tree.libs.iter().skip(1).chain(&tree.plugins) {
        out.push(drop_lib(tree, &l.name));
    }
    for i in 0..tree.opens.len() {
        let mut t = tree.clone();
        t.opens.remove(i);
        out.push(t);
    }
    for i in 0..tree.jobs.len() {
        let mut t = tree.clone();
        t.jobs.remove(i);
        out.push(t);
    }
    // One NEEDED edge less (not a constructor's edge to the counter's library), or a library
    // back in the default directory (which needs no RUNPATH).
    let all = || tree.libs.iter().chain(&tree.plugins);
    for (k, l) in all().enumerate() {
        for n in &l.needed {
            if n == "core" && l.ctor {
                continue;
            }
            let mut t = tree.clone();
            let x = t.libs.iter_mut().chain(t.plugins.iter_mut()).nth(k);
            if let Some(x) = x {
                x.needed.retain(|m| m != n);
            }
            out.push(t);
        }
        if l.dir == Dir::Runpath || l.dir == Dir::Env {
            let mut t = tree.clone();
            t.libs[k].dir = Dir::Lib;
            out.push(t);
        }
        if l.runpath {
            let mut t = tree.clone();
            if let Some(x) = t.libs.iter_mut().chain(t.plugins.iter_mut()).nth(k) {
                x.runpath = false;
            }
            out.push(t);
        }
        if l.dtor {
            let mut t = tree.clone();
            t.libs[k].dtor = false;
            out.push(t);
        }
        for d in &l.next_wrappers {
            let mut t = tree.clone();
            t.libs[k].next_wrappers.retain(|w| w != d);
            out.push(t);
        }
    }
    if tree.main_runpath && tree.libs.iter().all(|l| l.dir != Dir::Runpath) {
        let mut t = tree.clone();
        t.main_runpath = false;
        out.push(t);
    }
    for l in tree.libs.iter().chain(&tree.plugins) {
        for s in symbols(l) {
            if s != "core_counter" {
                out.push(drop_symbol(tree, &s));
            }
        }
        if l.ctor {
            let mut t = tree.clone();
            for x in t
                .libs
                .iter_mut()
                .chain(t.plugins.iter_mut())
                .filter(|x| x.name == l.name)
            {
                x.ctor = false;
            }
            out.push(t);
        }
    }
    if tree.weak_undefined {
        let mut t = tree.clone();
        t.weak_undefined = false;
        out.push(t);
    }
    out
}

/// The smallest program found that still differs from the native build on `engine`.
pub fn minimize(tree: &Tree, shape: Shape, engine: EngineKind) -> Tree {
    let name = format!("fuzz-min-{}-{}", tree.seed, shape.name());
    minimize_with(tree, |t| {
        matches!(check(t, shape, &name, engine), Verdict::Differs(_))
    })
}

/// The smallest program reachable from `tree` one step at a time for which `differs` holds.
pub fn minimize_with(tree: &Tree, mut differs: impl FnMut(&Tree) -> bool) -> Tree {
    let mut best = tree.clone();
    while let Some(t) = candidates(&best).into_iter().find(|t| differs(t)) {
        best = t;
    }
    best
}

/// Writes `tree` into `cases_dir` as `fuzz-SEED[-single]`, with the native build's output as its
/// expected output; returns the directory.
pub fn commit(tree: &Tree, shape: Shape, cases_dir: &Path) -> Result<PathBuf, String> {
    let name = match shape {
        Shape::Threads => format!("fuzz-{}", tree.seed),
        Shape::Single => format!("fuzz-{}-single", tree.seed),
    };
    let case = as_case(tree, shape, &name, None)?;
    let native = native::run_case(&case)?;
    let dir = cases_dir.join(&name);
    crate::fuzz::emit::write_case(tree, shape, Some(&native.stdout), &dir)?;
    Ok(dir)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fuzz::generate::generate;

    #[test]
    fn cuts_down_to_what_the_difference_needs() {
        // Seed 3 has five libraries; pretend the difference is l1_f0 being called by main.
        let tree = generate(3);
        let keeps = |t: &Tree| t.calls.iter().any(|(f, _)| f == "l1_f0");
        assert!(keeps(&tree));
        let small = minimize_with(&tree, keeps);
        assert!(keeps(&small));
        assert_eq!(small.calls.len(), 1, "{:?}", small.calls);
        assert!(small.reads.is_empty() && small.opens.is_empty() && small.tls.is_empty());
        let names: Vec<&str> = small.libs.iter().map(|l| l.name.as_str()).collect();
        assert_eq!(names, ["core", "l1"]);
        assert_eq!(small.libs[1].funcs.len(), 1);
    }
}
