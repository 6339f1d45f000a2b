//! A client's whole conversation through the public API, as the extension drives it:
//! initialize, the initialized notification, tools/list, tools/call, all on one session.

mod common;

use common::{json_body, post, viewer_facts};
use matomo_mcp_core::testing::FakeHost;
use matomo_mcp_core::{builtin_tool_names, handle};
use serde_json::json;

#[test]
fn a_client_initializes_lists_and_calls_a_tool_on_one_session() {
    let host = FakeHost::recorded(1);
    let facts = viewer_facts();
    let init = json!({"jsonrpc": "2.0", "id": 1, "method": "initialize",
        "params": {"protocolVersion": "2025-11-25", "capabilities": {}, "clientInfo": {"name": "it", "version": "1"}}});
    let r = handle(&post(&init, None), &facts, &host);
    assert_eq!(r.status, 200);
    let session = r.header("Mcp-Session-Id").expect("a session id").to_string();
    assert_eq!(json_body(&r)["result"]["protocolVersion"], "2025-11-25");

    let notified = handle(
        &post(
            &json!({"jsonrpc": "2.0", "method": "notifications/initialized"}),
            Some(&session),
        ),
        &facts,
        &host,
    );
    assert_eq!(notified.status, 202);

    let listed = json_body(&handle(
        &post(
            &json!({"jsonrpc": "2.0", "id": 2, "method": "tools/list"}),
            Some(&session),
        ),
        &facts,
        &host,
    ));
    let names: Vec<String> = listed["result"]["tools"]
        .as_array()
        .expect("tools")
        .iter()
        .filter_map(|t| t["name"].as_str().map(str::to_string))
        .collect();
    assert_eq!(
        names,
        builtin_tool_names()
            .into_iter()
            .filter(|n| !n.starts_with("matomo_api_"))
            .collect::<Vec<_>>()
    );

    let called = json_body(&handle(
        &post(
            &json!({"jsonrpc": "2.0", "id": 3, "method": "tools/call", "params": {"name": "matomo_site_list", "arguments": {}}}),
            Some(&session),
        ),
        &facts,
        &host,
    ));
    assert_eq!(called["result"]["isError"], false);
    assert!(
        called["result"]["structuredContent"]["sites"]
            .as_array()
            .is_some_and(|s| !s.is_empty())
    );
}

#[test]
fn a_session_is_bound_to_its_user() {
    let host = FakeHost::recorded(1);
    let facts = viewer_facts();
    let init = json!({"jsonrpc": "2.0", "id": 1, "method": "initialize",
        "params": {"protocolVersion": "2025-11-25", "capabilities": {}, "clientInfo": {"name": "it", "version": "1"}}});
    let session = handle(&post(&init, None), &facts, &host)
        .header("Mcp-Session-Id")
        .expect("id")
        .to_string();
    let mut other = viewer_facts();
    other.user.login = "someone-else".into();
    let r = handle(
        &post(&json!({"jsonrpc": "2.0", "id": 2, "method": "ping"}), Some(&session)),
        &other,
        &host,
    );
    assert_eq!(r.status, 404, "{}", r.body);
}
