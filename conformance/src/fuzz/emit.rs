//! A generated program written out as an ordinary case directory: one C file per module and a
//! `case.toml`, built and run by the suite's own machinery (and committed as is when it finds a
//! difference).

use std::fmt::Write as _;
use std::path::Path;

use crate::fuzz::tree::{Dir, Lib, Tree};
use crate::manifest::Shape;

/// The C source of library `l`. Arithmetic is unsigned so that no overflow is undefined.
pub fn lib_source(tree: &Tree, l: &Lib) -> String {
    let mut s = format!(
        "/* conformance fuzz, seed {}: library {} */\n",
        tree.seed, l.name
    );
    let own = |name: &str| {
        l.funcs.iter().any(|f| f.name == name) || l.data.iter().any(|d| d.name == name)
    };
    if !l.next_wrappers.is_empty() {
        s.push_str("#define _GNU_SOURCE\n#include <dlfcn.h>\n");
    }
    if l.dtor {
        s.push_str("#include <stdio.h>\n");
    }
    for f in &l.funcs {
        if let Some(c) = &f.calls {
            let _ = writeln!(s, "int {c}(int);");
        }
    }
    for p in &l.pointers {
        if p.function {
            let _ = writeln!(s, "int {}(int);", p.target);
        } else if !own(&p.target) {
            let _ = writeln!(s, "extern int {};", p.target);
        }
    }
    if l.ctor {
        s.push_str("extern int core_counter;\n");
    }
    for d in &l.data {
        let weak = if d.weak { "__attribute__((weak)) " } else { "" };
        let _ = writeln!(s, "{weak}int {} = {};", d.name, d.value);
    }
    for p in &l.pointers {
        if p.function {
            let _ = writeln!(s, "int (*{})(int) = {};", p.name, p.target);
        } else {
            let _ = writeln!(s, "int *{} = &{};", p.name, p.target);
        }
    }
    for t in &l.tls {
        let _ = writeln!(
            s,
            "_Thread_local int {0} = {1};\nint {0}_get(void) {{ return {0}; }}\nint {0}_add(int d) {{ {0} += d; return {0}; }}",
            t.name, t.value
        );
    }
    for h in &l.hidden {
        let _ = writeln!(
            s,
            "__attribute__((visibility(\"hidden\"))) int {0}(int x) {{ return (int)((unsigned)x * {1}u + {2}u); }}\nint {3}_via_{0}(int x) {{ return {0}(x); }}",
            h.name, h.mul, h.add, l.name
        );
    }
    for d in &l.hidden_data {
        let _ = writeln!(
            s,
            "__attribute__((visibility(\"hidden\"))) int {0} = {1};\nint {2}_get_{0}(void) {{ return {0}; }}",
            d.name, d.value, l.name
        );
    }
    for f in &l.funcs {
        let weak = if f.weak { "__attribute__((weak)) " } else { "" };
        let call = f
            .calls
            .as_ref()
            .map(|c| format!(" + (unsigned){c}(x & 7)"))
            .unwrap_or_default();
        let _ = writeln!(
            s,
            "{weak}int {}(int x) {{ return (int)((unsigned)x * {}u + {}u{call}); }}",
            f.name, f.mul, f.add
        );
    }
    init_and_wrappers(l, &mut s);
    s
}

/// A library's constructor (recording its order and, in a plugin, taking a function's
/// address), destructor and `RTLD_NEXT` wrappers.
fn init_and_wrappers(l: &Lib, s: &mut String) {
    if l.ctor {
        let take = match &l.ctor_target {
            Some(t) => {
                let _ = writeln!(s, "int {t}(int);\nint (*{}_ctor_fp)(int);", l.name);
                format!(" {}_ctor_fp = {t};", l.name)
            }
            None => String::new(),
        };
        let _ = writeln!(
            s,
            "int {0}_ctor_order;\n__attribute__((constructor)) static void {0}_ctor(void) {{ {0}_ctor_order = ++core_counter;{take} }}",
            l.name
        );
    }
    if l.dtor {
        let _ = writeln!(
            s,
            "__attribute__((destructor)) static void {0}_dtor(void) {{ printf(\"destructor of {0}\\n\"); }}",
            l.name
        );
    }
    for d in &l.next_wrappers {
        let _ = writeln!(
            s,
            "int {0}_next_{d}(void) {{ int (*f)(int) = (int (*)(int))dlsym(RTLD_NEXT, \"{d}\"); return f ? f(1) : -1; }}",
            l.name
        );
    }
}

