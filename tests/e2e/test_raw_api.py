"""Raw Matomo API tools: offered only as the settings allow, calling Matomo as the user."""

import json

from standin import ALL_TOOLS


def tool_names(s, sid, token="viewer"):
    return [t["name"] for t in s.call(sid, "tools/list", token=token).json["result"]["tools"]]


def text(answer):
    return answer["result"]["content"][0]["text"]


def test_raw_api_tools_follow_the_settings(fresh_standin):
    s = fresh_standin
    sid = s.initialize()
    assert tool_names(s, sid) == ALL_TOOLS, "no raw API tools by default"
    s.setting("raw_api_access_scope", "partial")
    s.setting("raw_api_access_read", "1")
    names = tool_names(s, sid)
    assert [n for n in names if n.startswith("matomo_api_")] == ["matomo_api_call_read", "matomo_api_get", "matomo_api_list"]
    methods = s.tool(sid, "matomo_api_list", {"limit": 500})["result"]["structuredContent"]["methods"]
    listed = {m["method"] for m in methods}
    assert {"Live.getLastVisitsDetails", "UsersManager.getUsersPlusRole", "SitesManager.getSiteFromId"} <= listed
    for hidden in ["UsersManager.deleteUser", "UsersManager.getUsers", "UsersManager.getTokenDetails",
                   "API.getProcessedReport", "API.getBulkRequest", "McpServer.mcp"]:
        assert hidden not in listed, hidden
    live = next(m for m in methods if m["method"] == "Live.getLastVisitsDetails")
    assert live["parameters"][0] == {"name": "idSite", "type": None, "required": True, "allowsNull": False,
                                     "hasDefault": False, "defaultValue": None}
    s.setting("raw_api_access_scope", "full")
    assert "matomo_api_call_full" in tool_names(s, sid)


def test_raw_api_calls_run_with_the_users_permissions(fresh_standin):
    s = fresh_standin
    s.setting("raw_api_access_scope", "full")
    sid = s.initialize()
    visits = s.tool(sid, "matomo_api_call_read", {"method": "Live.getLastVisitsDetails", "parameters": '{"idSite": 1}'})
    assert visits["result"]["isError"] is False
    assert visits["result"]["structuredContent"]["resolvedMethod"]["method"] == "Live.getLastVisitsDetails"
    assert len(visits["result"]["structuredContent"]["result"]) == 2
    assert text(s.tool(sid, "matomo_api_call_read", {"method": "Live.getLastVisitsDetails", "parameters": {"idSite": 3}})) == "No access to API method."
    assert text(s.tool(sid, "matomo_api_call_read", {"method": "UsersManager.getUsersPlusRole", "parameters": {"idSite": 1}})) == "No access to API method."
    assert text(s.tool(sid, "matomo_api_call_read", {"method": "UsersManager.deleteUser", "parameters": {"userLogin": "x"}})) == "API method not found or unavailable."
    assert text(s.tool(sid, "matomo_api_call_read", {"method": "Live.getLastVisitsDetails", "parameters": {"format": "xml"}})) == "Unsupported parameters key 'format'."
    admin = s.initialize(token="superuser")
    failed = s.tool(admin, "matomo_api_call_delete", {"module": "UsersManager", "action": "deleteUser", "parameters": {"userLogin": "ghost"}}, token="superuser")
    assert text(failed) == "Matomo API request failed: The user 'ghost' does not exist."


def test_every_tool_schema_is_valid_json_schema(fresh_standin):
    import jsonschema

    s = fresh_standin
    s.setting("raw_api_access_scope", "full")
    sid = s.initialize()
    tools = s.call(sid, "tools/list").json["result"]["tools"]
    assert len(tools) == len(ALL_TOOLS) + 7
    for tool in tools:
        jsonschema.Draft202012Validator.check_schema(tool["inputSchema"])
        jsonschema.Draft202012Validator.check_schema(tool["outputSchema"])
        assert tool["inputSchema"]["type"] == "object" and tool["outputSchema"]["type"] == "object"
        hints = {"readOnlyHint", "openWorldHint"} if tool["annotations"]["readOnlyHint"] else \
            {"readOnlyHint", "destructiveHint", "idempotentHint", "openWorldHint"}
        assert tool["description"] and set(tool["annotations"]) == hints


def test_raw_api_lists_come_in_pages_that_return_every_row_once(fresh_standin):
    """Matomo cuts every list to filter_limit from filter_offset; the answer says exactly whether
    more follow and where the next page starts, and stays within max_bytes."""
    s = fresh_standin
    s.setting("raw_api_access_scope", "full")
    sid = s.initialize()

    def page(offset, limit=1, **extra):
        params = {"idSite": 1, "filter_limit": limit, "filter_offset": offset}
        answer = s.tool(sid, "matomo_api_call_read", {"method": "Live.getLastVisitsDetails", "parameters": params, **extra})
        assert answer["result"]["isError"] is False, answer
        return answer["result"]["structuredContent"]

    everything = page(0, limit=100)
    assert everything["pagination"]["has_more"] is False
    assert everything["pagination"]["total_rows"] == len(everything["result"]) == 2
    first = page(0)
    assert first["pagination"] == {"filter_limit": 1, "filter_offset": 0, "returned_rows": 1, "total_rows": None,
                                   "has_more": True, "next_filter_offset": 1, "trimmed_to_max_bytes": False,
                                   "max_bytes": 60000}
    second = page(first["pagination"]["next_filter_offset"])
    assert second["pagination"]["has_more"] is False and second["pagination"]["total_rows"] == 2
    assert first["result"] + second["result"] == everything["result"]
    small = page(0, limit=100, max_bytes=5000)
    assert len(json.dumps(small, separators=(",", ":"))) <= 5000
    assert small["pagination"]["trimmed_to_max_bytes"] is True
    assert small["pagination"]["next_filter_offset"] == small["pagination"]["returned_rows"] == 1
    too_small = s.tool(sid, "matomo_api_call_read", {"method": "Live.getLastVisitsDetails", "max_bytes": 2000,
                                                      "parameters": {"idSite": 1}})
    assert text(too_small).startswith("One row of Live.getLastVisitsDetails is larger than max_bytes=2000; raise max_bytes")
