//! MCP protocol revisions this server speaks and how it negotiates them. Two eras share the URL:
//! the legacy revisions negotiate once in `initialize` and keep a session; the modern ones
//! (2026-07-28 on) name their revision in every request and keep nothing.

/// Legacy revisions, newest first. 2024-11-05 is answered for old clients; its transport rules
/// equal 2025-03-26's here.
pub const SUPPORTED: [&str; 4] = ["2025-11-25", "2025-06-18", "2025-03-26", "2024-11-05"];
pub const LATEST: &str = SUPPORTED[0];
/// Modern revisions, served statelessly.
pub const MODERN: [&str; 1] = ["2026-07-28"];

/// Every revision, newest first: what `server/discover` and an unsupported-version error list.
pub fn all() -> impl Iterator<Item = &'static str> {
    MODERN.iter().chain(SUPPORTED.iter()).copied()
}

pub fn is_modern(version: &str) -> bool {
    MODERN.contains(&version)
}

pub fn is_supported(version: &str) -> bool {
    SUPPORTED.contains(&version)
}

/// The client's version when we speak it, else our newest (the client then decides).
pub fn negotiate(requested: Option<&str>) -> &'static str {
    requested
        .and_then(|r| SUPPORTED.iter().find(|v| **v == r))
        .copied()
        .unwrap_or(LATEST)
}

/// Structured tool output (`outputSchema`, `structuredContent`) and `title` fields exist from
/// 2025-06-18 on; older clients get the shapes they know.
pub fn has_structured_output(version: &str) -> bool {
    version >= "2025-06-18"
}

/// JSON-RPC batches exist only in 2025-03-26 (and are harmless to accept for 2024-11-05).
pub fn allows_batches(version: &str) -> bool {
    version <= "2025-03-26"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negotiation_echoes_known_versions_and_counter_offers_the_rest() {
        for v in SUPPORTED {
            assert_eq!(negotiate(Some(v)), v);
        }
        assert_eq!(negotiate(Some("2026-07-28")), LATEST);
        assert_eq!(negotiate(Some("1999-01-01")), LATEST);
        assert_eq!(negotiate(None), LATEST);
    }

    #[test]
    fn version_features() {
        assert!(has_structured_output("2025-06-18") && has_structured_output("2025-11-25"));
        assert!(!has_structured_output("2025-03-26"));
        assert!(allows_batches("2025-03-26") && !allows_batches("2025-06-18"));
        assert!(!is_supported("2026-07-28") && is_modern("2026-07-28"));
        assert_eq!(all().next(), Some("2026-07-28"));
        assert_eq!(all().count(), 5);
    }
}
