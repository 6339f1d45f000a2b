#!/usr/bin/env python3
"""Load on the endpoint: concurrent clients with session churn for a bounded time, against a
running stand-in (make demo, or scripts/bench.sh's own). Prints p50/p95/p99 latency, errors
(must be 0) and the php-fpm workers' resident memory growth per 1,000 requests.

Each client opens a session, makes a few calls (tools/list, a site, a report), sometimes ends the
session with DELETE and opens a new one.

usage: benches/load.py --port 8080 [--clients 16] [--seconds 60] [--data DIR]
"""

from __future__ import annotations

import argparse
import http.client
import json
import statistics
import subprocess
import threading
import time

TOKEN = "a1b2c3d4e5f60718293a4b5c6d7e8f90"
MCP = "/index.php?module=API&method=McpServer.mcp&format=mcp"
HEADERS = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json",
           "Accept": "application/json, text/event-stream"}
CALLS = [
    {"method": "tools/list"},
    {"method": "tools/call", "params": {"name": "matomo_site_get", "arguments": {"idSite": 1}}},
    {"method": "tools/call", "params": {"name": "matomo_report_processed", "arguments": {
        "idSite": 1, "period": "day", "date": "yesterday", "reportUniqueId": "Actions_getPageUrls", "filter_limit": 10}}},
    {"method": "ping"},
]


def worker_rss_kb() -> int:
    """Resident memory of the stand-in's php-fpm workers (not the master), in KB."""
    out = subprocess.run(["ps", "-C", "php-fpm8.2", "-o", "rss=,args="], capture_output=True, text=True).stdout
    return sum(int(line.split()[0]) for line in out.splitlines() if "pool" in line)


def client(port: int, deadline: float, latencies: list[float], errors: list[str], lock: threading.Lock) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    n = 0
    session = None
    while time.time() < deadline:
        if session is None:
            body = {"jsonrpc": "2.0", "id": 0, "method": "initialize", "params": {
                "protocolVersion": "2025-11-25", "capabilities": {}, "clientInfo": {"name": "load", "version": "1"}}}
            headers = HEADERS
        else:
            call = CALLS[n % len(CALLS)]
            body = {"jsonrpc": "2.0", "id": n, **call}
            headers = dict(HEADERS, **{"Mcp-Session-Id": session, "MCP-Protocol-Version": "2025-11-25"})
        start = time.perf_counter()
        try:
            conn.request("POST", MCP, body=json.dumps(body), headers=headers)
            r = conn.getresponse()
            data = r.read()
            took = time.perf_counter() - start
            if r.status != 200 or "error" in json.loads(data):
                with lock:
                    errors.append(f"{r.status} {data[:120]!r}")
            if session is None:
                session = r.getheader("Mcp-Session-Id")
            with lock:
                latencies.append(took)
        except Exception as e:  # noqa: BLE001 - every failure counts as an error
            with lock:
                errors.append(repr(e))
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        n += 1
        if session is not None and n % 25 == 0:  # churn: end the session, open another
            conn.request("DELETE", MCP, headers=dict(HEADERS, **{"Mcp-Session-Id": session}))
            conn.getresponse().read()
            session = None


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--port", type=int, default=8080)
    p.add_argument("--clients", type=int, default=16)
    p.add_argument("--seconds", type=float, default=60)
    ns = p.parse_args()
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    # warm the workers so that their first-request growth is not counted
    warm_deadline = time.time() + 3
    threads = [threading.Thread(target=client, args=(ns.port, warm_deadline, [], [], lock)) for _ in range(ns.clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    rss_before = worker_rss_kb()
    deadline = time.time() + ns.seconds
    threads = [threading.Thread(target=client, args=(ns.port, deadline, latencies, errors, lock)) for _ in range(ns.clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    rss_after = worker_rss_kb()
    latencies.sort()
    n = len(latencies)
    pct = lambda q: latencies[min(n - 1, int(n * q))] * 1000  # noqa: E731
    print(f"{ns.clients} clients, {ns.seconds:.0f} s, {n} requests ({n / ns.seconds:.0f}/s)")
    print(f"latency ms: p50 {statistics.median(latencies) * 1000:.1f}, p95 {pct(0.95):.1f}, p99 {pct(0.99):.1f}")
    print(f"errors: {len(errors)} (target 0)" + (f", first: {errors[0]}" if errors else ""))
    growth = (rss_after - rss_before) / 1024 / max(1, n / 1000)
    print(f"worker memory: {rss_before / 1024:.1f} MB -> {rss_after / 1024:.1f} MB, {growth:+.3f} MB per 1,000 requests")


if __name__ == "__main__":
    main()
