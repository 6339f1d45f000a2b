//! Unpadded base64url (RFC 4648 section 5), enough for opaque cursors; and the padded standard
//! alphabet (section 4) that MCP's `=?base64?...?=` header values use.

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

pub fn encode(input: &[u8]) -> String {
    let mut out = String::with_capacity(input.len().div_ceil(3) * 4);
    for chunk in input.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |acc, (i, b)| acc | (u32::from(*b) << (16 - 8 * i)));
        for i in 0..=chunk.len() {
            out.push(char::from(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize]));
        }
    }
    out
}

fn value(c: u8) -> Option<u32> {
    ALPHABET.iter().position(|a| *a == c).map(|p| p as u32)
}

pub fn decode(input: &str) -> Option<Vec<u8>> {
    let bytes = input.as_bytes();
    if bytes.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(bytes.len() * 3 / 4);
    for chunk in bytes.chunks(4) {
        let mut n = 0u32;
        for (i, c) in chunk.iter().enumerate() {
            n |= value(*c)? << (18 - 6 * i);
        }
        for i in 0..chunk.len() - 1 {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    Some(out)
}

/// Padded standard base64 (`+`, `/`, `=`): anything else, a wrong length or misplaced padding
/// is refused rather than guessed at.
pub fn decode_standard(input: &str) -> Option<Vec<u8>> {
    if !input.len().is_multiple_of(4) {
        return None;
    }
    let unpadded = input
        .strip_suffix("==")
        .or_else(|| input.strip_suffix('='))
        .unwrap_or(input);
    if unpadded.bytes().any(|b| matches!(b, b'-' | b'_' | b'=')) {
        return None;
    }
    decode(&unpadded.replace('+', "-").replace('/', "_"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn standard_padded_base64_is_strict() {
        assert_eq!(decode_standard("SGVsbG8=").as_deref(), Some(&b"Hello"[..]));
        assert_eq!(decode_standard("+/8=").as_deref(), Some(&[0xfb, 0xff][..]));
        for bad in ["SGVsbG8", "SGVs*G8=", "SG=sbG8=", "-_8=", "S==="] {
            assert_eq!(decode_standard(bad), None, "{bad}");
        }
    }

    #[test]
    fn round_trips_every_length() {
        let data: Vec<u8> = (0..=255u8).collect();
        for len in 0..40 {
            let enc = encode(&data[..len]);
            assert!(!enc.contains('='));
            assert_eq!(decode(&enc).as_deref(), Some(&data[..len]));
        }
        assert_eq!(encode(b"Man"), "TWFu");
        assert_eq!(encode(b"\xfb\xff"), "-_8");
    }

    #[test]
    fn rejects_foreign_characters() {
        assert_eq!(decode("ab+c"), None);
        assert_eq!(decode("a"), None);
        assert_eq!(decode("ab=="), None);
    }
}
