"""The demo answers like a Matomo: every report of the catalogue, every period and date form, every
saved segment, from the generated log, with numbers equal to its own Reporting API."""

import json
from datetime import date

import pytest

from standin import new_standin

TODAY = "2026-12-02T15:00:00"
# the reports the tools and Matomo's guide use: they have data in the demo
REQUIRED = {
    "VisitsSummary_get", "Actions_getPageUrls", "Actions_getPageTitles", "Actions_getEntryPageUrls", "Actions_getExitPageUrls",
    "Actions_getEntryPageTitles", "Actions_getExitPageTitles", "Actions_getSiteSearchKeywords", "Referrers_getReferrerType",
    "Referrers_getAll", "Referrers_getCampaigns", "Referrers_getSearchEngines", "Referrers_getWebsites", "Referrers_getSocials",
    "Referrers_getKeywords", "DevicesDetection_getType", "DevicesDetection_getBrowsers", "DevicesDetection_getOsFamilies",
    "UserCountry_getCountry", "UserCountry_getContinent", "UserLanguage_getLanguage", "Resolution_getResolution",
    "VisitTime_getVisitInformationPerServerTime", "VisitTime_getVisitInformationPerLocalTime", "VisitTime_getByDayOfWeek",
    "VisitFrequency_get", "Goals_get", "Goals_get_idGoal--1", "Goals_get_idGoal--3", "Goals_get_idGoal--ecommerceOrder",
    "Goals_get_idGoal--ecommerceAbandonedCart", "Goals_getItemsSku", "Goals_getItemsName", "Goals_getItemsCategory",
    "PagePerformance_get", "Events_getCategory", "Events_getAction", "Events_getName",
    "CustomDimensions_getCustomDimension_idDimension--1", "CustomDimensions_getCustomDimension_idDimension--2",
    "MultiSites_getAll", "Actions_get", "Referrers_get",
    "UserCountry_getRegion", "UserCountry_getCity", "DevicesDetection_getModel", "DevicesDetection_getBrand",
    "DevicesDetection_getBrowserVersions", "DevicesDetection_getBrowserEngines", "DevicesDetection_getOsVersions",
    "Resolution_getConfiguration", "DevicePlugins_getPlugin", "VisitorInterest_getNumberOfVisitsPerVisitDuration",
    "VisitorInterest_getNumberOfVisitsPerPage", "VisitorInterest_getNumberOfVisitsByVisitCount",
    "VisitorInterest_getNumberOfVisitsByDaysSinceLast", "Contents_getContentNames", "Contents_getContentPieces",
    "Actions_getOutlinks", "Actions_getDownloads", "Actions_getSiteSearchCategories", "Actions_getSiteSearchNoResultKeywords",
    "Actions_getPageUrlsFollowingSiteSearch", "Actions_getPageTitlesFollowingSiteSearch", "UserId_getUsers",
    "Goals_getVisitsUntilConversion", "Goals_getDaysToConversion", "Goals_getVisitsUntilConversion_idGoal--ecommerceOrder",
    "Goals_getDaysToConversion_idGoal--1", "Goals_getDaysToConversion_idGoal--0", "API_get",
}


@pytest.fixture(scope="module")
def demo():
    s = new_standin(today=TODAY)
    yield s
    s.stop()


@pytest.fixture(scope="module")
def sid(demo):
    return demo.initialize()


def answer(demo, sid, **args):
    args.setdefault("idSite", 1)
    return demo.tool(sid, "matomo_report_processed", args)["result"]


def test_every_report_of_the_catalogue_answers(demo, sid):
    listed = demo.tool(sid, "matomo_report_list", {"idSite": 1, "limit": 200})["result"]["structuredContent"]["reports"]
    assert len(listed) > 80
    with_rows = set()
    for report in listed:
        result = answer(demo, sid, reportUniqueId=report["uniqueId"], period="month", date="lastmonth")
        if result["isError"]:
            # subtable reports are read through their parent's rows
            assert "requires idSubtable" in result["content"][0]["text"], (report["uniqueId"], result)
            continue
        if result["structuredContent"]["report"]["rows"]:
            with_rows.add(report["uniqueId"])
    assert REQUIRED <= with_rows, REQUIRED - with_rows


