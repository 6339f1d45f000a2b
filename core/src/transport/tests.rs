//! The MCP protocol over Streamable HTTP, driven through the endpoint as PHP would.
use crate::endpoint::handle;
use crate::endpoint::tests::{facts, post};
use crate::http::{HttpRequest, HttpResponse};
use crate::testing::{FakeHost, viewer_api};
use crate::transport::{MAX_BATCH_ANSWER_BYTES, MAX_BATCH_ITEMS};
use serde_json::{Value, json};

/// The tools offered with the default settings (no raw API access).
fn default_tool_names() -> Vec<&'static str> {
    let mode = crate::tools::kit::access::Mode::None;
    crate::tools::builtin()
        .tools
        .iter()
        .filter(|t| t.available.allows(&mode))
        .map(|t| t.name)
        .collect()
}

fn init_body(version: &str) -> String {
    json!({"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":version,"capabilities":{},"clientInfo":{"name":"test-client","version":"9"}}}).to_string()
}

fn json_of(r: &HttpResponse) -> Value {
    serde_json::from_str(&r.body).unwrap_or_else(|e| panic!("not JSON ({e}): {:?}", r.body))
}

struct Client<'h> {
    host: &'h FakeHost,
    session: String,
    version: Option<String>,
}

impl<'h> Client<'h> {
    fn connect(host: &'h FakeHost, version: &str) -> Self {
        let r = handle(&post(&init_body(version)), &facts(), host);
        assert_eq!(r.status, 200, "{}", r.body);
        let session = r.header("Mcp-Session-Id").expect("session header").to_string();
        let negotiated = json_of(&r)["result"]["protocolVersion"].as_str().map(str::to_string);
        Self {
            host,
            session,
            version: negotiated,
        }
    }

    fn request(&self, body: &str) -> HttpRequest {
        let mut req = post(body);
        req.headers.push(("mcp-session-id".into(), self.session.clone()));
        if let Some(v) = &self.version {
            req.headers.push(("mcp-protocol-version".into(), v.clone()));
        }
        req
    }

    fn send(&self, body: &str) -> HttpResponse {
        handle(&self.request(body), &facts(), self.host)
    }

    fn call(&self, method: &str, params: Value) -> Value {
        let r = self.send(&json!({"jsonrpc":"2.0","id":"r","method":method,"params":params}).to_string());
        assert_eq!(r.status, 200, "{}", r.body);
        json_of(&r)
    }
}

#[test]
fn initialize_negotiates_and_opens_a_session() {
    let host = FakeHost::new();
    let r = handle(&post(&init_body("2025-06-18")), &facts(), &host);
    let b = json_of(&r);
    assert_eq!(b["result"]["protocolVersion"], "2025-06-18");
    assert_eq!(b["result"]["serverInfo"]["name"], "Matomo MCP Server");
    assert_eq!(b["result"]["serverInfo"]["version"], "0.1.0");
    assert_eq!(
        b["result"]["capabilities"],
        json!({"tools": {"listChanged": false}, "prompts": {"listChanged": false},
               "resources": {"subscribe": false, "listChanged": false}, "completions": {}})
    );
    assert!(
        b["result"]["instructions"]
            .as_str()
            .unwrap_or("")
            .contains("matomo_site_list")
    );
    let sid = r.header("Mcp-Session-Id").expect("session");
    assert!(sid.len() >= 32 && sid.bytes().all(|c| (0x21..=0x7e).contains(&c)));
    assert_eq!(r.header("Content-Type"), Some("application/json"));
    let unknown = json_of(&handle(&post(&init_body("2099-01-01")), &facts(), &host));
    assert_eq!(unknown["result"]["protocolVersion"], "2025-11-25");
    let old = json_of(&handle(&post(&init_body("2024-11-05")), &facts(), &host));
    assert_eq!(old["result"]["protocolVersion"], "2024-11-05");
    assert!(old["result"]["serverInfo"].get("title").is_none());
}

