//! A new instance group: its store's memory, tables, stack pointer and PLT binder, then every
//! alive module instantiated in the recorded order (a thread's group defers the libraries it
//! may, `lazy/deferred.rs`), the table and PLT filled, and, for a thread, its own stack and TLS
//! blocks. (Catching an existing group up is `group.rs`.)

use std::collections::HashMap;
use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex};

use crate::coordinator::GroupId;
use crate::engine::{Engine, EngineError, StoreOps};
use crate::error::{LinkError, Result};
use crate::metadata::Shape;
use crate::plan::image::{ModuleId, MAIN};
use crate::plan::layout::PAGE;
use crate::runtime::binder::{binder_type, plt_binder};
use crate::runtime::closure_funcs::sync_closures;
use crate::runtime::group::{adopt_fixed_main, fill_plt, fill_table, Fill};
use crate::runtime::instantiate::instantiate_module;
use crate::runtime::lazy::deferred::{defer, replication};
use crate::runtime::state::{
    GroupCx, GroupRef, GroupState, GroupTables, LazyState, ProcessMemory, Shared, ThreadState,
};
use crate::runtime::thread_memory::{alloc_thread_memory, init_tls};
use crate::types::Val;

/// Whose stack a new group runs on, and so which TLS blocks the linker gives it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ThreadStack {
    /// The main thread's, laid out with the image; every module's TLS is the static block its
    /// start function set up.
    Main,
    /// A thread the linker starts (`wasmlink.thread_spawn`): a stack the linker allocates (its
    /// bounds are the group's `__stack_low`/`__stack_high`), and a TLS block in every module.
    Linker,
    /// A wasi-threads thread: the guest allocated its stack and the main module's TLS block and
    /// sets both in `wasi_thread_start`; the linker gives every other module a TLS block.
    /// `__stack_low`/`__stack_high` are the main thread's (the guest's stack is unknown to it).
    Guest,
}

/// Creates a group in the store behind `cx` and instantiates every module of the image, on the
/// stack `stack` says.
#[tracing::instrument(level = "debug", skip_all)]
pub(crate) fn create_group<E: Engine>(
    cx: &mut dyn StoreOps<E>,
    shared: &Arc<Shared<E>>,
    id: GroupId,
    stack: ThreadStack,
) -> Result<GroupRef<E>> {
    let plan = GroupPlan::of(shared);
    let group = new_group(cx, shared, id, &plan)?;
    let mut g = GroupCx::new(cx, shared, &group);
    if stack == ThreadStack::Linker {
        // Before instantiation: the modules' `__stack_low`/`__stack_high` are this stack's.
        give_stack(&mut g, &plan)?;
    }
    // Another thread defers the libraries it may, as a thread catching up does
    // (`lazy/deferred.rs`): it instantiates each on its first call into it. Not under a non-PIE
    // main, whose table the group adopts only once the main module is instantiated.
    let lazy = stack != ThreadStack::Main && !plan.fixed;
    let steps = replication(&g, &plan.order, lazy);
    for &(m, instantiate) in &steps {
        if !instantiate {
            defer(&mut g, m)?;
            continue;
        }
        instantiate_module(&mut g, m, shared.config.bind_now)?;
        if m == MAIN && plan.fixed {
            adopt_fixed_main(&mut g, id == 0)?;
        }
    }
    if stack == ThreadStack::Linker && plan.fixed {
        // A non-PIE main's own `__stack_pointer` became the group's (`adopt_fixed_main`):
        // point it at this thread's stack too.
        let sp = g.group_state().stack_pointer.clone();
        let top = g.group_state().thread.stack.1;
        g.cx.global_set(&sp, Val::I32(top as i32))
            .map_err(|e| LinkError::engine(&plan.main_name, e))?;
    }
    fill_table(&mut g, Fill::All)?;
    fill_plt(&mut g, Fill::All)?;
    sync_closures(&mut g)?;
    if stack != ThreadStack::Main {
        // Another thread: its own TLS block in every module that has TLS (the first instance got
        // the static one from its start function), but main's when the guest makes its own.
        for &(m, instantiated) in &steps {
            if instantiated && !(stack == ThreadStack::Guest && m == MAIN) {
                init_tls(&mut g, m)?;
            }
        }
    }
    Ok(group)
}

/// What the records say a new group needs, read under one lock.
struct GroupPlan {
    table_size: u64,
    plt_size: u64,
    /// The main thread's stack bounds.
    stack: (u64, u64),
    /// How many modules the records have (alive or not).
    modules: usize,
    /// The alive modules in instantiation order.
    order: Vec<ModuleId>,
    version: u64,
    main_name: String,
    /// The main module is non-PIE.
    fixed: bool,
    /// The program's initial memory, in pages.
    min_pages: u64,
}

