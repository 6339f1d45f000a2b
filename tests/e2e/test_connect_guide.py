"""The connect guide page (Administration -> Platform -> MCP Server), served by the plugin's
controller and twig template, checked as HTML and as a page rendered by headless Chromium."""

import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from standin import ROOT, TOKENS

PAGE = "/index.php?module=McpServer&action=connect&token_auth="


def page(s, token):
    r = s.request("GET", PAGE + TOKENS.get(token, token))
    # opened with token_auth in the URL: no link followed from it may pass that URL on
    assert r.status != 200 or r.header("referrer-policy") == "no-referrer"
    return r.status, r.body.decode()


def test_guide_shows_the_endpoint_and_ready_snippets(standin):
    status, html = page(standin, "viewer")
    assert status == 200
    endpoint = f"http://127.0.0.1:{standin.port}/index.php?module=API&amp;method=McpServer.mcp&amp;format=mcp"
    assert f'<pre id="mcpEndpoint">{endpoint}</pre>' in html
    assert f"claude mcp add --transport http matomo &#039;{endpoint}&#039; --header &#039;Authorization: Bearer YOUR_TOKEN&#039;" in html
    assert f"Remote MCP server URL: {endpoint}\nRequest header: Authorization: Bearer YOUR_TOKEN" in html
    assert 'id="mcpCharts"' in html and "claude.ai, Claude Desktop, ChatGPT, VS Code and Goose draw report answers as charts" in html
    for snippet in ["claude-code", "claude-ai", "claude-desktop", "codex", "cursor", "vscode", "inspector", "chatgpt"]:
        assert f'id="mcpSnippet-{snippet}"' in html, snippet
    assert "bearer_token_env_var" in html and "mcp-remote" in html
    for code in ("400", "401", "403", "404"):
        assert f"<strong>{code}</strong>" in html
    assert 'href="index.php?module=McpServer&amp;action=connect">MCP Server</a>' in html, "admin menu entry"
    assert TOKENS["viewer"] not in html, "the page never shows the user's token"


def test_guide_state_for_administrators_and_others(fresh_standin):
    s = fresh_standin
    s.setting("enable_mcp", "0")
    _, viewer = page(s, "viewer")
    assert "The MCP endpoint is disabled." in viewer and "contact your Matomo administrator" in viewer
    assert "generalSettings" not in viewer
    _, admin = page(s, "superuser")
    assert 'href="index.php?module=CoreAdminHome&amp;action=generalSettings#/McpServer"' in admin
    assert page(s, "nobody")[0] == 401
    assert page(s, "")[0] == 401


def test_guide_renders_in_a_browser(standin):
    browser = shutil.which("chromium")
    if browser is None:
        pytest.fail("chromium missing: scripts/install-deps.sh installs it")
    out = ROOT / "build" / "screenshots" / "connect-guide.png"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.unlink(missing_ok=True)
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        f"--user-data-dir={profile}", f"--screenshot={out}", "--window-size=1280,2200",
                        standin.base + PAGE + TOKENS["viewer"]], capture_output=True, timeout=120)
        dom = subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                              "--disable-background-networking", "--disable-component-update", "--disable-sync",
                              f"--user-data-dir={profile}", "--dump-dom", standin.base + PAGE + TOKENS["viewer"]],
                             capture_output=True, text=True, timeout=120)
    assert out.exists() and out.stat().st_size > 20_000, "a real page was rendered"
    assert "How to Connect to the MCP Server" in dom.stdout
    assert f"127.0.0.1:{standin.port}/index.php?module=API&amp;method=McpServer.mcp&amp;format=mcp" in dom.stdout


def test_faq_is_linked_and_readable_in_matomo(standin):
    _, guide = page(standin, "viewer")
    assert 'href="index.php?module=McpServer&amp;action=faq"' in guide
    r = standin.request("GET", "/index.php?module=McpServer&action=faq&token_auth=" + TOKENS["viewer"])
    faq = r.body.decode()
    assert r.status == 200 and r.header("referrer-policy") == "no-referrer"
    assert "<h2>MCP Server for Matomo: FAQ for administrators</h2>" in faq
    for section in ["What do the HTTP errors mean?", "Troubleshooting", "Security and privacy"]:
        assert section in faq
    assert "<code>CGIPassAuth On</code>" in faq and "<table" in faq and "<pre>" in faq
    # the web server's own body limit, set so that the endpoint answers its own JSON-RPC 413
    assert "<code>client_max_body_size 5m;</code>" in faq and "<code>LimitRequestBody 5242880</code>" in faq
    assert "<script" not in faq.split("<main>")[1], "the Markdown is escaped"
