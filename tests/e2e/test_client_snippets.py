"""Every snippet of the connect guide, taken from the rendered page and tried with the client it
names (those installable here): Claude Code, Codex, Claude Desktop's mcp-remote bridge, MCP
Inspector; the JSON configurations are checked for shape."""

import html
import json
import os
import re
import subprocess
import sys

import pytest

from standin import ALL_TOOLS, ROOT, TOKENS

CLIS = ROOT / "build" / "tools" / "clis" / "node_modules" / ".bin"


@pytest.fixture(scope="module")
def snippets(standin):
    page = standin.request("GET", "/index.php?module=McpServer&action=connect&token_auth=" + TOKENS["viewer"]).body.decode()
    found = {m.group(1): html.unescape(m.group(2)) for m in re.finditer(r'<pre id="mcpCode-([a-z-]+)">(.*?)</pre>', page, re.S)}
    assert set(found) == {"claude-code", "claude-ai", "claude-desktop", "codex", "cursor", "vscode", "inspector"}
    return {k: v.replace("YOUR_TOKEN", TOKENS["viewer"]) for k, v in found.items()}


def home(tmp_path):
    h = tmp_path / "home"
    h.mkdir()
    return dict(os.environ, HOME=str(h))


def test_claude_ai_connector_values_connect(snippets):
    """claude.ai's custom connector form takes a URL and request headers: the two values the guide
    shows, used as that connector uses them (a Streamable HTTP client with that header)."""
    lines = dict(line.split(": ", 1) for line in snippets["claude-ai"].splitlines())
    name, value = lines["Request header"].split(": ", 1)
    assert name == "Authorization" and value.startswith("Bearer ")
    out = subprocess.run([sys.executable, str(ROOT / "tests/clients/sdk_client.py"), lines["Remote MCP server URL"],
                          "--token", value.removeprefix("Bearer ")], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["serverName"] == "Matomo MCP Server"


def test_claude_code_snippet_connects(snippets, tmp_path):
    env = home(tmp_path)
    command = snippets["claude-code"]
    assert command.startswith("claude mcp add --transport http matomo ")
    added = subprocess.run(["bash", "-c", str(CLIS / "claude") + command[len("claude"):]], env=env, cwd=tmp_path,
                           capture_output=True, text=True, timeout=120)
    assert added.returncode == 0, added.stdout + added.stderr
    # its health check has a short timeout of its own: a busy shared machine may need a second try
    for _ in range(3):
        listed = subprocess.run([str(CLIS / "claude"), "mcp", "list"], env=env, cwd=tmp_path, capture_output=True, text=True, timeout=120)
        if "Connected" in listed.stdout:
            break
    assert "Connected" in listed.stdout, listed.stdout + listed.stderr


def test_codex_snippet_is_understood(snippets, standin, tmp_path):
    env = home(tmp_path)
    (tmp_path / "home" / ".codex").mkdir()
    (tmp_path / "home" / ".codex" / "config.toml").write_text(snippets["codex"] + "\n")
    env["MATOMO_TOKEN"] = TOKENS["viewer"]
    listed = subprocess.run([str(CLIS / "codex"), "mcp", "list"], env=env, cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert listed.returncode == 0, listed.stderr
    assert standin.url in listed.stdout and "Bearer token" in listed.stdout and "enabled" in listed.stdout


def test_claude_desktop_snippet_connects_through_mcp_remote(snippets, tmp_path):
    config = json.loads(snippets["claude-desktop"])["mcpServers"]["matomo"]
    assert config["command"] == "npx" and config["args"][:2] == ["-y", "mcp-remote"]
    env = home(tmp_path) | config["env"]
    out = subprocess.run([sys.executable, str(ROOT / "tests/clients/stdio_client.py"), str(CLIS / "mcp-remote"), *config["args"][2:]],
                         env=env, cwd=tmp_path, capture_output=True, text=True, timeout=180)
    assert out.returncode == 0, out.stderr[-3000:]
    assert json.loads(out.stdout.strip().splitlines()[-1]) == ALL_TOOLS


def test_cursor_and_vscode_configurations(snippets, standin):
    cursor = json.loads(snippets["cursor"])["mcpServers"]["matomo"]
    assert cursor == {"url": standin.url, "headers": {"Authorization": "Bearer " + TOKENS["viewer"]}}
    vscode = json.loads(snippets["vscode"])
    server = vscode["servers"]["matomo"]
    assert (server["type"], server["url"]) == ("http", standin.url)
    assert server["headers"]["Authorization"] == "Bearer ${input:matomo-token}"
    assert vscode["inputs"][0]["id"] == "matomo-token" and vscode["inputs"][0]["password"] is True


def test_inspector_snippet_lists_the_tools(snippets, tmp_path):
    """The exact command (npx fetches Inspector v2 and Node 22 from the npm registry)."""
    out = subprocess.run(["bash", "-c", snippets["inspector"]], env=home(tmp_path), cwd=tmp_path,
                         capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stdout[-2000:] + out.stderr[-2000:]
    assert [t["name"] for t in json.loads(out.stdout)["tools"]] == ALL_TOOLS
