//! The project checks its own shape, so that it does not drift while nobody looks:
//!
//! - no import cycle between the files of any crate of the workspace (a file is a module; it
//!   depends on every module a `crate::`, `super::` or `self::` path in it names, `use` groups
//!   included; a parent naming its own children, as `mod x;` and re-exports do, is no edge);
//! - no layer of linker-core imports a layer above it (docs/architecture.md).
//!
//! (`tests/docs.rs` checks the documents.)

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The repository's root (this crate's manifest directory).
fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A module path: `["metadata", "reader"]` for `metadata/reader.rs`; the crate root is `[]`.
type ModPath = Vec<String>;

/// The modules of one crate's `src/`, each with its file.
fn modules(src: &Path) -> BTreeMap<ModPath, PathBuf> {
    let mut out = BTreeMap::new();
    let mut stack = vec![src.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let p = entry.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|e| e == "rs") {
                let rel = p.strip_prefix(src).unwrap().with_extension("");
                let mut m: ModPath = rel
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect();
                if matches!(m.last().map(String::as_str), Some("mod" | "lib" | "main")) {
                    m.pop();
                }
                out.insert(m, p);
            }
        }
    }
    out
}

/// The text of a file without comments, string and character literals, and its trailing unit
/// tests (`#[cfg(test)] mod tests { ... }`), which may name anything of the crate.
fn code_of(text: &str) -> String {
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'/' if b.get(i + 1) == Some(&b'/') => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                let mut depth = 0;
                while i < b.len() {
                    if b[i] == b'/' && b.get(i + 1) == Some(&b'*') {
                        depth += 1;
                        i += 2;
                    } else if b[i] == b'*' && b.get(i + 1) == Some(&b'/') {
                        depth -= 1;
                        i += 2;
                        if depth == 0 {
                            break;
                        }
                    } else {
                        i += 1;
                    }
                }
            }
            b'r' if matches!(b.get(i + 1), Some(b'"' | b'#'))
                && (i == 0 || !is_ident(b[i - 1])) =>
            {
                // A raw string: r"...", r#"..."#.
                let mut j = i + 1;
                let mut hashes = 0;
                while b.get(j) == Some(&b'#') {
                    hashes += 1;
                    j += 1;
                }
                if b.get(j) != Some(&b'"') {
                    out.push('r');
                    i += 1;
                    continue;
                }
                let close: Vec<u8> = std::iter::once(b'"')
                    .chain(std::iter::repeat_n(b'#', hashes))
                    .collect();
                j += 1;
                while j < b.len() && !b[j..].starts_with(&close) {
                    j += 1;
                }
                i = j + close.len();
                out.push_str("\"\"");
            }
            b'"' => {
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
                i += 1;
                out.push_str("\"\"");
            }
            b'\'' if b.get(i + 2) == Some(&b'\'') || b.get(i + 1) == Some(&b'\\') => {
                // A character literal ('x', '\n', '\u{..}'); a lifetime has no closing quote.
                let mut j = i + 1;
                while j < b.len() && b[j] != b'\'' {
                    j += if b[j] == b'\\' { 2 } else { 1 };
                }
                i = j + 1;
                out.push_str("' '");
            }
            c => {
                out.push(c as char);
                i += 1;
            }
        }
    }
    // Unit tests at the end of a file.
    if let Some(at) = out.find("#[cfg(test)]") {
        let rest = out[at + "#[cfg(test)]".len()..].trim_start();
        if rest.starts_with("mod tests") || rest.starts_with("pub(crate) mod tests") {
            out.truncate(at);
        }
    }
    out
}

fn is_ident(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

/// Every path in `code` that starts at `crate`, `super` or `self`, with `use` groups expanded:
/// `super::{a, b::C}` gives `super::a` and `super::b::C`.
fn paths(code: &str) -> Vec<String> {
    let b = code.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let start_ok = i == 0 || !(is_ident(b[i - 1]) || b[i - 1] == b':');
        let word = ["crate", "super", "self"].into_iter().find(|w| {
            code[i..].starts_with(w) && !b.get(i + w.len()).is_some_and(|&c| is_ident(c))
        });
        let (true, Some(w)) = (start_ok, word) else {
            i += 1;
            continue;
        };
        // The path: words joined by `::`, possibly ending in a `{ ... }` group.
        let mut j = i + w.len();
        let mut path = w.to_string();
        loop {
            let rest = code[j..].trim_start();
            let Some(after) = rest.strip_prefix("::") else {
                break;
            };
            let after = after.trim_start();
            j = code.len() - after.len();
            if after.starts_with('{') {
                let mut depth = 0;
                let mut k = j;
                for (n, c) in code[j..].char_indices() {
                    depth += match c {
                        '{' => 1,
                        '}' => -1,
                        _ => 0,
                    };
                    if depth == 0 {
                        k = j + n + 1;
                        break;
                    }
                }
                path.push_str("::");
                path.push_str(&code[j..k]);
                j = k;
                break;
            }
            let len = after.bytes().take_while(|&c| is_ident(c)).count();
            if len == 0 {
                break;
            }
            path.push_str("::");
            path.push_str(&after[..len]);
            j += len;
        }
        // A bare `crate`, `super` or `self` (`pub(crate)`, `self.x`) names no module.
        if path.contains("::") {
            out.extend(expand(&path));
        }
        i = j.max(i + 1);
    }
    out
}

