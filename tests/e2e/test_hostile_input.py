"""Hostile input over HTTP, through nginx, php-fpm, the plugin and the extension: every answer is
a JSON-RPC answer (never an empty 500 or a PHP fatal), no panic reaches the log, and no token
appears anywhere."""

import json

import pytest

from standin import TOKENS

VALUES = [None, True, False, 0, -1, 2**63, -(2**63) - 1, 1e308, -0.0, 1.5, "", " ", "\u0000", "\ud7ff\ue000",
          "x" * 10_000, "' OR 1=1 --", "<script>alert(1)</script>", "../../etc/passwd", "${jndi:ldap://x}",
          "%00%2e%2e", "token_auth=" + TOKENS["superuser"], [], [1, "a", None], {}, {"a": {"b": {"c": [1]}}}]
NESTED = {"a": None}
for _ in range(200):
    NESTED = {"a": NESTED}


@pytest.fixture(scope="module")
def tools(standin, session):
    return standin.call(session, "tools/list").json["result"]["tools"]


def answered(r):
    """A JSON-RPC answer, with HTTP status and body that match."""
    assert r.status in (200, 202, 400, 404, 413, 415), (r.status, r.body[:300])
    if r.status != 202:
        body = r.json
        assert body.get("jsonrpc") == "2.0" or isinstance(body, list), body
    text = r.body.decode("utf-8", errors="replace")
    for token in TOKENS.values():
        assert token not in text, "a token in an answer"
    return r


def test_every_json_type_in_every_argument_of_every_tool(standin, session, tools):
    for tool in tools:
        names = list(tool["inputSchema"].get("properties", {})) or ["x"]
        for name in names:
            for value in VALUES:
                r = standin.mcp({"jsonrpc": "2.0", "id": 1, "method": "tools/call",
                                 "params": {"name": tool["name"], "arguments": {name: value}}},
                                session=session, headers={"MCP-Protocol-Version": "2025-11-25"})
                answered(r)
    log = standin.log_text()
    assert "panic" not in log.lower() and "PHP Fatal" not in log
    assert all(token not in log for token in TOKENS.values())


@pytest.mark.parametrize("body", [
    "", "null", "0", "[]", "[[]]", '"string"', "{}", '{"jsonrpc": "2.0"}', '{"jsonrpc": "2.0", "method": 1}',
    '{"jsonrpc": "2.0", "id": {}, "method": "ping"}', '{"jsonrpc": "2.0", "id": 1, "method": "ping", "params": 5}',
    '{"jsonrpc": "2.0", "id": 1e400, "method": "ping"}', "\ufeff{}", '{"a": "\\ud800"}', "\xff\xfe",
    json.dumps(NESTED), json.dumps([{"jsonrpc": "2.0", "id": i, "method": "ping"} for i in range(60)]),
    '{"jsonrpc": "2.0", "id": 1, "method": "tools/call", "params": {"name": "' + "n" * 100_000 + '"}}',
])
def test_malformed_messages_get_json_rpc_answers(standin, session, body):
    answered(standin.mcp(raw=body.encode("utf-8", errors="surrogatepass") if isinstance(body, str) else body,
                         session=session, headers={"MCP-Protocol-Version": "2025-11-25"}))


@pytest.mark.parametrize("headers", [
    {"Mcp-Session-Id": "\u00e9" * 10}, {"Mcp-Session-Id": "x" * 8000}, {"MCP-Protocol-Version": "../../"},
    {"Accept": "*/*;q=0"}, {"Content-Type": "application/json; charset=latin-1"}, {"Origin": "null"},
    {"Authorization": "Bearer " + "A" * 5000},
])
def test_hostile_headers_get_json_rpc_answers(standin, session, headers):
    h = {"MCP-Protocol-Version": "2025-11-25"}
    h.update(headers)
    r = standin.mcp({"jsonrpc": "2.0", "id": 1, "method": "ping"}, session=session, headers=h)
    assert r.status in (200, 400, 401, 403, 404, 406), (r.status, r.body[:200])
    assert TOKENS["viewer"] not in r.body.decode("utf-8", errors="replace")