/// The C source of the main module; in the threads shape each job runs on a thread of its own.
pub fn main_source(tree: &Tree, shape: Shape) -> String {
    let threads = shape == Shape::Threads && !tree.jobs.is_empty();
    let mut s = format!(
        "/* conformance fuzz, seed {}: the main module */\n#include <dlfcn.h>\n#include <stdio.h>\n{}",
        tree.seed,
        if threads {
            "#include \"wasi_threads.h\"\n"
        } else {
            ""
        }
    );
    let mut body = String::new();
    for (f, a) in &tree.calls {
        let _ = writeln!(s, "int {f}(int);");
        let _ = writeln!(body, "    printf(\"call {f}({a}) = %d\\n\", {f}({a}));");
    }
    for d in &tree.reads {
        let _ = writeln!(s, "extern int {d};");
        let _ = writeln!(body, "    printf(\"data {d} = %d\\n\", {d});");
    }
    for (p, t) in &tree.fn_identity {
        let _ = writeln!(s, "extern int (*{p})(int);\nint {t}(int);");
        let _ = writeln!(
            body,
            "    printf(\"function pointer {p} is &{t}: %d, calls give %d\\n\", {p} == {t}, {p}(3));"
        );
    }
    for (p, t) in &tree.data_identity {
        let _ = writeln!(s, "extern int *{p};\nextern int {t};");
        let _ = writeln!(
            body,
            "    printf(\"data pointer {p} is &{t}: %d, reads %d\\n\", {p} == &{t}, *{p});"
        );
    }
    // Through the library: wasm-ld links no direct access to another module's TLS.
    for t in &tree.tls {
        let _ = writeln!(s, "int {t}_get(void);\nint {t}_add(int);");
        let _ = writeln!(
            body,
            "    {{ int a = {t}_get(), b = {t}_add(7), c = {t}_get(); printf(\"thread-local {t}: %d, plus 7: %d, again %d\\n\", a, b, c); }}"
        );
    }
    for l in tree.libs.iter().filter(|l| l.ctor) {
        let _ = writeln!(s, "extern int {}_ctor_order;", l.name);
        let _ = writeln!(
            body,
            "    printf(\"constructor of {0}: %d\\n\", {0}_ctor_order);",
            l.name
        );
    }
    library_extras(tree, &mut s, &mut body);
    if tree.weak_undefined {
        s.push_str(
            "extern int fz_nowhere_f(int) __attribute__((weak));\nextern int fz_nowhere_d __attribute__((weak));\n",
        );
        body.push_str(
            "    printf(\"weak undefined: function null %d, data null %d\\n\", &fz_nowhere_f == 0, &fz_nowhere_d == 0);\n",
        );
    }
    opens(tree, &mut s, &mut body);
    jobs(tree, threads, &mut s, &mut body);
    let _ = write!(s, "int main(void) {{\n{body}    return 0;\n}}\n");
    s
}

/// Main's uses of what libraries keep to themselves or wrap: each hidden function and datum
/// through its library's exported accessor (and `dlsym` not finding it), each `RTLD_NEXT`
/// wrapper's answer.
fn library_extras(tree: &Tree, s: &mut String, body: &mut String) {
    for l in &tree.libs {
        // Each hidden symbol through its accessor: (declaration, call, what is printed, name).
        let functions = l.hidden.iter().map(|h| {
            let f = format!("{}_via_{}", l.name, h.name);
            (
                format!("int {f}(int);"),
                format!("{f}(4)"),
                "hidden",
                &h.name,
            )
        });
        let data = l.hidden_data.iter().map(|d| {
            let f = format!("{}_get_{}", l.name, d.name);
            (
                format!("int {f}(void);"),
                format!("{f}()"),
                "hidden data",
                &d.name,
            )
        });
        for (decl, call, what, name) in functions.chain(data) {
            let _ = writeln!(s, "{decl}");
            let _ = writeln!(
                body,
                "    printf(\"{what} {name} of {0}: %d\\n\", {call});",
                l.name
            );
            if !name.starts_with("dup_") {
                let _ = writeln!(
                    body,
                    "    printf(\"dlsym finds hidden {name}: %d\\n\", dlsym(RTLD_DEFAULT, \"{name}\") != 0);"
                );
            }
        }
        for d in &l.next_wrappers {
            let _ = writeln!(s, "int {}_next_{d}(void);", l.name);
            let _ = writeln!(
                body,
                "    printf(\"RTLD_NEXT of {d} after {0}: %d\\n\", {0}_next_{d}());",
                l.name
            );
        }
    }
}

