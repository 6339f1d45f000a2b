//! What every 2026-07-28 result carries besides its own fields: `resultType`, the server's
//! identity in `_meta`, and for lists and resource reads how long a client may reuse them.
//!
//! Results are written as JSON text once (a tools list is tens of kilobytes), so the envelope is
//! written into that text rather than into a parsed value.

use serde_json::Value;

/// Lists and resources depend on the token's user (their sites, the administrator's settings):
/// a client may reuse them for this user only, and only briefly, so that a changed setting or a
/// new site shows within a minute.
pub const PRIVATE_TTL_MS: u64 = 60_000;
/// `server/discover` is the same for everyone who may call the endpoint.
pub const DISCOVER_TTL_MS: u64 = 3_600_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cache {
    /// The same for every user of this server.
    Public(u64),
    /// For the token's user only.
    Private(u64),
}

/// The methods whose complete results must say how long they may be cached.
pub fn cache_of(method: &str) -> Option<Cache> {
    match method {
        "server/discover" => Some(Cache::Public(DISCOVER_TTL_MS)),
        "tools/list" | "prompts/list" | "resources/list" | "resources/templates/list" | "resources/read" => {
            Some(Cache::Private(PRIVATE_TTL_MS))
        }
        _ => None,
    }
}

/// `result` (a JSON object's text) with the modern envelope fields in front of its own.
pub fn complete(result: &str, server_info: &Value, cache: Option<Cache>) -> String {
    let mut out = String::with_capacity(result.len() + 160);
    out.push_str("{\"resultType\":\"complete\"");
    match cache {
        Some(Cache::Public(ms)) => out.push_str(&format!(",\"ttlMs\":{ms},\"cacheScope\":\"public\"")),
        Some(Cache::Private(ms)) => out.push_str(&format!(",\"ttlMs\":{ms},\"cacheScope\":\"private\"")),
        None => {}
    }
    out.push_str(",\"_meta\":{\"io.modelcontextprotocol/serverInfo\":");
    out.push_str(&server_info.to_string());
    out.push('}');
    let own = result.trim().strip_prefix('{').unwrap_or("}").trim_start();
    if !own.starts_with('}') {
        out.push(',');
    }
    out.push_str(own);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_envelope_goes_in_front_of_the_result() {
        let info = json!({"name": "M", "version": "1"});
        let listed = complete(r#"{"tools":[]}"#, &info, cache_of("tools/list"));
        let v: Value = serde_json::from_str(&listed).expect("json");
        assert_eq!(
            v,
            json!({"resultType": "complete", "ttlMs": 60000, "cacheScope": "private",
                   "_meta": {"io.modelcontextprotocol/serverInfo": info}, "tools": []})
        );
        let empty: Value = serde_json::from_str(&complete("{}", &info, None)).expect("json");
        assert_eq!(
            empty,
            json!({"resultType": "complete", "_meta": {"io.modelcontextprotocol/serverInfo": info}})
        );
        assert_eq!(cache_of("server/discover"), Some(Cache::Public(DISCOVER_TTL_MS)));
        assert_eq!(cache_of("tools/call"), None);
    }
}
