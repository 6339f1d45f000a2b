"""Installation checks: activation without the extension, the system check, the Authorization
header observation."""

import json
import os
import subprocess
import tempfile
from pathlib import Path

from standin import ROOT, extension_path


def console(data: Path, *args, extension=True):
    php = ["php", "-n", "-d", "extension=pdo", "-d", "extension=pdo_sqlite"]
    if extension:
        php += ["-d", f"extension={extension_path()}"]
    return subprocess.run([*php, str(ROOT / "standin/console.php"), *args], env=dict(os.environ, MCP_STANDIN_DATA=str(data)),
                          capture_output=True, text=True)


def test_activation_is_refused_without_the_extension():
    data = Path(tempfile.mkdtemp(prefix="mcp-activate-"))
    assert console(data, "setup", "--trusted-host=127.0.0.1:1").returncode == 0
    console(data, "plugin:deactivate", "McpServer")
    refused = console(data, "plugin:activate", "McpServer", extension=False)
    assert refused.returncode != 0
    assert "matomo_mcp PHP extension is not loaded" in refused.stderr
    assert "reload the web server" in refused.stderr
    assert "McpServer" not in (data / "config.ini.php").read_text().split("[Plugins]")[1].split("[")[0]
    accepted = console(data, "plugin:activate", "McpServer")
    assert accepted.returncode == 0, accepted.stderr


def results(data: Path, extension=True):
    out = console(data, "diagnostics:run", extension=extension)
    assert out.returncode == 0, out.stderr
    return {r["label"]: r for r in json.loads(out.stdout)}


def test_system_check_reports_extension_settings_header_and_sessions(fresh_standin):
    s = fresh_standin
    checks = results(s.data)
    ext = checks["MCP Server: matomo_mcp PHP extension"]
    assert ext["status"] == "ok" and ext["comment"].startswith("Loaded, version 0.1.0")
    assert checks["MCP Server: endpoint"]["status"] == "ok"
    assert checks["MCP Server: Authorization header"]["status"] == "informational"
    assert checks["MCP Server: session table"]["status"] == "ok"
    missing = results(s.data, extension=False)["MCP Server: matomo_mcp PHP extension"]
    assert missing["status"] == "error" and "not loaded" in missing["comment"]

    # requests arriving with a token in the body but no Authorization header: the header looks dropped
    s.mcp({"jsonrpc": "2.0", "id": 1, "method": "ping"}, token=None)
    assert results(s.data)["MCP Server: Authorization header"]["status"] == "warning"
    assert "CGIPassAuth" in results(s.data)["MCP Server: Authorization header"]["comment"]
    s.initialize()
    assert results(s.data)["MCP Server: Authorization header"]["status"] == "ok"
    s.setting("enable_mcp", "0")
    assert results(s.data)["MCP Server: endpoint"]["status"] == "informational"
    s.console("plugin:uninstall")
    assert results(s.data)["MCP Server: session table"]["status"] == "error"


def test_settings_show_the_endpoint_url_beside_the_enable_switch(fresh_standin):
    shown = json.loads(fresh_standin.console("settings:show"))
    help_text = shown["enable_mcp"]["inlineHelp"]
    assert "<code>http://localhost/index.php?module=API&amp;method=McpServer.mcp&amp;format=mcp</code>" in help_text
    assert "Authorization: Bearer" in help_text
    assert "index.php?module=API" not in (shown["maximum_mcp_access_level"]["inlineHelp"] or "")
