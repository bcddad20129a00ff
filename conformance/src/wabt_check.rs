//! Checks our dylink.0 reader against one we did not write: `wasm-objdump -x -j dylink.0`
//! (Debian's wabt), for every module the fixture script builds.

use std::path::Path;
use std::process::Command;

use wasmlink::ModuleInfo;

/// Compares the two readings of `file`; `Ok(false)` when wabt is not installed.
pub fn compare(file: &Path) -> Result<bool, String> {
    let Ok(out) = Command::new("wasm-objdump")
        .args(["-x", "-j", "dylink.0"])
        .arg(file)
        .output()
    else {
        return Ok(false);
    };
    let text = String::from_utf8_lossy(&out.stdout);
    let bytes = std::fs::read(file).map_err(|e| e.to_string())?;
    let ours = match ModuleInfo::parse(&file.display().to_string(), &bytes, true) {
        Ok(i) => i.dylink,
        // A module we reject must be one wabt finds no dylink.0 in, or fails on.
        Err(e) => {
            return if text.contains("mem_size") && out.status.success() {
                Err(format!(
                    "{}: we reject it ({e}) but wabt reads it",
                    file.display()
                ))
            } else {
                Ok(true)
            };
        }
    };
    let field = |name: &str| -> Option<u32> {
        text.lines()
            .find(|l| l.trim_start().starts_with(&format!("- {name}")))
            .and_then(|l| l.split(':').nth(1))
            .and_then(|v| v.trim().parse().ok())
    };
    let mut problems = Vec::new();
    for (name, v) in [
        ("mem_size", ours.mem_size),
        ("mem_p2align", ours.mem_p2align),
        ("table_size", ours.table_size),
        ("table_p2align", ours.table_p2align),
    ] {
        // Without a MEM_INFO subsection wabt prints nothing and the values are 0.
        if field(name).unwrap_or(0) != v {
            problems.push(format!("{name}: ours {v}, wabt {:?}", field(name)));
        }
    }
    // needed_dynlibs and export info, in order.
    let list = |header: &str| -> Vec<String> {
        let mut lines = text
            .lines()
            .skip_while(|l| !l.trim_start().starts_with(header));
        lines.next();
        lines
            .take_while(|l| l.starts_with("  - "))
            .map(|l| l.trim_start_matches("  - ").to_string())
            .collect()
    };
    let needed = list("- needed_dynlibs");
    if needed != ours.needed {
        problems.push(format!("needed: ours {:?}, wabt {needed:?}", ours.needed));
    }
    let exports: Vec<String> = list("- exports")
        .iter()
        .map(|l| l.split(' ').next().unwrap_or("").to_string())
        .collect();
    let mut ours_exports: Vec<String> = ours.export_info.keys().cloned().collect();
    let mut theirs = exports.clone();
    ours_exports.sort();
    theirs.sort();
    if theirs != ours_exports {
        problems.push(format!(
            "export info: ours {ours_exports:?}, wabt {theirs:?}"
        ));
    }
    for l in list("- exports") {
        let name = l.split(' ').next().unwrap_or("");
        if let Some(f) = ours.export_info.get(name) {
            if l.contains(" tls ") != f.tls
                || l.contains("binding=weak") != f.weak
                || l.contains("vis=hidden") != f.hidden
            {
                problems.push(format!("flags of {name}: ours {f:?}, wabt {l}"));
            }
        }
    }
    if problems.is_empty() {
        Ok(true)
    } else {
        Err(format!("{}: {}", file.display(), problems.join("; ")))
    }
}
