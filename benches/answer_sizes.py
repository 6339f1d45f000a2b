#!/usr/bin/env python3
"""Bytes a model receives: our answers next to the incumbent plugin's shape for the same data.

The incumbent answers tools/call with the raw API.getProcessedReport payload twice: as
structuredContent and as pretty-printed JSON text (rows as objects with repeated keys, all of
Matomo's metadata). Against a running stand-in (make demo), this prints the size of tools/list
and of report answers, ours measured on the wire, the incumbent's built from the same captured
Matomo answer.

usage: benches/answer_sizes.py [--port 8080]
"""

import argparse
import http.client
import json
from pathlib import Path

TOKEN = "a1b2c3d4e5f60718293a4b5c6d7e8f90"
FIXTURES = Path(__file__).resolve().parents[1] / "standin" / "fixtures" / "matomo-5.1.2"


def post(conn, headers, body):
    conn.request("POST", "/index.php?module=API&method=McpServer.mcp&format=mcp", body=json.dumps(body), headers=headers)
    r = conn.getresponse()
    return r, r.read()


def incumbent_shape(fixture: str, uid: str, module: str, action: str, limit: int) -> int:
    report = json.loads((FIXTURES / fixture).read_text())["response"]
    rows = report["reportData"] if isinstance(report["reportData"], list) else [report["reportData"]]
    structured = {"report": report, "pagination": {"filter_limit": limit, "filter_offset": 0, "returned_rows": len(rows),
                                                   "has_more": False, "total_rows": len(rows)},
                  "resolvedReport": {"uniqueId": uid, "apiModule": module, "apiAction": action, "apiParameters": {}}}
    text = json.dumps(structured, indent=4, ensure_ascii=False)
    result = {"content": [{"type": "text", "text": text}], "structuredContent": structured, "isError": False}
    return len(json.dumps({"jsonrpc": "2.0", "id": 1, "result": result}, ensure_ascii=False).encode())


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--port", type=int, default=8080)
    ns = p.parse_args()
    conn = http.client.HTTPConnection("127.0.0.1", ns.port, timeout=30)
    h = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json", "Accept": "application/json, text/event-stream"}
    r, _ = post(conn, h, {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"protocolVersion": "2025-11-25", "capabilities": {}, "clientInfo": {"name": "sizes", "version": "1"}}})
    h["Mcp-Session-Id"] = r.getheader("Mcp-Session-Id")
    _, listed = post(conn, h, {"jsonrpc": "2.0", "id": 2, "method": "tools/list"})
    tools = json.loads(listed)["result"]["tools"]
    print(f"tools/list: {len(listed)} bytes for {len(tools)} tools (target <= 16,000; "
          f"the incumbent, measured by the project: 16.8 KB for 12 tools)")
    cases = [
        ("Page URLs, week, 5 rows", "17-viewer-API_getProcessedReport.json", "Actions_getPageUrls", "Actions", "getPageUrls", "week", 5),
        ("Countries, last 7 days", "24-viewer-API_getProcessedReport.json", "UserCountry_getCountry", "UserCountry", "getCountry", "range", 50),
        ("Visits summary, yesterday", "15-viewer-API_getProcessedReport.json", "VisitsSummary_get", "VisitsSummary", "get", "day", 50),
    ]
    dates = {"week": "today", "range": "last7", "day": "yesterday"}
    print(f"{'matomo_report_processed':32} {'ours':>7} {'incumbent':>10} {'ratio':>6}")
    for label, fixture, uid, module, action, period, limit in cases:
        _, answer = post(conn, h, {"jsonrpc": "2.0", "id": 3, "method": "tools/call", "params": {"name": "matomo_report_processed", "arguments": {
            "idSite": 1, "period": period, "date": dates[period], "reportUniqueId": uid, "filter_limit": limit}}})
        assert json.loads(answer)["result"]["isError"] is False, answer[:300]
        theirs = incumbent_shape(fixture, uid, module, action, limit)
        print(f"{label:32} {len(answer):7} {theirs:10} {len(answer) / theirs:6.2f}")


if __name__ == "__main__":
    main()
