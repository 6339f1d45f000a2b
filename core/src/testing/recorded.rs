//! What a real Matomo 5.1.2 handed the extension (`standin/fixtures/matomo-5.1.2-bridge/`),
//! loaded once and answered back by method and parameters: the tests' Matomo behaves like the
//! recorded one, quirks included.
//!
//! Where the recordings cannot answer a call exactly, the rules below say what is derived and
//! why; anything else is a miss, which the tests report.
//!
//! Where it derives or imitates instead of replaying (the one list of these, also in
//! `docs/imitations.md`):
//! - A call with another filter_limit/filter_offset than recorded is cut from a recorded answer of the same call whose rows cover the asked window (a shorter recorded page that ended before its limit is the whole report; a recording without filter_limit holds every row), as Matomo's Limit filter and `ResponseBuilder::handleArray` cut it. Single-period getProcessedReport answers then carry no row count, as Matomo's own carry none.
//! - API.getProcessedReport with showRawMetrics=1 (asked for the Actions page reports, for their page timings) is answered as recorded without it: no recorded call asked for raw metrics. A real Matomo adds every raw column; the answer keeps only the timings, tested on rows built as `ProcessedReport::handleSimpleDataTable` builds them.
//! - siteDates: the recordings hold Date::factory('today', $timezone) (the range end), not the local date; the local dates of the recording moment (2 December 2026, 02:40-03:00 UTC) come from LOCAL_DATES.
//! - segmentArchived: recorded as segmentsArchivedOnRequest; a segment counts as archived when that was true for the call, or when its definition (raw or url-decoded) is one of the site's recorded saved segments. Unknown fields are refused by the real getSegmentsMetadata fixture's list, as Matomo's Segment constructor refuses them.
//! - API.getProcessedReport for a report the site's recorded catalogue does not have is refused with Matomo's own "not found in the list of available reports" message.
//! - API.getReportMetadata with hideMetricsDoc=1 is the recorded answer with hideMetricsDoc=0 without each report's metricsDocumentation, as Matomo leaves it out.
//! - A call is answered from any recording of the same user, method and parameters, not only from the replayed MCP call's own callbacks (the extension now makes some calls the recorded one did not, e.g. the raw API tools of calls 77-83, refused then).

use crate::host::{ApiError, ApiErrorKind};
use once_cell::sync::Lazy;
use serde_json::{Map, Value};
use std::collections::HashMap;

/// The sites' local dates while the recordings were made (2 December 2026, 02:40-03:00 UTC).
pub const LOCAL_DATES: [(&str, &str); 4] = [
    ("Europe/Berlin", "2026-12-02"),
    ("UTC", "2026-12-02"),
    ("America/New_York", "2026-12-01"),
    ("Atlantic/Azores", "2026-12-02"),
];

#[derive(Debug, Clone)]
pub struct Callback {
    pub function: String,
    pub args: Vec<Value>,
    pub result: Value,
}

#[derive(Debug, Clone)]
pub struct RecordedCall {
    pub number: u64,
    pub user: String,
    pub tool: String,
    pub arguments: Map<String, Value>,
    pub callbacks: Vec<Callback>,
}

fn dir() -> String {
    format!("{}/../standin/fixtures/matomo-5.1.2-bridge", env!("CARGO_MANIFEST_DIR"))
}

