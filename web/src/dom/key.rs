//! Idempotency keys: random, from the browser's cryptography.

/// A new random idempotency key, as a version 4 UUID.
pub fn random() -> String {
    let mut bytes = [0u8; 16];
    let filled = super::window()
        .and_then(|w| w.crypto().ok())
        .is_some_and(|c| c.get_random_values_with_u8_array(&mut bytes).is_ok());
    if !filled {
        // Every browser the page runs in has `crypto`; this last resort still makes keys
        // that differ from one person to the next.
        bytes = bytes.map(|_| (js_sys::Math::random() * 256.0) as u8);
    }
    uuid(bytes)
}

/// Formats 16 random bytes as a version 4 UUID.
pub fn uuid(mut bytes: [u8; 16]) -> String {
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..]
    )
}

#[cfg(test)]
mod tests {
    use super::uuid;

    #[test]
    fn keys_are_version_4_uuids() {
        assert_eq!(uuid([0; 16]), "00000000-0000-4000-8000-000000000000");
        assert_eq!(uuid([0xff; 16]), "ffffffff-ffff-4fff-bfff-ffffffffffff");
    }
}
