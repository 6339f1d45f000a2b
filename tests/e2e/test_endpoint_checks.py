"""Every row of the endpoint's order-of-checks table, over HTTP through nginx, php-fpm, the plugin
and the extension."""

import json

from standin import TOKENS

INIT = {"jsonrpc": "2.0", "id": 41, "method": "initialize",
        "params": {"protocolVersion": "2025-11-25", "capabilities": {}, "clientInfo": {"name": "t", "version": "1"}}}


def test_other_formats_get_matomos_own_error(standin):
    r = standin.mcp(INIT, path="/index.php?module=API&method=McpServer.mcp&format=json")
    assert r.json == {"result": "error",
                      "message": "MCP endpoint requires format=mcp. Use module=API&method=McpServer.mcp&format=mcp."}


def test_format_mcp_on_another_method_is_a_400_and_the_method_does_not_run(standin):
    r = standin.mcp(INIT, path="/index.php?module=API&method=SitesManager.getSitesWithAtLeastViewAccess&format=mcp")
    assert r.status == 400
    assert r.json == {"jsonrpc": "2.0", "id": "",
                      "error": {"code": -32600, "message": "format=mcp can only be used with method=McpServer.mcp."}}
    assert "Shop B" not in r.body.decode()


def test_bulk_requests_cannot_reach_the_endpoint(standin):
    path = "/index.php?module=API&method=API.getBulkRequest&format=json&urls[0]=" + "method%3DMcpServer.mcp%26format%3Dmcp"
    r = standin.mcp(INIT, path=path)
    assert "protocolVersion" not in r.body.decode()
    # Matomo turns the inner format into json; the answer still names the real problem
    assert "Nested API calls (including API.getBulkRequest) are not supported" in r.body.decode(), r.body
    assert r.header("mcp-session-id") is None
    r = standin.mcp(INIT, path="/index.php?module=API&method=API.getBulkRequest&format=mcp&urls[0]=x")
    assert r.status == 400 and r.json["error"]["code"] == -32600


def test_missing_token_is_401_with_a_bearer_challenge(standin):
    r = standin.mcp(INIT, token=None)
    assert r.status == 401
    assert r.header("www-authenticate") == 'Bearer realm="mcp"'
    assert r.json == {"jsonrpc": "2.0", "id": 41, "error": {"code": -32600, "message": "Authentication required."}}


def test_invalid_token_is_401_from_matomos_own_authentication(standin):
    r = standin.mcp(INIT, token="ffffffffffffffffffffffffffffffff")
    assert r.status == 401
    assert r.header("www-authenticate") == 'Bearer realm="mcp"'
    assert r.header("content-type") == "application/json"
    assert r.json == {"jsonrpc": "2.0", "id": 41, "error": {"code": -32600, "message": "Authentication required."}}
    assert "ffffffff" not in r.body.decode()


def test_user_without_view_access_is_401(standin):
    r = standin.mcp(INIT, token="nobody")
    assert r.status == 401
    assert r.json["error"]["message"] == "Authentication required."


def test_token_in_url_is_refused_unless_the_administrator_allows_it(fresh_standin):
    s = fresh_standin
    path = s.url[len(s.base):] + "&token_auth=" + TOKENS["viewer"]
    r = s.mcp(INIT, token=None, path=path)
    assert r.status == 401
    assert "Authorization: Bearer" in r.json["error"]["message"]
    assert TOKENS["viewer"] not in r.body.decode()
    s.setting("allow_token_auth_in_url", "1")
    r = s.mcp(INIT, token=None, path=path)
    assert r.status == 200 and r.header("mcp-session-id")


def test_disabled_endpoint(fresh_standin):
    s = fresh_standin
    s.setting("enable_mcp", "0")
    r = s.mcp(INIT)
    assert r.status == 403
    assert r.json == {"jsonrpc": "2.0", "id": 41,
                      "error": {"code": -32600, "message": "MCP endpoint is disabled. Please contact your Matomo administrator."}}
    for raw in ['{"jsonrpc":"2.0","method":"notifications/initialized"}', "{not json", "", '[{"jsonrpc":"2.0","id":1,"method":"ping"}]']:
        r = s.mcp(raw=raw)
        assert (r.status, r.body) == (403, b""), raw
        assert "content-type" not in r.headers, raw
    # authentication is checked first: a disabled server still answers 401 to strangers
    assert s.mcp(INIT, token=None).status == 401


def test_privilege_cap(fresh_standin):
    s = fresh_standin
    s.setting("maximum_mcp_access_level", "admin")
    r = s.mcp(INIT, token="superuser")
    assert r.status == 403
    assert r.json["error"]["message"] == ("Authenticated MCP access has too high privilege level. "
                                          "Maximum of Admin access level is allowed.")
    assert s.mcp(INIT, token="siteadmin").status == 200
    s.setting("maximum_mcp_access_level", "view")
    assert s.mcp(INIT, token="writer").json["error"]["message"].endswith("Maximum of View access level is allowed.")
    assert s.mcp(INIT, token="viewer").status == 200
    r = s.mcp({"jsonrpc": "2.0", "method": "notifications/initialized"}, token="siteadmin")
    assert (r.status, r.body) == (403, b"")