fn load() -> Vec<RecordedCall> {
    let text = std::fs::read_to_string(format!("{}/calls.jsonl", dir())).expect("calls.jsonl");
    let mut results: HashMap<String, Value> = HashMap::new();
    let mut calls: Vec<RecordedCall> = Vec::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let entry: Value = serde_json::from_str(line).expect("a JSON line");
        if let Some(n) = entry.get("mcp_call").and_then(Value::as_u64) {
            calls.push(RecordedCall {
                number: n,
                user: entry["as"].as_str().unwrap_or_default().to_string(),
                tool: entry["tool"].as_str().unwrap_or_default().to_string(),
                arguments: entry["arguments"].as_object().cloned().unwrap_or_default(),
                callbacks: Vec::new(),
            });
            continue;
        }
        let file = entry["result"].as_str().unwrap_or_default().to_string();
        let result = results
            .entry(file.clone())
            .or_insert_with(|| {
                let raw = std::fs::read_to_string(format!("{}/{file}", dir())).expect("result file");
                serde_json::from_str(&raw).expect("result JSON")
            })
            .clone();
        if let Some(call) = calls.last_mut() {
            call.callbacks.push(Callback {
                function: entry["callback"].as_str().unwrap_or_default().to_string(),
                args: entry["args"].as_array().cloned().unwrap_or_default(),
                result,
            });
        }
    }
    calls
}

static RECORDING: Lazy<Vec<RecordedCall>> = Lazy::new(load);

pub fn calls() -> &'static [RecordedCall] {
    &RECORDING
}

pub fn call(number: u64) -> &'static RecordedCall {
    calls()
        .iter()
        .find(|c| c.number == number)
        .unwrap_or_else(|| panic!("no recorded call {number}"))
}

/// Parameter values as PHP sees them in a query: `1` and `"1"` alike, `[]` and `{}` alike, at
/// any depth (`{"idGoal": 1}` and `{"idGoal": "1"}` are the same `apiParameters`).
fn as_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Array(a) if a.is_empty() => "{}".into(),
        Value::Object(m) => {
            let mut pairs: Vec<String> = m.iter().map(|(k, v)| format!("{k}={}", as_text(v))).collect();
            pairs.sort();
            format!("{{{}}}", pairs.join("&"))
        }
        Value::Array(a) => format!("[{}]", a.iter().map(as_text).collect::<Vec<_>>().join(",")),
        other => other.to_string(),
    }
}

fn same_params(a: &Map<String, Value>, b: &Map<String, Value>, except: &[&str]) -> bool {
    let keys = |m: &Map<String, Value>| {
        let mut k: Vec<String> = m.keys().filter(|k| !except.contains(&k.as_str())).cloned().collect();
        k.sort();
        k
    };
    keys(a) == keys(b)
        && a.iter()
            .filter(|(k, _)| !except.contains(&k.as_str()))
            .all(|(k, v)| b.get(k).map(as_text) == Some(as_text(v)))
}

/// The bridge's answer as the PHP host hands it to the core (same decoding, same error kinds).
pub fn outcome(answer: &Value) -> Result<Value, ApiError> {
    crate::bridge::api_outcome(answer.clone())
}

fn api_callbacks(user: &str) -> impl Iterator<Item = &'static Callback> + '_ {
    calls()
        .iter()
        .filter(move |c| c.user == user)
        .flat_map(|c| c.callbacks.iter())
        .filter(|cb| cb.function == "callApi")
}

fn params_of(cb: &Callback) -> Map<String, Value> {
    cb.args.get(1).and_then(Value::as_object).cloned().unwrap_or_default()
}

/// Matomo's answer to `method` with `params` for `user`, from the recordings.
pub fn answer(user: &str, method: &str, params: &Map<String, Value>) -> Option<Result<Value, ApiError>> {
    let mut params = params.clone();
    if method == "API.getProcessedReport" {
        // no recorded call asked for raw metrics (see the module's list)
        params.remove("showRawMetrics");
    }
    let recorded = |cb: &&Callback| cb.args.first().and_then(Value::as_str) == Some(method);
    if let Some(cb) = api_callbacks(user)
        .filter(recorded)
        .find(|cb| same_params(&params_of(cb), &params, &[]))
    {
        return Some(outcome(&cb.result).map(without_single_period_count));
    }
    if method == "API.getReportMetadata" && params.get("hideMetricsDoc").map(as_text).as_deref() == Some("1") {
        let mut with_docs = params.clone();
        with_docs.insert("hideMetricsDoc".into(), Value::from(0));
        if let Some(Ok(Value::Array(reports))) = answer(user, method, &with_docs) {
            // what Matomo leaves out with hideMetricsDoc (ProcessedReport::getReportMetadata)
            let without = reports.into_iter().map(|mut r| {
                if let Some(m) = r.as_object_mut() {
                    m.remove("metricsDocumentation");
                }
                r
            });
            return Some(Ok(Value::Array(without.collect())));
        }
    }
    let window = ["filter_limit", "filter_offset"];
    api_callbacks(user)
        .filter(recorded)
        .filter(|cb| same_params(&params_of(cb), &params, &window))
        .find_map(|cb| cut_window(method, &params_of(cb), &cb.result, &params))
        .or_else(|| {
            (method == "API.getProcessedReport")
                .then(|| unknown_report(user, &params))
                .flatten()
        })
}

