//! The `dylink.0` custom section (tool-conventions, DynamicLinking.md), read through wasmparser's
//! reader. We add what the reader leaves to its caller: duplicate subsections are rejected, sizes
//! and alignments are checked for overflow, and unknown subsections are skipped (as the convention
//! says).

use std::collections::BTreeMap;

use wasmparser::{BinaryReader, Dylink0Subsection, MemInfo, SymbolFlags};

/// Symbol flags of the convention that the linker acts on.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SymFlags {
    /// `BINDING_WEAK`: a weak definition, or a weak reference that may stay undefined.
    pub weak: bool,
    /// `VISIBILITY_HIDDEN`: not visible to other modules' lookups.
    pub hidden: bool,
    /// `TLS`: a thread-local symbol, its value an offset from `__tls_base`.
    pub tls: bool,
    /// `ABSOLUTE`: the symbol's value is an address as it stands, not an offset from the
    /// module's `__memory_base` (wasm-ld marks symbols defined at a fixed address so).
    pub absolute: bool,
    /// The raw flag word, for anything not broken out above (`BINDING_LOCAL`, `UNDEFINED`,
    /// ...).
    pub raw: u32,
}

impl From<SymbolFlags> for SymFlags {
    fn from(f: SymbolFlags) -> Self {
        SymFlags {
            weak: f.contains(SymbolFlags::BINDING_WEAK),
            hidden: f.contains(SymbolFlags::VISIBILITY_HIDDEN),
            tls: f.contains(SymbolFlags::TLS),
            absolute: f.contains(SymbolFlags::ABSOLUTE),
            raw: f.bits(),
        }
    }
}

/// Parsed contents of a `dylink.0` section.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Dylink {
    /// Bytes of static data (`.data`, `.bss`, `.tdata` image) the module needs.
    pub mem_size: u32,
    /// Alignment of that data, as a power of two.
    pub mem_p2align: u32,
    /// Function table slots the module's element segments fill.
    pub table_size: u32,
    /// Alignment of that block of slots, as a power of two.
    pub table_p2align: u32,
    /// `WASM_DYLINK_NEEDED`: libraries this one depends on, in order.
    pub needed: Vec<String>,
    /// `WASM_DYLINK_EXPORT_INFO`: flags of exports (TLS, weak, hidden).
    pub export_info: BTreeMap<String, SymFlags>,
    /// `WASM_DYLINK_IMPORT_INFO`: flags of imports, keyed by (module, field).
    pub import_info: BTreeMap<(String, String), SymFlags>,
    /// `WASM_DYLINK_RUNTIME_PATH`: RUNPATH entries (may contain `$ORIGIN`).
    pub runtime_path: Vec<String>,
}

/// A dylink.0 section that cannot be used; the caller adds the module name.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct DylinkError(
    /// What is wrong, as wasmparser's reader or this module words it.
    pub String,
);

impl Dylink {
    /// Parses the payload of a `dylink.0` custom section. `offset` is the payload's position in the
    /// module (for error messages).
    pub fn parse(data: &[u8], offset: usize) -> Result<Dylink, DylinkError> {
        let reader = wasmparser::Dylink0SectionReader::new(BinaryReader::new(data, offset));
        let mut out = Dylink::default();
        let mut seen = [false; 256];
        for sub in reader {
            let sub = sub.map_err(|e| DylinkError(e.to_string()))?;
            let id = subsection_id(&sub);
            if id != 0 && std::mem::replace(&mut seen[id as usize], true) {
                return Err(DylinkError(format!("duplicate subsection {id}")));
            }
            match sub {
                Dylink0Subsection::MemInfo(m) => out.set_mem_info(&m)?,
                Dylink0Subsection::Needed(v) => {
                    out.needed = v.into_iter().map(String::from).collect()
                }
                Dylink0Subsection::ExportInfo(v) => {
                    for e in v {
                        out.export_info.insert(e.name.to_string(), e.flags.into());
                    }
                }
                Dylink0Subsection::ImportInfo(v) => {
                    for i in v {
                        out.import_info
                            .insert((i.module.to_string(), i.field.to_string()), i.flags.into());
                    }
                }
                Dylink0Subsection::RuntimePath(v) => {
                    out.runtime_path = v.into_iter().map(String::from).collect()
                }
                // A later revision of the convention may add subsections; they are skipped.
                Dylink0Subsection::Unknown { .. } => {}
            }
        }
        Ok(out)
    }