@pytest.mark.parametrize("period,date,key", [
    ("day", "today", None), ("day", "yesterday", None), ("day", "2026-11-15", None), ("week", "today", None),
    ("month", "today", None), ("year", "today", None), ("week", "lastweek", None), ("month", "lastmonth", None),
    ("range", "last30", None), ("range", "previous7", None), ("range", "2026-11-01,2026-11-30", None),
    ("range", "2026-11-20,today", None),
    ("day", "last7", "2026-11-26"), ("day", "previous3", "2026-11-29"), ("week", "last4", "2026-11-09,2026-11-15"),
    ("month", "previous2", "2026-10"), ("year", "last2", "2025"), ("month", "2026-09-15,2026-11-02", "2026-09"),
])
def test_every_period_and_date_form(demo, sid, period, date, key):
    result = answer(demo, sid, reportUniqueId="VisitsSummary_get", period=period, date=date)
    assert result["isError"] is False, result
    data = result["structuredContent"]
    visits = [row[data["report"]["columns"].index("nb_visits")] for row in data["report"]["rows"]]
    matomo = demo.api("VisitsSummary.get", idSite=1, period=period, date=date)
    if key is None:
        assert visits == [matomo["nb_visits"]]
    else:
        # one row per period; periods without visits have none, as in Matomo
        assert key in matomo
        assert visits == [p["nb_visits"] for p in matomo.values() if p]
        assert len(data["period"]["ranges"]) == len(matomo)


def test_every_saved_segment_answers(demo, sid):
    segments = demo.tool(sid, "matomo_segment_list", {"idSite": 1})["result"]["structuredContent"]["segments"]
    for segment in segments:
        result = answer(demo, sid, reportUniqueId="DevicesDetection_getType", period="month", date="lastmonth",
                        segment=segment["definition"])
        assert result["isError"] is False, result
        data = result["structuredContent"]
        ours = {row[0]: row[data["report"]["columns"].index("nb_visits")] for row in data["report"]["rows"]}
        matomo = demo.api("DevicesDetection.getType", idSite=1, period="month", date="lastmonth",
                          segment=segment["definition"], filter_limit=-1)
        assert ours == {r["label"]: r["nb_visits"] for r in matomo} and ours


def test_the_same_clock_gives_the_same_log(demo):
    again = new_standin(today=TODAY)
    try:
        params = dict(idSite=1, period="range", date="last120", flat=1, filter_limit=-1)
        assert again.api("Actions.getPageUrls", **params) == demo.api("Actions.getPageUrls", **params)
    finally:
        again.stop()


def test_drilling_into_a_row_with_its_subtable(demo, sid):
    parent = answer(demo, sid, reportUniqueId="Referrers_getCampaigns", period="month", date="lastmonth")["structuredContent"]
    columns = parent["report"]["columns"]
    first = dict(zip(columns, parent["report"]["rows"][0]))
    sub = answer(demo, sid, reportUniqueId="Referrers_getKeywordsFromCampaignId", period="month", date="lastmonth",
                 idSubtable=first["idsubdatatable"])
    assert sub["isError"] is False, sub
    rows = sub["structuredContent"]["report"]["rows"]
    visits = sum(r[sub["structuredContent"]["report"]["columns"].index("nb_visits")] for r in rows)
    assert rows and visits == first["nb_visits"]


def test_a_new_user_reads_every_report_with_the_python_sdk(demo):
    """As a new user would with the official Python SDK client: every report that matomo_report_list
    gives for site 1, for yesterday, this week, last month, this year and the last 30 days."""
    from test_clients import sdk_report

    listed = sdk_report(demo.url, [("matomo_report_list", '{"idSite": 1, "limit": 200}')])
    reports = listed["calls"][0]["structuredContent"]["reports"]
    forms = [("day", "yesterday"), ("week", "today"), ("month", "previous1"), ("year", "today"), ("range", "last30")]
    calls = [("matomo_report_processed", json.dumps({"idSite": 1, "reportUniqueId": r["uniqueId"], "period": p, "date": d}))
             for r in reports for p, d in forms]
    answers = sdk_report(demo.url, calls, timeout=600)["calls"]
    assert len(answers) == len(reports) * len(forms)
    empty = set()
    for (name, args), answer in zip(calls, answers):
        asked = json.loads(args)
        text = " ".join(answer["text"])
        assert "not found" not in text.lower(), (asked, text)
        if answer["isError"]:
            # a subtable report is read through a row of its parent report
            assert "requires idSubtable" in text, (asked, text)
            continue
        data = answer["structuredContent"]
        if not data["report"]["rows"]:
            empty.add((asked["reportUniqueId"], asked["period"]))
        check_label(data["period"])
    # over a week or more, every report has data; a single day may leave a rare one empty
    assert {e for e in empty if e[1] != "day"} == set(), sorted(empty)


def check_label(period):
    """The human label names the resolved ranges (their months and years)."""
    for r in period["ranges"]:
        for day in (r["start"], r["end"]):
            d = date.fromisoformat(day)
            assert str(d.year) in period["label"], period
            if period["period"] != "year":
                assert f"{d:%B}" in period["label"] or f"{d:%b}" in period["label"], period
