//! Raw API answers within the same bounds as report answers: at most `filter_limit` rows
//! (default 100, at most 1000) and `max_bytes` of JSON, with a continuation. Matomo applies
//! `filter_limit`/`filter_offset` to every list it returns (DataTables by its Limit filter,
//! plain lists in `ResponseBuilder::handleArray`), so the next page is the same call with
//! `parameters.filter_offset` set to `pagination.next_filter_offset`.

use crate::tools::ToolError;
use crate::tools::matomo::processed::{DEFAULT_MAX_BYTES, MAX_MAX_BYTES, MIN_MAX_BYTES};
use serde_json::{Map, Value, json};

pub const DEFAULT_LIMIT: u64 = 100;
pub const MAX_LIMIT: u64 = 1000;

/// The page the caller asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub limit: usize,
    pub offset: usize,
    pub max_bytes: usize,
}

/// An integer parameter as Matomo reads it: a JSON number or a numeric string.
fn integer(v: &Value) -> Option<i64> {
    v.as_i64().or_else(|| v.as_str().and_then(|s| s.trim().parse().ok()))
}

/// Reads the window from the call's `parameters` (and `max_bytes`), and asks Matomo for one row
/// more than the page: the extra row is how the answer knows, exactly, whether more follow.
pub fn ask_one_more(parameters: &mut Map<String, Value>, max_bytes: Option<&Value>) -> Result<Window, ToolError> {
    let limit = match parameters.get("filter_limit") {
        None => DEFAULT_LIMIT,
        // Matomo's "all rows" (-1) is capped like any other large limit
        Some(v) => match integer(v) {
            Some(n) if n < 1 => MAX_LIMIT,
            Some(n) => (n as u64).min(MAX_LIMIT),
            None => {
                return Err(ToolError::new(
                    "parameters.filter_limit must be an integer (rows per page, at most 1000).",
                ));
            }
        },
    };
    let offset = match parameters.get("filter_offset") {
        None => 0,
        Some(v) => match integer(v) {
            Some(n) if n >= 0 => n as u64,
            _ => {
                return Err(ToolError::new(
                    "parameters.filter_offset must be a non-negative integer: pass pagination.next_filter_offset of the previous answer.",
                ));
            }
        },
    };
    let max_bytes = max_bytes
        .and_then(Value::as_u64)
        .unwrap_or(DEFAULT_MAX_BYTES)
        .clamp(MIN_MAX_BYTES, MAX_MAX_BYTES);
    parameters.insert("filter_limit".into(), json!(limit + 1));
    parameters.insert("filter_offset".into(), json!(offset));
    Ok(Window {
        limit: limit as usize,
        offset: offset as usize,
        max_bytes: max_bytes as usize,
    })
}

/// The row lists of a result: the result itself, or one list per period (a DataTable\Map).
/// Anything else (one record, a scalar) has no rows to page.
fn tables(result: &mut Value) -> Option<Vec<&mut Vec<Value>>> {
    match result {
        Value::Array(rows) => Some(vec![rows]),
        Value::Object(m) if !m.is_empty() && m.values().all(Value::is_array) => {
            Some(m.values_mut().filter_map(Value::as_array_mut).collect())
        }
        _ => None,
    }
}

fn size(v: &Value) -> usize {
    serde_json::to_vec(v).map_or(0, |b| b.len())
}

