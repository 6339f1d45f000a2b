#!/usr/bin/env python3
"""Request latency of the MCP endpoint next to the same stack's floor, measured in one run.

Against a running stand-in (make demo): sequential requests, median and p90 of each kind, and the
ratio to the floor (`API.getMatomoVersion` with format=json: the same nginx, php-fpm, stand-in
bootstrap and authentication, without MCP). Absolute times drift on shared machines; the ratios
measured in one run are what to compare.

usage: benches/latency.py [--port 8080] [--requests 200]
"""

from __future__ import annotations

import argparse
import http.client
import json
import statistics
import time

TOKEN = "a1b2c3d4e5f60718293a4b5c6d7e8f90"


def timed(conn: http.client.HTTPConnection, path: str, body: dict | None, headers: dict) -> tuple[float, http.client.HTTPResponse, bytes]:
    start = time.perf_counter()
    conn.request("POST", path, body=json.dumps(body) if body is not None else "", headers=headers)
    r = conn.getresponse()
    data = r.read()
    return time.perf_counter() - start, r, data


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--port", type=int, default=8080)
    p.add_argument("--requests", type=int, default=200)
    ns = p.parse_args()
    conn = http.client.HTTPConnection("127.0.0.1", ns.port, timeout=30)
    mcp = "/index.php?module=API&method=McpServer.mcp&format=mcp"
    auth = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json", "Accept": "application/json, text/event-stream"}
    _, r, _ = timed(conn, mcp, {"jsonrpc": "2.0", "id": 1, "method": "initialize",
                                "params": {"protocolVersion": "2025-11-25", "capabilities": {}, "clientInfo": {"name": "bench", "version": "1"}}}, auth)
    session = dict(auth, **{"Mcp-Session-Id": r.getheader("Mcp-Session-Id"), "MCP-Protocol-Version": "2025-11-25"})
    kinds = {
        "floor: API.getMatomoVersion (format=json)": ("/index.php?module=API&method=API.getMatomoVersion&format=json", None, auth),
        "MCP ping": (mcp, {"jsonrpc": "2.0", "id": 2, "method": "ping"}, session),
        "MCP tools/list": (mcp, {"jsonrpc": "2.0", "id": 3, "method": "tools/list"}, session),
        "MCP tools/call matomo_site_get": (mcp, {"jsonrpc": "2.0", "id": 4, "method": "tools/call",
                                                 "params": {"name": "matomo_site_get", "arguments": {"idSite": 1}}}, session),
        # a report through the endpoint next to Matomo's own API.getProcessedReport of it
        "API.getProcessedReport Page URLs week": (
            "/index.php?module=API&method=API.getProcessedReport&format=json&idSite=1&period=week&date=today"
            f"&apiModule=Actions&apiAction=getPageUrls&filter_limit=50&hideMetricsDoc=1&token_auth={TOKEN}", None, auth),
        "MCP matomo_report_processed same": (mcp, {"jsonrpc": "2.0", "id": 5, "method": "tools/call", "params": {
            "name": "matomo_report_processed", "arguments": {"idSite": 1, "period": "week", "date": "today",
                                                             "reportUniqueId": "Actions_getPageUrls", "filter_limit": 50}}},
            session),
    }
    samples: dict[str, list[float]] = {k: [] for k in kinds}
    sizes: dict[str, int] = {}
    for _ in range(ns.requests):  # interleaved so drift hits every kind alike
        for name, (path, body, headers) in kinds.items():
            t, r, data = timed(conn, path, body, headers)
            assert r.status == 200, (name, r.status, data[:200])
            samples[name].append(t)
            sizes[name] = len(data)
    floor = statistics.median(samples[next(iter(kinds))])
    print(f"{ns.requests} requests of each kind, sequential, one keep-alive connection")
    print(f"{'request':42} {'median ms':>9} {'p90 ms':>7} {'x floor':>7} {'bytes':>6}")
    for name, ts in samples.items():
        ts.sort()
        med = statistics.median(ts)
        print(f"{name:42} {med * 1000:9.2f} {ts[int(len(ts) * 0.9)] * 1000:7.2f} {med / floor:7.2f} {sizes[name]:6}")
    report = statistics.median(samples["MCP matomo_report_processed same"])
    print(f"matomo_report_processed / API.getProcessedReport: "
          f"{report / statistics.median(samples['API.getProcessedReport Page URLs week']):.2f}")


if __name__ == "__main__":
    main()
