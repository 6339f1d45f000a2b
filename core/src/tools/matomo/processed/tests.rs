//! `matomo_report_processed` against what a real Matomo 5.1.2 answered (the bridge recordings):
//! each test replays the arguments of a recorded MCP call with that call's Matomo.
use crate::host::{ApiError, ApiErrorKind};
use crate::testing::{FakeHost, recorded, run_tool};
use serde_json::{Map, Value, json};

/// The recorded call's arguments, with `changes` on top.
fn args_of(number: u64, changes: Value) -> Value {
    let mut args = Value::Object(recorded::call(number).arguments.clone());
    for (k, v) in changes.as_object().cloned().unwrap_or_default() {
        args[k] = v;
    }
    args
}

fn replay(number: u64, changes: Value) -> Result<Value, String> {
    let host = FakeHost::recorded(number);
    let out = run_tool("matomo_report_processed", &host, args_of(number, changes)).map_err(|e| e.0);
    assert_eq!(
        host.misses.borrow().as_slice(),
        &[] as &[String],
        "call {number} asked Matomo for something never recorded"
    );
    out
}

fn column(out: &Value, name: &str) -> Vec<Value> {
    let columns = out["report"]["columns"].as_array().expect("columns");
    let i = columns
        .iter()
        .position(|c| c == name)
        .unwrap_or_else(|| panic!("no column {name}"));
    out["report"]["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .map(|r| r[i].clone())
        .collect()
}

/// Page URLs of this month on a real Matomo: 9 rows. With pages of 5 a model reads them all,
/// each once, and the first page does not pretend to be the whole report.
#[test]
fn paging_returns_every_row_once_on_a_real_matomo() {
    let all = replay(54, json!({"max_bytes": 200_000})).expect("the whole report");
    let every = column(&all, "label");
    assert_eq!(every.len(), 9);
    assert_eq!(
        (
            all["pagination"]["total_rows"].clone(),
            all["pagination"]["has_more"].clone()
        ),
        (json!(9), json!(false))
    );
    let first = replay(29, json!({})).expect("page 1");
    let p = &first["pagination"];
    assert_eq!(
        (
            p["returned_rows"].clone(),
            p["has_more"].clone(),
            p["next_filter_offset"].clone()
        ),
        (json!(5), json!(true), json!(5))
    );
    assert!(p["total_rows"].is_null(), "Matomo gave no count: none is invented, {p}");
    let second = replay(30, json!({})).expect("page 2");
    let p = &second["pagination"];
    assert_eq!(
        (
            p["returned_rows"].clone(),
            p["has_more"].clone(),
            p["total_rows"].clone()
        ),
        (json!(4), json!(false), json!(9))
    );
    let mut seen = column(&first, "label");
    seen.extend(column(&second, "label"));
    assert_eq!(seen, every, "every row exactly once, in Matomo's order");
}

#[test]
fn byte_budget_leaves_whole_rows_for_the_next_page() {
    let trimmed = replay(54, json!({})).expect("trimmed to 2,000 bytes");
    assert!(trimmed.to_string().len() <= 2_000);
    let p = &trimmed["pagination"];
    let kept = p["returned_rows"].as_u64().expect("returned") as usize;
    assert!(kept > 0 && kept < 9, "{p}");
    assert_eq!(
        (
            p["has_more"].clone(),
            p["trimmed_to_max_bytes"].clone(),
            p["next_filter_offset"].clone()
        ),
        (json!(true), json!(true), json!(kept))
    );
    let rest = replay(54, json!({"filter_offset": kept, "max_bytes": 200_000})).expect("the rest");
    let mut seen = column(&trimmed, "label");
    seen.extend(column(&rest, "label"));
    assert_eq!(
        seen,
        column(&replay(54, json!({"max_bytes": 200_000})).expect("all"), "label")
    );
}

/// Matomo formats metrics for people and mixes "16" with 16; the answer has numbers and says
/// the unit once.
#[test]
fn metric_cells_are_numbers_with_their_units() {
    // the recording holds 3 flattened rows: a page of 2 (and the row after it) is all it can tell
    let out = replay(31, json!({"filter_limit": 2})).expect("flattened page URLs");
    for name in ["nb_visits", "nb_hits", "bounce_rate", "avg_time_on_page", "exit_rate"] {
        assert!(
            column(&out, name).iter().all(|v| v.is_number()),
            "{name}: {:?}",
            column(&out, name)
        );
    }
    let units = &out["report"]["column_units"];
    assert_eq!(
        (units["bounce_rate"].clone(), units["avg_time_on_page"].clone()),
        (json!("percent"), json!("seconds"))
    );
    let ecommerce = replay(88, json!({"filter_limit": 2})).expect("goal columns");
    assert_eq!(
        ecommerce["report"]["column_names"]["goal_1_conversion_rate"],
        "Goal 1 conversion rate"
    );
    assert_eq!(
        ecommerce["report"]["column_names"]["goal_0_revenue"],
        "Ecommerce orders revenue"
    );
    assert_eq!(ecommerce["report"]["column_units"]["goal_0_revenue"], "currency €");
    assert!(column(&ecommerce, "goal_0_revenue").iter().all(Value::is_number));
}

#[test]
fn dates_agree_with_the_data_in_every_timezone() {
    // New York at 21:42 on 1 December: Matomo's prettyDate said "December 2", its data is the 1st
    let ny = replay(69, json!({})).expect("new york today");
    assert_eq!(ny["period"]["site_today"], "2026-12-01");
    assert_eq!(
        ny["period"]["ranges"],
        json!([{"start": "2026-12-01", "end": "2026-12-01"}])
    );
    assert_eq!(ny["period"]["label"], "Tuesday, December 1, 2026");
    // the Azores at 01:58 on 2 December: Date::factory('today', tz) said the 1st
    let azores = replay(108, json!({})).expect("azores today");
    assert_eq!(
        (
            azores["period"]["site_today"].clone(),
            azores["period"]["in_progress"].clone()
        ),
        (json!("2026-12-02"), json!(true))
    );
    assert_eq!(azores["period"]["label"], "Wednesday, December 2, 2026");
    // Matomo's own periods for last3 there were November 30 to December 2 (no visits yet)
    let last3 = replay(112, json!({})).expect("azores last3");
    assert_eq!(
        last3["period"]["ranges"][0],
        json!({"start": "2026-11-30", "end": "2026-11-30"})
    );
    assert_eq!(
        last3["period"]["ranges"][2],
        json!({"start": "2026-12-02", "end": "2026-12-02"})
    );
    // period=range ends where Matomo ends it: Date::factory('today', tz), the 1st
    let range = replay(111, json!({})).expect("azores range last7");
    assert_eq!(
        range["period"]["ranges"],
        json!([{"start": "2026-11-25", "end": "2026-12-01"}])
    );
    assert_eq!(range["period"]["in_progress"], false);
    let weeks = replay(24, json!({})).expect("berlin weeks");
    assert_eq!(weeks["period"]["ranges"].as_array().map(Vec::len), Some(4));
    assert_eq!(
        column(&weeks, "period").last(),
        Some(&json!("week November 30\u{2009}–\u{2009}December 6, 2026"))
    );
    assert_eq!(
        weeks["period"]["ranges"][3],
        json!({"start": "2026-11-30", "end": "2026-12-06"})
    );
}

#[test]
fn errors_a_model_can_act_on() {
    let bogus = replay(62, json!({})).expect_err("bogus period");
    assert_eq!(
        bogus,
        "Invalid period 'bogus'. Use one of day, week, month, year or range."
    );
    let date = replay(63, json!({})).expect_err("invalid date");
    assert!(
        date.starts_with("Invalid date '2026-13-45' for period day. Use date YYYY-MM-DD"),
        "{date}"
    );
    let range = replay(26, json!({"date": "today"})).expect_err("range needs two ends");
    assert!(
        range.contains("Period range needs lastN, previousN or start,end."),
        "{range}"
    );
    let hidden = replay(61, json!({})).expect_err("a site the viewer cannot see");
    assert!(hidden.starts_with("Site not found or access denied."), "{hidden}");
    assert!(
        replay(64, json!({}))
            .expect_err("unknown report")
            .starts_with("Report not found.")
    );
    let forbidden = replay(22, json!({"apiParameters": {"format": "xml"}})).expect_err("format");
    assert_eq!(forbidden, "Unsupported apiParameters key 'format'.");
}

/// Matomo re-wraps a database failure in getProcessedReport as a plain message.
#[test]
fn a_database_failure_is_logged_and_never_shown() {
    let user = recorded::call(22).user.clone();
    let host = FakeHost::with_api(move |method: &str, params: &Map<String, Value>| {
        match method {
        "API.getProcessedReport" => Err(ApiError {
            kind: ApiErrorKind::Rejected,
            message: "API returned an error: SQLSTATE[HY000]: General error: 2006 MySQL server has gone away at Mysqli.php:42\n".into(),
        }),
        _ => recorded::answer(&user, method, params).expect("recorded"),
    }
    });
    let err = run_tool("matomo_report_processed", &host, args_of(22, json!({})))
        .expect_err("db down")
        .0;
    assert_eq!(err, "Report retrieval failed.");
    assert!(host.log_text().contains("MySQL server has gone away"));
    assert!(!err.contains("SQLSTATE"));
}

#[test]
fn segments_follow_matomos_own_rule() {
    // browser archiving enforced off: an ad-hoc segment has no data, say so before asking
    let refused = replay(52, json!({})).expect_err("not pre-processed");
    assert!(
        refused.starts_with("Segment is not allowed in this Matomo configuration"),
        "{refused}"
    );
    let call = recorded::call(91);
    assert_eq!(
        recorded::segment_archived(call, 1, "deviceType==smartphone,deviceType==tablet"),
        Ok(true),
        "saved segments are archived by cron then"
    );
    assert_eq!(
        recorded::segment_archived(call, 1, "deviceType%3D%3Dsmartphone%2CdeviceType%3D%3Dtablet"),
        Ok(true),
        "compared url-decoded"
    );
    let unknown = replay(65, json!({})).expect_err("unknown field");
    assert!(
        unknown.starts_with("Segment expression names a field this Matomo does not provide."),
        "{unknown}"
    );
    // browser archiving on (Matomo's default): any valid segment
    let on = replay(114, json!({})).expect("segment processed on request");
    assert_eq!(on["segment"], "deviceType==smartphone");
    assert!(column(&on, "nb_visits").iter().all(Value::is_number));
}

#[test]
fn goal_metrics_never_send_an_id_goal_that_would_change_the_report_lookup() {
    let host = FakeHost::recorded(88);
    run_tool(
        "matomo_report_processed",
        &host,
        args_of(88, json!({"filter_limit": 2})),
    )
    .expect("goal metrics");
    let calls = host.api_calls.borrow();
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
    let process = |goals: serde_json::Value| {
        run_tool(
            "matomo_report_processed",
            &host,
            args_of(
                88,
                json!({"goalMetricsMode": "overview", "goalMetricsProcessGoals": goals}),
            ),
        )
    };
    assert!(
        process(json!(["nope"]))
            .unwrap_err()
            .0
            .starts_with("goalMetricsProcessGoals takes goal ids")
    );
}

#[test]
fn matomo_is_asked_for_one_row_more_than_the_page() {
    let host = FakeHost::recorded(23);
    run_tool("matomo_report_processed", &host, args_of(23, json!({}))).expect("report");
    let calls = host.api_calls.borrow();
    let (_, params) = calls
        .iter()
        .find(|(m, _)| m == "API.getProcessedReport")
        .expect("report call");
    assert_eq!(
        (params["filter_limit"].clone(), params["filter_offset"].clone()),
        (json!(51), json!(0))
    );
}

/// "Which pages load slowest?": a real Matomo's Page URLs, with the raw columns a real Matomo
/// adds when asked for them (`showRawMetrics=1`; PagePerformance's averages in seconds, the
/// archive's sums and counts). The answer names and keeps only the timings.
#[test]
fn page_reports_carry_their_load_times() {
    let user = recorded::call(29).user.clone();
    let mut host = FakeHost::with_api(move |method, params| {
        let mut answer = recorded::answer(&user, method, params).expect("recorded")?;
        if method == "API.getProcessedReport" && params.get("showRawMetrics") == Some(&json!(1)) {
            for (i, row) in answer["reportData"]
                .as_array_mut()
                .expect("rows")
                .iter_mut()
                .enumerate()
            {
                row["sum_time_spent"] = json!(900 + i);
                row["nb_hits_with_time_network"] = json!(20);
                row["avg_time_network"] = json!(0.0120000001);
                row["avg_page_load_time"] = json!(2.5 - 0.1 * i as f64 + 1e-12);
            }
        }
        Ok(answer)
    });
    host.recording = Some(recorded::call(29));
    let out = run_tool("matomo_report_processed", &host, args_of(29, json!({}))).expect("page urls");
    let load = column(&out, "avg_page_load_time");
    assert_eq!(load, [json!(2.5), json!(2.4), json!(2.3), json!(2.2), json!(2.1)]);
    assert_eq!(column(&out, "avg_time_network")[0], json!(0.012));
    let columns = out["report"]["columns"].as_array().expect("columns");
    assert!(
        !columns
            .iter()
            .any(|c| c == "sum_time_spent" || c == "nb_hits_with_time_network"),
        "{columns:?}"
    );
    assert_eq!(
        out["report"]["column_names"]["avg_page_load_time"],
        "Avg. page load time"
    );
    assert_eq!(out["report"]["column_units"]["avg_page_load_time"], "seconds");
    // other reports are asked as before: their raw columns are of no use
    let host = FakeHost::recorded(23);
    run_tool("matomo_report_processed", &host, args_of(23, json!({}))).expect("report");
    assert!(
        host.api_calls
            .borrow()
            .iter()
            .all(|(_, p)| p.get("showRawMetrics").is_none())
    );
}