/// `a::{b, c::{D, e}}` -> `a::b`, `a::c::D`, `a::c::e`.
fn expand(path: &str) -> Vec<String> {
    let Some(open) = path.find('{') else {
        // `a :: b as c` -> `a::b as c`.
        let segs: Vec<String> = path
            .split("::")
            .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
            .collect();
        return vec![segs.join("::")];
    };
    let head = &path[..open];
    let inner = &path[open + 1..path.rfind('}').unwrap_or(path.len())];
    let mut items = Vec::new();
    let (mut depth, mut cur) = (0, String::new());
    for c in inner.chars() {
        match c {
            ',' if depth == 0 => items.push(std::mem::take(&mut cur)),
            '{' => {
                depth += 1;
                cur.push(c)
            }
            '}' => {
                depth -= 1;
                cur.push(c)
            }
            _ => cur.push(c),
        }
    }
    items.push(cur);
    items
        .iter()
        .map(|it| it.trim())
        .filter(|it| !it.is_empty())
        .flat_map(|it| expand(&format!("{head}{it}")))
        .collect()
}

/// The deepest module of `known` that `path` names, seen from module `me`.
fn resolve(me: &ModPath, path: &str, known: &BTreeMap<ModPath, PathBuf>) -> ModPath {
    let mut segs = path.split("::").filter(|s| !s.is_empty()).peekable();
    let mut cur: ModPath = if segs.peek() == Some(&"crate") {
        segs.next();
        Vec::new()
    } else {
        let mut cur = me.clone();
        while let Some(&s) = segs.peek() {
            match s {
                "self" => {}
                "super" => {
                    cur.pop();
                }
                _ => break,
            }
            segs.next();
        }
        cur
    };
    let mut best = cur.clone();
    for s in segs {
        cur.push(s.split(" as ").next().unwrap_or(s).trim().to_string());
        if known.contains_key(&cur) {
            best = cur.clone();
        } else {
            break;
        }
    }
    best
}

/// Each module's dependencies on other modules of its crate.
fn graph(src: &Path) -> BTreeMap<ModPath, BTreeSet<ModPath>> {
    let known = modules(src);
    let mut edges = BTreeMap::new();
    for (m, file) in &known {
        let code = code_of(&std::fs::read_to_string(file).unwrap());
        let deps: BTreeSet<ModPath> = paths(&code)
            .iter()
            .map(|p| resolve(m, p, &known))
            .filter(|t| t != m && !t.starts_with(m) && known.contains_key(t))
            .collect();
        edges.insert(m.clone(), deps);
    }
    edges
}

/// The strongly connected components of more than one module (Tarjan's algorithm).
fn cycles(edges: &BTreeMap<ModPath, BTreeSet<ModPath>>) -> Vec<Vec<ModPath>> {
    struct Tarjan<'a> {
        edges: &'a BTreeMap<ModPath, BTreeSet<ModPath>>,
        index: BTreeMap<&'a ModPath, usize>,
        low: BTreeMap<&'a ModPath, usize>,
        stack: Vec<&'a ModPath>,
        on: BTreeSet<&'a ModPath>,
        out: Vec<Vec<ModPath>>,
    }
    impl<'a> Tarjan<'a> {
        fn visit(&mut self, v: &'a ModPath) {
            let n = self.index.len();
            self.index.insert(v, n);
            self.low.insert(v, n);
            self.stack.push(v);
            self.on.insert(v);
            for w in &self.edges[v] {
                if !self.index.contains_key(w) {
                    self.visit(w);
                    let lw = self.low[w];
                    let lv = self.low.get_mut(v).unwrap();
                    *lv = (*lv).min(lw);
                } else if self.on.contains(w) {
                    let iw = self.index[w];
                    let lv = self.low.get_mut(v).unwrap();
                    *lv = (*lv).min(iw);
                }
            }
            if self.low[v] == self.index[v] {
                let mut comp = Vec::new();
                while let Some(w) = self.stack.pop() {
                    self.on.remove(w);
                    comp.push(w.clone());
                    if w == v {
                        break;
                    }
                }
                if comp.len() > 1 {
                    comp.sort();
                    self.out.push(comp);
                }
            }
        }
    }
    let mut t = Tarjan {
        edges,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on: BTreeSet::new(),
        out: Vec::new(),
    };
    for v in edges.keys() {
        if !t.index.contains_key(v) {
            t.visit(v);
        }
    }
    t.out
}

