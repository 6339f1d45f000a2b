"""Protocol 2026-07-28 over HTTP, through nginx, php-fpm, the plugin and the extension: the same
checks as the legacy era (authentication, enablement, privilege cap, Origin, body limits), no
session row, the tool-call log and McpServer.serverEvent, and the legacy era beside it."""

import json
import sqlite3

from standin import TOKENS

MODERN = "2026-07-28"
META = {"io.modelcontextprotocol/protocolVersion": MODERN, "io.modelcontextprotocol/clientCapabilities": {},
        "io.modelcontextprotocol/clientInfo": {"name": "e2e-modern", "version": "3"}}


def modern(s, method, params=None, token="viewer", headers=None, rid=1):
    params = dict(params or {}, _meta=META)
    h = {"MCP-Protocol-Version": MODERN, "Mcp-Method": method}
    name = params.get("name") or params.get("uri")
    if name:
        h["Mcp-Name"] = name
    h.update(headers or {})
    return s.mcp({"jsonrpc": "2.0", "id": rid, "method": method, "params": params}, token=token, headers=h)


def session_rows(s):
    return sqlite3.connect(s.data / "matomo.sqlite").execute("SELECT COUNT(*) FROM matomo_mcp_session").fetchone()[0]


def test_stateless_requests_leave_no_session(fresh_standin):
    s = fresh_standin
    before = session_rows(s)
    discovered = modern(s, "server/discover")
    assert discovered.status == 200, discovered.body
    result = discovered.json["result"]
    assert result["supportedVersions"][0] == MODERN and result["resultType"] == "complete"
    assert result["_meta"]["io.modelcontextprotocol/serverInfo"]["name"] == "Matomo MCP Server"
    listed = modern(s, "tools/list")
    assert listed.header("mcp-session-id") is None
    assert listed.json["result"]["cacheScope"] == "private" and listed.json["result"]["tools"]
    called = modern(s, "tools/call", {"name": "matomo_site_get", "arguments": {"idSite": 1}})
    assert called.json["result"]["structuredContent"]["name"] == "Demo Shop"
    read = modern(s, "resources/read", {"uri": "matomo://sites/1/reports"})
    reports = json.loads(read.json["result"]["contents"][0]["text"])["reports"]
    assert any(r["uniqueId"] == "Actions_getPageUrls" for r in reports)
    assert session_rows(s) == before, "no session row, no database write for 2026-07-28"


def test_every_endpoint_check_applies_to_the_modern_era(fresh_standin):
    s = fresh_standin
    # no token: 401 with the Bearer challenge, before anything else
    anonymous = modern(s, "tools/list", token=None)
    assert anonymous.status == 401 and "Bearer" in anonymous.header("www-authenticate")
    # a wrong token
    assert modern(s, "tools/list", token="f" * 32).status == 401
    # an untrusted browser origin
    assert modern(s, "tools/list", headers={"Origin": "http://evil.example.com"}).status == 403
    # the privilege cap: the superuser's token is refused when the cap is view
    s.setting("maximum_mcp_access_level", "view")
    assert modern(s, "tools/list", token="superuser").status == 403
    assert modern(s, "tools/list").status == 200
    # a body over the limit
    big = s.mcp(raw=b"{" + b" " * (4 * 1024 * 1024 + 10) + b"}",
                headers={"MCP-Protocol-Version": MODERN, "Mcp-Method": "tools/list"})
    assert big.status == 413
    # switched off
    s.setting("enable_mcp", "0")
    disabled = modern(s, "tools/list")
    assert disabled.status == 403 and "disabled" in disabled.json["error"]["message"]


def test_errors_in_the_specified_order_over_http(standin):
    missing_meta = standin.mcp({"jsonrpc": "2.0", "id": 5, "method": "tools/list", "params": {}},
                               headers={"MCP-Protocol-Version": MODERN, "Mcp-Method": "tools/list"})
    assert (missing_meta.status, missing_meta.json["error"]["code"], missing_meta.json["id"]) == (400, -32602, 5)
    mismatch = modern(standin, "tools/list", headers={"Mcp-Method": "prompts/list"})
    assert (mismatch.status, mismatch.json["error"]["code"]) == (400, -32020)
    removed = modern(standin, "ping")
    assert (removed.status, removed.json["error"]["code"]) == (404, -32601)
    # GET has no stream in either era; DELETE has no session to end in 2026-07-28
    assert standin.mcp(method="GET", headers={"MCP-Protocol-Version": MODERN}).status == 405
    assert standin.mcp(method="DELETE", headers={"MCP-Protocol-Version": MODERN}).status == 405


def test_log_lines_and_server_events_name_the_modern_requests(fresh_standin):
    s = fresh_standin
    s.console("plugin:activate", "McpExample")
    s.config("McpServer", "log_tool_calls", "1")
    r = modern(s, "tools/call", {"name": "example_echo", "arguments": {"text": TOKENS["viewer"]}})
    assert r.status == 200 and r.json["result"]["isError"] is False
    log = s.log_text()
    assert "MCP Tool Call successful: example_echo [text: <string:32>] [session=none" in log
    assert TOKENS["viewer"] not in log, "redaction covers the modern era"
    events = [json.loads(line) for line in (s.data / "events.jsonl").read_text().splitlines()]
    call = [e for e in events if e["method"] == "tools/call"][-1]
    assert (call["sessionId"], call["protocolVersion"], call["clientName"], call["toolName"]) == (
        None, MODERN, "e2e-modern", "example_echo")


def test_legacy_sessions_keep_working_beside_the_modern_era(standin):
    sid = standin.initialize()
    assert modern(standin, "tools/list").status == 200
    pinged = standin.call(sid, "ping")
    assert pinged.status == 200 and pinged.json["result"] == {}
    prompts = standin.call(sid, "prompts/list").json["result"]["prompts"]
    assert [p["name"] for p in prompts][0] == "matomo_traffic_overview"
    missing = standin.call(sid, "resources/read", {"uri": "matomo://sites/3"})
    assert missing.json["error"]["code"] == -32002, "the viewer cannot see site 3: not found, legacy code"
