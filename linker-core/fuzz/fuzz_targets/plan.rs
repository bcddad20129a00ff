//! Arbitrary trees of dylink.0 modules through the engine-free plan (discovery, load order,
//! layout, scope, binding), as `ldd` runs it: a main module and up to 8 libraries in an in-memory
//! filesystem, each a real wasm module with a `dylink.0` section, with NEEDED lists that may be
//! missing, duplicated or cyclic, data, table and TLS sizes, exports and imports of every kind the
//! linker classifies; sometimes with corrupted bytes. The plan must never panic, an error must be
//! a typed `LinkError` with a message (and, when every module is well formed, not a complaint
//! about the format), and a plan must hold together: disjoint data and table ranges, main first,
//! each module once, every GOT entry bound, canonical function slots unique, and every generated
//! module (the PLT stubs, each module with its stubs moved in) valid.
#![no_main]

mod plan_encode;
mod plan_input;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Arc;

use libfuzzer_sys::fuzz_target;
use linker_core::fuzzing::{self, Bound, Plan};
use linker_core::{LinkError, LinkerConfig, PollPoints, WeakPolicy};
use wasm_encoder::ValType;
use wasmparser::{Validator, WasmFeatures};

use crate::plan_encode::*;
use crate::plan_input::*;

/// Symbols modules define and import: functions and data share names, so that kinds clash.
fn codes(types: &[ValType]) -> Vec<u8> {
    types
        .iter()
        .map(|t| match t {
            ValType::I32 => 0x7f,
            ValType::I64 => 0x7e,
            ValType::F32 => 0x7d,
            ValType::F64 => 0x7c,
            _ => 0,
        })
        .collect()
}

fn validate(what: &str, bytes: &[u8]) {
    if let Err(e) = Validator::new_with_features(WasmFeatures::all()).validate_all(bytes) {
        panic!("{what} is not valid wasm: {e}");
    }
}

/// Whether `a` and `b`, half-open, overlap (empty ranges overlap nothing).
fn overlap(a: (u64, u64), b: (u64, u64)) -> bool {
    a.0 < a.1 && b.0 < b.1 && a.0 < b.1 && b.0 < a.1
}

fn disjoint(what: &str, ranges: &[(String, (u64, u64))]) {
    for (i, (n1, r1)) in ranges.iter().enumerate() {
        for (n2, r2) in &ranges[i + 1..] {
            assert!(
                !overlap(*r1, *r2),
                "{what} ranges overlap: {n1} {r1:?} and {n2} {r2:?}"
            );
        }
    }
}