/// Main's `dlopen` of each plugin: the constructor's record, lookups of the plugin's functions
/// and data, `RTLD_DEFAULT`, and with `close` the `dlclose` and an `RTLD_NOLOAD` check.
fn opens(tree: &Tree, s: &mut String, body: &mut String) {
    for o in &tree.opens {
        let Some(p) = tree.plugins.iter().find(|p| p.name == o.plugin) else {
            continue;
        };
        let n = &p.name;
        let _ = writeln!(
            body,
            "    {{\n        void *h = dlopen(\"lib{n}.so\", {});\n        printf(\"dlopen lib{n}.so: %d\\n\", h != 0);\n        if (h) {{",
            o.flags.c()
        );
        if p.ctor {
            let _ = writeln!(
                body,
                "            {{ int *o = (int *)dlsym(h, \"{n}_ctor_order\"); printf(\"constructor of {n}: %d\\n\", o ? *o : -1); }}"
            );
        }
        if let Some(t) = p.ctor_target.as_ref().filter(|_| p.ctor) {
            let _ = writeln!(s, "int {t}(int);");
            let _ = writeln!(
                body,
                "            {{ int (**fp)(int) = (int (**)(int))dlsym(h, \"{n}_ctor_fp\"); printf(\"constructor of {n} took &{t}: %d, calls give %d\\n\", fp ? *fp == {t} : -1, fp && *fp ? (*fp)(2) : -1); }}"
            );
        }
        for f in &p.funcs {
            let _ = writeln!(
                body,
                "            {{ int (*f)(int) = (int (*)(int))dlsym(h, \"{0}\"); printf(\"dlsym {0}: %d\\n\", f ? f(5) : -1); }}",
                f.name
            );
        }
        for d in &p.data {
            let _ = writeln!(
                body,
                "            {{ int *d = (int *)dlsym(h, \"{0}\"); printf(\"dlsym {0}: %d\\n\", d ? *d : -1); }}",
                d.name
            );
        }
        if let Some(f) = p.funcs.first() {
            let _ = writeln!(
                body,
                "            printf(\"RTLD_DEFAULT finds {0}: %d\\n\", dlsym(RTLD_DEFAULT, \"{0}\") != 0);",
                f.name
            );
        }
        if o.close {
            let _ = writeln!(
                body,
                "            printf(\"dlclose: %d\\n\", dlclose(h));\n            void *again = dlopen(\"lib{n}.so\", RTLD_NOW | RTLD_NOLOAD);\n            printf(\"still loaded: %d\\n\", again != 0);\n            if (again) dlclose(again);"
            );
        }
        body.push_str("        }\n    }\n");
    }
}

/// The jobs' functions (into `s`) and main's running them (into `body`): on threads of their
/// own, all started before any is joined, with `threads`; one after the other otherwise. Each
/// stores a checksum of what it saw, printed after all are done, and the first `dlerror` of a
/// `dlopen` that failed (never, natively), so that a difference says why.
fn jobs(tree: &Tree, threads: bool, s: &mut String, body: &mut String) {
    if tree.jobs.is_empty() {
        return;
    }
    let _ = writeln!(
        s,
        "static unsigned job_sum[{0}];\nstatic char job_error[{0}][160];",
        tree.jobs.len()
    );
    for (i, job) in tree.jobs.iter().enumerate() {
        let Some(p) = tree.plugins.iter().find(|p| p.name == job.plugin) else {
            continue;
        };
        let n = &p.name;
        let _ = write!(
            s,
            "static void *job{i}(void *arg) {{\n    unsigned sum = 0;\n    (void)arg;\n    for (int k = 0; k < {}; k++) {{\n        void *h = dlopen(\"lib{n}.so\", RTLD_NOW);\n        if (!h) {{ const char *e = dlerror(); if (!job_error[{i}][0]) snprintf(job_error[{i}], sizeof job_error[{i}], \"%s\", e ? e : \"(no dlerror)\"); sum += 1000003u; continue; }}\n",
            job.rounds
        );
        for f in &p.funcs {
            let _ = writeln!(
                s,
                "        {{ int (*f)(int) = (int (*)(int))dlsym(h, \"{0}\"); sum = sum * 31u + (f ? (unsigned)f(k) : 7u); }}",
                f.name
            );
        }
        for d in &p.data {
            let _ = writeln!(
                s,
                "        {{ int *d = (int *)dlsym(h, \"{0}\"); sum = sum * 31u + (d ? (unsigned)*d : 7u); }}",
                d.name
            );
        }
        for t in &p.tls {
            let _ = writeln!(
                s,
                "        {{ int (*g)(void) = (int (*)(void))dlsym(h, \"{0}_get\"); sum = sum * 31u + (g ? (unsigned)g() : 7u); }}",
                t.name
            );
        }
        s.push_str("        sum = sum * 31u + (unsigned)dlclose(h);\n    }\n");
        let _ = writeln!(s, "    job_sum[{i}] = sum;\n    return 0;\n}}");
    }
    let count = tree.jobs.len();
    if threads {
        let _ = writeln!(
            body,
            "    {{\n        wt_t th[{count}];\n        int started[{count}];"
        );
        for i in 0..count {
            let _ = writeln!(
                body,
                "        started[{i}] = wt_create(&th[{i}], job{i}, 0) == 0;\n        if (!started[{i}]) job{i}(0);"
            );
        }
        let _ = writeln!(
            body,
            "        for (int i = 0; i < {count}; i++) if (started[i]) wt_join(th[i], 0);\n    }}"
        );
    } else {
        for i in 0..count {
            let _ = writeln!(body, "    job{i}(0);");
        }
    }
    for (i, job) in tree.jobs.iter().enumerate() {
        let _ = writeln!(
            body,
            "    printf(\"job {i}: lib{}.so {} rounds, checksum %u\\n\", job_sum[{i}]);\n    if (job_error[{i}][0]) printf(\"job {i}: a dlopen failed: %s\\n\", job_error[{i}]);",
            job.plugin, job.rounds
        );
    }
}

