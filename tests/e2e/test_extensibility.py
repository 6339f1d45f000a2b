"""Other plugins add, remove and observe tools through the McpServer events; contributed tools
go through the same validation, logging, scrubbing and shaping as built-in ones."""

import json

from standin import ALL_TOOLS, TOKENS


def test_contributed_tools_and_server_events(fresh_standin):
    s = fresh_standin
    s.console("plugin:activate", "McpExample")
    s.config("McpServer", "log_tool_calls", "1")
    sid = s.initialize()
    tools = s.call(sid, "tools/list").json["result"]["tools"]
    names = [t["name"] for t in tools]
    assert names == [n for n in ALL_TOOLS if n != "matomo_site_search"] + ["example_echo"]
    echo = tools[-1]
    assert echo["annotations"]["readOnlyHint"] is True and echo["outputSchema"]["type"] == "object"

    ok = s.tool(sid, "example_echo", {"text": "hello"})["result"]
    assert ok["isError"] is False and ok["structuredContent"]["echo"] == "hello"
    assert TOKENS["viewer"] not in json.dumps(ok), "the contributed tool's token is scrubbed too"
    assert ok["structuredContent"]["link"] == "https://m.example.org/index.php?module=X"
    failed = s.tool(sid, "example_echo", {"text": "x", "fail": True})["result"]
    assert failed == {"content": [{"type": "text", "text": "Asked to fail."}], "isError": True}
    crashed = s.tool(sid, "example_echo", {"text": "crash"})["result"]
    assert crashed["content"][0]["text"] == "Tool execution failed."
    assert "SQLSTATE" in s.log_text() and "SQLSTATE" not in json.dumps(crashed)
    invalid = s.call(sid, "tools/call", {"name": "example_echo", "arguments": {"text": ""}}).json
    assert invalid["error"]["code"] == -32602
    removed = s.call(sid, "tools/call", {"name": "matomo_site_search", "arguments": {"search": "shop"}}).json
    assert removed["error"]["code"] == -32602
    assert "not an McpTool" in s.log_text()
    assert "MCP Tool Call successful: example_echo [text: <string:5>]" in s.log_text()

    events = [json.loads(line) for line in (s.data / "events.jsonl").read_text().splitlines()]
    assert [e["method"] for e in events[:2]] == ["initialize", "tools/list"]
    calls = [e for e in events if e["method"] == "tools/call"]
    assert [(e["toolName"], e["isError"]) for e in calls] == [
        ("example_echo", False), ("example_echo", True), ("example_echo", True), ("example_echo", True), ("matomo_site_search", True)]
    assert all(e["sessionId"] == sid and e["clientName"] == "e2e" and e["durationMs"] >= 0 for e in events)