/// Every invariant of a successful plan (see the module documentation).
fn check_plan(
    p: &Plan,
    report: &linker_core::LddReport,
    built: &HashMap<String, Built>,
    cfg: &LinkerConfig,
) {
    let n = p.modules.len();
    let well_formed = built.values().all(|b| b.well_formed);
    // Main first, each module once, the report agreeing with the plan.
    assert_eq!(p.modules[0].path, "/main.wasm");
    assert_eq!(report.modules[0].path, "/main.wasm", "main is not first");
    assert_eq!(report.modules.len(), n);
    let mut sorted = p.global_scope.clone();
    sorted.sort();
    assert_eq!(sorted, (0..n).collect::<Vec<_>>(), "global scope");
    assert_eq!(p.global_scope[0], 0);
    for (s, &m) in report.modules.iter().zip(&p.global_scope) {
        let pm = &p.modules[m];
        assert_eq!(
            (&s.name, &s.path, s.memory_base, s.table_base),
            (&pm.name, &pm.path, pm.memory_base, pm.table_base)
        );
    }
    let paths: BTreeSet<&str> = p.modules.iter().map(|m| m.path.as_str()).collect();
    assert_eq!(paths.len(), n, "a module appears twice");
    let ids: BTreeSet<&str> = p.modules.iter().map(|m| m.identity.as_str()).collect();
    assert_eq!(ids.len(), n, "a file is loaded twice");
    let names: BTreeSet<&str> = report.modules.iter().map(|m| m.name.as_str()).collect();
    for u in &report.unresolved {
        assert!(names.contains(u.module.as_str()), "unresolved {u:?}");
    }
    // Init order: a permutation; needed before needer, but for cycles.
    let mut pos = vec![usize::MAX; n];
    for (i, &m) in p.init_order.iter().enumerate() {
        assert_eq!(pos[m], usize::MAX, "init order repeats {m}");
        pos[m] = i;
    }
    assert!(pos.iter().all(|&x| x != usize::MAX), "init order");
    let reaches = |from: usize, to: usize| {
        let mut seen = vec![false; n];
        let mut stack = vec![from];
        while let Some(m) = stack.pop() {
            if m == to {
                return true;
            }
            if !std::mem::replace(&mut seen[m], true) {
                stack.extend(p.modules[m].deps.iter().copied());
            }
        }
        false
    };
    let fixed = p.modules[0].fixed;
    for (m, pm) in p.modules.iter().enumerate() {
        for &d in &pm.deps {
            assert!(d < n);
            if !(fixed && m == 0) && pos[d] > pos[m] {
                assert!(reaches(d, m), "{d} initialised after {m}, which needs it");
            }
        }
    }
    // Memory: aligned, disjoint, below the heap.
    let mut data = Vec::new();
    for (m, pm) in p.modules.iter().enumerate() {
        if m == 0 && fixed {
            continue;
        }
        assert_eq!(
            pm.memory_base % pm.mem_align,
            0,
            "{} at {} misaligned (align {})",
            pm.path,
            pm.memory_base,
            pm.mem_align
        );
        let r = (pm.memory_base, pm.memory_base + pm.mem_size);
        if !fixed {
            assert!(r.0 >= 1024, "{} at {r:?}", pm.path);
            assert!(r.1 <= p.heap_base, "{} above the heap", pm.path);
        }
        data.push((pm.path.clone(), r));
    }
    if !fixed {
        assert!(p.stack.0 <= p.stack.1);
        data.push(("stack".into(), p.stack));
    }
    disjoint("data", &data);
    // Table: blocks aligned and disjoint, slot 0 unused; linker slots outside every block.
    let mut blocks = Vec::new();
    for (m, pm) in p.modules.iter().enumerate() {
        if m == 0 && fixed {
            continue;
        }
        assert!(pm.table_base >= 1);
        // The main module's slots start at 1 whatever its table alignment (records.rs).
        if pm.table_size > 0 && m != 0 {
            assert_eq!(pm.table_base % pm.table_align, 0, "{} misaligned", pm.path);
        }
        let r = (pm.table_base, pm.table_base + pm.table_size);
        assert!(
            r.0 == r.1 || r.1 <= p.table_size,
            "{} past the table",
            pm.path
        );
        blocks.push((pm.path.clone(), r));
    }
    disjoint("table", &blocks);
    let linker: BTreeSet<u64> = p.linker_slots.iter().copied().collect();
    assert_eq!(linker.len(), p.linker_slots.len(), "a linker slot twice");
    for &s in &linker {
        assert!(s >= 1 && s < p.table_size, "linker slot {s}");
        for (name, r) in &blocks {
            assert!(
                !overlap(*r, (s, s + 1)),
                "linker slot {s} in {name}'s block"
            );
        }
    }
    // Canonical slots: one function per slot, one slot per function.
    let mut by_slot: BTreeMap<u64, (usize, u32)> = BTreeMap::new();
    let mut by_func: BTreeMap<(usize, u32), u64> = BTreeMap::new();
    for s in &p.func_slots {
        let f = (s.module, s.func_index);
        if let Some(other) = by_func.insert(f, s.slot) {
            assert_eq!(
                other, s.slot,
                "{f:?} ({}) has two canonical slots",
                s.export
            );
        }
        // A module whose element segments fill more slots than its dylink.0 declares (one
        // without a dylink.0, a corrupted one) may overlap another's: only checked for
        // well-formed trees.
        if let (Some(other), true) = (by_slot.insert(s.slot, f), well_formed) {
            assert_eq!(other, f, "slot {} holds two functions", s.slot);
        }
        if !well_formed {
            continue;
        }
        assert!(s.slot < p.table_size, "slot {} past the table", s.slot);
        let pm = &p.modules[s.module];
        if !linker.contains(&s.slot) && !(s.module == 0 && fixed) {
            assert!(
                s.slot >= pm.table_base && s.slot < pm.table_base + pm.table_size,
                "{}'s slot {} outside its block",
                s.export,
                s.slot
            );
        }
    }
    // Bindings.
    let mut plt_uses = 0;
    for (m, pm) in p.modules.iter().enumerate() {
        for imp in &pm.imports {
            let what = format!(
                "{}: {}.{} bound {:?}",
                pm.path, imp.module, imp.name, imp.bound
            );
            match (imp.module.as_str(), imp.name.as_str(), &imp.bound) {
                ("GOT.func", _, Bound::Value(0)) => assert!(imp.weak, "{what}"),
                ("GOT.func", _, Bound::Value(v)) => assert!(by_slot.contains_key(v), "{what}"),
                ("GOT.func", _, _) => panic!("GOT entry not bound: {what}"),
                ("GOT.mem" | "env", "__memory_base", b) => {
                    assert_eq!(b, &Bound::Value(pm.memory_base), "{what}")
                }
                ("GOT.mem" | "env", "__table_base", b) => {
                    assert_eq!(b, &Bound::Value(pm.table_base), "{what}")
                }
                ("GOT.mem", _, Bound::Value(_) | Bound::StackPointer | Bound::StackBound) => {}
                ("GOT.mem", _, Bound::GotTls { provider, .. }) => assert!(*provider < n),
                ("GOT.mem", _, _) => panic!("GOT entry not bound: {what}"),
                _ => {}
            }
            match &imp.bound {
                Bound::Direct { provider, export } => {
                    assert!(
                        pos[*provider] < pos[m],
                        "{what}: provider instantiated later"
                    );
                    let b = &built[&p.modules[*provider].identity];
                    let sig = b.funcs.get(export).map(|&s| SIGS[s]);
                    let sig = sig.map(|(pa, r)| (codes(pa), codes(r)));
                    assert_eq!(sig.as_ref(), imp.func.as_ref(), "{what}: signature");
                }
                Bound::ExportedGlobal { provider, .. } => {
                    assert!(
                        pos[*provider] < pos[m],
                        "{what}: provider instantiated later"
                    )
                }
                Bound::Plt { stub, slot } => {
                    plt_uses += 1;
                    let e = &p.plt[*slot as usize];
                    assert_eq!((e.importer, e.symbol.as_str()), (m, imp.name.as_str()));
                    assert_eq!(pm.stubs[*stub].0, *slot, "{what}");
                    assert_eq!(Some(&pm.stubs[*stub].1), imp.func.as_ref(), "{what}");
                }
                _ => {}
            }
        }
    }
    assert_eq!(plt_uses, p.plt.len(), "PLT slots without a binding");
    // The modules the linker would compile: the stubs, and each module with its stubs moved in.
    if !well_formed {
        return;
    }
    let polls = cfg.poll_points == PollPoints::Always;
    for pm in &p.modules {
        validate("a stub module", &fuzzing::stub_module(&pm.stubs));
        let mut moved = Vec::new();
        let mut params = Vec::new();
        for (i, imp) in pm.imports.iter().enumerate() {
            if let (Bound::Plt { slot, .. }, Some(f)) = (&imp.bound, &imp.func) {
                if p.plt[*slot as usize].target.is_some() {
                    moved.push((i, *slot));
                    params.push(f.0.len() as u32);
                }
            }
        }
        let bytes = built[&pm.identity].bytes.clone();
        let bytes = fuzzing::instrument(bytes, cfg.wait_safepoints, polls)
            .unwrap_or_else(|e| panic!("instrumenting {}: {e}", pm.path));
        validate("an instrumented module", &bytes);
        match fuzzing::inline_stubs(&bytes, &moved, &params) {
            Ok(out) => validate("a module with its PLT stubs moved in", &out),
            Err(e) if e.contains("no code section") => {}
            Err(e) => panic!("moving stubs into {}: {e}", pm.path),
        }
    }
}