/// The `src/` folders of every crate of the workspace.
fn crate_sources() -> Vec<PathBuf> {
    [
        "src",
        "linker-core/src",
        "backend-wasmer/src",
        "backend-wasmtime/src",
        "conformance/src",
    ]
    .iter()
    .map(|s| repo().join(s))
    .collect()
}

fn show(m: &ModPath) -> String {
    if m.is_empty() {
        "(crate root)".into()
    } else {
        m.join("::")
    }
}

#[test]
fn no_crate_has_an_import_cycle_between_files() {
    let mut found = Vec::new();
    for src in crate_sources() {
        for c in cycles(&graph(&src)) {
            let names: Vec<String> = c.iter().map(show).collect();
            found.push(format!("{}: {}", src.display(), names.join(" <-> ")));
        }
    }
    assert!(found.is_empty(), "import cycles:\n{}", found.join("\n"));
}

#[test]
fn the_cycle_check_sees_super_and_use_groups() {
    // The checker itself: a cycle through `super::` and a `use` group is found, a parent's
    // re-export of its child is not one, and comments and strings name nothing.
    let code = code_of(
        "use super::{a::X, b};\n// crate::c\nlet s = \"crate::d\";\nuse crate::e::{f as g, h::{I, j}};\n\
         #[cfg(test)]\nmod tests { use crate::z; }",
    );
    let got = paths(&code);
    assert_eq!(
        got,
        [
            "super::a::X",
            "super::b",
            "crate::e::f as g",
            "crate::e::h::I",
            "crate::e::h::j"
        ]
    );
    let m = |s: &str| -> ModPath { s.split('/').map(String::from).collect() };
    let edges: BTreeMap<ModPath, BTreeSet<ModPath>> = [
        (vec![], BTreeSet::from([m("p")])),
        (m("p"), BTreeSet::from([m("p/a")])),
        (m("p/a"), BTreeSet::from([m("p/b")])),
        (m("p/b"), BTreeSet::from([m("p/a")])),
    ]
    .into_iter()
    .collect();
    assert_eq!(cycles(&edges), vec![vec![m("p/a"), m("p/b")]]);
}

/// linker-core's layers, lowest first (docs/architecture.md): each imports only layers below it
/// (and itself). The plan is engine-free: it sits below the engine traits.
const CORE_LAYERS: &[&[&str]] = &[
    &["types", "symbol_map"],
    &["error"],
    &["metadata"],
    &["plan"],
    &["engine"],
    &["coordinator"],
    &["stubs"],
    &["runtime"],
    &["dlfcn"],
    &["process"],
    // Entry points for the cargo-fuzz targets (linker-core/fuzz), over the plan and the stubs.
    &["fuzzing"],
];

fn core_layer(m: &ModPath) -> Option<usize> {
    let top = m.first()?;
    CORE_LAYERS.iter().position(|l| l.contains(&top.as_str()))
}

#[test]
fn linker_core_layers_import_only_downward() {
    let upward = upward_imports(&graph(&repo().join("linker-core/src")));
    assert!(upward.is_empty(), "{}", upward.join("\n"));
    // The check itself: an engine-free plan file naming the runtime is caught.
    let m = |s: &str| -> ModPath { s.split('/').map(String::from).collect() };
    let bad: BTreeMap<ModPath, BTreeSet<ModPath>> = [(
        m("plan/bind"),
        BTreeSet::from([m("runtime/state"), m("metadata")]),
    )]
    .into_iter()
    .collect();
    assert_eq!(
        upward_imports(&bad),
        ["plan::bind imports runtime::state, a higher layer"]
    );
}

/// The imports of linker-core's modules that go to a higher layer.
fn upward_imports(edges: &BTreeMap<ModPath, BTreeSet<ModPath>>) -> Vec<String> {
    let mut upward = Vec::new();
    for (m, deps) in edges {
        if m.is_empty() {
            continue;
        }
        let Some(from) = core_layer(m) else {
            upward.push(format!("{} is in no layer: add it to CORE_LAYERS", show(m)));
            continue;
        };
        for d in deps {
            if core_layer(d).is_some_and(|to| to > from) {
                upward.push(format!("{} imports {}, a higher layer", show(m), show(d)));
            }
        }
    }
    upward
}
