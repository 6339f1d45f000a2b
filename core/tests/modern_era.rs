//! Protocol 2026-07-28 on the same endpoint as the legacy revisions: stateless requests that carry
//! their revision in `_meta` and in headers, `server/discover`, the specified errors in the
//! specified order, and the result envelope. Nothing is stored between requests.

mod common;

use common::{json_body, post, viewer_facts};
use matomo_mcp_core::testing::FakeHost;
use matomo_mcp_core::{HttpRequest, HttpResponse, handle};
use serde_json::{Value, json};

const MODERN: &str = "2026-07-28";

fn meta() -> Value {
    json!({"io.modelcontextprotocol/protocolVersion": MODERN,
           "io.modelcontextprotocol/clientCapabilities": {},
           "io.modelcontextprotocol/clientInfo": {"name": "modern-test", "version": "2"}})
}

/// A modern request with its `_meta` and the headers a conforming client sends.
fn request(id: Value, method: &str, mut params: Value) -> HttpRequest {
    params["_meta"] = meta();
    let body = json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params});
    let mut req = post(&body, None);
    req.headers.push(("mcp-protocol-version".into(), MODERN.into()));
    req.headers.push(("mcp-method".into(), method.into()));
    if let Some(name) = body["params"]["name"].as_str().or(body["params"]["uri"].as_str()) {
        req.headers.push(("mcp-name".into(), name.into()));
    }
    req
}

fn with_header(mut req: HttpRequest, name: &str, value: Option<&str>) -> HttpRequest {
    req.headers.retain(|(n, _)| n != name);
    if let Some(v) = value {
        req.headers.push((name.into(), v.into()));
    }
    req
}

fn send(host: &FakeHost, req: &HttpRequest) -> (u16, Value) {
    let r: HttpResponse = handle(req, &viewer_facts(), host);
    (r.status, json_body(&r))
}

#[test]
fn discover_names_every_revision_and_what_the_server_offers() {
    let host = FakeHost::new();
    let (status, body) = send(&host, &request(json!(1), "server/discover", json!({})));
    assert_eq!(status, 200, "{body}");
    let result = &body["result"];
    assert_eq!(result["resultType"], "complete");
    assert_eq!(result["supportedVersions"][0], MODERN);
    assert!(
        result["supportedVersions"]
            .as_array()
            .is_some_and(|v| v.contains(&json!("2025-11-25")))
    );
    for capability in ["tools", "prompts", "resources", "completions"] {
        assert!(result["capabilities"][capability].is_object(), "{capability}: {result}");
    }
    assert_eq!(
        (result["cacheScope"].as_str(), result["ttlMs"].is_u64()),
        (Some("public"), true)
    );
    assert_eq!(
        result["_meta"]["io.modelcontextprotocol/serverInfo"]["name"],
        "Matomo MCP Server"
    );
    assert!(
        result["instructions"]
            .as_str()
            .is_some_and(|i| i.contains("matomo_site_list"))
    );
    assert!(host.sessions.borrow().is_empty() && host.writes.get() == 0, "stateless");
}

#[test]
fn lists_and_calls_carry_the_envelope_and_no_session() {
    let host = FakeHost::recorded(1);
    let r = handle(&request(json!("l"), "tools/list", json!({})), &viewer_facts(), &host);
    assert_eq!(r.header("Mcp-Session-Id"), None);
    let listed = json_body(&r)["result"].clone();
    assert_eq!(
        (listed["resultType"].as_str(), listed["cacheScope"].as_str()),
        (Some("complete"), Some("private"))
    );
    assert!(listed["ttlMs"].is_u64() && listed["tools"].as_array().is_some_and(|t| !t.is_empty()));
    // a call: the tool answers as in 2025-11-25, with structured content
    let (status, called) = send(
        &host,
        &request(
            json!(2),
            "tools/call",
            json!({"name": "matomo_site_list", "arguments": {}}),
        ),
    );
    assert_eq!(status, 200);
    assert_eq!(called["result"]["resultType"], "complete");
    assert_eq!(called["result"]["isError"], false);
    assert!(called["result"]["structuredContent"]["sites"].is_array(), "{called}");
    assert!(
        called["result"].get("ttlMs").is_none(),
        "a call result is not cacheable"
    );
    assert!(
        host.sessions.borrow().is_empty() && host.writes.get() == 0,
        "no session row, no write"
    );
}

