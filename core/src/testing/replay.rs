//! Every recorded MCP call of a real Matomo 5.1.2 (the bridge recordings), replayed through the
//! endpoint against the callbacks Matomo answered, with what must hold in every answer: exact
//! pagination, dates that agree with each other, numbers as numbers, output-schema-valid
//! answers, and no token.

use super::FakeHost;
use super::recorded::{self, RecordedCall};
use crate::endpoint::handle;
use crate::endpoint::tests::{facts, post};
use crate::tools::kit::schema;
use crate::tools::matomo::dates::{Day, Period, Resolved};
use serde_json::{Value, json};

/// The stand-in tokens of the recordings' users (the real ones were replaced).
const TOKENS: [&str; 3] = [
    "a1b2c3d4e5f60718293a4b5c6d7e8f90",
    "5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e",
    "adadadadadadadadadadadadadadadad",
];

/// Calls that now reach Matomo where the recorded extension did not, so the recordings cannot
/// answer them; each with the reason.
const NOT_RECORDED: [(u64, &str); 2] = [
    (
        91,
        "the recorded extension refused the saved segment 'Mobile visitors' (auto_archive=0); Matomo pre-processes every saved segment when browser archiving is disabled, so the report is now asked for",
    ),
    (106, "as call 91"),
];

/// Report and raw API calls whose recorded page was full: the extension now asks for one row
/// more than the page (to know whether more follow), which only a page one row shorter can
/// replay.
const FULL_PAGES: [u64; 9] = [31, 47, 85, 88, 90, 96, 100, 103, 105];

fn arguments_for(call: &RecordedCall) -> Value {
    let mut args = call.arguments.clone();
    if FULL_PAGES.contains(&call.number) {
        // the raw API tools take Matomo's own filter_limit among the method's parameters
        let page = match args.get_mut("parameters") {
            Some(Value::Object(p)) => p,
            _ => &mut args,
        };
        let limit = page.get("filter_limit").and_then(Value::as_u64).unwrap_or(50);
        page.insert("filter_limit".into(), json!(limit - 1));
    }
    Value::Object(args)
}

fn facts_for(call: &RecordedCall) -> crate::endpoint::facts::EndpointFacts {
    let mut f = facts();
    f.user.login = call.user.clone();
    f.user.highest_access = match call.user.as_str() {
        "superuser" => "superuser",
        "siteadmin" => "admin",
        _ => "view",
    }
    .into();
    // calls 92-106 ran with raw API access "full", the others with it off
    if (92..=106).contains(&call.number) {
        f.settings.raw_api.raw_api_access_scope = "full".into();
    }
    f
}

