"""Report tools over HTTP through the real plugin and extension, with reports rendered by the
stand-in's DataTables the way Matomo's format=original hands them to the plugin."""

import json

from standin import TOKENS, error_text, structured


def ok(schemas, name, answer):
    """Structured content and the size in bytes of the text block (what a model reads)."""
    return structured(answer, schemas[name]), len(answer["result"]["content"][0]["text"].encode())


def processed(standin, session, **args):
    return standin.tool(session, "matomo_report_processed", args)


def test_report_list_and_metadata(standin, session, schemas):
    found, _ = ok(schemas, "matomo_report_list", standin.tool(session, "matomo_report_list", {"idSite": 1, "search": "device type"}))
    assert "DevicesDetection_getType" in [r["uniqueId"] for r in found["reports"]]
    meta, _ = ok(schemas, "matomo_report_metadata", standin.tool(session, "matomo_report_metadata", {"idSite": 1, "reportUniqueId": "Referrers_getCampaigns"}))
    assert meta["actionToLoadSubTables"] == "getKeywordsFromCampaignId"
    assert "token_auth" not in json.dumps(meta) and TOKENS["viewer"] not in json.dumps(meta)


def test_processed_report_compact_and_dated(standin, session, schemas):
    data, size = ok(schemas, "matomo_report_processed", processed(standin, session, idSite=1, period="month", date="today",
                                                                   reportUniqueId="DevicesDetection_getType", segment="deviceType==desktop"))
    assert [r[0] for r in data["report"]["rows"]] == ["Desktop"]
    assert data["segment"] == "deviceType==desktop"
    period = data["period"]
    assert period["timezone"] == "Europe/Berlin" and period["in_progress"] is True
    assert period["ranges"][0]["start"].endswith("-01")
    assert size < 60000
    # the numbers are Matomo's own
    matomo = standin.api("DevicesDetection.getType", idSite=1, period="month", date="today", segment="deviceType==desktop")
    visits = data["report"]["rows"][0][data["report"]["columns"].index("nb_visits")]
    assert visits == matomo[0]["nb_visits"] > 0


def test_processed_multi_period(standin, session, schemas):
    data, _ = ok(schemas, "matomo_report_processed", processed(standin, session, idSite=1, period="day", date="last3",
                                                                apiModule="VisitsSummary", apiAction="get"))
    assert data["report"]["columns"][0] == "period"
    assert len(data["report"]["rows"]) == 3 and len(data["period"]["ranges"]) == 3


def test_byte_budget_over_http(standin, session, schemas):
    """Every page fits max_bytes, and following next_filter_offset returns every row of Matomo's
    own report exactly once."""
    matomo = [row["label"] for row in standin.api("Actions.getPageUrls", idSite=1, period="year", date="today", flat=1,
                                                   filter_limit=-1)]
    seen, offset, pages = [], 0, 0
    while offset is not None:
        data, size = ok(schemas, "matomo_report_processed", processed(standin, session, idSite=1, period="year", date="today",
                                                                       apiModule="Actions", apiAction="getPageUrls",
                                                                       apiParameters={"flat": 1}, filter_limit=250,
                                                                       filter_offset=offset, max_bytes=2000))
        assert size <= 2000
        pages += 1
        p = data["pagination"]
        # Matomo keeps no row count for one period: it is known once Matomo's rows ran out
        assert p["total_rows"] in (None, len(matomo)) and (p["has_more"] or p["total_rows"] == len(matomo))
        assert p["returned_rows"] == len(data["report"]["rows"]) > 0
        seen.extend(r[0] for r in data["report"]["rows"])
        offset = p["next_filter_offset"]
        assert (offset is not None) == p["has_more"]
    assert seen == matomo and len(set(seen)) == len(seen) > 10
    assert pages > 2


def test_default_budget_holds_for_a_full_page(standin, session, schemas):
    """100 days of page titles, 250 rows per day asked: the answer stays within the default 60,000 bytes."""
    data, size = ok(schemas, "matomo_report_processed", processed(standin, session, idSite=1, period="day", date="last100",
                                                                   apiModule="Actions", apiAction="getPageTitles", filter_limit=250))
    assert size <= 60000
    assert data["pagination"]["trimmed_to_max_bytes"] is True


def test_processed_report_errors(standin, session):
    assert error_text(processed(standin, session, idSite=1, period="day", date="not-a-date",
                                reportUniqueId="VisitsSummary_get")).startswith("Invalid date 'not-a-date' for period day. Use date YYYY-MM-DD")
    assert error_text(processed(standin, session, idSite=1, period="bogus", date="today",
                                reportUniqueId="VisitsSummary_get")) == "Invalid period 'bogus'. Use one of day, week, month, year or range."
    assert error_text(processed(standin, session, idSite=3, period="day", date="yesterday",
                                reportUniqueId="VisitsSummary_get")).startswith("Site not found or access denied.")
    assert error_text(processed(standin, session, idSite=1, period="day", date="today", reportUniqueId="VisitsSummary_get",
                                apiParameters={"token_auth": TOKENS["superuser"]})) == "Unsupported apiParameters key 'token_auth'."
    r = standin.call(session, "tools/call", {"name": "matomo_report_processed",
                                             "arguments": {"idSite": 1, "period": "day", "date": "today", "filter_limit": 251, "reportUniqueId": "x"}})
    assert r.json["error"]["code"] == -32602 and "/filter_limit" in r.json["error"]["message"]


def test_segments_that_cannot_be_processed_get_guidance(fresh_standin):
    s = fresh_standin
    s.config("General", "browser_archiving_disabled_enforce", "1")
    sid = s.initialize()
    refused = s.tool(sid, "matomo_report_processed", {"idSite": 1, "period": "month", "date": "today",
                                                       "reportUniqueId": "DevicesDetection_getType", "segment": "browserCode==FF"})
    assert error_text(refused).startswith("Segment is not allowed in this Matomo configuration")
    assert "browserCode" not in error_text(refused)
    saved = s.tool(sid, "matomo_report_processed", {"idSite": 1, "period": "month", "date": "today",
                                                     "reportUniqueId": "DevicesDetection_getType",
                                                     "segment": "countryCode==de;visitEcommerceStatus==ordered"})
    assert saved["result"]["isError"] is False, "a pre-processed saved segment is fine"


def test_argument_tolerance_over_http(standin, session):
    answer = standin.tool(session, "matomo_report_processed", {
        "idSite": "1", "period": "month", "date": "today", "reportUniqueId": "DevicesDetection.getType",
        "filterLimit": "2", "apiParameters": '{"segment": "deviceType==desktop"}'})
    data = answer["result"]["structuredContent"]
    assert data["resolvedReport"]["uniqueId"] == "DevicesDetection_getType"
    assert data["pagination"]["filter_limit"] == 2
    assert data["segment"] == "deviceType==desktop"
    conflict = standin.tool(session, "matomo_report_processed", {
        "idSite": 1, "period": "week", "date": "today", "reportUniqueId": "Actions_getPageUrls",
        "filterLimit": 2, "filter_limit": 3})
    assert error_text(conflict) == "Conflicting values at /filterLimit and /filter_limit: send the value once."