#[test]
fn argument_problems_are_tool_results_in_2026() {
    let host = FakeHost::recorded(1);
    let (status, body) = send(
        &host,
        &request(
            json!(3),
            "tools/call",
            json!({"name": "matomo_site_get", "arguments": {}}),
        ),
    );
    assert_eq!(status, 200);
    assert_eq!(body["result"]["isError"], true, "{body}");
    assert!(
        body["result"]["content"][0]["text"]
            .as_str()
            .is_some_and(|t| t.contains("idSite"))
    );
    let (_, unknown) = send(&host, &request(json!(4), "tools/call", json!({"name": "no_such_tool"})));
    assert_eq!(
        unknown["error"]["code"], -32602,
        "an unknown tool stays a protocol error"
    );
}

#[test]
fn missing_meta_is_invalid_params_before_any_header_check() {
    let host = FakeHost::new();
    for params in [
        json!({}),
        json!({"_meta": {"io.modelcontextprotocol/clientCapabilities": {}}}),
        json!({"_meta": {"io.modelcontextprotocol/protocolVersion": MODERN}}),
    ] {
        let body = json!({"jsonrpc": "2.0", "id": 101, "method": "server/discover", "params": params});
        let mut req = post(&body, None);
        req.headers.push(("mcp-protocol-version".into(), MODERN.into()));
        let (status, answer) = send(&host, &req);
        assert_eq!(
            (status, answer["error"]["code"].as_i64(), answer["id"].as_i64()),
            (400, Some(-32602), Some(101)),
            "{params}"
        );
    }
}

#[test]
fn headers_must_repeat_the_body() {
    let host = FakeHost::recorded(1);
    let list = || request(json!(7), "tools/list", json!({}));
    let call = || {
        request(
            json!(8),
            "tools/call",
            json!({"name": "matomo_site_list", "arguments": {}}),
        )
    };
    let refused = [
        with_header(list(), "mcp-method", Some("prompts/list")),
        with_header(list(), "mcp-method", None),
        with_header(list(), "mcp-method", Some("TOOLS/LIST")),
        with_header(call(), "mcp-name", Some("wrong_tool_name")),
        with_header(call(), "mcp-name", None),
        with_header(call(), "mcp-name", Some("=?base64?bWF0b21vX3NpdGVfbGlzdA?=")),
        with_header(list(), "mcp-protocol-version", Some("2025-11-25")),
    ];
    for (i, req) in refused.iter().enumerate() {
        let (status, body) = send(&host, req);
        assert_eq!(
            (status, body["error"]["code"].as_i64()),
            (400, Some(-32020)),
            "case {i}: {body}"
        );
        assert!(
            body["error"]["message"]
                .as_str()
                .is_some_and(|m| m.starts_with("Header mismatch"))
        );
    }
    let accepted = [
        with_header(call(), "mcp-name", Some("  matomo_site_list  ")),
        with_header(call(), "mcp-name", Some("=?base64?bWF0b21vX3NpdGVfbGlzdA==?=")),
    ];
    for req in &accepted {
        let (status, body) = send(&host, req);
        assert_eq!(status, 200, "{body}");
        assert!(body.get("error").is_none(), "{body}");
    }
}

#[test]
fn an_unknown_revision_is_named_with_the_supported_ones() {
    let host = FakeHost::new();
    // the header agrees with _meta but neither is a revision this server speaks
    let mut req = request(json!(9), "server/discover", json!({}));
    let mut body: Value = serde_json::from_slice(&req.body).expect("json");
    body["params"]["_meta"]["io.modelcontextprotocol/protocolVersion"] = json!("v999.0.0");
    req.body = body.to_string().into_bytes();
    let mismatched = send(&host, &req);
    assert_eq!(
        (mismatched.0, mismatched.1["error"]["code"].as_i64()),
        (400, Some(-32020)),
        "header first"
    );
    let (status, answer) = send(&host, &with_header(req, "mcp-protocol-version", Some("v999.0.0")));
    assert_eq!((status, answer["error"]["code"].as_i64()), (400, Some(-32022)));
    assert_eq!(answer["error"]["data"]["requested"], "v999.0.0");
    assert_eq!(answer["error"]["data"]["supported"][0], MODERN);
}

#[test]
fn methods_2026_does_not_have_are_404() {
    let host = FakeHost::new();
    for method in [
        "initialize",
        "ping",
        "logging/setLevel",
        "resources/subscribe",
        "resources/unsubscribe",
        "unknown/method",
    ] {
        let (status, body) = send(&host, &request(json!(11), method, json!({})));
        assert_eq!(
            (status, body["error"]["code"].as_i64(), body["id"].as_i64()),
            (404, Some(-32601), Some(11)),
            "{method}"
        );
    }
    assert!(
        host.sessions.borrow().is_empty(),
        "a modern initialize opens no session"
    );
}

