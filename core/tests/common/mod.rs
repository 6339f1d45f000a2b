//! What every integration test needs: a logged-in viewer's endpoint facts and a POST request.
#![allow(dead_code)] // each test file uses its own part

use matomo_mcp_core::{EndpointFacts, HttpRequest, HttpResponse};
use serde_json::{Value, json};

pub fn viewer_facts() -> EndpointFacts {
    serde_json::from_value(json!({
        "format": "mcp", "module": "API", "method": "McpServer.mcp", "is_root_request": true,
        "root_method": "McpServer.mcp",
        "user": {"login": "viewer", "anonymous": false, "has_view_access": true, "highest_access": "view"},
        "settings": {"enable_mcp": true, "maximum_mcp_access_level": "unlimited", "allow_token_in_url": false},
        "token_in_url": false, "trusted_hosts": ["matomo.example.org"], "host_valid": true,
        "config": {}, "plugin_version": matomo_mcp_core::PLUGIN_VERSION.as_str()
    }))
    .expect("facts")
}

pub fn post(body: &Value, session: Option<&str>) -> HttpRequest {
    let mut headers = vec![
        ("accept".to_string(), "application/json, text/event-stream".to_string()),
        ("content-type".to_string(), "application/json".to_string()),
    ];
    if let Some(id) = session {
        headers.push(("mcp-session-id".into(), id.into()));
        headers.push(("mcp-protocol-version".into(), "2025-11-25".into()));
    }
    HttpRequest {
        method: "POST".into(),
        headers,
        body: body.to_string().into_bytes(),
    }
}

pub fn json_body(r: &HttpResponse) -> Value {
    serde_json::from_str(&r.body).expect("a JSON body")
}
