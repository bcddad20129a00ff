//! Compiling what planning added: each new module (by the key of its bytes, through the
//! [`ModuleCache`]) and the generated stub module of each module with PLT bindings.
//!
//! Compilation dominates a cold start, and an engine compiles one module's functions on at most
//! the cores that module has functions for: a tree of many small libraries compiled one after
//! another leaves cores idle. So modules compile on a pool of worker threads ([`Compiler`]), each
//! as soon as it can: a file as soon as the search finds it ([`Compiler::submit_found`], from
//! [`crate::plan::discover::walk`]'s callback: the main module at start-up, every library at `dlopen`),
//! while the search goes on; a module whose code depends on the plan (its PLT stubs moved in,
//! `stubs::inline`: at start-up, the libraries) as soon as it is planned. The thread that asked
//! then helps with what is left and collects the results ([`compile_added`]). No module's
//! compilation waits for another's: a module wanted while a worker compiles it is waited for
//! through its cache slot, never compiled twice.

use std::collections::{HashSet, VecDeque};
use std::sync::{Arc, Condvar, Mutex};
use std::thread::Scope;

use crate::engine::{Engine, EngineError};
use crate::error::{LinkError, Result};
use crate::metadata::ExternType;
use crate::plan::config::LinkerConfig;
use crate::plan::content::ContentKey;
use crate::plan::discover::{read_bytes, Found};
use crate::plan::image::{Binding, Image, Inlined, LoadedModule};
use crate::plan::records::Source;
use crate::runtime::module_cache::{Code, ModuleCache, ModuleCode};
use crate::stubs::inline::inline_stubs;
use crate::stubs::stub_module;

/// One module to compile.
struct Job {
    /// Labels the engine's errors.
    name: String,
    key: ContentKey,
    bytes: JobBytes,
}

/// Where a job's bytes come from.
enum JobBytes {
    Have(Vec<u8>),
    /// Read from the library filesystem on a cache miss (its description came from the parse
    /// cache, so the file was not read).
    Read {
        path: String,
    },
    /// These bytes with PLT stubs moved in (`stubs::inline`).
    Inline {
        base: Box<JobBytes>,
        moved: Arc<[Inlined]>,
        params: Vec<u32>,
    },
}

impl JobBytes {
    /// The bytes a file was read with, else (its description came from the parse cache) its
    /// path to read them from.
    fn of(bytes: Option<Vec<u8>>, path: &str) -> JobBytes {
        match bytes {
            Some(b) => JobBytes::Have(b),
            None => JobBytes::Read {
                path: path.to_string(),
            },
        }
    }

    fn get(self, config: &LinkerConfig, name: &str) -> std::result::Result<Vec<u8>, EngineError> {
        match self {
            JobBytes::Have(b) => Ok(b),
            JobBytes::Read { path } => {
                read_bytes(config, name, &path).map_err(|e| EngineError(e.to_string()))
            }
            JobBytes::Inline {
                base,
                moved,
                params,
            } => {
                let bytes = base.get(config, name)?;
                inline_stubs(&bytes, &moved, &params)
                    .map_err(|e| EngineError(format!("moving PLT stubs in: {}", e.0)))
            }
        }
    }
}

/// The imports of module `lm` to move in: those bound through the PLT to a symbol with a
/// provider (the others keep their stub: the host may supply them), with their parameter counts.
fn to_inline(image: &Image, lm: &LoadedModule) -> (Vec<Inlined>, Vec<u32>) {
    let mut moved = Vec::new();
    let mut params = Vec::new();
    for (pos, (b, imp)) in lm.plan.iter().zip(&lm.info.imports).enumerate() {
        if let (Binding::Plt { slot, .. }, ExternType::Func(ty)) = (b, &imp.ty) {
            if image.plt[*slot as usize].target.is_some() {
                moved.push(Inlined {
                    import: pos,
                    slot: *slot,
                });
                params.push(ty.params.len() as u32);
            }
        }
    }
    (moved, params)
}

/// The key of `base`'s bytes with `moved` inlined.
fn inlined_key(base: ContentKey, moved: &[Inlined]) -> ContentKey {
    let mut spec = format!("{base} plt-inline 2");
    for m in moved {
        spec.push_str(&format!(" {}:{}", m.import, m.slot));
    }
    ContentKey::of(spec.as_bytes())
}