#[test]
fn one_message_per_request_and_no_sessions_to_end() {
    let host = FakeHost::new();
    let one = serde_json::from_slice::<Value>(&request(json!(1), "tools/list", json!({})).body).expect("json");
    let mut batch = request(json!(1), "tools/list", json!({}));
    batch.body = json!([one.clone(), one]).to_string().into_bytes();
    let (status, body) = send(&host, &batch);
    assert_eq!((status, body["error"]["code"].as_i64()), (400, Some(-32600)));

    let mut note = request(json!(1), "notifications/initialized", json!({}));
    note.body = json!({"jsonrpc": "2.0", "method": "notifications/initialized", "params": {"_meta": meta()}})
        .to_string()
        .into_bytes();
    let r = handle(&note, &viewer_facts(), &host);
    assert_eq!((r.status, r.body.as_str()), (202, ""));

    let delete = HttpRequest {
        method: "DELETE".into(),
        headers: vec![("mcp-protocol-version".into(), MODERN.into())],
        body: Vec::new(),
    };
    assert_eq!(handle(&delete, &viewer_facts(), &host).status, 405);
}

#[test]
fn the_legacy_revisions_keep_their_sessions_next_to_the_modern_one() {
    let host = FakeHost::recorded(1);
    let init = json!({"jsonrpc": "2.0", "id": 1, "method": "initialize",
        "params": {"protocolVersion": "2025-11-25", "capabilities": {}, "clientInfo": {"name": "old", "version": "1"}}});
    let r = handle(&post(&init, None), &viewer_facts(), &host);
    let session = r.header("Mcp-Session-Id").expect("legacy session").to_string();
    let (status, _) = send(&host, &request(json!(2), "tools/list", json!({})));
    assert_eq!(status, 200);
    let ping = handle(
        &post(&json!({"jsonrpc": "2.0", "id": 3, "method": "ping"}), Some(&session)),
        &viewer_facts(),
        &host,
    );
    assert_eq!(
        json_body(&ping)["result"],
        json!({}),
        "ping stays in the legacy revisions"
    );
    let discover = handle(
        &post(
            &json!({"jsonrpc": "2.0", "id": 4, "method": "server/discover"}),
            Some(&session),
        ),
        &viewer_facts(),
        &host,
    );
    assert_eq!(
        json_body(&discover)["error"]["code"],
        -32601,
        "no server/discover inside a legacy session"
    );
}

#[test]
fn the_server_event_names_the_revision_and_the_client() {
    let host = FakeHost::recorded(1);
    let r = handle(&request(json!(5), "tools/list", json!({})), &viewer_facts(), &host);
    let event = r.event.expect("an event");
    assert_eq!(event["sessionId"], Value::Null);
    assert_eq!(event["protocolVersion"], MODERN);
    assert_eq!(
        (event["clientName"].as_str(), event["method"].as_str()),
        (Some("modern-test"), Some("tools/list"))
    );
}

#[test]
fn the_raw_api_method_travels_in_an_mcp_param_header() {
    let host = FakeHost::recorded(92);
    let mut facts = viewer_facts();
    facts.settings.raw_api.raw_api_access_scope = "full".into();
    let args = json!({"name": "matomo_api_get", "arguments": {"method": "API.getMatomoVersion"}});
    let call = |header: Option<&str>| {
        let req = with_header(
            request(json!(12), "tools/call", args.clone()),
            "mcp-param-method",
            header,
        );
        let r = handle(&req, &facts, &host);
        (r.status, json_body(&r))
    };
    let listed = json_body(&handle(&request(json!(1), "tools/list", json!({})), &facts, &host));
    let get = listed["result"]["tools"]
        .as_array()
        .and_then(|t| t.iter().find(|t| t["name"] == "matomo_api_get"))
        .cloned()
        .expect("matomo_api_get listed");
    assert_eq!(get["inputSchema"]["properties"]["method"]["x-mcp-header"], "Method");
    for header in [
        None,
        Some("UsersManager.getUsers"),
        Some("=?base64?QVBJLmdldE1hdG9tb1ZlcnNpb24?="),
    ] {
        let (status, body) = call(header);
        assert_eq!(
            (status, body["error"]["code"].as_i64()),
            (400, Some(-32020)),
            "{header:?}: {body}"
        );
    }
    for header in ["API.getMatomoVersion", "=?base64?QVBJLmdldE1hdG9tb1ZlcnNpb24=?="] {
        let (status, body) = call(Some(header));
        assert_eq!(status, 200, "{header}: {body}");
        assert!(body.get("error").is_none(), "{body}");
    }
}
