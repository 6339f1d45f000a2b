//! Unguessable identifiers from the operating system's secure random source.

/// 32 random bytes as 64 lower-case hex characters (256 bits; visible ASCII only).
pub fn token_hex() -> Result<String, String> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|e| format!("secure random source unavailable: {e}"))?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

#[cfg(test)]
mod tests {
    #[test]
    fn tokens_are_long_hex_and_distinct() {
        let a = super::token_hex().expect("random");
        let b = super::token_hex().expect("random");
        assert_eq!(a.len(), 64);
        assert!(a.bytes().all(|c| c.is_ascii_hexdigit()));
        assert_ne!(a, b);
    }
}
