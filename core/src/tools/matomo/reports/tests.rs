use crate::testing::{FakeHost, report_api, run_tool};
use serde_json::json;

#[test]
fn report_list_searches_names_categories_and_ids() {
    let host = FakeHost::with_api(report_api);
    let all = run_tool("matomo_report_list", &host, json!({"idSite": 1})).expect("list");
    assert_eq!(all["total_rows"], 69);
    let pages = run_tool("matomo_report_list", &host, json!({"idSite": 1, "search": "page urls"})).expect("search");
    let ids: Vec<&str> = pages["reports"]
        .as_array()
        .expect("reports")
        .iter()
        .filter_map(|r| r["uniqueId"].as_str())
        .collect();
    assert!(ids.contains(&"Actions_getPageUrls"), "{ids:?}");
    let by_id = run_tool(
        "matomo_report_list",
        &host,
        json!({"idSite": 1, "search": "Actions.getPageUrls"}),
    )
    .expect("search");
    assert!(by_id["total_rows"].as_u64().unwrap_or(0) >= 1);
    let goal = run_tool(
        "matomo_report_list",
        &host,
        json!({"idSite": 1, "search": "contact form", "sort": "name_asc"}),
    )
    .expect("search");
    assert_eq!(goal["reports"][0]["parameters"], json!({"idGoal": 1}));
    let site2 = run_tool("matomo_report_list", &host, json!({"idSite": 2, "search": "ecommerce"})).expect("site 2");
    assert!(site2["total_rows"].as_u64().unwrap_or(0) > 0);
}

#[test]
fn report_list_cursors_are_bound_to_the_search() {
    let host = FakeHost::with_api(report_api);
    let first = run_tool("matomo_report_list", &host, json!({"idSite": 1, "limit": 5})).expect("page");
    let cursor = first["next_cursor"].as_str().expect("cursor");
    assert!(
        run_tool(
            "matomo_report_list",
            &host,
            json!({"idSite": 1, "limit": 5, "cursor": cursor})
        )
        .is_ok()
    );
    let replay = run_tool(
        "matomo_report_list",
        &host,
        json!({"idSite": 1, "limit": 5, "search": "visits", "cursor": cursor}),
    );
    assert_eq!(replay.unwrap_err().0, "Invalid cursor.");
}

#[test]
fn report_metadata_by_unique_id_or_module_action() {
    let host = FakeHost::with_api(report_api);
    let m = run_tool(
        "matomo_report_metadata",
        &host,
        json!({"idSite": 1, "reportUniqueId": "Actions_getPageUrls"}),
    )
    .expect("metadata");
    assert_eq!(
        (
            m["module"].clone(),
            m["action"].clone(),
            m["actionToLoadSubTables"].clone()
        ),
        (json!("Actions"), json!("getPageUrls"), json!("getPageUrls"))
    );
    assert!(m["metadata"]["metricsDocumentation"].is_object());
    assert!(
        m["metadata"].get("imageGraphUrl").is_none(),
        "image URLs (with the token) are dropped"
    );
    let g = run_tool(
        "matomo_report_metadata",
        &host,
        json!({"idSite": 1, "apiModule": "Goals", "apiAction": "get", "apiParameters": {"idGoal": "1"}}),
    )
    .expect("goal 1");
    assert_eq!(g["uniqueId"], "Goals_get_idGoal--1");
    let plain = run_tool(
        "matomo_report_metadata",
        &host,
        json!({"idSite": 1, "apiModule": "goals", "apiAction": "GET"}),
    )
    .expect("plain");
    assert_eq!(plain["uniqueId"], "Goals_get");
    assert!(
        run_tool(
            "matomo_report_metadata",
            &host,
            json!({"idSite": 1, "reportUniqueId": "Nope_nope"})
        )
        .unwrap_err()
        .0
        .starts_with("Report not found.")
    );
    let combo = run_tool(
        "matomo_report_metadata",
        &host,
        json!({"idSite": 1, "reportUniqueId": "Goals_get", "apiParameters": {"idGoal": 1}}),
    );
    assert!(combo.unwrap_err().0.starts_with("Invalid parameter combination"));
}

#[test]
fn selector_rules_are_in_the_schema() {
    let tool = crate::tools::builtin().find("matomo_report_metadata").expect("tool");
    for bad in [
        json!({"idSite": 1}),
        json!({"idSite": 1, "apiModule": "Goals"}),
        json!({"idSite": 1, "reportUniqueId": "x", "apiModule": "y", "apiAction": "z"}),
    ] {
        assert!(!crate::tools::kit::schema::is_valid(&tool.input_schema, &bad), "{bad}");
    }
    let errors = crate::tools::kit::schema::validate(&tool.input_schema, &json!({"idSite": 1, "apiModule": "Goals"}));
    assert_eq!(
        errors[0].message,
        "needs reportUniqueId, or apiModule together with apiAction"
    );
}

/// Matomo's guide asks "which pages have the slowest average page load time": the search names
/// a metric, not a report (the real catalogue of a Matomo 5.1.2, recorded call 18).
#[test]
fn report_list_finds_reports_by_the_metrics_they_measure() {
    let host = crate::testing::FakeHost::recorded(18);
    let out = run_tool(
        "matomo_report_list",
        &host,
        serde_json::json!({"idSite": 1, "search": "page load time"}),
    )
    .expect("list");
    let ids: Vec<&str> = out["reports"]
        .as_array()
        .expect("reports")
        .iter()
        .filter_map(|r| r["uniqueId"].as_str())
        .collect();
    // the site's average, and the page reports whose rows carry each page's load time
    for id in [
        "PagePerformance_get",
        "Actions_getPageUrls",
        "Actions_getEntryPageTitles",
    ] {
        assert!(ids.contains(&id), "{id} not in {ids:?}");
    }
    assert!(!ids.contains(&"Actions_getDownloads"), "{ids:?}");
}