impl GroupPlan {
    fn of<E: Engine>(shared: &Shared<E>) -> GroupPlan {
        let st = shared.records();
        let image = &st.image;
        GroupPlan {
            table_size: image.table.size,
            plt_size: image.plt.len() as u64,
            stack: (image.stack_low, image.stack_high),
            modules: image.modules.len(),
            order: image
                .init_order
                .iter()
                .copied()
                .filter(|&m| image.modules[m].alive)
                .collect(),
            version: image.version,
            main_name: image.modules[MAIN].name.clone(),
            fixed: image.modules[MAIN].info.shape == Shape::Fixed,
            min_pages: image.memory_pages.0 as u64,
        }
    }
}

/// The group's state in the store behind `cx`: the process memory, tables, stack pointer and
/// PLT binder, before any module is instantiated.
fn new_group<E: Engine>(
    cx: &mut dyn StoreOps<E>,
    shared: &Arc<Shared<E>>,
    id: GroupId,
    plan: &GroupPlan,
) -> Result<GroupRef<E>> {
    let eng = |e| LinkError::engine(&plan.main_name, e);
    let memory = process_memory(cx, shared, plan)?;
    let table = cx.new_table(plan.table_size, None).map_err(eng)?;
    let plt = cx.new_table(plan.plt_size, None).map_err(eng)?;
    let stack_pointer = cx
        .new_global(Val::I32(plan.stack.1 as i32), true)
        .map_err(eng)?;
    let group = Arc::new(Mutex::new(GroupState {
        id,
        version: plan.version,
        memory,
        stack_pointer,
        instances: vec![None; plan.modules],
        tags: HashMap::new(),
        guards: None,
        tables: GroupTables {
            table,
            plt,
            binder: None,
            plt_resolvers: HashMap::new(),
            closure_funcs: HashMap::new(),
        },
        thread: ThreadState {
            stack: plan.stack,
            ..ThreadState::default()
        },
        lazy: LazyState::default(),
        dlsym_front: None,
    }));
    let binder = cx
        .new_host_func(
            &binder_type(),
            plt_binder(shared.clone(), Arc::downgrade(&group)),
        )
        .map_err(eng)?;
    crate::runtime::state::lock(&group).tables.binder = Some(binder);
    Ok(group)
}

/// The process memory in the store behind `cx`: the shared memory attached (grown to the
/// program's initial size if the embedder's is smaller), or the one private memory made.
fn process_memory<E: Engine>(
    cx: &mut dyn StoreOps<E>,
    shared: &Shared<E>,
    plan: &GroupPlan,
) -> Result<E::Memory> {
    let out_of_memory = |bytes: u64, e: EngineError| LinkError::OutOfMemory {
        module: plan.main_name.clone(),
        bytes,
        align: 1,
        reason: e.0,
    };
    match &shared.memory {
        ProcessMemory::Shared(m) => {
            let memory = cx
                .attach_memory(m)
                .map_err(|e| LinkError::engine(&plan.main_name, e))?;
            // The embedder's memory (`Process::load_with_memory`) may be smaller than the
            // program's initial size.
            let (want, have) = (plan.min_pages * PAGE, cx.memory_size(&memory));
            if have < want {
                cx.memory_grow(&memory, (want - have).div_ceil(PAGE))
                    .map_err(|e| out_of_memory(want, e))?;
            }
            Ok(memory)
        }
        ProcessMemory::Private { min, max, taken } => {
            if taken.swap(true, Ordering::AcqRel) {
                return Err(LinkError::NoSharedMemory {
                    module: plan.main_name.clone(),
                });
            }
            cx.new_memory(*min, *max)
                .map_err(|e| out_of_memory(*min as u64 * PAGE, e))
        }
    }
}

/// A stack of the configured size for a thread the linker starts, in thread memory, with the
/// group's stack pointer at its top.
fn give_stack<E: Engine>(g: &mut GroupCx<'_, E>, plan: &GroupPlan) -> Result<()> {
    let size = g.shared.config.stack_size;
    let base = alloc_thread_memory(g, size, 16, None)?;
    let sp = g.group_state().stack_pointer.clone();
    g.cx.global_set(&sp, Val::I32((base + size) as i32))
        .map_err(|e| LinkError::engine(&plan.main_name, e))?;
    g.group_state().thread.stack = (base, base + size);
    Ok(())
}
