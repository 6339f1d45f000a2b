//! MCP protocol revisions this server speaks (handshake era) and how it negotiates them.

/// Newest first. 2024-11-05 is answered for old clients; its transport rules equal 2025-03-26's here.
pub const SUPPORTED: [&str; 4] = ["2025-11-25", "2025-06-18", "2025-03-26", "2024-11-05"];
pub const LATEST: &str = SUPPORTED[0];

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
        assert!(!is_supported("2026-07-28"));
    }
}
