pub mod base64url;
pub mod random;

/// A client-chosen name, safe to put in a message: short and printable.
pub fn printable(s: &str) -> String {
    let clean: String = s.chars().filter(|c| !c.is_control()).take(64).collect();
    if s.chars().count() > 64 {
        format!("{clean}...")
    } else {
        clean
    }
}