/// `case.toml` of the program, with `stdout` if it is known.
pub fn manifest(tree: &Tree, shape: Shape, stdout: Option<&str>) -> String {
    let mut m = format!(
        "group = \"fuzz\"\ndescription = \"Generated by `conformance fuzz` from seed {}: {} libraries, {} plugins opened at run time; the output is the native build's.\"\nshapes = [\"{}\"]\n",
        tree.seed,
        tree.libs.len(),
        tree.plugins.len(),
        shape.name()
    );
    let list = |v: &[String]| {
        v.iter()
            .map(|x| format!("\"{x}\""))
            .collect::<Vec<_>>()
            .join(", ")
    };
    const LIB_DIRS: &str = "lib_dirs = [\"lib\", \"lib2\", \"lib3\"]";
    let module = |m: &mut String, l: &Lib, needed: &[String]| {
        let _ = write!(
            m,
            "\n[[module]]\nout = \"{2}/lib{0}.so\"\nkind = \"side\"\nsources = [\"{0}.c\"]\nlibs = [{1}]\n{LIB_DIRS}\n",
            l.name,
            list(needed),
            l.dir.path()
        );
        if l.runpath {
            m.push_str("runpath = [\"$ORIGIN/../lib2\"]\n");
        }
    };
    // Each library against those made before it; then again, against its whole list, each that
    // also needs one made after it (a NEEDED cycle).
    let position = |name: &str| tree.libs.iter().position(|l| l.name == name);
    let mut again = Vec::new();
    for (i, l) in tree.libs.iter().enumerate() {
        let earlier: Vec<String> = l
            .needed
            .iter()
            .filter(|n| position(n).is_some_and(|k| k < i))
            .cloned()
            .collect();
        if earlier.len() < l.needed.len() {
            again.push(l);
        }
        module(&mut m, l, &earlier);
    }
    for l in again {
        module(&mut m, l, &l.needed);
    }
    for p in &tree.plugins {
        module(&mut m, p, &p.needed);
    }
    let threads = shape == Shape::Threads && !tree.jobs.is_empty();
    let _ = write!(
        m,
        "\n[[module]]\nout = \"main.wasm\"\nkind = \"main\"\nsources = [\"main.c\"]\nlibs = [{}]\n{LIB_DIRS}\n",
        list(&tree.main_needed)
    );
    if tree.main_runpath {
        m.push_str("runpath = [\"$ORIGIN/lib2\"]\n");
    }
    if threads {
        m.push_str("support = [\"wasi_threads.c\", \"wasi_thread_start.s\"]\n");
    }
    let _ = write!(
        m,
        "\n[run]\nld_library_path = [\"/{}\", \"/{}\"]\n",
        Dir::Plugins.path(),
        Dir::Env.path()
    );
    if threads {
        m.push_str("needs_our_host = \"serves the wasi-threads import to a dylink.0 tree\"\n");
    }
    if let Some(out) = stdout {
        let _ = write!(m, "stdout = \"\"\"\n{out}\"\"\"\n");
    }
    m
}

/// Writes the program as a case directory `dir`.
pub fn write_case(
    tree: &Tree,
    shape: Shape,
    stdout: Option<&str>,
    dir: &Path,
) -> Result<(), String> {
    let _ = std::fs::remove_dir_all(dir);
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let write = |name: &str, text: String| {
        std::fs::write(dir.join(name), text).map_err(|e| format!("{name}: {e}"))
    };
    for l in tree.libs.iter().chain(&tree.plugins) {
        write(&format!("{}.c", l.name), lib_source(tree, l))?;
    }
    write("main.c", main_source(tree, shape))?;
    write("case.toml", manifest(tree, shape, stdout))
}
