//! Any body, in either era. Even first byte: on a 2025-03-26 session (batches allowed): the
//! JSON-RPC classifier, batches, dispatch and every answer's shape. Odd first byte: a stateless
//! 2026-07-28 request whose headers repeat what the body says, so that most inputs pass the
//! header checks and reach the methods (prompts, resources, completions, tools).
#![no_main]

#[path = "common.rs"]
mod common;

use libfuzzer_sys::fuzz_target;
use matomo_mcp_core::handle;
use serde_json::Value;

/// The headers a conforming 2026-07-28 client sends for this body.
fn modern_headers(body: &[u8]) -> Vec<(String, String)> {
    let mut headers = common::json_headers(None, "2026-07-28");
    headers.push(("mcp-protocol-version".into(), "2026-07-28".into()));
    if let Ok(v) = serde_json::from_slice::<Value>(body) {
        if let Some(method) = v.get("method").and_then(Value::as_str) {
            headers.push(("mcp-method".into(), method.into()));
        }
        let params = v.get("params");
        if let Some(name) = params
            .and_then(|p| p.get("name").or_else(|| p.get("uri")))
            .and_then(Value::as_str)
        {
            headers.push(("mcp-name".into(), name.into()));
        }
    }
    headers
}

fuzz_target!(|data: &[u8]| {
    let Some((&era, body)) = data.split_first() else {
        return;
    };
    common::with_session("2025-03-26", |host, sid, facts| {
        let headers = if era % 2 == 0 {
            common::json_headers(Some(sid), "2025-03-26")
        } else {
            modern_headers(body)
        };
        let r = handle(&common::request(body.to_vec(), headers), facts, host);
        common::check(&r.body);
    });
});
