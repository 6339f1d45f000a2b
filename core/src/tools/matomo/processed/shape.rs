//! A processed report as compact rows: column names once, rows as arrays, per-period groups for
//! multi-period answers; and the byte budget that drops whole rows from the end.

use serde_json::{Map, Value, json};

/// Row metadata worth a model's tokens: drill-down segment, page URL, subtable id.
pub const KEPT_ROW_METADATA: [&str; 3] = ["segment", "url", "idsubdatatable"];

/// Rows of one period (or of the only period).
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    pub period: Option<String>,
    pub rows: Vec<Map<String, Value>>,
}

fn rows_of(data: &Value, metadata: Option<&Value>) -> Vec<Map<String, Value>> {
    let meta_at = |i: usize| -> Option<&Map<String, Value>> {
        match metadata {
            Some(Value::Array(m)) => m.get(i).and_then(Value::as_object),
            Some(Value::Object(m)) if i == 0 => Some(m),
            _ => None,
        }
    };
    let with_meta = |i: usize, row: &Map<String, Value>| {
        let mut row = row.clone();
        if let Some(meta) = meta_at(i) {
            for k in KEPT_ROW_METADATA {
                if let Some(v) = meta.get(k) {
                    row.entry(k.to_string()).or_insert_with(|| v.clone());
                }
            }
        }
        row
    };
    match data {
        Value::Array(rows) => rows
            .iter()
            .enumerate()
            .filter_map(|(i, r)| r.as_object().map(|r| with_meta(i, r)))
            .collect(),
        // a report without dimension (VisitsSummary.get) is one row of metrics
        Value::Object(row) if !row.is_empty() => vec![with_meta(0, row)],
        _ => Vec::new(),
    }
}

/// A multi-period answer is an object keyed by period whose values are tables or rows; a
/// one-row report is an object whose values are the metrics themselves (scalars).
fn is_multi_period(data: &Value) -> bool {
    matches!(data, Value::Object(m) if !m.is_empty() && m.values().all(|v| v.is_array() || v.is_object()))
}

pub fn groups(report_data: &Value, report_metadata: Option<&Value>) -> Vec<Group> {
    if is_multi_period(report_data) {
        let data = report_data.as_object().cloned().unwrap_or_default();
        data.iter()
            .map(|(period, table)| Group {
                period: Some(period.clone()),
                rows: rows_of(table, report_metadata.and_then(|m| m.get(period))),
            })
            .collect()
    } else {
        vec![Group {
            period: None,
            rows: rows_of(report_data, report_metadata),
        }]
    }
}

/// Column order: Matomo's display columns first, then anything else the rows carry.
pub fn column_order(display: &Map<String, Value>, groups: &[Group]) -> Vec<String> {
    let mut columns: Vec<String> = Vec::new();
    if groups.iter().any(|g| g.period.is_some()) {
        columns.push("period".into());
    }
    columns.extend(display.keys().cloned());
    for g in groups {
        for row in &g.rows {
            for k in row.keys() {
                if !columns.contains(k) {
                    columns.push(k.clone());
                }
            }
        }
    }
    columns
}

/// The rows of every group, keeping the first `keep` of each, as arrays in column order.
pub fn compact_rows(groups: &[Group], columns: &[String], keep: usize) -> Vec<Value> {
    let mut out = Vec::new();
    for g in groups {
        for row in g.rows.iter().take(keep) {
            out.push(Value::Array(
                columns
                    .iter()
                    .map(|c| match (c.as_str(), &g.period) {
                        ("period", Some(p)) => json!(p),
                        _ => row.get(c).cloned().unwrap_or(Value::Null),
                    })
                    .collect(),
            ));
        }
    }
    out
}

/// Rows per group in the answer (the page size Matomo applied).
pub fn rows_per_group(groups: &[Group]) -> usize {
    groups.iter().map(|g| g.rows.len()).max().unwrap_or(0)
}

/// The largest `keep` in 0..=max for which `size(keep)` fits the budget (size grows with keep).
pub fn fit(max: usize, budget: usize, size: impl Fn(usize) -> usize) -> Option<usize> {
    if size(max) <= budget {
        return Some(max);
    }
    if size(0) > budget {
        return None;
    }
    let (mut lo, mut hi) = (0, max); // size(lo) fits, size(hi) does not
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        if size(mid) <= budget { lo = mid } else { hi = mid }
    }
    Some(lo)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_reports_keep_useful_row_metadata() {
        let data = json!([{"label": "docs", "nb_visits": 26}, {"label": "/pricing", "nb_visits": 23}]);
        let meta =
            json!([{"segment": "pageUrl=^x", "idsubdatatable": 2, "logo": "x.png"}, {"url": "https://a/pricing"}]);
        let g = groups(&data, Some(&meta));
        assert_eq!(g.len(), 1);
        assert_eq!(g[0].rows[0]["idsubdatatable"], 2);
        assert!(g[0].rows[0].get("logo").is_none());
        let display = json!({"label": "Page URL", "nb_visits": "Visits"})
            .as_object()
            .cloned()
            .expect("map");
        let cols = column_order(&display, &g);
        assert_eq!(cols, ["label", "nb_visits", "segment", "idsubdatatable", "url"]);
        assert_eq!(
            compact_rows(&g, &cols, 1),
            vec![json!(["docs", 26, "pageUrl=^x", 2, null])]
        );
    }

    #[test]
    fn single_row_and_multi_period_answers() {
        let one = groups(&json!({"nb_visits": 13, "bounce_rate": "15%"}), Some(&json!([])));
        assert_eq!((one.len(), one[0].rows.len(), one[0].period.clone()), (1, 1, None));
        let multi = json!({"Thursday": {"nb_visits": 9}, "Friday": {"nb_visits": 13}, "Saturday": {}});
        let g = groups(&multi, None);
        assert_eq!(
            g.iter()
                .map(|x| x.period.clone().unwrap_or_default())
                .collect::<Vec<_>>(),
            ["Thursday", "Friday", "Saturday"]
        );
        assert_eq!(g[2].rows.len(), 0);
        let cols = column_order(&Map::new(), &g);
        assert_eq!(
            compact_rows(&g, &cols, 10),
            vec![json!(["Thursday", 9]), json!(["Friday", 13])]
        );
        let tables = json!({"2026-11-01": [{"label": "a", "v": 1}, {"label": "b", "v": 2}], "2026-11-02": [{"label": "a", "v": 3}]});
        let g = groups(&tables, None);
        assert_eq!(rows_per_group(&g), 2);
        assert_eq!(compact_rows(&g, &column_order(&Map::new(), &g), 1).len(), 2);
    }

    #[test]
    fn fit_finds_the_largest_page_within_budget() {
        let size = |k: usize| 100 + 10 * k;
        assert_eq!(fit(50, 1000, size), Some(50));
        assert_eq!(fit(500, 1000, size), Some(90));
        assert_eq!(fit(5, 50, size), None);
        assert_eq!(fit(0, 100, size), Some(0));
    }
}