#[test]
fn notifications_and_responses_are_accepted_with_202() {
    let host = FakeHost::new();
    let c = Client::connect(&host, "2025-11-25");
    for body in [
        r#"{"jsonrpc":"2.0","method":"notifications/initialized"}"#,
        r#"{"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":3}}"#,
        r#"{"jsonrpc":"2.0","id":5,"result":{}}"#,
    ] {
        let r = c.send(body);
        assert_eq!((r.status, r.body.as_str()), (202, ""), "{body}");
    }
}

#[test]
fn ping_and_unknown_methods() {
    let host = FakeHost::new();
    let c = Client::connect(&host, "2025-11-25");
    assert_eq!(c.call("ping", json!({"_meta": {"x.y/z": 1}}))["result"], json!({}));
    let r = c.call("unknown/method", json!({}));
    assert_eq!(r["error"]["code"], -32601);
    assert_eq!(r["id"], "r");
}

#[test]
fn session_header_rules() {
    let host = FakeHost::new();
    let ping = r#"{"jsonrpc":"2.0","id":2,"method":"ping"}"#;
    let r = handle(&post(ping), &facts(), &host);
    assert_eq!(r.status, 400);
    assert_eq!(
        json_of(&r)["error"]["message"],
        "A valid session id is REQUIRED for non-initialize requests."
    );
    assert_eq!(json_of(&r)["id"], 2);
    let mut unknown = post(ping);
    unknown.headers.push(("mcp-session-id".into(), "f".repeat(64)));
    let r = handle(&unknown, &facts(), &host);
    assert_eq!(r.status, 404);
    assert_eq!(json_of(&r)["error"]["message"], "Session not found or has expired.");
}

