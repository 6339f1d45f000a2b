"""tools/list and the site tools over HTTP, with schemas checked against the JSON Schema
meta-schema and every result against its tool's output schema."""

import jsonschema
import pytest

from standin import ALL_TOOLS, TOKENS, structured


@pytest.fixture(scope="module")
def tools(standin, session):
    r = standin.call(session, "tools/list")
    assert r.status == 200
    return {t["name"]: t for t in r.json["result"]["tools"]}


def checked(tools, name, answer):
    return structured(answer, tools[name]["outputSchema"])


def test_tools_list_describes_every_tool(tools):
    assert list(tools) == ALL_TOOLS
    for tool in tools.values():
        assert tool["description"] and tool["title"]
        # destructive and idempotent hints mean nothing for a read-only tool (MCP spec)
        assert tool["annotations"] == {"readOnlyHint": True, "openWorldHint": False}
        for schema in (tool["inputSchema"], tool["outputSchema"]):
            jsonschema.Draft202012Validator.check_schema(schema)
            assert schema["type"] == "object"
        assert tool["inputSchema"]["additionalProperties"] is False


def test_tools_list_refuses_a_bad_cursor(standin, session):
    r = standin.call(session, "tools/list", {"cursor": "not-a-cursor"})
    assert r.json["error"] == {"code": -32602, "message": "Invalid cursor."}


def test_site_list(standin, session, tools):
    data = checked(tools, "matomo_site_list", standin.tool(session, "matomo_site_list"))
    assert [s["idsite"] for s in data["sites"]] == [2, 1]
    assert (data["total_rows"], data["has_more"], data["next_cursor"]) == (2, False, None)


def test_site_list_as_superuser_sees_every_site(standin, tools):
    sid = standin.initialize(token="superuser")
    data = checked(tools, "matomo_site_list", standin.tool(sid, "matomo_site_list", {"sort": "id_desc"}, token="superuser"))
    assert [s["idsite"] for s in data["sites"]] == [3, 2, 1]


def test_site_list_pagination_over_http(standin, session, tools):
    first = checked(tools, "matomo_site_list", standin.tool(session, "matomo_site_list", {"limit": 1, "sort": "id_asc"}))
    assert [s["idsite"] for s in first["sites"]] == [1] and first["has_more"] is True
    second = checked(tools, "matomo_site_list", standin.tool(session, "matomo_site_list",
                                                             {"limit": "1", "sort": "id_asc", "cursor": first["next_cursor"]}))
    assert [s["idsite"] for s in second["sites"]] == [2] and second["has_more"] is False
    replay = standin.tool(session, "matomo_site_search", {"search": "example", "limit": 1, "sort": "id_asc", "cursor": first["next_cursor"]})
    assert replay["result"] == {"content": [{"type": "text", "text": "Invalid cursor."}], "isError": True}


def test_site_search(standin, session, tools):
    data = checked(tools, "matomo_site_search", standin.tool(session, "matomo_site_search", {"search": "shop"}))
    assert [s["name"] for s in data["sites"]] == ["Demo Shop"]
    data = checked(tools, "matomo_site_search", standin.tool(session, "matomo_site_search", {"search": "Intranet"}))
    assert data["sites"] == [], "site 3 exists but the viewer has no access to it"
    blank = standin.tool(session, "matomo_site_search", {"search": "  "})
    assert blank["result"]["isError"] is True
    assert blank["result"]["content"][0]["text"] == "Parameter 'search' missing or invalid."


def test_site_get(standin, session, tools):
    data = checked(tools, "matomo_site_get", standin.tool(session, "matomo_site_get", {"idSite": 1}))
    assert data == {"idsite": 1, "name": "Demo Shop", "main_url": "https://shop.example.test", "timezone": "Europe/Berlin",
                    "timezone_name": "Germany - Berlin", "currency": "EUR", "currency_name": "Euro", "ecommerce": True,
                    "sitesearch": True, "type": "website"}
    for hidden in (3, 999):
        answer = standin.tool(session, "matomo_site_get", {"idSite": hidden})
        assert answer["result"] == {"content": [{"type": "text", "text": "Site not found or access denied."}], "isError": True}


def test_site_get_for_a_superuser_and_an_unknown_site(standin):
    sid = standin.initialize(token="superuser")
    answer = standin.tool(sid, "matomo_site_get", {"idSite": 999}, token="superuser")
    assert answer["result"]["content"][0]["text"] == "Site not found or access denied."


def test_invalid_arguments_are_json_rpc_errors_naming_pointers(standin, session):
    r = standin.call(session, "tools/call", {"name": "matomo_site_get", "arguments": {"idSite": 0, "x": 1}})
    err = r.json["error"]
    assert err["code"] == -32602
    assert err["message"] == "Invalid parameters for tool 'matomo_site_get': Property '/idSite': must be >= 1; Property '/x': is not allowed"
    assert [e["pointer"] for e in err["data"]["validation_errors"]] == ["/idSite", "/x"]
    r = standin.call(session, "tools/call", {"name": "matomo_nope", "arguments": {}})
    assert r.json["error"]["code"] == -32602


def test_tool_calls_are_logged_with_redaction(fresh_standin):
    s = fresh_standin
    s.config("McpServer", "log_tool_calls", "1")
    s.config("McpServer", "log_tool_call_level", "info")
    sid = s.initialize()
    s.tool(sid, "matomo_site_search", {"search": "shop", "token_auth": TOKENS["viewer"]})
    s.tool(sid, "matomo_site_search", {"search": "shop"})
    lines = [l for l in s.log_text().splitlines() if "MCP Tool Call" in l]
    assert len(lines) == 2
    assert "INFO" in lines[1] and "matomo_site_search [search: <string:4>]" in lines[1] and "response_bytes=" in lines[1]
    assert "failed" in lines[0] and "shop" not in lines[0]
    s.config("McpServer", "log_tool_call_parameters_full", "1")
    s.tool(sid, "matomo_site_search", {"search": "shop", "token_auth": TOKENS["viewer"]})
    full = [l for l in s.log_text().splitlines() if "MCP Tool Call" in l][-1]
    assert 'search: "shop"' in full and "token_auth: <string:32>" in full
    assert TOKENS["viewer"] not in s.log_text()
