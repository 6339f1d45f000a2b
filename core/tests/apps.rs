//! MCP Apps: hosts that draw views see `matomo_report_processed` point at its chart view, in
//! both eras; other clients see exactly the tools they saw before; the view reads as an MCP App.

mod common;

use common::{json_body, post, viewer_facts};
use matomo_mcp_core::handle;
use matomo_mcp_core::testing::FakeHost;
use serde_json::{Value, json};

const UI: &str = "io.modelcontextprotocol/ui";
const MIME: &str = "text/html;profile=mcp-app";

fn legacy_tools(host: &FakeHost, capabilities: Value) -> Vec<Value> {
    let init = json!({"jsonrpc": "2.0", "id": 1, "method": "initialize",
        "params": {"protocolVersion": "2025-11-25", "capabilities": capabilities, "clientInfo": {"name": "h", "version": "1"}}});
    let r = handle(&post(&init, None), &viewer_facts(), host);
    let sid = r.header("Mcp-Session-Id").expect("session").to_string();
    let listed = handle(
        &post(&json!({"jsonrpc": "2.0", "id": 2, "method": "tools/list"}), Some(&sid)),
        &viewer_facts(),
        host,
    );
    json_body(&listed)["result"]["tools"]
        .as_array()
        .cloned()
        .unwrap_or_default()
}

fn modern(host: &FakeHost, method: &str, params: Value, capabilities: Value) -> Value {
    let mut params = params;
    params["_meta"] = json!({"io.modelcontextprotocol/protocolVersion": "2026-07-28",
                             "io.modelcontextprotocol/clientCapabilities": capabilities});
    let body = json!({"jsonrpc": "2.0", "id": 3, "method": method, "params": params});
    let mut req = post(&body, None);
    req.headers.push(("mcp-protocol-version".into(), "2026-07-28".into()));
    req.headers.push(("mcp-method".into(), method.into()));
    if let Some(uri) = body["params"]["uri"].as_str() {
        req.headers.push(("mcp-name".into(), uri.into()));
    }
    json_body(&handle(&req, &viewer_facts(), host))["result"].clone()
}

fn pointers(tools: &[Value]) -> Vec<(String, Value)> {
    tools
        .iter()
        .filter(|t| t.get("_meta").is_some())
        .map(|t| (t["name"].as_str().unwrap_or("").to_string(), t["_meta"].clone()))
        .collect()
}

#[test]
fn hosts_that_draw_views_see_the_chart_pointer_in_both_eras() {
    let host = FakeHost::recorded(1);
    let draws = json!({"extensions": {UI: {"mimeTypes": [MIME]}}});
    let expected = vec![(
        "matomo_report_processed".to_string(),
        json!({"ui": {"resourceUri": "ui://matomo/report-chart.html"}, "ui/resourceUri": "ui://matomo/report-chart.html"}),
    )];
    assert_eq!(pointers(&legacy_tools(&host, draws.clone())), expected);
    let listed = modern(&host, "tools/list", json!({}), draws);
    assert_eq!(pointers(listed["tools"].as_array().expect("tools")), expected);

    // everyone else: the same list as before, without any _meta
    assert!(pointers(&legacy_tools(&host, json!({}))).is_empty());
    let plain = modern(&host, "tools/list", json!({}), json!({}));
    assert!(pointers(plain["tools"].as_array().expect("tools")).is_empty());
    let other_type = json!({"extensions": {UI: {"mimeTypes": ["text/html"]}}});
    assert!(pointers(&legacy_tools(&host, other_type)).is_empty());
}

#[test]
fn the_view_is_listed_and_read_as_an_mcp_app() {
    let host = FakeHost::recorded(1);
    let listed = modern(&host, "resources/list", json!({}), json!({}));
    let view = listed["resources"]
        .as_array()
        .and_then(|r| r.iter().find(|r| r["uri"] == "ui://matomo/report-chart.html"))
        .cloned()
        .expect("the view is listed");
    assert_eq!(view["mimeType"], MIME);
    let read = modern(
        &host,
        "resources/read",
        json!({"uri": "ui://matomo/report-chart.html"}),
        json!({}),
    );
    let content = &read["contents"][0];
    assert_eq!(
        (
            content["mimeType"].as_str(),
            content["_meta"]["ui"]["prefersBorder"].as_bool()
        ),
        (Some(MIME), Some(true))
    );
    assert!(
        content["text"]
            .as_str()
            .is_some_and(|t| t.starts_with("<!DOCTYPE html>"))
    );
    assert_eq!(
        read["contents"].as_array().map(Vec::len),
        Some(1),
        "hosts expect one content item"
    );
    let discovered = modern(&host, "server/discover", json!({}), json!({}));
    assert!(discovered["capabilities"]["extensions"][UI].is_object());
}