#[test]
fn sessions_belong_to_their_user() {
    let host = FakeHost::new();
    let c = Client::connect(&host, "2025-11-25");
    let mut other = facts();
    other.user.login = "superuser".into();
    other.user.highest_access = "superuser".into();
    let r = handle(&c.request(r#"{"jsonrpc":"2.0","id":2,"method":"ping"}"#), &other, &host);
    assert_eq!(r.status, 404);
    assert_eq!(c.send(r#"{"jsonrpc":"2.0","id":2,"method":"ping"}"#).status, 200);
}

#[test]
fn sessions_expire_after_the_ttl_and_slide_with_use() {
    let host = FakeHost::new();
    let mut f = facts();
    f.config.insert("session_ttl".into(), json!("100"));
    let r = handle(&post(&init_body("2025-11-25")), &f, &host);
    let sid = r.header("Mcp-Session-Id").expect("sid").to_string();
    let ping = |host: &FakeHost| {
        let mut req = post(r#"{"jsonrpc":"2.0","id":2,"method":"ping"}"#);
        req.headers.push(("mcp-session-id".into(), sid.clone()));
        handle(&req, &f, host).status
    };
    for _ in 0..3 {
        host.advance(80);
        assert_eq!(ping(&host), 200);
    }
    host.advance(101);
    assert_eq!(ping(&host), 404);
}

#[test]
fn delete_ends_the_session() {
    let host = FakeHost::new();
    let c = Client::connect(&host, "2025-11-25");
    let mut del = c.request("");
    del.method = "DELETE".into();
    assert_eq!(handle(&del, &facts(), &host).status, 200);
    assert_eq!(handle(&del, &facts(), &host).status, 404);
    assert_eq!(c.send(r#"{"jsonrpc":"2.0","id":2,"method":"ping"}"#).status, 404);
    let mut bare = post("");
    bare.method = "DELETE".into();
    assert_eq!(handle(&bare, &facts(), &host).status, 400);
}

#[test]
fn get_and_other_methods_are_405() {
    for m in ["GET", "PUT", "OPTIONS", "PATCH"] {
        let mut req = post("");
        req.method = m.into();
        let r = handle(&req, &facts(), &FakeHost::new());
        assert_eq!(r.status, 405, "{m}");
        assert_eq!(r.header("Allow"), Some("POST, DELETE"));
    }
}

#[test]
fn protocol_version_header_rules() {
    let host = FakeHost::new();
    let c = Client::connect(&host, "2025-11-25");
    let ping = r#"{"jsonrpc":"2.0","id":2,"method":"ping"}"#;
    let with_version = |v: &str| {
        let mut req = c.request(ping);
        req.headers.retain(|(n, _)| n != "mcp-protocol-version");
        req.headers.push(("mcp-protocol-version".into(), v.into()));
        handle(&req, &facts(), &host).status
    };
    assert_eq!(
        with_version("2025-03-26"),
        200,
        "a different supported version is accepted"
    );
    // any other version is the modern era's: without its _meta, invalid params
    assert_eq!(with_version("2026-07-28"), 400);
    assert_eq!(with_version("bogus"), 400);
    let mut none = c.request(ping);
    none.headers.retain(|(n, _)| n != "mcp-protocol-version");
    assert_eq!(handle(&none, &facts(), &host).status, 200);
}

#[test]
fn bodies_parse_errors_and_size_limits() {
    let host = FakeHost::new();
    let r = handle(&post("{nope"), &facts(), &host);
    assert_eq!(r.status, 400);
    assert_eq!(json_of(&r)["error"]["code"], -32700);
    assert_eq!(json_of(&r)["id"], Value::Null);
    let invalid_utf8 = HttpRequest {
        body: vec![b'{', 0xff, b'}'],
        ..post("")
    };
    assert_eq!(
        json_of(&handle(&invalid_utf8, &facts(), &host))["error"]["code"],
        -32700
    );
    let big = HttpRequest {
        body: vec![b' '; crate::transport::MAX_BODY_BYTES + 1],
        ..post("")
    };
    assert_eq!(handle(&big, &facts(), &host).status, 413);
    let c = Client::connect(&host, "2025-11-25");
    let r = c.send(r#"{"jsonrpc":"1.0","id":9,"method":"ping"}"#);
    assert_eq!(
        (
            r.status,
            json_of(&r)["error"]["code"].clone(),
            json_of(&r)["id"].clone()
        ),
        (400, json!(-32600), json!(9))
    );
}

#[test]
fn batches_only_for_2025_03_26_sessions() {
    let host = FakeHost::new();
    let batch = r#"[{"jsonrpc":"2.0","id":1,"method":"ping"},{"jsonrpc":"2.0","method":"notifications/initialized"},{"jsonrpc":"2.0","id":2,"method":"tools/list"}]"#;
    let new = Client::connect(&host, "2025-11-25");
    assert_eq!(new.send(batch).status, 400);
    let old = Client::connect(&host, "2025-03-26");
    let r = old.send(batch);
    assert_eq!(r.status, 200);
    let answers = json_of(&r);
    assert_eq!(answers.as_array().map(Vec::len), Some(2));
    assert_eq!(answers[0]["id"], 1);
    assert_eq!(
        answers[1]["result"]["tools"].as_array().map(Vec::len),
        Some(default_tool_names().len())
    );
    assert_eq!(
        old.send(r#"[{"jsonrpc":"2.0","method":"notifications/initialized"}]"#)
            .status,
        202
    );
    let r = handle(&post(&format!("[{}]", init_body("2025-03-26"))), &facts(), &host);
    assert_eq!(r.status, 400);
    assert!(
        json_of(&r)["error"]["message"]
            .as_str()
            .unwrap_or("")
            .contains("MUST NOT be part of a batch")
    );
}

#[test]
fn sse_only_clients_get_an_event_stream() {
    let host = FakeHost::new();
    let c = Client::connect(&host, "2025-11-25");
    let mut req = c.request(r#"{"jsonrpc":"2.0","id":3,"method":"ping"}"#);
    req.headers.retain(|(n, _)| n != "accept");
    req.headers.push(("accept".into(), "text/event-stream".into()));
    let r = handle(&req, &facts(), &host);
    assert_eq!(r.header("Content-Type"), Some("text/event-stream"));
    assert_eq!(
        r.body,
        "event: message\ndata: {\"jsonrpc\":\"2.0\",\"id\":3,\"result\":{}}\n\n"
    );
    let mut html = c.request(r#"{"jsonrpc":"2.0","id":3,"method":"ping"}"#);
    html.headers.retain(|(n, _)| n != "accept");
    html.headers.push(("accept".into(), "text/html".into()));
    assert_eq!(handle(&html, &facts(), &host).status, 406);
}

#[test]
fn tools_list_and_call_through_the_protocol() {
    let host = FakeHost::with_api(viewer_api);
    let c = Client::connect(&host, "2025-11-25");
    let list = c.call("tools/list", json!({}));
    let names: Vec<&str> = list["result"]["tools"]
        .as_array()
        .expect("tools")
        .iter()
        .filter_map(|t| t["name"].as_str())
        .collect();
    let expected = default_tool_names();
    assert_eq!(names, expected);
    let mut sorted = names.clone();
    sorted.sort_unstable();
    assert_eq!(names, sorted, "tools are listed alphabetically, as the incumbent does");
    assert!(names.contains(&"matomo_site_get") && names.contains(&"matomo_goal_list"));
    let got = c.call(
        "tools/call",
        json!({"name": "matomo_site_get", "arguments": {"idSite": "1"}}),
    );
    assert_eq!(got["result"]["structuredContent"]["name"], "Site A");
    assert_eq!(got["result"]["isError"], false);
    let text: Value =
        serde_json::from_str(got["result"]["content"][0]["text"].as_str().expect("text")).expect("json text");
    assert_eq!(text, got["result"]["structuredContent"]);
    let denied = c.call(
        "tools/call",
        json!({"name": "matomo_site_get", "arguments": {"idSite": 3}}),
    );
    assert_eq!(denied["result"]["isError"], true);
    assert_eq!(
        denied["result"]["content"][0]["text"],
        "Site not found or access denied."
    );
}

#[test]
fn tool_call_protocol_errors() {
    let host = FakeHost::with_api(viewer_api);
    let c = Client::connect(&host, "2025-11-25");
    let unknown = c.call("tools/call", json!({"name": "nope", "arguments": {}}));
    assert_eq!(unknown["error"]["code"], -32602);
    let invalid = c.call(
        "tools/call",
        json!({"name": "matomo_site_list", "arguments": {"limit": 0, "sort": "x", "extra": 1, "cursor": 5}}),
    );
    assert_eq!(invalid["error"]["code"], -32602);
    let msg = invalid["error"]["message"].as_str().expect("message");
    assert!(
        msg.starts_with("Invalid parameters for tool 'matomo_site_list': Property '/limit': must be >= 1"),
        "{msg}"
    );
    assert!(msg.ends_with("; ...and more errors."), "{msg}");
    assert_eq!(
        invalid["error"]["data"]["validation_errors"].as_array().map(Vec::len),
        Some(4)
    );
    // B11: thousands of offenders give a bounded error
    let mut arguments = serde_json::Map::new();
    for i in 0..30_000 {
        arguments.insert(format!("unknown_property_{i}_{}", "y".repeat(100)), json!(i));
    }
    let flood = c.call(
        "tools/call",
        json!({"name": "matomo_site_list", "arguments": arguments}),
    );
    let size = flood.to_string().len();
    assert!(size < 8_000, "{size} bytes");
    assert_eq!(
        flood["error"]["data"]["validation_errors"].as_array().map(Vec::len),
        Some(20)
    );
    assert_eq!(flood["error"]["data"]["more_errors"], 30_000 - 20);
    let missing = c.call("tools/call", json!({"name": "matomo_site_get"}));
    assert_eq!(
        missing["error"]["message"],
        "Invalid parameters for tool 'matomo_site_get': Property '/idSite': is required"
    );
    assert_eq!(c.call("tools/call", json!({"arguments": {}}))["error"]["code"], -32602);
    assert_eq!(
        c.call("tools/call", json!({"name": "matomo_site_list", "arguments": 5}))["error"]["code"],
        -32602
    );
    let php_empty = c.call("tools/call", json!({"name": "matomo_site_list", "arguments": []}));
    assert_eq!(php_empty["result"]["isError"], false);
}

#[test]
fn older_protocols_get_text_only_results() {
    let host = FakeHost::with_api(viewer_api);
    let c = Client::connect(&host, "2025-03-26");
    let got = c.call(
        "tools/call",
        json!({"name": "matomo_site_get", "arguments": {"idSite": 1}}),
    );
    assert!(got["result"].get("structuredContent").is_none());
    assert!(
        got["result"]["content"][0]["text"]
            .as_str()
            .unwrap_or("")
            .contains("Site A")
    );
}

#[test]
fn tool_calls_are_logged_redacted_by_default() {
    let host = FakeHost::with_api(viewer_api);
    let mut f = facts();
    f.config.insert("log_tool_calls".into(), json!("1"));
    f.config.insert("log_tool_call_level".into(), json!("info"));
    let r = handle(&post(&init_body("2025-11-25")), &f, &host);
    let sid = r.header("Mcp-Session-Id").expect("sid").to_string();
    let mut req = post(&json!({"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"matomo_site_search","arguments":{"search":"shop"}}}).to_string());
    req.headers.push(("mcp-session-id".into(), sid.clone()));
    assert_eq!(handle(&req, &f, &host).status, 200);
    let logs = host.logs.borrow();
    let (level, line) = logs.last().expect("a log line");
    assert_eq!(*level, crate::host::LogLevel::Info);
    assert!(
        line.starts_with("MCP Tool Call successful: matomo_site_search [search: <string:4>] [session="),
        "{line}"
    );
    assert!(line.contains(&sid) && line.contains("response_bytes="));
    assert!(!line.contains("shop"));
}

#[test]
fn raw_api_tools_follow_the_settings() {
    let host = FakeHost::with_api(viewer_api);
    let names_with = |scope: &str, read: bool| {
        let mut f = facts();
        f.settings.raw_api.raw_api_access_scope = scope.into();
        f.settings.raw_api.raw_api_access_read = read;
        let r = handle(&post(&init_body("2025-11-25")), &f, &host);
        let sid = r.header("Mcp-Session-Id").expect("sid").to_string();
        let mut req = post(r#"{"jsonrpc":"2.0","id":2,"method":"tools/list"}"#);
        req.headers.push(("mcp-session-id".into(), sid.clone()));
        let list = json_of(&handle(&req, &f, &host));
        let names: Vec<String> = list["result"]["tools"]
            .as_array()
            .expect("tools")
            .iter()
            .filter_map(|t| t["name"].as_str().map(str::to_string))
            .collect();
        let mut call = post(
            r#"{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"matomo_api_list","arguments":{}}}"#,
        );
        call.headers.push(("mcp-session-id".into(), sid));
        (names, json_of(&handle(&call, &f, &host)))
    };
    let (none, call) = names_with("none", true);
    assert!(!none.iter().any(|n| n.starts_with("matomo_api_")));
    assert_eq!(call["error"]["code"], -32602, "a hidden tool is an unknown tool");
    let (partial, call) = names_with("partial", true);
    let raw: Vec<&String> = partial.iter().filter(|n| n.starts_with("matomo_api_")).collect();
    assert_eq!(raw, ["matomo_api_call_read", "matomo_api_get", "matomo_api_list"]);
    assert!(call.get("result").is_some());
    let (full, _) = names_with("full", false);
    assert_eq!(full.iter().filter(|n| n.starts_with("matomo_api_")).count(), 7);
}

/// B1/B2: a batch is bounded in messages and in answer size, each with its own error.
#[test]
fn batches_are_bounded_in_messages_and_answer_size() {
    let host = FakeHost::new();
    let old = Client::connect(&host, "2025-03-26");
    let many: Vec<Value> = (0..=MAX_BATCH_ITEMS)
        .map(|i| json!({"jsonrpc": "2.0", "id": i, "method": "ping"}))
        .collect();
    let r = old.send(&Value::Array(many).to_string());
    assert_eq!(r.status, 400);
    assert_eq!(
        json_of(&r)["error"]["message"],
        format!("Batch too large: at most {MAX_BATCH_ITEMS} messages per request. Send the rest in further requests.")
    );
    // tools/list answers of about 16 KB each: past 4 MiB the rest are answered, not run
    let lists: Vec<Value> = (0..MAX_BATCH_ITEMS)
        .map(|i| json!({"jsonrpc": "2.0", "id": i, "method": "tools/list"}))
        .collect();
    let r = old.send(&Value::Array(lists).to_string());
    assert_eq!(r.status, 200);
    let answers = json_of(&r);
    let answers = answers.as_array().expect("answers");
    assert_eq!(answers.len(), MAX_BATCH_ITEMS, "every request answered");
    assert!(answers.iter().all(|a| a.get("result").is_some()), "50 x 16 KB fits");
    assert!(r.body.len() < MAX_BATCH_ANSWER_BYTES + 64 * 1024);
}

/// B6: only application/json is read.
#[test]
fn a_body_that_is_not_json_is_415() {
    let host = FakeHost::new();
    let mut req = post(&init_body("2025-11-25"));
    req.headers.retain(|(n, _)| n != "content-type");
    req.headers
        .push(("content-type".into(), "application/x-www-form-urlencoded".into()));
    let r = handle(&req, &facts(), &host);
    assert_eq!(r.status, 415);
    assert_eq!(json_of(&r)["error"]["code"], -32600);
    req.headers.retain(|(n, _)| n != "content-type");
    assert_eq!(handle(&req, &facts(), &host).status, 415, "no Content-Type");
    req.headers
        .push(("content-type".into(), "Application/JSON; charset=utf-8".into()));
    assert_eq!(handle(&req, &facts(), &host).status, 200);
}

#[test]
fn past_the_answer_budget_the_rest_of_a_batch_is_answered_not_run() {
    let sites: Vec<Value> = (1..=500)
        .map(|i| json!({"idsite": i, "name": format!("{i} {}", "x".repeat(500)), "main_url": "https://x.example", "type": "website"}))
        .collect();
    let host = FakeHost::with_api(move |_, _| Ok(Value::Array(sites.clone())));
    let old = Client::connect(&host, "2025-03-26");
    let calls: Vec<Value> = (0..MAX_BATCH_ITEMS)
        .map(|i| {
            json!({"jsonrpc": "2.0", "id": i, "method": "tools/call",
            "params": {"name": "matomo_site_list", "arguments": {"limit": 500}}})
        })
        .collect();
    let r = old.send(&Value::Array(calls).to_string());
    let answers = json_of(&r);
    let answers = answers.as_array().expect("answers");
    assert_eq!(answers.len(), MAX_BATCH_ITEMS, "every request answered");
    let not_run = answers
        .iter()
        .filter(|a| {
            a["error"]["message"]
                .as_str()
                .is_some_and(|m| m.starts_with("Batch answer too large"))
        })
        .count();
    assert!(not_run > 0 && not_run < MAX_BATCH_ITEMS, "{not_run} not run");
    assert!(
        r.body.len() < MAX_BATCH_ANSWER_BYTES + 1024 * 1024,
        "{} bytes",
        r.body.len()
    );
}

/// B9: a repeated Mcp-Session-Id header, as php-fpm hands it over (joined by a comma), is a 400.
#[test]
fn a_repeated_session_header_is_refused_also_when_joined() {
    let host = FakeHost::new();
    let c = Client::connect(&host, "2025-11-25");
    let ping = r#"{"jsonrpc":"2.0","id":1,"method":"ping"}"#;
    let mut joined = post(ping);
    joined
        .headers
        .push(("mcp-session-id".into(), format!("{}, {}", c.session, c.session)));
    assert_eq!(handle(&joined, &facts(), &host).status, 400);
    let mut twice = post(ping);
    twice.headers.push(("mcp-session-id".into(), c.session.clone()));
    twice.headers.push(("mcp-session-id".into(), c.session.clone()));
    assert_eq!(handle(&twice, &facts(), &host).status, 400);
    assert_eq!(c.send(ping).status, 200);
}