    /// `WASM_DYLINK_MEM_INFO`. An alignment of 2^32 or more is refused here: no 32-bit memory or
    /// table can honour it, and the layout computes `1 << p2align` unchecked.
    fn set_mem_info(&mut self, m: &MemInfo) -> Result<(), DylinkError> {
        if m.memory_alignment >= 32 {
            return Err(DylinkError(format!(
                "memory alignment 2^{} overflows",
                m.memory_alignment
            )));
        }
        if m.table_alignment >= 32 {
            return Err(DylinkError(format!(
                "table alignment 2^{} overflows",
                m.table_alignment
            )));
        }
        self.mem_size = m.memory_size;
        self.mem_p2align = m.memory_alignment;
        self.table_size = m.table_size;
        self.table_p2align = m.table_alignment;
        Ok(())
    }

    /// Flags recorded for an import. clang sometimes files `GOT.*` imports' info under `env`, so
    /// both are looked at.
    pub fn import_flags(&self, module: &str, field: &str) -> SymFlags {
        self.import_info
            .get(&(module.to_string(), field.to_string()))
            .or_else(|| {
                self.import_info
                    .get(&("env".to_string(), field.to_string()))
            })
            .copied()
            .unwrap_or_default()
    }

    /// Flags recorded for an export; all clear if dylink.0 lists none.
    pub fn export_flags(&self, name: &str) -> SymFlags {
        self.export_info.get(name).copied().unwrap_or_default()
    }
}

fn subsection_id(sub: &Dylink0Subsection<'_>) -> u8 {
    match sub {
        Dylink0Subsection::MemInfo(_) => 1,
        Dylink0Subsection::Needed(_) => 2,
        Dylink0Subsection::ExportInfo(_) => 3,
        Dylink0Subsection::ImportInfo(_) => 4,
        Dylink0Subsection::RuntimePath(_) => 5,
        // Unknown subsections may repeat: we do not know their rules.
        Dylink0Subsection::Unknown { .. } => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leb(mut v: u32, out: &mut Vec<u8>) {
        loop {
            let b = (v & 0x7f) as u8;
            v >>= 7;
            if v == 0 {
                out.push(b);
                break;
            }
            out.push(b | 0x80);
        }
    }
    fn sub(id: u8, payload: &[u8]) -> Vec<u8> {
        let mut v = vec![id];
        leb(payload.len() as u32, &mut v);
        v.extend_from_slice(payload);
        v
    }

    #[test]
    fn mem_info_and_needed() {
        let mut d = sub(1, &[0x80, 0x01, 4, 3, 0]);
        d.extend(sub(2, &[1, 5, b'l', b'i', b'b', b'a', b'.']));
        let p = Dylink::parse(&d, 0).unwrap();
        assert_eq!(
            (p.mem_size, p.mem_p2align, p.table_size, p.table_p2align),
            (128, 4, 3, 0)
        );
        assert_eq!(p.needed, vec!["liba.".to_string()]);
    }

    #[test]
    fn duplicate_subsection_is_an_error() {
        let mut d = sub(1, &[0, 0, 0, 0]);
        d.extend(sub(1, &[0, 0, 0, 0]));
        assert!(Dylink::parse(&d, 0).unwrap_err().0.contains("duplicate"));
    }

    #[test]
    fn unknown_subsection_is_skipped() {
        let mut d = sub(42, &[1, 2, 3]);
        d.extend(sub(1, &[8, 0, 0, 0]));
        let p = Dylink::parse(&d, 0).unwrap();
        assert_eq!(p.mem_size, 8);
        // Nothing of it is kept: the same as without it.
        assert_eq!(p, Dylink::parse(&sub(1, &[8, 0, 0, 0]), 0).unwrap());
    }

    #[test]
    fn truncated_and_overlong_are_errors() {
        // Needed with a count of 3 but one string.
        let d = sub(2, &[3, 1, b'a']);
        assert!(Dylink::parse(&d, 0).is_err());
        // Subsection size runs past the end.
        assert!(Dylink::parse(&[1, 10, 0, 0], 0).is_err());
        // Bad UTF-8 in a name.
        let d = sub(2, &[1, 2, 0xff, 0xfe]);
        assert!(Dylink::parse(&d, 0).is_err());
        // Alignment that overflows.
        let d = sub(1, &[0, 40, 0, 0]);
        assert!(Dylink::parse(&d, 0).unwrap_err().0.contains("overflow"));
    }
}
