"""Raw Matomo API tools: offered only as the settings allow, calling Matomo as the user."""

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
        assert tool["description"] and set(tool["annotations"]) == {"readOnlyHint", "destructiveHint", "idempotentHint", "openWorldHint"}
