//! What the targets share: a logged-in viewer's facts (tool-call logging on, values in full, so
//! redaction runs) and a session opened on a host that answers like the recorded Matomo.

use matomo_mcp_core::testing::FakeHost;
use matomo_mcp_core::{EndpointFacts, HttpRequest, handle};
use serde_json::json;

thread_local! {
    /// One recorded Matomo and its sessions per fuzzing thread (building it per input would
    /// measure the recordings' loading instead of the endpoint).
    static HOST: FakeHost = FakeHost::recorded(1);
    static FACTS: EndpointFacts = facts();
    static SESSIONS: std::cell::RefCell<std::collections::HashMap<String, String>> = Default::default();
}

/// Runs `f` with the host, its session of `version` and the facts; the host's per-request
/// records are cleared afterwards so that memory stays flat over millions of inputs.
pub fn with_session<R>(version: &str, f: impl FnOnce(&FakeHost, &str, &EndpointFacts) -> R) -> R {
    HOST.with(|host| {
        FACTS.with(|facts| {
            let sid = SESSIONS.with(|s| {
                s.borrow_mut()
                    .entry(version.to_string())
                    .or_insert_with(|| open(host, version))
                    .clone()
            });
            let out = f(host, &sid, facts);
            host.api_calls.borrow_mut().clear();
            host.logs.borrow_mut().clear();
            host.misses.borrow_mut().clear();
            // sessions an input opened itself go again: only ours are kept
            SESSIONS.with(|ours| {
                let ours = ours.borrow();
                host.sessions
                    .borrow_mut()
                    .retain(|id, _| ours.values().any(|o| o == id));
            });
            out
        })
    })
}

pub fn facts() -> EndpointFacts {
    serde_json::from_value(json!({
        "format": "mcp", "module": "API", "method": "McpServer.mcp", "is_root_request": true,
        "root_method": "McpServer.mcp",
        "user": {"login": "viewer", "anonymous": false, "has_view_access": true, "highest_access": "view"},
        "settings": {"enable_mcp": true, "maximum_mcp_access_level": "unlimited", "allow_token_in_url": false,
                     "raw_api_access_scope": "full"},
        "token_in_url": false, "trusted_hosts": ["matomo.example.org"], "host_valid": true,
        "config": {"log_tool_calls": "1", "log_tool_call_parameters_full": "1"},
        "plugin_version": matomo_mcp_core::PLUGIN_VERSION.as_str()
    }))
    .expect("facts")
}

pub fn request(body: Vec<u8>, headers: Vec<(String, String)>) -> HttpRequest {
    HttpRequest {
        method: "POST".into(),
        headers,
        body,
    }
}

pub fn json_headers(session: Option<&str>, version: &str) -> Vec<(String, String)> {
    let mut h = vec![
        ("accept".to_string(), "application/json, text/event-stream".to_string()),
        ("content-type".to_string(), "application/json".to_string()),
    ];
    if let Some(id) = session {
        h.push(("mcp-session-id".into(), id.into()));
        h.push(("mcp-protocol-version".into(), version.into()));
    }
    h
}

/// A session of `version` on `host`.
pub fn open(host: &FakeHost, version: &str) -> String {
    let init = json!({"jsonrpc": "2.0", "id": 1, "method": "initialize",
        "params": {"protocolVersion": version, "capabilities": {}, "clientInfo": {"name": "fuzz", "version": "1"}}});
    let r = handle(
        &request(init.to_string().into_bytes(), json_headers(None, version)),
        &facts(),
        host,
    );
    r.header("Mcp-Session-Id").expect("a session").to_string()
}

/// What must hold for every answer: a JSON-RPC answer or an empty one, never a token.
pub fn check(body: &str) {
    assert!(
        !body.contains("a1b2c3d4e5f60718293a4b5c6d7e8f90"),
        "a token in an answer"
    );
    if !body.is_empty() && !body.starts_with("event:") {
        serde_json::from_str::<serde_json::Value>(body).expect("a JSON answer");
    }
}
