"""Every example question of Matomo's own MCP guide, answered as a model would: at most three tool
calls, starting from what `matomo_report_list` search finds, with numbers equal to Matomo's own
Reporting API (format=json) for the same report, period and segment.

The stand-in's clock is pinned (3 pm UTC on 2 December 2026) so that "today" has visits; the
demo's log is generated from it, the same on every run.
"""

from datetime import date

import pytest

from standin import new_standin

TODAY = "2026-12-02T15:00:00"


class Model:
    """Counts the tool calls spent on one question."""

    def __init__(self, standin, session):
        self.standin, self.session, self.calls = standin, session, 0

    def tool(self, name, args):
        self.calls += 1
        result = self.standin.tool(self.session, name, args)["result"]
        assert result["isError"] is False, result
        return result["structuredContent"]

    def find(self, search, site=1):
        return [r["uniqueId"] for r in self.tool("matomo_report_list", {"idSite": site, "search": search, "limit": 100})["reports"]]

    def report(self, **args):
        args.setdefault("idSite", 1)
        return self.tool("matomo_report_processed", args)


def column(data, name):
    i = data["report"]["columns"].index(name)
    return [row[i] for row in data["report"]["rows"]]


def rows(data, *names):
    return [dict(zip(names, values)) for values in zip(*(column(data, n) for n in names))]


def percent(text):
    return float(str(text).rstrip("%").replace(",", ""))


@pytest.fixture(scope="module")
def guide():
    s = new_standin(today=TODAY)
    yield s
    s.stop()


@pytest.fixture()
def model(guide):
    return Model(guide, guide.initialize())


def test_which_site_had_the_most_traffic_last_month(guide, model):
    assert "MultiSites_getAll" in model.find("all websites")
    data = model.report(reportUniqueId="MultiSites_getAll", period="month", date="lastmonth")
    assert data["period"]["ranges"] == [{"start": "2026-11-01", "end": "2026-11-30"}]
    top = max(rows(data, "label", "nb_visits"), key=lambda r: r["nb_visits"])
    matomo = guide.api("MultiSites.getAll", idSite=1, period="month", date="lastmonth", filter_limit=-1)
    best = max(matomo, key=lambda r: r["nb_visits"])
    assert (top["label"], top["nb_visits"]) == (best["label"], best["nb_visits"]) == ("Demo Shop", best["nb_visits"])
    assert model.calls <= 3


def test_which_landing_pages_had_the_most_traffic_yesterday(guide, model):
    assert "Actions_getEntryPageUrls" in model.find("entry pages")
    data = model.report(reportUniqueId="Actions_getEntryPageUrls", period="day", date="yesterday", apiParameters={"flat": 1})
    ours = rows(data, "label", "entry_nb_visits")
    matomo = guide.api("Actions.getEntryPageUrls", idSite=1, period="day", date="yesterday", flat=1, filter_limit=-1)
    assert [(r["label"], r["entry_nb_visits"]) for r in ours] == [(r["label"], r["entry_nb_visits"]) for r in matomo]
    assert ours[0]["entry_nb_visits"] >= ours[-1]["entry_nb_visits"] > 0
    assert model.calls <= 3


def test_which_campaign_drove_the_highest_conversion_rate(guide, model):
    assert "Referrers_getCampaigns" in model.find("campaigns")
    data = model.report(reportUniqueId="Referrers_getCampaigns", period="year", date="today", goalMetricsMode="overview")
    ours = {r["label"]: r["conversion_rate"] for r in rows(data, "label", "conversion_rate")}
    assert data["report"]["column_units"]["conversion_rate"] == "percent"
    matomo = guide.api("Referrers.getCampaigns", idSite=1, period="year", date="today", filter_limit=-1)
    theirs = {r["label"]: round(100 * r["nb_visits_converted"] / r["nb_visits"], 2) for r in matomo}
    assert ours == theirs and len(ours) == 3
    assert model.calls <= 3


def test_the_change_in_visits_this_week_vs_last_week(guide, model):
    assert "VisitsSummary_get" in model.find("visits summary")
    data = model.report(reportUniqueId="VisitsSummary_get", period="week", date="last2")
    ours = column(data, "nb_visits")
    assert data["period"]["in_progress"] is True and len(data["period"]["ranges"]) == 2
    matomo = guide.api("VisitsSummary.get", idSite=1, period="week", date="last2")
    assert ours == [week["nb_visits"] for week in matomo.values()]
    assert list(matomo) == ["2026-11-23,2026-11-29", "2026-11-30,2026-12-06"]
    assert model.calls <= 3


def test_the_top_traffic_sources_this_quarter(guide, model):
    assert "Referrers_getReferrerType" in model.find("channel type")
    data = model.report(reportUniqueId="Referrers_getReferrerType", period="range", date="2026-10-01,today")
    ours = rows(data, "label", "nb_visits")
    matomo = guide.api("Referrers.getReferrerType", idSite=1, period="range", date="2026-10-01,today", filter_limit=-1)
    assert [(r["label"], r["nb_visits"]) for r in ours] == [(r["label"], r["nb_visits"]) for r in matomo]
    assert {r["label"] for r in ours} == {"Direct Entry", "Search Engines", "Websites", "Campaigns", "Social Networks"}
    assert model.calls <= 3


