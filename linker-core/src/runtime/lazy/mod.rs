//! Lazy replication (docs/threads.md): a thread catching up with a library another thread loaded
//! puts stand-ins in the library's table slots (`deferred`, with the stand-in modules of
//! `crate::stubs::standin`) and instantiates it on its first use (`materialize`).

pub(crate) mod deferred;
pub(crate) mod materialize;
