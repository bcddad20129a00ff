//! Arbitrary bytes into the metadata reader: as a dylink.0 payload, and as a whole module. Either
//! gives a value or a typed error; a panic or a hang is a bug.
#![no_main]

use libfuzzer_sys::fuzz_target;
use linker_core::metadata::{Dylink, ModuleInfo};

fuzz_target!(|data: &[u8]| {
    let _ = Dylink::parse(data, 0);
    let _ = ModuleInfo::parse("fuzz", data, true);
    // The same bytes as the payload of a dylink.0 section in an otherwise valid module.
    let mut m = b"\0asm\x01\0\0\0\0".to_vec();
    let mut body = vec![8u8];
    body.extend_from_slice(b"dylink.0");
    body.extend_from_slice(data);
    let mut len = body.len() as u32;
    loop {
        let b = (len & 0x7f) as u8;
        len >>= 7;
        if len == 0 {
            m.push(b);
            break;
        }
        m.push(b | 0x80);
    }
    m.extend_from_slice(&body);
    let _ = ModuleInfo::parse("fuzz", &m, true);
});
