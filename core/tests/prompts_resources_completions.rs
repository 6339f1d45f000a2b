//! Prompts, resources and completions through the endpoint, in a legacy session and in
//! stateless 2026-07-28 requests: the same answers, each era's envelope and not-found code.

mod common;

use common::{json_body, post, viewer_facts};
use matomo_mcp_core::handle;
use matomo_mcp_core::testing::FakeHost;
use serde_json::{Value, json};

fn legacy_session(host: &FakeHost) -> String {
    let init = json!({"jsonrpc": "2.0", "id": 1, "method": "initialize",
        "params": {"protocolVersion": "2025-11-25", "capabilities": {}, "clientInfo": {"name": "it", "version": "1"}}});
    let r = handle(&post(&init, None), &viewer_facts(), host);
    let caps = &json_body(&r)["result"]["capabilities"];
    assert!(caps["prompts"].is_object() && caps["resources"].is_object() && caps["completions"].is_object());
    r.header("Mcp-Session-Id").expect("session").to_string()
}

fn legacy(host: &FakeHost, session: &str, method: &str, params: Value) -> Value {
    let body = json!({"jsonrpc": "2.0", "id": 5, "method": method, "params": params});
    json_body(&handle(&post(&body, Some(session)), &viewer_facts(), host))
}

fn modern(host: &FakeHost, method: &str, mut params: Value) -> Value {
    params["_meta"] = json!({"io.modelcontextprotocol/protocolVersion": "2026-07-28",
                             "io.modelcontextprotocol/clientCapabilities": {}});
    let body = json!({"jsonrpc": "2.0", "id": 6, "method": method, "params": params});
    let mut req = post(&body, None);
    req.headers.push(("mcp-protocol-version".into(), "2026-07-28".into()));
    req.headers.push(("mcp-method".into(), method.into()));
    if let Some(name) = body["params"]["name"].as_str().or(body["params"]["uri"].as_str()) {
        req.headers.push(("mcp-name".into(), name.into()));
    }
    json_body(&handle(&req, &viewer_facts(), host))
}

#[test]
fn both_eras_answer_the_same_prompts_resources_and_completions() {
    // a real Matomo 5.1.2 as the viewer saw it
    let host = FakeHost::recorded(1);
    let session = legacy_session(&host);
    let cases = [
        ("prompts/list", json!({})),
        (
            "prompts/get",
            json!({"name": "matomo_audience_segments", "arguments": {"idSite": "1"}}),
        ),
        ("resources/list", json!({})),
        ("resources/templates/list", json!({})),
        ("resources/read", json!({"uri": "matomo://sites/1"})),
        (
            "completion/complete",
            json!({"ref": {"type": "ref/prompt", "name": "matomo_traffic_overview"},
                                        "argument": {"name": "idSite", "value": "bl"}}),
        ),
    ];
    for (method, params) in cases {
        let old = legacy(&host, &session, method, params.clone())["result"].clone();
        let mut new = modern(&host, method, params)["result"].clone();
        assert_eq!(new["resultType"], "complete", "{method}: {new}");
        let cacheable = [
            "prompts/list",
            "resources/list",
            "resources/templates/list",
            "resources/read",
        ]
        .contains(&method);
        assert_eq!(new.get("cacheScope").is_some(), cacheable, "{method}");
        if let Some(map) = new.as_object_mut() {
            for key in ["resultType", "ttlMs", "cacheScope", "_meta"] {
                map.remove(key);
            }
        }
        assert!(
            old.is_object() && !old.as_object().is_some_and(|o| o.is_empty()),
            "{method}: {old}"
        );
        assert_eq!(old, new, "{method}");
    }
}

#[test]
fn a_missing_resource_is_each_eras_not_found() {
    let host = FakeHost::recorded(1);
    let session = legacy_session(&host);
    // site 3 exists, but the viewer has no access to it: Matomo refused as it did when recorded
    let uri = "matomo://sites/3";
    let old = legacy(&host, &session, "resources/read", json!({"uri": uri}));
    assert_eq!(
        (old["error"]["code"].as_i64(), &old["error"]["data"]["uri"]),
        (Some(-32002), &json!(uri))
    );
    let new = modern(&host, "resources/read", json!({"uri": uri}));
    assert_eq!(
        (new["error"]["code"].as_i64(), &new["error"]["data"]["uri"]),
        (Some(-32602), &json!(uri))
    );
}
