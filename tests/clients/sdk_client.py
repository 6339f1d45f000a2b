#!/usr/bin/env python3
"""Connects to an MCP endpoint with the official Python SDK (auto mode by default, Bearer token),
lists every tool (following nextCursor), optionally calls tools, and with --features also lists
and gets prompts, lists and reads resources and asks for completions. Prints one JSON report.

usage: sdk_client.py URL --token TOKEN [--mode auto|legacy|2026-07-28] [--features]
                     [--call NAME JSON_ARGS]...
exit: 0 ok, 1 protocol/connection failure.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys

from mcp import Client
from mcp.types import PromptReference, ResourceTemplateReference
from mcp.client.streamable_http import streamable_http_client
from mcp.shared._httpx_utils import create_mcp_http_client


async def features(client: Client) -> dict:
    """Prompts, resources and completions, as a client application would use them."""
    prompts = await client.list_prompts()
    prompt = await client.get_prompt(prompts.prompts[0].name, {"idSite": "1"})
    resources = await client.list_resources()
    templates = await client.list_resource_templates()
    read = await client.read_resource(resources.resources[0].uri)
    sites = await client.complete(PromptReference(type="ref/prompt", name=prompts.prompts[0].name),
                                  {"name": "idSite", "value": ""})
    by_template = await client.complete(ResourceTemplateReference(type="ref/resource", uri=templates.resource_templates[0].uri_template),
                                        {"name": "idSite", "value": "1"})
    return {
        "prompts": [p.name for p in prompts.prompts],
        "promptText": prompt.messages[0].content.text,
        "resources": [str(r.uri) for r in resources.resources],
        "templates": [t.uri_template for t in templates.resource_templates],
        "read": json.loads(read.contents[0].text),
        "siteCompletions": sites.completion.values,
        "templateCompletions": by_template.completion.values,
    }


async def run(url: str, token: str, calls: list[tuple[str, dict]], mode: str, with_features: bool) -> dict:
    report: dict = {"tools": [], "calls": []}
    async with create_mcp_http_client(headers={"Authorization": f"Bearer {token}"}) as http:
        async with Client(streamable_http_client(url, http_client=http), cache=None, mode=mode) as client:
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
            if with_features:
                report["features"] = await features(client)
    return report


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("url")
    p.add_argument("--token", required=True)
    p.add_argument("--call", nargs=2, action="append", default=[], metavar=("NAME", "JSON_ARGS"))
    p.add_argument("--mode", default="auto")
    p.add_argument("--features", action="store_true")
    ns = p.parse_args()
    try:
        report = asyncio.run(run(ns.url, ns.token, [(n, json.loads(a)) for n, a in ns.call], ns.mode, ns.features))
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
