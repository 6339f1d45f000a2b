#!/usr/bin/env python3
"""Runs an MCP server command over stdio with the official Python SDK: initialize, list tools,
print their names as JSON. Used to check the Claude Desktop snippet (mcp-remote) end to end.

usage: stdio_client.py COMMAND [ARGS...]   (environment passed through)
"""

import asyncio
import json
import os
import sys

from mcp import StdioServerParameters
from mcp.client.session import ClientSession
from mcp.client.stdio import stdio_client


async def main() -> None:
    params = StdioServerParameters(command=sys.argv[1], args=sys.argv[2:], env=dict(os.environ))
    async with stdio_client(params) as (read, write):
        async with ClientSession(read, write) as session:
            await session.initialize()
            tools = await session.list_tools()
            print(json.dumps([t.name for t in tools.tools]))


if __name__ == "__main__":
    asyncio.run(main())