/// The answer `{result, resolvedMethod, pagination}` with the first rows of each table that fit
/// `max_bytes`; whole rows are left for the next page.
pub fn answer(mut result: Value, resolved: Value, window: Window, method: &str) -> Result<Value, ToolError> {
    let Some(mut lists) = tables(&mut result) else {
        let out = json!({"result": result, "resolvedMethod": resolved});
        let n = size(&out);
        return if n <= window.max_bytes {
            Ok(out)
        } else {
            Err(ToolError(format!(
                "The answer of {method} is {n} bytes, over max_bytes={}. Ask for less (a shorter period, showColumns, hideColumns) or raise max_bytes (up to {MAX_MAX_BYTES}).",
                window.max_bytes
            )))
        };
    };
    let more_in_matomo = lists.iter().any(|rows| rows.len() > window.limit);
    for rows in lists.iter_mut() {
        rows.truncate(window.limit);
    }
    let page_rows = lists.iter().map(|rows| rows.len()).max().unwrap_or(0);
    // each row is measured once; a list of k rows is its rows, k-1 commas and two brackets
    let row_sizes: Vec<Vec<usize>> = lists.iter().map(|rows| rows.iter().map(size).collect()).collect();
    let rows_bytes = |keep: usize| -> usize {
        row_sizes
            .iter()
            .map(|sizes| {
                let k = keep.min(sizes.len());
                sizes[..k].iter().sum::<usize>() + k.saturating_sub(1)
            })
            .sum()
    };
    drop(lists);
    let render = |result: Value, keep: usize| {
        let returned = keep.min(page_rows);
        let has_more = returned < page_rows || more_in_matomo;
        let total = (!more_in_matomo && returned == page_rows && (page_rows > 0 || window.offset == 0))
            .then_some(window.offset + page_rows);
        json!({
            "result": result,
            "resolvedMethod": resolved,
            "pagination": {
                "filter_limit": window.limit,
                "filter_offset": window.offset,
                "returned_rows": returned,
                "total_rows": total,
                "has_more": has_more,
                "next_filter_offset": if has_more { json!(window.offset + returned) } else { Value::Null },
                "trimmed_to_max_bytes": returned < page_rows,
                "max_bytes": window.max_bytes,
            },
        })
    };
    let mut empty = result.clone();
    for rows in tables(&mut empty).into_iter().flatten() {
        rows.clear();
    }
    // the frame's size with no rows, counted with the widest pagination numbers it can carry
    let frame = size(&render(empty, 0)) + 2 * 20;
    let keep = crate::tools::matomo::processed::fit(page_rows, window.max_bytes, |k| frame + rows_bytes(k)).ok_or_else(|| {
        ToolError(format!(
            "The answer of {method} does not fit max_bytes={} even without rows; raise max_bytes (up to {MAX_MAX_BYTES}).",
            window.max_bytes
        ))
    })?;
    if keep == 0 && page_rows > 0 {
        // an empty page would send the caller back to the same offset forever
        return Err(ToolError(format!(
            "One row of {method} is larger than max_bytes={}; raise max_bytes (up to {MAX_MAX_BYTES}) or ask for fewer columns (showColumns).",
            window.max_bytes
        )));
    }
    for rows in tables(&mut result).into_iter().flatten() {
        rows.truncate(keep);
    }
    Ok(render(result, keep))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn window(parameters: Value) -> Result<(Window, Map<String, Value>), ToolError> {
        let mut p = parameters.as_object().cloned().unwrap_or_default();
        ask_one_more(&mut p, None).map(|w| (w, p))
    }

    #[test]
    fn matomo_is_asked_for_one_row_more_than_the_page() {
        let (w, p) = window(json!({"idSite": 1})).expect("default");
        assert_eq!((w.limit, w.offset, p["filter_limit"].clone()), (100, 0, json!(101)));
        let (w, p) = window(json!({"filter_limit": "5", "filter_offset": 10})).expect("given");
        assert_eq!((w.limit, w.offset, p["filter_limit"].clone()), (5, 10, json!(6)));
        assert_eq!(window(json!({"filter_limit": -1})).expect("all").0.limit, 1000);
        assert_eq!(window(json!({"filter_limit": 50_000})).expect("big").0.limit, 1000);
        assert!(window(json!({"filter_offset": -3})).is_err());
        assert!(window(json!({"filter_limit": "many"})).is_err());
    }

    fn rows(n: usize) -> Value {
        Value::Array(
            (0..n)
                .map(|i| json!({"label": format!("/page/{i:04}"), "nb_hits": i}))
                .collect(),
        )
    }

    const W: Window = Window {
        limit: 5,
        offset: 10,
        max_bytes: 60_000,
    };

    #[test]
    fn pages_say_exactly_whether_more_rows_follow() {
        let more = answer(rows(6), json!({}), W, "Actions.getPageUrls").expect("page");
        let p = &more["pagination"];
        assert_eq!(more["result"].as_array().map(Vec::len), Some(5));
        assert_eq!(
            (p["has_more"].clone(), p["next_filter_offset"].clone()),
            (json!(true), json!(15))
        );
        assert!(p["total_rows"].is_null());
        let last = answer(rows(3), json!({}), W, "Actions.getPageUrls").expect("last page");
        let p = &last["pagination"];
        assert_eq!(
            (p["has_more"].clone(), p["total_rows"].clone()),
            (json!(false), json!(13))
        );
        assert!(p["next_filter_offset"].is_null());
    }

    #[test]
    fn whole_rows_are_left_for_the_next_page_within_max_bytes() {
        let w = Window {
            limit: 1000,
            offset: 0,
            max_bytes: 2_000,
        };
        let out = answer(
            rows(400),
            json!({"method": "Actions.getPageUrls"}),
            w,
            "Actions.getPageUrls",
        )
        .expect("page");
        let n = out.to_string().len();
        let returned = out["pagination"]["returned_rows"].as_u64().expect("n") as usize;
        assert!(n <= 2_000, "{n} bytes");
        assert!(returned > 10 && returned < 400, "{returned}");
        assert_eq!(out["pagination"]["next_filter_offset"], json!(returned));
        assert_eq!(out["pagination"]["trimmed_to_max_bytes"], json!(true));
        // per-period lists are cut alike
        let periods = json!({"2026-11-29": rows(300), "2026-11-30": rows(2)});
        let out = answer(periods, json!({}), w, "Actions.getPageUrls").expect("periods");
        assert!(out.to_string().len() <= 2_000);
        assert_eq!(out["result"]["2026-11-30"].as_array().map(Vec::len), Some(2));
    }

    #[test]
    fn a_record_over_the_budget_is_refused_with_what_to_do() {
        let w = Window {
            limit: 100,
            offset: 0,
            max_bytes: 2_000,
        };
        let wide = json!([{"label": "y".repeat(3_000)}]);
        let e = answer(wide, json!({}), w, "Actions.getPageTitles").expect_err("one row too big");
        assert!(
            e.0.contains("One row of Actions.getPageTitles is larger than max_bytes=2000"),
            "{}",
            e.0
        );
        let record = json!({"idsite": 1, "name": "x".repeat(3_000)});
        let e = answer(record, json!({}), w, "SitesManager.getSiteFromId").expect_err("too big");
        assert!(
            e.0.contains("over max_bytes=2000") && e.0.contains("raise max_bytes"),
            "{}",
            e.0
        );
        let small = answer(json!({"nb_visits": 3}), json!({}), w, "VisitsSummary.get").expect("small");
        assert!(small.get("pagination").is_none());
    }
}
