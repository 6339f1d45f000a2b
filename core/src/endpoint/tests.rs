//! The order-of-checks table, row by row.
use super::*;
use crate::testing::FakeHost;
use serde_json::json;

pub fn facts() -> EndpointFacts {
    serde_json::from_value(facts_raw()).expect("facts")
}

pub fn post(body: &str) -> HttpRequest {
    HttpRequest {
        method: "POST".into(),
        headers: vec![
            ("accept".into(), "application/json, text/event-stream".into()),
            ("content-type".into(), "application/json".into()),
        ],
        body: body.as_bytes().to_vec(),
    }
}

const INIT: &str = r#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"t","version":"1"}}}"#;

fn body(r: &HttpResponse) -> Value {
    serde_json::from_str(&r.body).expect("json body")
}

/// Matomo's getBulkRequest forces format=json on each inner request (plugins/API/API.php, 5.1).
#[test]
fn inside_a_bulk_request_the_answer_is_the_root_request_message() {
    let mut f = facts();
    f.format = "json".into();
    f.is_root_request = false;
    f.root_method = "API.getBulkRequest".into();
    let r = handle(&post(INIT), &f, &FakeHost::new());
    assert_eq!(r.matomo_error.as_deref(), Some(ROOT_REQUEST_REQUIRED));
}

#[test]
fn wrong_format_is_a_matomo_error() {
    let mut f = facts();
    f.format = "json".into();
    let r = handle(&post(INIT), &f, &FakeHost::new());
    assert_eq!(r.matomo_error.as_deref(), Some(FORMAT_REQUIRED));
}

