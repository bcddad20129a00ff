//! Differential link fuzzing: random programs made of shared libraries (`tree.rs`, drawn by
//! `generate.rs`), written as ordinary case directories (`emit.rs`), built natively with gcc as
//! ELF shared objects and run under glibc (the oracle), then built as dylink.0 modules and run on
//! every engine; any difference is cut down (`minimize.rs`) and written out as a case ready to
//! commit.
//!
//! ```text
//! cargo run --release -p conformance -- fuzz --seeds 0..100 [--engine E]... [--shape threads|single]
//! ```

pub mod command;
pub mod emit;
pub mod generate;
pub mod minimize;
pub mod oracle;
pub mod rng;
pub mod tree;

use std::path::PathBuf;

use crate::fuzz::oracle::{case_name, check, check_external, Verdict};
use crate::manifest::Shape;
use crate::runner::EngineKind;
use crate::suite::External;

/// What a run found.
#[derive(Default, Debug)]
pub struct Summary {
    pub programs: usize,
    pub same: usize,
    pub differences: Vec<(u64, Shape, EngineKind, String, Option<PathBuf>)>,
    pub bad_programs: Vec<(u64, Shape, String)>,
    /// Per external loader: the programs it could be given (those using only the standard
    /// conventions), those it ran as the native build did, and each other one's seed and shape
    /// with the first line of how it differed.
    pub external: Vec<ExternalTally>,
}

/// One external loader's column.
#[derive(Default, Debug)]
pub struct ExternalTally {
    pub name: String,
    pub applicable: usize,
    pub same: usize,
    pub differs: Vec<(u64, Shape, String)>,
}

/// Every seed of `seeds` in every shape on every engine, and on each external loader (graded,
/// not counted as differences: its differences are its own). With `minimize_into`, each
/// difference is cut down and written there as a case directory.
pub fn run(
    seeds: std::ops::Range<u64>,
    engines: &[EngineKind],
    shapes: &[Shape],
    externals: &[External],
    minimize_into: Option<&std::path::Path>,
    mut progress: impl FnMut(&str),
) -> Summary {
    let mut s = Summary {
        external: externals
            .iter()
            .map(|e| ExternalTally {
                name: e.name.clone(),
                ..Default::default()
            })
            .collect(),
        ..Default::default()
    };
    for seed in seeds {
        let tree = generate::generate(seed);
        for &shape in shapes {
            let name = case_name(seed, shape);
            for (ext, tally) in externals.iter().zip(&mut s.external) {
                match check_external(&tree, shape, &name, ext) {
                    None => {}
                    Some(Ok(())) => {
                        tally.applicable += 1;
                        tally.same += 1;
                    }
                    Some(Err(why)) => {
                        tally.applicable += 1;
                        let first = oracle::first_difference(&why);
                        progress(&format!("{name} external:{}: differs: {first}", ext.name));
                        tally.differs.push((seed, shape, first));
                    }
                }
            }
            for &engine in engines {
                // An engine without threads runs the programs built without them.
                if shape == Shape::Threads && engine.lacks().threads {
                    continue;
                }
                s.programs += 1;
                match check(&tree, shape, &name, engine) {
                    Verdict::Same => {
                        s.same += 1;
                        progress(&format!("{name} {}: same", engine.name()));
                    }
                    Verdict::BadProgram(why) => {
                        progress(&format!("{name}: the generator's program is bad: {why}"));
                        s.bad_programs.push((seed, shape, why));
                        break;
                    }
                    Verdict::Differs(why) => {
                        progress(&format!("{name} {}: DIFFERS\n{why}", engine.name()));
                        let written = minimize_into.and_then(|dir| {
                            let small = minimize::minimize(&tree, shape, engine);
                            minimize::commit(&small, shape, dir).ok()
                        });
                        s.differences.push((seed, shape, engine, why, written));
                    }
                }
            }
        }
    }
    s
}