/// One recorded call through the endpoint: initialize, then tools/call.
fn run(call: &RecordedCall, host: &FakeHost) -> Value {
    let f = facts_for(call);
    let init = json!({"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"replay","version":"1"}}});
    let opened = handle(&post(&init.to_string()), &f, host);
    let session = opened.header("Mcp-Session-Id").expect("session").to_string();
    let body = json!({"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name": call.tool, "arguments": arguments_for(call)}});
    let mut req = post(&body.to_string());
    req.headers.push(("mcp-session-id".into(), session));
    req.headers.push(("mcp-protocol-version".into(), "2025-11-25".into()));
    let answer = handle(&req, &f, host);
    for token in TOKENS {
        assert!(
            !answer.body.contains(token),
            "call {}: a token in the answer",
            call.number
        );
        assert!(
            !host.log_text().contains(token),
            "call {}: a token in the log",
            call.number
        );
    }
    serde_json::from_str(&answer.body).unwrap_or_else(|e| panic!("call {}: not JSON ({e})", call.number))
}

fn check_pagination(n: u64, p: &Value) {
    let (offset, returned) = (
        p["filter_offset"].as_u64().expect("offset"),
        p["returned_rows"].as_u64().expect("returned"),
    );
    match p["has_more"].as_bool() {
        Some(true) => {
            assert_eq!(p["next_filter_offset"], json!(offset + returned), "call {n}: {p}");
            assert!(
                p["total_rows"].is_null() || p["total_rows"].as_u64() > Some(offset + returned),
                "call {n}: {p}"
            );
        }
        Some(false) => {
            assert!(p["next_filter_offset"].is_null(), "call {n}: {p}");
            assert!(
                p["total_rows"] == json!(offset + returned) || returned == 0,
                "call {n}: {p}"
            );
        }
        None => panic!("call {n}: has_more missing in {p}"),
    }
}

/// When the answer says there is nothing more, the recorded Matomo agrees: the row after the
/// page, asked for on its own, does not exist (where the recordings know).
fn check_nothing_hidden(call: &RecordedCall, host: &FakeHost, p: &Value) {
    if p["has_more"] != json!(false) {
        return;
    }
    let calls = host.api_calls.borrow();
    // the data call is the last one (after site, catalogue and segment lookups)
    let Some((method, asked)) = calls.last() else {
        return;
    };
    let mut next = asked.clone();
    let after = p["filter_offset"].as_u64().unwrap_or(0) + p["returned_rows"].as_u64().unwrap_or(0);
    next.insert("filter_offset".into(), json!(after));
    next.insert("filter_limit".into(), json!(1));
    if let Some(Ok(answer)) = recorded::answer(&call.user, method, &next) {
        let data = if method == "API.getProcessedReport" {
            &answer["reportData"]
        } else {
            &answer
        };
        let rows = match data {
            Value::Array(rows) => rows.len(),
            Value::Object(periods) if periods.values().all(Value::is_array) => {
                periods.values().map(|r| r.as_array().map_or(0, Vec::len)).sum()
            }
            _ => 0,
        };
        assert_eq!(
            rows, 0,
            "call {}: has_more is false but Matomo has rows after {after}",
            call.number
        );
    }
}

/// A report answer costs Matomo one `API.getProcessedReport` and one cheap site lookup: the
/// report's metadata comes with its data, the catalogue is not fetched.
fn check_one_data_call(n: u64, host: &FakeHost) {
    let methods: Vec<String> = host.api_calls.borrow().iter().map(|(m, _)| m.clone()).collect();
    assert_eq!(
        methods,
        ["SitesManager.getSiteFromId", "API.getProcessedReport"],
        "call {n}: Matomo was asked {methods:?}"
    );
}

fn check_dates(n: u64, period: &Value) {
    let tz = period["timezone"].as_str().expect("timezone");
    let today = period["site_today"].as_str().expect("site_today");
    assert_eq!(
        Some(today.to_string()),
        recorded::local_date(tz),
        "call {n}: site_today in {tz}"
    );
    let day = |v: &Value| Day::parse(v.as_str().unwrap_or_default()).expect("a date");
    let ranges: Vec<(Day, Day)> = period["ranges"]
        .as_array()
        .expect("ranges")
        .iter()
        .map(|r| (day(&r["start"]), day(&r["end"])))
        .collect();
    assert!(!ranges.is_empty(), "call {n}: no ranges");
    assert!(
        ranges.iter().all(|(s, e)| s <= e) && ranges.windows(2).all(|w| w[0].1 < w[1].0),
        "call {n}: {ranges:?}"
    );
    let today = Day::parse(today).expect("today");
    let last = ranges[ranges.len() - 1];
    assert_eq!(
        period["in_progress"],
        json!(last.0 <= today && today <= last.1),
        "call {n}: in_progress"
    );
    let resolved = Resolved {
        period: Period::parse(period["period"].as_str().unwrap_or_default()).expect("period"),
        ranges,
        in_progress: false,
    };
    assert_eq!(
        period["label"],
        json!(resolved.label()),
        "call {n}: the label names the resolved ranges"
    );
}

/// Matomo's own period labels (multi-period rows) name as many periods as the ranges.
fn check_period_rows(n: u64, structured: &Value) {
    let columns = structured["report"]["columns"].as_array().cloned().unwrap_or_default();
    if columns.first() != Some(&json!("period")) {
        return;
    }
    let mut labels: Vec<Value> = structured["report"]["rows"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|r| r[0].clone())
        .collect();
    labels.dedup();
    assert!(
        labels.len() <= structured["period"]["ranges"].as_array().map_or(0, Vec::len),
        "call {n}"
    );
}

fn check_numbers(n: u64, report: &Value) {
    let columns: Vec<String> = report["columns"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|c| c.as_str().map(str::to_string))
        .collect();
    let names = report["column_names"].as_object().cloned().unwrap_or_default();
    for (i, c) in columns.iter().enumerate() {
        if c == "label" || c == "period" || !names.contains_key(c) {
            continue;
        }
        for row in report["rows"].as_array().into_iter().flatten() {
            assert!(row[i].is_number() || row[i].is_null(), "call {n}: {c} = {}", row[i]);
        }
    }
    for (k, v) in report["totals"].as_object().into_iter().flatten() {
        assert!(v.is_number() || v.is_null(), "call {n}: total {k} = {v}");
    }
}

#[test]
fn every_recorded_call_answers_truly() {
    let (mut checked_reports, mut checked_raw_pages) = (0, 0);
    for call in recorded::calls() {
        let host = FakeHost::recorded(call.number);
        let answer = run(call, &host);
        let misses = host.misses.borrow().clone();
        if NOT_RECORDED.iter().any(|(n, _)| *n == call.number) {
            continue;
        }
        assert!(
            misses.is_empty(),
            "call {} ({}) asked Matomo for what it never answered: {misses:?}",
            call.number,
            call.tool
        );
        let Some(result) = answer.get("result") else {
            continue; // a JSON-RPC error (validation): nothing was answered
        };
        let Some(structured) = result.get("structuredContent") else {
            continue; // isError answers carry text only
        };
        let tool = crate::tools::builtin().find(&call.tool).expect("a built-in tool");
        let violations = schema::validate(&tool.output_schema, structured);
        assert!(
            violations.is_empty(),
            "call {}: output schema: {violations:?}",
            call.number
        );
        if call.tool == "matomo_report_processed" {
            checked_reports += 1;
            check_one_data_call(call.number, &host);
            check_pagination(call.number, &structured["pagination"]);
            check_nothing_hidden(call, &host, &structured["pagination"]);
            check_dates(call.number, &structured["period"]);
            check_period_rows(call.number, structured);
            check_numbers(call.number, &structured["report"]);
        }
        if call.tool.starts_with("matomo_api_call") && structured.get("pagination").is_some() {
            checked_raw_pages += 1;
            check_pagination(call.number, &structured["pagination"]);
            check_nothing_hidden(call, &host, &structured["pagination"]);
        }
    }
    assert!(
        checked_reports >= 40,
        "only {checked_reports} report answers were checked"
    );
    assert!(checked_raw_pages >= 1, "no raw API page was checked");
}

/// Every answer the recordings give to a report call is the one they recorded for the report's
/// window: a real Matomo's rows, never invented ones.
#[test]
fn recorded_reports_are_cut_only_from_real_answers() {
    let call = recorded::call(29);
    let mut params = call
        .callbacks
        .iter()
        .find(|cb| cb.args[0] == "API.getProcessedReport")
        .expect("report")
        .args[1]
        .as_object()
        .cloned()
        .expect("params");
    params.insert("filter_limit".into(), json!(6));
    let cut = recorded::answer("viewer", "API.getProcessedReport", &params)
        .expect("covered")
        .expect("answer");
    assert_eq!(cut["reportData"].as_array().map(Vec::len), Some(6));
    assert!(cut["reportData@total_rows"].is_null(), "no count Matomo would not give");
    params.insert("filter_offset".into(), json!(20));
    params.insert("filter_limit".into(), json!(200));
    assert!(recorded::answer("viewer", "API.getProcessedReport", &params).is_some_and(|a| a.is_ok()));
    params.insert("flat".into(), json!(1));
    params.insert("filter_offset".into(), json!(0));
    assert!(
        recorded::answer("viewer", "API.getProcessedReport", &params).is_none(),
        "3 flat rows recorded cannot answer 200"
    );
}
