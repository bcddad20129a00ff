//! What the linker's module rewriters (`plan/instrument.rs`, `stubs/inline.rs`) share when they
//! re-encode a module with `wasm-encoder`.

use wasm_encoder::reencode::{utils, Error, Reencode};

/// Copies a custom section, except DWARF (`.debug_*`): a rewritten module's code offsets no
/// longer match what DWARF says. The `dylink.0` section, the name section (renumbered by the
/// rewriter's `function_index`) and the others are kept.
pub(crate) fn custom_section_without_dwarf<R: Reencode + ?Sized>(
    r: &mut R,
    module: &mut wasm_encoder::Module,
    section: wasmparser::CustomSectionReader<'_>,
) -> Result<(), Error<R::Error>> {
    if section.name().starts_with(".debug") {
        return Ok(());
    }
    utils::parse_custom_section(r, module, section)
}
