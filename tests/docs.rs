//! The documents stand on their own:
//!
//! - no file of the repository points outside it (to the developers' own notes beside it);
//! - every relative link in `README.md` and `docs/*.md` resolves inside the repository.

use std::path::PathBuf;

/// The repository's root (this crate's manifest directory).
fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every file of the repository that git tracks (or, outside a git checkout, every file under
/// the root but build outputs).
fn repository_files() -> Vec<PathBuf> {
    let out = std::process::Command::new("git")
        .args(["ls-files", "-z"])
        .current_dir(repo())
        .output();
    match out {
        Ok(o) if o.status.success() => o
            .stdout
            .split(|&c| c == 0)
            .filter(|p| !p.is_empty())
            .map(|p| repo().join(String::from_utf8_lossy(p).as_ref()))
            .filter(|p| p.is_file())
            .collect(),
        _ => {
            let mut files = Vec::new();
            let mut stack = vec![repo()];
            while let Some(d) = stack.pop() {
                for e in std::fs::read_dir(&d).unwrap().flatten() {
                    let p = e.path();
                    let name = e.file_name();
                    if name == "target" || name == ".git" {
                        continue;
                    }
                    if p.is_dir() {
                        stack.push(p);
                    } else {
                        files.push(p);
                    }
                }
            }
            files
        }
    }
}

#[test]
fn nothing_points_outside_the_repository() {
    // The developers' shared notes are not part of the project: what users need is in docs/.
    let needle = ["..", "/shared/"].concat();
    let mut found = Vec::new();
    for f in repository_files() {
        let Ok(text) = std::fs::read_to_string(&f) else {
            continue;
        };
        for (n, line) in text.lines().enumerate() {
            if line.contains(&needle) {
                found.push(format!("{}:{}: {line}", f.display(), n + 1));
            }
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

/// The prose of a Markdown text: without code blocks (fenced or indented) and code spans, where
/// `](` is code, not a link.
fn prose(text: &str) -> String {
    let mut out = String::new();
    let mut fenced = false;
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
            continue;
        }
        if fenced || line.starts_with("    ") || line.starts_with('\t') {
            continue;
        }
        // Every other piece between backticks is a code span.
        for (i, piece) in line.split('`').enumerate() {
            if i % 2 == 0 {
                out.push_str(piece);
            }
        }
        out.push('\n');
    }
    out
}

#[test]
fn every_relative_link_in_the_docs_resolves() {
    let mut docs = vec![repo().join("README.md")];
    for e in std::fs::read_dir(repo().join("docs")).unwrap().flatten() {
        if e.path().extension().is_some_and(|x| x == "md") {
            docs.push(e.path());
        }
    }
    let mut broken = Vec::new();
    for doc in docs {
        let text = prose(&std::fs::read_to_string(&doc).unwrap());
        // Markdown links: [text](target).
        for (i, _) in text.match_indices("](") {
            let rest = &text[i + 2..];
            let Some(end) = rest.find(')') else { continue };
            let target = rest[..end].split('#').next().unwrap_or("").trim();
            if target.is_empty() || target.contains("://") || target.starts_with("mailto:") {
                continue;
            }
            let path = doc.parent().unwrap().join(target);
            let inside = path
                .canonicalize()
                .is_ok_and(|p| p.starts_with(repo().canonicalize().unwrap()));
            if !inside {
                broken.push(format!("{}: {target}", doc.display()));
            }
        }
    }
    assert!(
        broken.is_empty(),
        "links that do not resolve inside the repository:\n{}",
        broken.join("\n")
    );
}