fuzz_target!(|input: Input| {
    let mut files = HashMap::new();
    let mut aliases = HashMap::new();
    let mut built = HashMap::new();
    let libs = input.libs.len().min(8);
    let main = encode(&input.main, true, libs);
    if main.well_formed {
        validate("harness bug: the main module built", &main.bytes);
    }
    files.insert("/main.wasm".to_string(), main.bytes.clone());
    built.insert("/main.wasm".to_string(), main);
    for (i, spec) in input.libs.iter().take(8).enumerate() {
        let path = format!("{}/lib{i}.so", lib_dir(spec.dir));
        let b = encode(spec, false, libs);
        if b.well_formed {
            validate("harness bug: a library built", &b.bytes);
        }
        files.insert(path.clone(), b.bytes.clone());
        aliases.insert(format!("/alias/lib{i}.so"), path.clone());
        built.insert(path, b);
    }
    let well_formed = built.values().all(|b| b.well_formed);
    let c = &input.config;
    let fs = MemFs {
        files,
        aliases,
        stamps: c.stamps,
    };
    let mut config = LinkerConfig::new(Arc::new(fs));
    config.weak_policy = if c.prefer_strong {
        WeakPolicy::PreferStrong
    } else {
        WeakPolicy::FirstDefinition
    };
    config.preload = c
        .preload
        .iter()
        .take(2)
        .map(|j| format!("lib{}.so", *j as usize % (libs + 1)))
        .collect();
    config.search.ld_library_path = c
        .ld_library_path
        .iter()
        .take(2)
        .map(|&r| PATHS[r as usize % PATHS.len()].to_string())
        .collect();
    if let Some(pages) = c.default_max_pages {
        config.default_max_pages = pages as u32;
    }
    if let Some(s) = c.stack {
        config.stack_size = [0, 16, 4096, 1 << 16, 1 << 32, u64::MAX / 2][s as usize % 6];
    }
    config.poll_points = if c.polls {
        PollPoints::Always
    } else {
        PollPoints::Never
    };
    config.wait_safepoints = c.waits;
    config.bind_now = c.bind_now;

    let report = linker_core::ldd(&config, "/main.wasm");
    let plan = fuzzing::plan(&config, "/main.wasm");
    match (report, plan) {
        (Ok(r), Ok(p)) => check_plan(&p, &r, &built, &config),
        (Err(e), Err(e2)) => {
            let msg = e.to_string();
            assert!(!msg.is_empty(), "{e:?} displays as nothing");
            assert_eq!(msg, e2.to_string(), "ldd and the plan disagree");
            if well_formed {
                assert!(
                    !matches!(
                        e,
                        LinkError::NotWasm { .. }
                            | LinkError::Malformed { .. }
                            | LinkError::BadDylink { .. }
                            | LinkError::NoDylink { .. }
                    ),
                    "a well-formed tree refused: {msg}"
                );
            }
        }
        (r, p) => panic!(
            "ldd and the plan disagree: {:?} / {:?}",
            r.map(|r| r.modules),
            p.map(|p| p.modules.len())
        ),
    }
});
