//! Orders over the module graph: the initialisation order (glibc's `dl-sort-maps.c`) and a
//! library's local scope (the breadth-first closure `dlsym(handle)` searches).

use crate::plan::image::{Image, ModuleId};

/// Needed before needer, as glibc's `_dl_sort_maps_dfs`: a depth-first walk from each module of
/// `bfs` (breadth-first load order) taken in reverse, following `needed` lists in order; the
/// post-order is the initialisation order. A cycle is broken where the walk meets a module already
/// on its path. Modules for which `loaded` holds are already initialised and left out.
pub(crate) fn dependency_order(
    deps: &[Vec<ModuleId>],
    bfs: &[ModuleId],
    loaded: impl Fn(ModuleId) -> bool,
) -> Vec<ModuleId> {
    // 0 new, 1 on path, 2 done
    let mut state: Vec<u8> = (0..deps.len())
        .map(|m| if loaded(m) { 2 } else { 0 })
        .collect();
    let mut order = Vec::new();
    for &root in bfs.iter().rev() {
        if state[root] != 0 {
            continue;
        }
        let mut stack = vec![(root, 0usize)];
        state[root] = 1;
        while let Some((m, i)) = stack.pop() {
            if let Some(&d) = deps[m].get(i) {
                stack.push((m, i + 1));
                if state[d] == 0 {
                    state[d] = 1;
                    stack.push((d, 0));
                }
            } else {
                state[m] = 2;
                order.push(m);
            }
        }
    }
    order
}

/// Breadth-first closure of `root` over `needed`: the scope `dlsym(handle)` searches.
pub(crate) fn local_scope(image: &Image, root: ModuleId) -> Vec<ModuleId> {
    let mut seen = vec![false; image.modules.len()];
    let mut out = vec![root];
    seen[root] = true;
    let mut i = 0;
    while i < out.len() {
        for &d in &image.modules[out[i]].deps {
            if !seen[d] {
                seen[d] = true;
                out.push(d);
            }
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dependency_order_needed_first_and_cycles() {
        // glibc's order for main -> a, c; a -> b (BFS 0 main, 1 a, 2 c, 3 b): b, c, a, main
        let deps = vec![vec![1, 2], vec![3], vec![], vec![]];
        assert_eq!(
            dependency_order(&deps, &[0, 1, 2, 3], |_| false),
            vec![3, 2, 1, 0]
        );
        // diamond: 0 -> 1, 2; 1 -> 3; 2 -> 3: base once, first
        let deps = vec![vec![1, 2], vec![3], vec![3], vec![]];
        assert_eq!(
            dependency_order(&deps, &[0, 1, 2, 3], |_| false),
            vec![3, 2, 1, 0]
        );
        // side <-> side cycle: 0 -> 1; 1 -> 2; 2 -> 1
        let deps = vec![vec![1], vec![2], vec![1]];
        assert_eq!(
            dependency_order(&deps, &[0, 1, 2], |_| false),
            vec![1, 2, 0]
        );
        // a dlopen of 4 (needs 3, already loaded, and 5): only the new ones, needed first
        let deps = vec![vec![1, 2], vec![3], vec![3], vec![0], vec![3, 5], vec![]];
        assert_eq!(dependency_order(&deps, &[4, 5], |m| m < 4), vec![5, 4]);
    }
}
