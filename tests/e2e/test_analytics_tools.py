"""Goals, saved segments and custom dimensions over HTTP, through the real plugin and extension."""

from standin import error_text, structured


def ok(schemas, name, answer):
    return structured(answer, schemas[name])


def test_goals(standin, session, schemas):
    """The demo is the recorded Matomo: site 1 has three goals, site 2 none."""
    goals = ok(schemas, "matomo_goal_list", standin.tool(session, "matomo_goal_list", {"idSite": 1}))
    assert goals["total_rows"] == 3 and sorted(g["idgoal"] for g in goals["goals"]) == [1, 2, 3]
    goal = ok(schemas, "matomo_goal_get", standin.tool(session, "matomo_goal_get", {"idSite": "1", "idGoal": "3"}))
    assert (goal["name"], goal["pattern"], goal["revenue"]) == ("Contact lead", "/contact/thank-you", "25")
    assert error_text(standin.tool(session, "matomo_goal_get", {"idSite": 1, "idGoal": 99})) == "Goal not found."
    assert error_text(standin.tool(session, "matomo_goal_get", {"idSite": 2, "idGoal": 1})) == "Goal not found."
    assert ok(schemas, "matomo_goal_list", standin.tool(session, "matomo_goal_list", {"idSite": 2}))["goals"] == []


def test_segments(standin, session, schemas):
    on_site_1 = ok(schemas, "matomo_segment_list", standin.tool(session, "matomo_segment_list", {"idSite": 1, "sort": "id_asc"}))
    assert [s["idsegment"] for s in on_site_1["segments"]] == [1, 2]
    on_site_2 = ok(schemas, "matomo_segment_list", standin.tool(session, "matomo_segment_list", {"idSite": 2}))
    assert [s["name"] for s in on_site_2["segments"]] == ["Mobile visitors"]
    one = ok(schemas, "matomo_segment_get", standin.tool(session, "matomo_segment_get",
                                                         {"idSite": 1, "definition": "countryCode==de;visitEcommerceStatus==ordered"}))
    assert (one["idsegment"], one["auto_archive"], one["idsite"]) == (2, True, 1)
    r = standin.call(session, "tools/call", {"name": "matomo_segment_get", "arguments": {"idSite": 1, "idSegment": 1, "name": "x"}})
    assert r.json["error"]["code"] == -32602


def test_segment_cursors_are_bound_to_the_site(standin, session):
    first = standin.tool(session, "matomo_segment_list", {"idSite": 1, "limit": 1})["result"]["structuredContent"]
    replay = standin.tool(session, "matomo_segment_list", {"idSite": 2, "limit": 1, "cursor": first["next_cursor"]})
    assert error_text(replay) == "Invalid cursor."
    second = standin.tool(session, "matomo_segment_list", {"idSite": 1, "limit": 1, "cursor": first["next_cursor"]})
    assert second["result"]["structuredContent"]["has_more"] is False


def test_dimensions(standin, session, schemas):
    dims = ok(schemas, "matomo_dimension_list", standin.tool(session, "matomo_dimension_list", {"idSite": 1}))
    assert sorted(d["name"] for d in dims["dimensions"]) == ["Customer type", "Page category"]
    one = ok(schemas, "matomo_dimension_get", standin.tool(session, "matomo_dimension_get", {"idSite": 1, "idDimension": 1}))
    assert (one["scope"], one["index"], one["extractions"]) == ("visit", 1, [])


def test_inactive_plugins_are_named(fresh_standin):
    s = fresh_standin
    s.console("plugin:deactivate", "Goals")
    s.console("plugin:deactivate", "CustomDimensions")
    sid = s.initialize()
    assert error_text(s.tool(sid, "matomo_goal_list", {"idSite": 1})) == "Goals plugin is not available."
    assert error_text(s.tool(sid, "matomo_dimension_get", {"idSite": 1, "idDimension": 1})) == "CustomDimensions plugin is not available."
