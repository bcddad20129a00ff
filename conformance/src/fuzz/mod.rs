//! Differential link fuzzing: random programs made of shared libraries (`tree.rs`), written as
//! ordinary case directories (`emit.rs`), built natively with gcc as ELF shared objects and run
//! under glibc (the oracle), then built as dylink.0 modules and run on every engine; any
//! difference is cut down (`minimize.rs`) and written out as a case ready to commit.
//!
//! ```text
//! cargo run --release -p conformance -- fuzz --seeds 0..100 [--engine E]... [--shape threads|single]
//! ```

pub mod command;
pub mod emit;
pub mod minimize;
pub mod oracle;
pub mod rng;
pub mod tree;

use std::path::PathBuf;

use crate::fuzz::oracle::{case_name, check, Verdict};
use crate::manifest::Shape;
use crate::runner::EngineKind;

/// What a run found.
#[derive(Default, Debug)]
pub struct Summary {
    pub programs: usize,
    pub same: usize,
    pub differences: Vec<(u64, Shape, EngineKind, String, Option<PathBuf>)>,
    pub bad_programs: Vec<(u64, Shape, String)>,
}

/// Every seed of `seeds` in every shape on every engine. With `minimize_into`, each difference
/// is cut down and written there as a case directory.
pub fn run(
    seeds: std::ops::Range<u64>,
    engines: &[EngineKind],
    shapes: &[Shape],
    minimize_into: Option<&std::path::Path>,
    mut progress: impl FnMut(&str),
) -> Summary {
    let mut s = Summary::default();
    for seed in seeds {
        let tree = tree::generate(seed);
        for &shape in shapes {
            let name = case_name(seed, shape);
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