/// Matomo's refusal of a report the site's recorded catalogue does not have
/// (`ProcessedReport::getProcessedReport`, 5.1), for names the recordings never asked for.
fn unknown_report(user: &str, params: &Map<String, Value>) -> Option<Result<Value, ApiError>> {
    let id_site = params.get("idSite")?;
    let (module, action) = (params.get("apiModule")?.as_str()?, params.get("apiAction")?.as_str()?);
    let wanted = params.get("apiParameters").map(as_text).unwrap_or_else(|| "{}".into());
    let catalogue = api_callbacks(user)
        .filter(|cb| cb.args.first().and_then(Value::as_str) == Some("API.getReportMetadata"))
        .find(|cb| params_of(cb).get("idSite").map(as_text) == Some(as_text(id_site)))
        .and_then(|cb| outcome(&cb.result).ok())?;
    let known = catalogue.as_array()?.iter().any(|r| {
        r["module"] == module
            && r["action"] == action
            && as_text(r.get("parameters").unwrap_or(&Value::Null)).replace("null", "{}") == wanted
    });
    (!known).then(|| {
        Err(ApiError {
            kind: ApiErrorKind::Rejected,
            message: format!(
                "Requested report {module}.{action} for Website id={} not found in the list of available reports. \n",
                as_text(id_site)
            ),
        })
    })
}

fn num(params: &Map<String, Value>, key: &str) -> Option<usize> {
    let v = params.get(key)?;
    v.as_u64()
        .or_else(|| v.as_str().and_then(|s| s.parse().ok()))
        .map(|n| n as usize)
}

/// The rows `[skip, skip + limit)` of each table in `value` (a list of rows, or lists per
/// period), when the recorded rows cover them; a one-row table is the same from offset 0.
fn cut_rows(value: Value, skip: usize, limit: usize, covers: &dyn Fn(usize) -> bool) -> Option<Value> {
    let cut = |rows: Vec<Value>| Value::Array(rows.into_iter().skip(skip).take(limit).collect());
    match value {
        Value::Array(rows) => covers(rows.len()).then(|| cut(rows)),
        data if is_per_period(&data) => {
            let mut out = Map::new();
            for (period, rows) in data.as_object().cloned().unwrap_or_default() {
                match rows {
                    Value::Array(rows) if covers(rows.len()) => out.insert(period, cut(rows)),
                    Value::Object(_) if skip == 0 => out.insert(period, rows),
                    _ => return None,
                };
            }
            Some(Value::Object(out))
        }
        other if skip == 0 => Some(other),
        _ => None,
    }
}