def test_origin_and_host_validation(standin):
    r = standin.mcp(INIT, headers={"Origin": "http://evil.example.com"})
    assert (r.status, r.body) == (403, b"Forbidden: Invalid Origin header.")
    assert r.header("content-type").startswith("text/plain")
    assert standin.mcp(INIT, headers={"Origin": f"http://127.0.0.1:{standin.port}"}).status == 200
    r = standin.mcp(INIT, headers={"Host": "evil.example.com"})
    assert (r.status, r.body) == (403, b"Forbidden: Invalid Host header.")


def test_a_token_in_a_form_body_is_refused_like_one_in_the_url(fresh_standin):
    """Matomo authenticates a token_auth POSTed in a form; the endpoint takes tokens only from
    the Bearer header (or the URL where allowed), so a body token gets the URL's message."""
    s = fresh_standin
    s.setting("allow_token_auth_in_url", "1")
    r = s.mcp(token=None, raw="token_auth=" + TOKENS["viewer"],
              headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert r.status == 401
    assert "Authorization: Bearer" in r.json["error"]["message"]
    assert TOKENS["viewer"] not in r.body.decode()


def test_only_json_bodies_are_read(standin):
    r = standin.mcp(INIT, headers={"Content-Type": "text/plain"})
    assert r.status == 415 and r.json["error"] == {
        "code": -32600, "message": "Unsupported Media Type: send the JSON-RPC message with Content-Type: application/json."}
    r = standin.mcp(INIT, headers={"Content-Type": "application/json; charset=utf-8"})
    assert r.status == 200


def test_http_methods_and_body_limits(standin):
    r = standin.mcp(method="GET", headers={"Accept": "text/event-stream"})
    assert r.status == 405 and r.header("allow") == "POST, DELETE"
    r = standin.mcp(method="DELETE")
    assert r.status == 400
    r = standin.mcp(raw=b"{" + b" " * (4 * 1024 * 1024 + 10) + b"}")
    assert r.status == 413 and r.json["error"]["code"] == -32600
    r = standin.mcp(raw="{nope")
    assert r.status == 400 and r.json == {"jsonrpc": "2.0", "id": None,
                                          "error": {"code": -32700, "message": "Parse error: the request body is not valid JSON."}}


def test_session_and_version_headers(standin):
    ping = {"jsonrpc": "2.0", "id": 5, "method": "ping"}
    r = standin.mcp(ping)
    assert r.status == 400
    assert r.json["error"]["message"] == "A valid session id is REQUIRED for non-initialize requests."
    r = standin.mcp(ping, session="0" * 64)
    assert r.status == 404 and r.json["error"]["message"] == "Session not found or has expired."
    sid = standin.initialize()
    assert standin.mcp(ping, session=sid, headers={"MCP-Protocol-Version": "2025-03-26"}).status == 200
    assert standin.mcp(ping, session=sid, headers={"MCP-Protocol-Version": "1999-01-01"}).status == 400


def test_the_2026_discover_probe_makes_clients_fall_back(standin):
    probe = {"jsonrpc": "2.0", "id": 0, "method": "server/discover",
             "params": {"_meta": {"io.modelcontextprotocol/protocolVersion": "2026-07-28"}}}
    r = standin.mcp(probe, headers={"MCP-Protocol-Version": "2026-07-28", "Mcp-Method": "server/discover"})
    assert r.status == 400
    assert r.json["error"]["code"] != -32022


def test_unexpected_failures_are_500_without_details(fresh_standin):
    s = fresh_standin
    s.console("plugin:uninstall")  # the session table is gone: storage fails
    s.setting("enable_mcp", "1")  # uninstalling also removed the settings
    r = s.mcp(INIT)
    assert r.status == 500
    assert r.json == {"jsonrpc": "2.0", "id": 41, "error": {"code": -32603, "message": "Internal endpoint error."}}
    assert "mcp_session" in s.log_text(), "the details are in Matomo's log"


def test_no_token_ever_reaches_a_log(standin):
    sid = standin.initialize()
    standin.tool(sid, "matomo_site_list")
    standin.mcp(INIT, token="ffffffffffffffffffffffffffffffff")
    run = standin.data / "run"
    # the access log records URLs; the stand-in's own UI pages take token_auth there, MCP never does
    access = [line for line in (run / "nginx-access.log").read_text().splitlines() if "McpServer.mcp" in line]
    logs = standin.log_text() + "\n".join(p.read_text(errors="replace") for p in run.glob("*.log")
                                           if p.name != "nginx-access.log") + "\n".join(access)
    for token in list(TOKENS.values()) + ["ffffffffffffffffffffffffffffffff"]:
        assert token not in logs