/// The queue the workers take jobs from.
#[derive(Default)]
struct Queue {
    jobs: VecDeque<Job>,
    /// Keys ever queued, so a module found and then listed again is queued once.
    queued: HashSet<ContentKey>,
    /// No more jobs will come: idle workers leave.
    closed: bool,
    workers: usize,
}

/// A pool of compiling threads for one link operation (start-up or `dlopen`), scoped to it.
pub(crate) struct Compiler<'scope, 'env, E: Engine> {
    engine: &'env E,
    cache: &'env ModuleCache<E>,
    config: &'env LinkerConfig,
    queue: &'env Mutex<Queue>,
    ready: &'env Condvar,
    scope: &'scope Scope<'scope, 'env>,
    max_workers: usize,
}

impl<E: Engine> Clone for Compiler<'_, '_, E> {
    fn clone(&self) -> Self {
        *self
    }
}

/// Only references: each worker gets its own copy.
impl<E: Engine> Copy for Compiler<'_, '_, E> {}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

/// How many threads compile: `config.compile_threads`, or one per core.
fn workers_for(config: &LinkerConfig) -> usize {
    match config.compile_threads {
        // Asked once: the standard library reads the cgroup files on every call, a measurable
        // part of a small `dlopen`.
        0 => {
            static CORES: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
            *CORES.get_or_init(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        }
        n => n,
    }
}

/// Runs `f` with a compiler pool; its worker threads have finished when this returns.
pub(crate) fn with_compiler<E: Engine, R>(
    engine: &E,
    cache: &ModuleCache<E>,
    config: &LinkerConfig,
    f: impl FnOnce(&Compiler<'_, '_, E>) -> R,
) -> R {
    let queue = Mutex::new(Queue::default());
    let ready = Condvar::new();
    std::thread::scope(|scope| {
        let pool = Compiler {
            engine,
            cache,
            config,
            queue: &queue,
            ready: &ready,
            scope,
            // The calling thread is one of them: it searches while the workers compile (the
            // search is short beside compiling), then helps. A pool of one is that thread alone.
            max_workers: workers_for(config) - 1,
        };
        let r = f(&pool);
        // Workers still compiling finish their job (its result stays in the cache); queued
        // jobs nobody collected (the operation failed) are dropped.
        let mut q = lock(&queue);
        q.closed = true;
        q.jobs.clear();
        drop(q);
        ready.notify_all();
        r
    })
}

impl<'scope, 'env, E: Engine> Compiler<'scope, 'env, E> {
    /// Queues a found file for compilation, unless its module is compiled or queued already.
    pub(crate) fn submit_found(&self, found: &Found) {
        let bytes = JobBytes::of(found.bytes.clone(), &found.path);
        self.submit(Job {
            name: found.name.clone(),
            key: found.content,
            bytes,
        });
    }

    fn submit(&self, job: Job) {
        if self.cache.has(&job.key) {
            return;
        }
        let mut q = lock(self.queue);
        if q.closed || !q.queued.insert(job.key) {
            return;
        }
        q.jobs.push_back(job);
        // One worker per queued job, up to the limit: a worker that finds the queue empty waits
        // for the next job, so none is started that has nothing to do.
        let spawn = q.workers < self.max_workers;
        if spawn {
            q.workers += 1;
        }
        drop(q);
        if spawn {
            let this = *self;
            self.scope.spawn(move || this.work());
        } else {
            self.ready.notify_one();
        }
    }

    /// A worker: compiles queued jobs until the pool closes.
    fn work(&self) {
        loop {
            let job = {
                let mut q = lock(self.queue);
                loop {
                    if let Some(j) = q.jobs.pop_front() {
                        break j;
                    }
                    if q.closed {
                        return;
                    }
                    q = self.ready.wait(q).unwrap_or_else(|p| p.into_inner());
                }
            };
            // A failure is left for the collecting thread, which compiles the module again and
            // reports it with the module's name.
            let _ = self.run(job);
        }
    }

    /// Compiles the queued jobs on the calling thread until none are left.
    fn help(&self) {
        loop {
            let Some(job) = lock(self.queue).jobs.pop_front() else {
                return;
            };
            let _ = self.run(job);
        }
    }

    fn run(&self, job: Job) -> std::result::Result<E::Module, EngineError> {
        let _span = tracing::debug_span!("compile", module = %job.name).entered();
        let Job { name, key, bytes } = job;
        self.cache
            .compile_keyed(self.engine, &name, key, || bytes.get(self.config, &name))
    }
}

/// What [`submit_source`] queued for one module.
struct Submitted {
    /// The module's key (of its bytes, and of the rewrite when stubs moved in).
    key: ContentKey,
    /// The PLT stubs moved into it.
    inlined: Arc<[Inlined]>,
    /// Its stub module's name and key, if it has one.
    stub: Option<(String, ContentKey)>,
}

/// Queues the compilation of `src` (rewritten when PLT stubs move into it) and of its stub
/// module.
fn submit_source<E: Engine>(pool: &Compiler<'_, '_, E>, image: &Image, src: &Source) -> Submitted {
    let lm = &image.modules[src.id];
    let base = JobBytes::of(src.bytes.clone(), &lm.path);
    let (moved, params) = if pool.config.inline_plt {
        to_inline(image, lm)
    } else {
        Default::default()
    };
    if !moved.is_empty() {
        tracing::debug!(module = %lm.name, imports = moved.len(), "PLT stubs moved in");
    }
    let moved: Arc<[Inlined]> = moved.into();
    let (key, bytes) = if moved.is_empty() {
        (src.content, base)
    } else {
        let key = inlined_key(src.content, &moved);
        let bytes = JobBytes::Inline {
            base: Box::new(base),
            moved: moved.clone(),
            params,
        };
        (key, bytes)
    };
    pool.submit(Job {
        name: lm.name.clone(),
        key,
        bytes,
    });
    let stub = (!lm.stubs.is_empty()).then(|| {
        let bytes = stub_module(&lm.stubs);
        let key = ContentKey::of(&bytes);
        let name = format!("{} (stubs)", lm.name);
        pool.submit(Job {
            name: name.clone(),
            key,
            bytes: JobBytes::Have(bytes),
        });
        (name, key)
    });
    Submitted {
        key,
        inlined: moved,
        stub,
    }
}

/// Compiles the modules of `sources` into `code` (indexed by module id): queues those not found
/// through the pool already and each module's stubs, helps the workers, then collects.
#[tracing::instrument(level = "debug", skip_all, fields(count = sources.len()))]
pub(crate) fn compile_added<E: Engine>(
    pool: &Compiler<'_, '_, E>,
    image: &Image,
    sources: Vec<Source>,
    code: &mut Code<E>,
) -> Result<()> {
    let (engine, cache, config) = (pool.engine, pool.cache, pool.config);
    if code.len() < image.modules.len() {
        code.resize_with(image.modules.len(), || None);
    }
    // Each source's job (what it compiles, under which key) and its stubs' job.
    let jobs: Vec<_> = sources
        .iter()
        .map(|src| submit_source(pool, image, src))
        .collect();
    pool.help();
    for (src, Submitted { key, inlined, stub }) in sources.into_iter().zip(jobs) {
        let lm = &image.modules[src.id];
        // Compiled by now, or being compiled by a worker; else (a failed job) compiled here
        // again, for the error.
        let bytes = || {
            let base = JobBytes::of(src.bytes, &lm.path);
            let bytes = if inlined.is_empty() {
                base
            } else {
                let (moved, params) = to_inline(image, lm);
                JobBytes::Inline {
                    base: Box::new(base),
                    moved: moved.into(),
                    params,
                }
            };
            bytes.get(config, &lm.name)
        };
        let module = cache
            .compile_keyed(engine, &lm.name, key, bytes)
            .map_err(|err| LinkError::Malformed {
                module: lm.name.clone(),
                reason: err.0,
            })?;
        let stubs = match stub {
            None => None,
            Some((name, key)) => Some(
                cache
                    .compile_keyed(engine, &name, key, || Ok(stub_module(&lm.stubs)))
                    .map_err(|err| LinkError::engine(&name, err))?,
            ),
        };
        code[src.id] = Some(ModuleCode {
            module,
            stubs,
            inlined,
        });
    }
    Ok(())
}
