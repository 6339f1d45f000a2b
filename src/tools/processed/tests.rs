use crate::testing::{FakeHost, report_api, run_tool};
use serde_json::{Value, json};

fn host() -> FakeHost {
    FakeHost::with_api(report_api)
}

#[test]
fn a_list_report_in_compact_rows_with_resolved_dates() {
    let out = run_tool("matomo_report_processed", &host(), json!({"idSite": 1, "period": "week", "date": "today", "apiModule": "Actions", "apiAction": "getPageUrls", "filter_limit": 5})).expect("report");
    let report = &out["report"];
    assert_eq!(report["columns"][0], "label");
    assert_eq!(report["rows"].as_array().map(Vec::len), Some(5));
    assert_eq!(report["rows"][0][0], "docs");
    let sub = report["columns"]
        .as_array()
        .expect("columns")
        .iter()
        .position(|c| c == "idsubdatatable")
        .expect("subtable column");
    assert_eq!(report["rows"][0][sub], 2);
    assert_eq!(report["column_names"]["nb_hits"], "Pageviews");
    assert!(report["metrics_documentation"]["nb_hits"].is_string());
    assert!(report["totals"]["nb_visits"].is_number() && report["totals"].get("sum_time_network").is_none());
    assert_eq!(
        out["period"]["ranges"],
        json!([{"start": "2026-11-16", "end": "2026-11-22"}])
    );
    assert_eq!(
        (out["period"]["timezone"].clone(), out["period"]["in_progress"].clone()),
        (json!("UTC"), json!(true))
    );
    assert_eq!(
        out["resolvedReport"],
        json!({"uniqueId": "Actions_getPageUrls", "apiModule": "Actions", "apiAction": "getPageUrls", "apiParameters": {}})
    );
    assert!(!out.to_string().contains("a1b2c3d4"), "no token anywhere");
}

#[test]
fn pagination_is_exact() {
    let h = host();
    let first = run_tool("matomo_report_processed", &h, json!({"idSite": 1, "period": "range", "date": "last7", "reportUniqueId": "UserCountry_getCountry", "filter_limit": 2})).expect("page 1");
    let p = &first["pagination"];
    assert_eq!(
        (
            p["returned_rows"].clone(),
            p["has_more"].clone(),
            p["next_filter_offset"].clone()
        ),
        (json!(2), json!(true), json!(2))
    );
    let total = p["total_rows"].as_u64().expect("total") as usize;
    let mut seen: Vec<Value> = first["report"]["rows"].as_array().cloned().unwrap_or_default();
    let mut offset = 2;
    while offset < total {
        let page = run_tool("matomo_report_processed", &h, json!({"idSite": 1, "period": "range", "date": "last7", "reportUniqueId": "UserCountry_getCountry", "filter_limit": 2, "filter_offset": offset})).expect("page");
        seen.extend(page["report"]["rows"].as_array().cloned().unwrap_or_default());
        offset = page["pagination"]["next_filter_offset"]
            .as_u64()
            .map_or(total, |n| n as usize);
    }
    assert_eq!(seen.len(), total);
    let labels: Vec<&Value> = seen.iter().map(|r| &r[0]).collect();
    let mut unique = labels.clone();
    unique.dedup();
    assert_eq!(labels.len(), unique.len(), "no row twice");
}

#[test]
fn byte_budget_drops_whole_rows_and_keeps_the_next_offset_exact() {
    let h = host();
    let base = json!({"idSite": 1, "period": "range", "date": "last7", "reportUniqueId": "UserCountry_getCountry", "filter_limit": 50});
    let full = run_tool("matomo_report_processed", &h, base.clone()).expect("full");
    let all_rows = full["report"]["rows"].as_array().cloned().expect("rows");
    let full_size = full.to_string().len();
    let mut small = base.clone();
    small["max_bytes"] = json!(full_size - 200);
    let trimmed = run_tool("matomo_report_processed", &h, small).expect("trimmed");
    assert!(trimmed.to_string().len() <= full_size - 200);
    let kept = trimmed["report"]["rows"].as_array().map(Vec::len).expect("rows");
    assert!(kept < all_rows.len() && kept > 0);
    assert_eq!(trimmed["pagination"]["trimmed_to_max_bytes"], true);
    assert_eq!(trimmed["pagination"]["has_more"], true);
    assert_eq!(trimmed["pagination"]["next_filter_offset"], json!(kept));
    let mut next = base.clone();
    next["filter_offset"] = json!(kept);
    let rest = run_tool("matomo_report_processed", &h, next).expect("rest");
    assert_eq!(
        rest["report"]["rows"].as_array().expect("rows")[0],
        all_rows[kept],
        "the next offset fetches exactly the following rows"
    );
}

#[test]
fn single_row_and_multi_period_reports() {
    let h = host();
    let one = run_tool(
        "matomo_report_processed",
        &h,
        json!({"idSite": 1, "period": "day", "date": "yesterday", "reportUniqueId": "VisitsSummary_get"}),
    )
    .expect("one");
    assert_eq!(one["report"]["rows"].as_array().map(Vec::len), Some(1));
    assert_eq!(one["period"]["in_progress"], false);
    let multi = run_tool(
        "matomo_report_processed",
        &h,
        json!({"idSite": 1, "period": "day", "date": "last3", "apiModule": "VisitsSummary", "apiAction": "get"}),
    )
    .expect("multi");
    assert_eq!(multi["report"]["columns"][0], "period");
    assert_eq!(multi["report"]["rows"].as_array().map(Vec::len), Some(3));
    assert_eq!(multi["period"]["ranges"].as_array().map(Vec::len), Some(3));
    assert_eq!(multi["period"]["in_progress"], true);
}