#[test]
fn nested_and_bulk_requests_are_400_with_the_request_id() {
    for (field, value) in [
        ("is_root_request", json!(false)),
        ("root_method", json!("API.getBulkRequest")),
        ("module", json!("CoreHome")),
        ("method", json!("API.get")),
    ] {
        let mut v = serde_json::to_value(facts_raw()).expect("raw");
        v[field] = value;
        let f: EndpointFacts = serde_json::from_value(v).expect("facts");
        let r = handle(
            &post(r#"[{"jsonrpc":"2.0","id":"b1","method":"ping"}]"#),
            &f,
            &FakeHost::new(),
        );
        assert_eq!(r.status, 400, "{field}");
        assert_eq!(body(&r)["id"], "b1");
        assert_eq!(body(&r)["error"]["message"], ROOT_REQUEST_REQUIRED);
    }
}

fn facts_raw() -> Value {
    json!({
        "format": "mcp", "module": "API", "method": "McpServer.mcp", "is_root_request": true,
        "root_method": "McpServer.mcp",
        "user": {"login": "viewer", "anonymous": false, "has_view_access": true, "highest_access": "view"},
        "settings": {"enable_mcp": true, "maximum_mcp_access_level": "unlimited", "allow_token_in_url": false},
        "token_in_url": false, "trusted_hosts": ["matomo.example.org"], "host_valid": true,
        "config": {}, "plugin_version": "0.1.0"
    })
}

#[test]
fn anonymous_users_get_401_with_a_bearer_challenge_even_when_disabled() {
    let mut f = facts();
    f.user.anonymous = true;
    f.settings.enable_mcp = false;
    let r = handle(&post(INIT), &f, &FakeHost::new());
    assert_eq!(r.status, 401);
    assert_eq!(r.header("WWW-Authenticate"), Some("Bearer realm=\"mcp\""));
    assert_eq!(
        body(&r)["error"],
        json!({"code": -32600, "message": "Authentication required."})
    );
    assert_eq!(body(&r)["id"], 1);
    f.resource_metadata_url = Some("https://m.example.org/prm".into());
    let r = handle(&post("not json"), &f, &FakeHost::new());
    assert_eq!(
        r.header("WWW-Authenticate"),
        Some("Bearer realm=\"mcp\", resource_metadata=\"https://m.example.org/prm\"")
    );
    assert_eq!(body(&r)["id"], "");
}

#[test]
fn users_without_view_access_are_unauthenticated() {
    let mut f = facts();
    f.user.has_view_access = false;
    assert_eq!(handle(&post(INIT), &f, &FakeHost::new()).status, 401);
}

#[test]
fn token_in_url_is_refused_unless_allowed() {
    let mut f = facts();
    f.token_in_url = true;
    let r = handle(&post(INIT), &f, &FakeHost::new());
    assert_eq!(r.status, 401);
    assert!(
        body(&r)["error"]["message"]
            .as_str()
            .unwrap_or("")
            .contains("Authorization: Bearer")
    );
    f.settings.allow_token_in_url = true;
    assert_eq!(handle(&post(INIT), &f, &FakeHost::new()).status, 200);
}

#[test]
fn disabled_endpoint_is_403_with_json_only_for_identified_requests() {
    let mut f = facts();
    f.settings.enable_mcp = false;
    let r = handle(&post(INIT), &f, &FakeHost::new());
    assert_eq!(r.status, 403);
    assert_eq!(body(&r)["error"]["message"], DISABLED);
    for unidentified in [
        r#"{"jsonrpc":"2.0","method":"notifications/initialized"}"#,
        "{not json",
        "",
        r#"[{"jsonrpc":"2.0","id":1,"method":"ping"}]"#,
    ] {
        let r = handle(&post(unidentified), &f, &FakeHost::new());
        assert_eq!(
            (r.status, r.body.as_str(), r.header("Content-Type")),
            (403, "", None),
            "{unidentified}"
        );
    }
}

#[test]
fn privilege_cap_uses_the_highest_level() {
    let mut f = facts();
    f.user.highest_access = "superuser".into();
    f.settings.maximum_mcp_access_level = "admin".into();
    let r = handle(&post(INIT), &f, &FakeHost::new());
    assert_eq!(r.status, 403);
    assert_eq!(
        body(&r)["error"]["message"],
        "Authenticated MCP access has too high privilege level. Maximum of Admin access level is allowed."
    );
    assert_eq!(handle(&post(""), &f, &FakeHost::new()).body, "");
    f.settings.maximum_mcp_access_level = "unlimited".into();
    assert_eq!(handle(&post(INIT), &f, &FakeHost::new()).status, 200);
}

#[test]
fn origin_and_host_checks() {
    let f = facts();
    let mut req = post(INIT);
    req.headers.push(("origin".into(), "https://evil.example.com".into()));
    let r = handle(&req, &f, &FakeHost::new());
    assert_eq!((r.status, r.body.as_str()), (403, "Forbidden: Invalid Origin header."));
    assert!(r.header("Content-Type").is_some_and(|c| c.starts_with("text/plain")));
    let mut ok = post(INIT);
    ok.headers
        .push(("origin".into(), "https://Matomo.Example.org:8443".into()));
    assert_eq!(handle(&ok, &f, &FakeHost::new()).status, 200);
    let mut bad_host = facts();
    bad_host.host_valid = false;
    let r = handle(&post(INIT), &bad_host, &FakeHost::new());
    assert_eq!((r.status, r.body.as_str()), (403, "Forbidden: Invalid Host header."));
    // a trusted Origin wins over Matomo's Host verdict (the Origin is what a browser controls)
    assert_eq!(handle(&ok, &bad_host, &FakeHost::new()).status, 200);
}

#[test]
fn a_plugin_of_another_version_line_gets_a_clear_500() {
    let mut f = facts();
    f.plugin_version = "9.4.0".into();
    let host = FakeHost::new();
    let r = handle(&post(INIT), &f, &host);
    assert_eq!(r.status, 500);
    let message = body(&r)["error"]["message"].as_str().unwrap_or("").to_string();
    assert!(
        message.starts_with("The McpServer plugin 9.4.0 does not match the matomo_mcp extension"),
        "{message}"
    );
    assert!(host.log_text().contains("does not match"));
    f.plugin_version = format!("{}.9", crate::version::major_minor(&crate::version::PLUGIN));
    assert_eq!(
        handle(&post(INIT), &f, &FakeHost::new()).status,
        200,
        "patch versions may differ"
    );
}

/// B7: a token_auth in a form body is refused like one in the URL, whatever the URL setting.
#[test]
fn a_token_in_the_body_is_refused_like_one_in_the_url() {
    let mut f = facts();
    f.token_in_body = true;
    f.settings.allow_token_in_url = true;
    let r = handle(&post(INIT), &f, &FakeHost::new());
    assert_eq!(r.status, 401);
    assert_eq!(body(&r)["error"]["message"], TOKEN_IN_URL);
}