/// The asked window cut from a recorded answer whose rows cover it (see the module's list). A
/// recording without `filter_limit` holds every row.
fn cut_window(
    method: &str,
    recorded_params: &Map<String, Value>,
    recorded: &Value,
    asked: &Map<String, Value>,
) -> Option<Result<Value, ApiError>> {
    let mut answer = match outcome(recorded) {
        Ok(a) => a,
        Err(e) => return Some(Err(e)),
    };
    let r_offset = num(recorded_params, "filter_offset").unwrap_or(0);
    let r_limit = num(recorded_params, "filter_limit").unwrap_or(usize::MAX);
    let offset = num(asked, "filter_offset").unwrap_or(0);
    let limit = num(asked, "filter_limit").unwrap_or(usize::MAX);
    if offset < r_offset {
        return None;
    }
    let covers = move |rows: usize| rows < r_limit || offset.saturating_add(limit) <= r_offset + rows;
    let skip = offset - r_offset;
    if method != "API.getProcessedReport" {
        return cut_rows(answer, skip, limit, &covers).map(Ok);
    }
    let single_period = answer["reportData"].is_array();
    answer["reportData"] = cut_rows(answer["reportData"].take(), skip, limit, &covers)?;
    let meta = answer["reportMetadata"].take();
    answer["reportMetadata"] = match meta {
        Value::Array(m) => Value::Array(m.into_iter().skip(skip).take(limit).collect()),
        Value::Object(m) => Value::Object(
            m.into_iter()
                .map(|(period, rows)| match rows {
                    Value::Array(r) => (period, Value::Array(r.into_iter().skip(skip).take(limit).collect())),
                    other => (period, other),
                })
                .collect(),
        ),
        other => other,
    };
    if single_period {
        answer["reportData@total_rows"] = Value::Null;
    }
    Some(Ok(answer))
}

/// The recordings' bridge counted a single period's rows after the limit (Matomo keeps no count
/// there); today's bridge hands over none.
fn without_single_period_count(mut answer: Value) -> Value {
    if answer.get("reportData@total_rows").is_some() && !is_per_period(&answer["reportData"]) {
        answer["reportData@total_rows"] = Value::Null;
    }
    answer
}

fn is_per_period(data: &Value) -> bool {
    matches!(data, Value::Object(m) if !m.is_empty() && m.values().all(|v| v.is_array() || v.is_object()))
}

/// `Date::factory('today', $timezone)` as recorded for the zone.
pub fn range_end(timezone: &str) -> Option<String> {
    calls()
        .iter()
        .flat_map(|c| c.callbacks.iter())
        .find(|cb| cb.function == "localDate" && cb.args.first().and_then(Value::as_str) == Some(timezone))
        .and_then(|cb| cb.result.as_str().map(str::to_string))
}

pub fn local_date(timezone: &str) -> Option<String> {
    LOCAL_DATES
        .iter()
        .find(|(tz, _)| *tz == timezone)
        .map(|(_, d)| d.to_string())
}

/// Matomo's segment rule over what was recorded for one call (see the module's list).
pub fn segment_archived(call: &RecordedCall, id_site: i64, definition: &str) -> Result<bool, ApiError> {
    let known: Vec<String> = super::fixture("30-viewer-API_getSegmentsMetadata.json")
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|s| s["segment"].as_str().map(str::to_string))
        .collect();
    let decoded = percent_decode(definition);
    for condition in decoded.split([';', ',']) {
        let field: String = condition
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '.')
            .collect();
        if !known.contains(&field) {
            return Err(ApiError {
                kind: ApiErrorKind::Rejected,
                message: format!("Segment '{field}' is not a supported segment."),
            });
        }
    }
    let on_request = call
        .callbacks
        .iter()
        .find(|cb| cb.function == "segmentsArchivedOnRequest")
        .is_some_and(|cb| cb.result == Value::Bool(true));
    if on_request {
        return Ok(true);
    }
    let mut p = Map::new();
    p.insert("idSite".into(), Value::from(id_site));
    let saved = match answer(&call.user, "SegmentEditor.getAll", &p) {
        Some(Ok(Value::Array(s))) => s,
        _ => Vec::new(),
    };
    Ok(saved.iter().any(|s| {
        let d = s["definition"].as_str().unwrap_or_default();
        d == definition || percent_decode(d) == decoded
    }))
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(b) = s.get(i + 1..i + 3).and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            out.push(b);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}
