#!/usr/bin/env python3
"""Connects to an MCP endpoint with the official Python SDK (default auto mode, Bearer token),
lists every tool (following nextCursor), optionally calls tools, and prints one JSON report.

usage: sdk_client.py URL --token TOKEN [--call NAME JSON_ARGS]...
exit: 0 ok, 1 protocol/connection failure.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys

from mcp import Client
from mcp.client.streamable_http import streamable_http_client
from mcp.shared._httpx_utils import create_mcp_http_client


async def run(url: str, token: str, calls: list[tuple[str, dict]]) -> dict:
    report: dict = {"tools": [], "calls": []}
    async with create_mcp_http_client(headers={"Authorization": f"Bearer {token}"}) as http:
        async with Client(streamable_http_client(url, http_client=http), cache=None) as client:
            report["protocolVersion"] = client.protocol_version
            report["serverName"] = client.server_info.name if client.server_info else None
            report["legacy"] = client.session.initialize_result is not None
            cursor = None
            for _ in range(20):
                page = await client.list_tools(cursor=cursor)
                report["tools"].extend(t.name for t in page.tools)
                cursor = page.next_cursor
                if not cursor:
                    break
            for name, args in calls:
                result = await client.call_tool(name, args)
                report["calls"].append({
                    "name": name,
                    "isError": bool(result.is_error),
                    "structuredContent": result.structured_content,
                    "text": [c.text for c in result.content if getattr(c, "type", "") == "text"],
                })
    return report


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("url")
    p.add_argument("--token", required=True)
    p.add_argument("--call", nargs=2, action="append", default=[], metavar=("NAME", "JSON_ARGS"))
    ns = p.parse_args()
    try:
        report = asyncio.run(run(ns.url, ns.token, [(n, json.loads(a)) for n, a in ns.call]))
    except BaseException as exc:  # noqa: BLE001 - report any failure, including exception groups
        leaf = exc
        while isinstance(leaf, BaseExceptionGroup) and leaf.exceptions:
            leaf = leaf.exceptions[0]
        print(f"FAIL: {type(leaf).__name__}: {leaf}", file=sys.stderr)
        return 1
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
