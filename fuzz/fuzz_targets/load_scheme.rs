//! Loads arbitrary bytes as a scheme: nothing may panic, and a scheme that loads, written
//! back out as JSON, loads again to the same scheme file.
#![no_main]

use libfuzzer_sys::fuzz_target;
use waymark_engine::Scheme;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(scheme) = Scheme::from_json(text) else {
        return;
    };
    let written = serde_json::to_string(scheme.file()).expect("a loaded scheme is written out");
    let again = Scheme::from_json(&written).expect("a scheme written out loads again");
    assert_eq!(again.file(), scheme.file());
});