#[test]
fn report_variants_by_top_level_ids_and_segments() {
    let h = host();
    let dim = run_tool("matomo_report_processed", &h, json!({"idSite": 1, "period": "month", "date": "today", "apiModule": "CustomDimensions", "apiAction": "getCustomDimension", "idDimension": 1})).expect("dimension");
    assert_eq!(dim["resolvedReport"]["apiParameters"], json!({"idDimension": "1"}));
    assert_eq!(dim["report"]["rows"][0][0], "free");
    let seg = run_tool("matomo_report_processed", &h, json!({"idSite": 1, "period": "month", "date": "today", "reportUniqueId": "DevicesDetection_getType", "segment": "deviceType==desktop"})).expect("segment");
    assert_eq!(seg["segment"], "deviceType==desktop");
    h.segments_on_request.set(false);
    let refused = run_tool(
        "matomo_report_processed",
        &h,
        json!({"idSite": 1, "period": "month", "date": "today", "reportUniqueId": "DevicesDetection_getType", "segment": "deviceType==smartphone"}),
    );
    assert!(
        refused
            .unwrap_err()
            .0
            .starts_with("Segment is not allowed in this Matomo configuration")
    );
    let saved = run_tool(
        "matomo_report_processed",
        &h,
        json!({"idSite": 1, "period": "month", "date": "today", "reportUniqueId": "DevicesDetection_getType", "segment": "deviceType==desktop"}),
    );
    assert!(saved.is_ok(), "a saved, pre-processed segment still works");
}

#[test]
fn errors_a_model_can_act_on() {
    let h = host();
    let bad_date = run_tool(
        "matomo_report_processed",
        &h,
        json!({"idSite": 1, "period": "day", "date": "not-a-date", "reportUniqueId": "VisitsSummary_get"}),
    );
    assert!(bad_date.unwrap_err().0.starts_with("Invalid period/date parameters."));
    let no_access = run_tool(
        "matomo_report_processed",
        &h,
        json!({"idSite": 3, "period": "day", "date": "yesterday", "reportUniqueId": "VisitsSummary_get"}),
    );
    assert!(no_access.unwrap_err().0.starts_with("Report not found."));
    let forbidden = run_tool(
        "matomo_report_processed",
        &h,
        json!({"idSite": 1, "period": "day", "date": "today", "reportUniqueId": "VisitsSummary_get", "apiParameters": {"format": "xml"}}),
    );
    assert_eq!(forbidden.unwrap_err().0, "Unsupported apiParameters key 'format'.");
    let specific = run_tool(
        "matomo_report_processed",
        &h,
        json!({"idSite": 1, "period": "day", "date": "today", "reportUniqueId": "Goals_get", "apiParameters": {"idGoal": 1}}),
    );
    assert!(specific.unwrap_err().0.starts_with("Invalid parameter combination"));
    let ambiguous = run_tool(
        "matomo_report_processed",
        &h,
        json!({"idSite": 1, "period": "day", "date": "today", "apiModule": "Goals", "apiAction": "get", "apiParameters": {"idGoal": "2"}}),
    );
    assert!(ambiguous.unwrap_err().0.starts_with("Report not found."));
}

#[test]
fn shorthand_dates_are_expanded_before_matomo_sees_them() {
    let h = host();
    let _ = run_tool(
        "matomo_report_processed",
        &h,
        json!({"idSite": 1, "period": "month", "date": " 2026-11 ", "reportUniqueId": "Referrers_getReferrerType"}),
    );
    let calls = h.api_calls.borrow();
    let (_, params) = calls
        .iter()
        .find(|(m, _)| m == "API.getProcessedReport")
        .expect("report call");
    assert_eq!(params["date"], "2026-11-01");
    assert_eq!(
        (params["filter_limit"].clone(), params["filter_offset"].clone()),
        (json!(50), json!(0))
    );
}

#[test]
fn goal_metrics_never_send_an_id_goal_that_would_change_the_report_lookup() {
    let h = host();
    let out = run_tool(
        "matomo_report_processed",
        &h,
        json!({"idSite": 1, "period": "month", "date": "today", "reportUniqueId": "DevicesDetection_getType", "segment": "deviceType==desktop", "goalMetricsMode": "specific_goal", "idGoal": 1}),
    );
    assert!(out.is_ok(), "{out:?}");
    let calls = h.api_calls.borrow();
    let (_, params) = calls
        .iter()
        .rev()
        .find(|(m, _)| m == "API.getProcessedReport")
        .expect("report call");
    assert!(params.get("idGoal").is_none());
    assert_eq!(
        (
            params["filter_update_columns_when_show_all_goals"].clone(),
            params["filter_show_goal_columns_process_goals"].clone()
        ),
        (json!(1), json!("1"))
    );
    drop(calls);
    let goal_report = run_tool(
        "matomo_report_processed",
        &h,
        json!({"idSite": 2, "period": "month", "date": "today", "apiModule": "Goals", "apiAction": "get", "idGoal": "ecommerceOrder"}),
    );
    assert!(
        goal_report.is_ok(),
        "a goal report keeps its own idGoal: {goal_report:?}"
    );
    let full = run_tool(
        "matomo_report_processed",
        &h,
        json!({"idSite": 1, "period": "month", "date": "today", "reportUniqueId": "DevicesDetection_getType", "goalMetricsMode": "full"}),
    );
    assert!(full.unwrap_err().0.contains("not available"));
}
