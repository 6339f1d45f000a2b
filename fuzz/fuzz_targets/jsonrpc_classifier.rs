//! Any body through the JSON-RPC classifier and the id reader that Matomo-level errors use: each
//! message is classified as what it really is, and an error answer echoes a valid id.
#![no_main]

use libfuzzer_sys::fuzz_target;
use matomo_mcp_core::testing::surface::{Message, body_ids, classify, error_body};
use serde_json::Value;

fn usable_id(v: &Value) -> bool {
    v.is_string() || v.is_i64() || v.is_u64()
}

/// An error answer for `id` is JSON that carries exactly that id.
fn echoes(id: &Value, reason: &str) {
    let body = error_body(id, -32600, reason);
    let back: Value = serde_json::from_str(&body).expect("an error body is JSON");
    assert_eq!(&back["id"], id);
    assert_eq!(back["jsonrpc"], "2.0");
}

fn check_message(m: &Value) {
    match classify(m) {
        Message::Request { id, method, params } => {
            assert_eq!(m["jsonrpc"], "2.0");
            assert_eq!(m["method"].as_str(), Some(method.as_str()));
            assert!(usable_id(&id) && m.get("id") == Some(&id));
            assert!(params.is_none_or(|p| p.is_object() || p.is_array()));
            echoes(&id, "x");
        }
        Message::Notification { method } => {
            assert!(m.get("id").is_none());
            assert_eq!(m["method"].as_str(), Some(method.as_str()));
        }
        Message::Response => {
            assert!(m.get("method").is_none());
            assert!(m.get("result").is_some() || m.get("error").is_some());
        }
        Message::Invalid { id, reason } => {
            assert!(id.is_null() || usable_id(&id));
            assert!(reason.starts_with("Invalid Request: "));
            echoes(&id, reason);
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let parsed = serde_json::from_slice::<Value>(data).ok();
    let ids = body_ids(parsed.as_ref());
    assert!(ids.request_id == "" || usable_id(&ids.request_id));
    if let Some(id) = &ids.top_level_id {
        assert!(parsed.as_ref().is_some_and(Value::is_object) && usable_id(id));
    }
    match &parsed {
        Some(Value::Array(items)) => items.iter().for_each(check_message),
        Some(other) => check_message(other),
        None => {}
    }
});