def test_campaign_changes_this_month(guide, model):
    """The black-friday campaign ended five days ago: it brought visits in November, none in December."""
    assert "Referrers_getCampaigns" in model.find("campaigns")
    data = model.report(reportUniqueId="Referrers_getCampaigns", period="month", date="last2")
    by_month = {}
    for r in rows(data, "period", "label", "nb_visits"):
        by_month.setdefault(r["period"], {})[r["label"]] = r["nb_visits"]
    matomo = guide.api("Referrers.getCampaigns", idSite=1, period="month", date="last2", filter_limit=-1)
    assert list(by_month.values()) == [{r["label"]: r["nb_visits"] for r in month} for month in matomo.values()]
    november, december = by_month.values()
    assert november.get("black-friday", 0) > 0 and "black-friday" not in december
    assert model.calls <= 3


def test_which_segments_convert_best(guide, model):
    segments = model.tool("matomo_segment_list", {"idSite": 1})["segments"]
    assert len(segments) == 2
    rates = {}
    for segment in segments:
        data = model.report(reportUniqueId="Goals_get", period="month", date="lastmonth", segment=segment["definition"])
        matomo = guide.api("Goals.get", idSite=1, period="month", date="lastmonth", segment=segment["definition"])
        assert column(data, "nb_conversions") == [matomo["nb_conversions"]]
        rates[segment["name"]] = column(data, "conversion_rate")[0]
    # the German buyers' segment is made of visits with an order: all of them converted
    assert rates["Shop buyers from Germany"] == 100 > rates["Mobile visitors"]
    assert model.calls <= 3


def test_which_countries_brought_the_newest_visitors(guide, model):
    assert "UserCountry_getCountry" in model.find("country")
    data = model.report(reportUniqueId="UserCountry_getCountry", period="month", date="today", segment="visitorType==new")
    ours = rows(data, "label", "nb_visits")
    matomo = guide.api("UserCountry.getCountry", idSite=1, period="month", date="today", segment="visitorType==new",
                       filter_limit=-1)
    assert [(r["label"], r["nb_visits"]) for r in ours] == [(r["label"], r["nb_visits"]) for r in matomo]
    assert ours and ours[0]["nb_visits"] == max(r["nb_visits"] for r in ours)
    assert model.calls <= 3


def test_which_device_types_have_the_lowest_bounce_rate(guide, model):
    assert "DevicesDetection_getType" in model.find("device type")
    data = model.report(reportUniqueId="DevicesDetection_getType", period="month", date="lastmonth")
    ours = {r["label"]: r["bounce_rate"] for r in rows(data, "label", "bounce_rate")}
    matomo = guide.api("DevicesDetection.getType", idSite=1, period="month", date="lastmonth", filter_limit=-1)
    assert ours == {r["label"]: percent(r["bounce_rate"]) for r in matomo}
    assert set(ours) == {"Desktop", "Smartphone", "Tablet"}
    assert model.calls <= 3


def test_which_pages_have_the_slowest_average_page_load_time_today(guide, model):
    found = model.find("page load time")
    assert "Actions_getPageUrls" in found and "PagePerformance_get" in found
    data = model.report(reportUniqueId="Actions_getPageUrls", period="day", date="today", apiParameters={"flat": 1})
    assert data["report"]["column_units"]["avg_page_load_time"] == "seconds"
    ours = {r["label"]: r["avg_page_load_time"] for r in rows(data, "label", "avg_page_load_time")}
    matomo = guide.api("Actions.getPageUrls", idSite=1, period="day", date="today", flat=1,
                       showColumns="nb_hits,avg_page_load_time", filter_limit=-1)
    assert ours == {r["label"]: r["avg_page_load_time"] for r in matomo}
    # the checkout has been getting slower for two weeks
    assert max(ours, key=ours.get) == "/checkout"
    assert model.calls <= 3


def test_have_any_pages_stopped_sending_tracking_data(guide, model):
    assert "Actions_getPageUrls" in model.find("page urls")
    data = model.report(reportUniqueId="Actions_getPageUrls", period="day", date="last14", apiParameters={"flat": 1},
                        filter_limit=100)
    last_seen = {}
    for r in rows(data, "period", "label", "nb_hits"):
        last_seen[r["label"]] = r["period"]
    # rows of several periods are named as Matomo names the days ("Wednesday, December 2, 2026")
    days = [date.fromisoformat(r["start"]) for r in data["period"]["ranges"]]
    days = [f"{d:%A, %B} {d.day}, {d.year}" for d in days]
    stopped = {page for page, day in last_seen.items() if days.index(day) < len(days) - 3}
    assert stopped == {"/promo/black-friday"}
    matomo = guide.api("Actions.getPageUrls", idSite=1, period="day", date="last5", flat=1, filter_limit=-1)
    assert all(r["label"] != "/promo/black-friday" for day in matomo.values() for r in day)
    assert model.calls <= 3


def test_are_mobile_users_experiencing_slower_page_loads_than_desktop_users(guide, model):
    assert "PagePerformance_get" in model.find("page load time")
    load = {}
    for device in ("desktop", "smartphone"):
        data = model.report(reportUniqueId="PagePerformance_get", period="month", date="today", segment=f"deviceType=={device}")
        load[device] = column(data, "avg_page_load_time")[0]
        matomo = guide.api("PagePerformance.get", idSite=1, period="month", date="today", segment=f"deviceType=={device}")
        # the report shows hundredths of a second ("00:00:01.84"), the plain API the raw value
        assert abs(load[device] - matomo["avg_page_load_time"]) < 0.006
    assert load["smartphone"] > load["desktop"]
    assert model.calls <= 3
