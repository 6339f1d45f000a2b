//! Page load times per page. Matomo's PagePerformance plugin adds its averages to the rows of
//! the Actions page reports (`PagePerformance::enrichApi`), but `API.getProcessedReport` keeps
//! only a report's declared metrics unless `showRawMetrics=1`, which copies every other column
//! unformatted. For these reports the tool asks for the raw columns and keeps only the timings,
//! so "which pages load slowest" is one call.

use serde_json::{Map, Value};

/// `PagePerformance::$availableForMethods` in Matomo 5: the reports whose rows carry timings.
const PAGE_REPORTS: [&str; 8] = [
    "getPageUrls",
    "getEntryPageUrls",
    "getExitPageUrls",
    "getPageUrlsFollowingSiteSearch",
    "getPageTitles",
    "getEntryPageTitles",
    "getExitPageTitles",
    "getPageTitlesFollowingSiteSearch",
];

/// The per-row averages (seconds) and Matomo's names for them.
pub const COLUMNS: [(&str, &str); 7] = [
    ("avg_page_load_time", "Avg. page load time"),
    ("avg_time_network", "Avg. network time"),
    ("avg_time_server", "Avg. server time"),
    ("avg_time_transfer", "Avg. transfer time"),
    ("avg_time_dom_processing", "Avg. DOM processing time"),
    ("avg_time_dom_completion", "Avg. DOM completion time"),
    ("avg_time_on_load", "Avg. on load time"),
];

/// Whether rows of this report carry page timings (so the raw columns are worth asking for).
pub fn applies(report: &Value) -> bool {
    report.get("module").and_then(Value::as_str) == Some("Actions")
        && report
            .get("action")
            .and_then(Value::as_str)
            .is_some_and(|a| PAGE_REPORTS.contains(&a))
}

pub fn is_timing(column: &str) -> bool {
    COLUMNS.iter().any(|(c, _)| *c == column)
}

/// Keeps of the raw columns only the timings: the others (sums, counts per timing) are
/// Matomo's archive internals and would triple the answer for nothing a model reads. Timings
/// are rounded to milliseconds, the precision the tracker measures.
pub fn keep_timings(row: &mut Map<String, Value>, declared: &Map<String, Value>, kept_metadata: &[&str]) {
    row.retain(|k, _| {
        declared.contains_key(k) || kept_metadata.contains(&k.as_str()) || k.starts_with("goal_") || is_timing(k)
    });
    for (column, _) in COLUMNS {
        if let Some(v) = row.get_mut(column)
            && let Some(seconds) = v.as_f64()
        {
            *v = serde_json::json!((seconds * 1000.0).round() / 1000.0);
        }
    }
}

/// Names and units of the timing columns present in the answer.
pub fn describe(columns: &[String], names: &mut Map<String, Value>, units: &mut Map<String, Value>) {
    for (column, name) in COLUMNS {
        if columns.iter().any(|c| c == column) {
            names.entry(column.to_string()).or_insert_with(|| name.into());
            units.entry(column.to_string()).or_insert_with(|| "seconds".into());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn only_the_actions_page_reports_carry_timings() {
        assert!(applies(&json!({"module": "Actions", "action": "getEntryPageTitles"})));
        assert!(!applies(&json!({"module": "Actions", "action": "getDownloads"})));
        assert!(!applies(&json!({"module": "PagePerformance", "action": "get"})));
    }

    /// A row as `getProcessedReport` with `showRawMetrics=1` builds it
    /// (`ProcessedReport::handleSimpleDataTable`): the declared metrics formatted, every other
    /// column raw, including the archive's sums and PagePerformance's computed averages.
    #[test]
    fn raw_columns_are_reduced_to_the_timings() {
        let declared = json!({"label": "Page URL", "nb_hits": "Pageviews", "avg_time_on_page": "Avg. time on page"});
        let mut row = json!({
            "label": "/category/bags", "nb_hits": 26, "avg_time_on_page": "00:00:41",
            "sum_time_spent": 1066, "entry_nb_visits": 9, "sum_time_network": 312, "nb_hits_with_time_network": 26,
            "min_time_network": 3, "max_time_network": 40, "avg_time_network": 0.012,
            "avg_page_load_time": 2.0509999999999997, "goal_1_nb_conversions": 1, "segment": "pageUrl==x"
        })
        .as_object()
        .cloned()
        .expect("row");
        keep_timings(&mut row, declared.as_object().expect("map"), &["segment"]);
        let mut kept: Vec<&str> = row.keys().map(String::as_str).collect();
        kept.sort_unstable();
        assert_eq!(
            kept,
            [
                "avg_page_load_time",
                "avg_time_network",
                "avg_time_on_page",
                "goal_1_nb_conversions",
                "label",
                "nb_hits",
                "segment"
            ]
        );
        assert_eq!(row["avg_page_load_time"], json!(2.051));
        let (mut names, mut units) = (Map::new(), Map::new());
        describe(&["label".into(), "avg_page_load_time".into()], &mut names, &mut units);
        assert_eq!(names["avg_page_load_time"], "Avg. page load time");
        assert_eq!(units["avg_page_load_time"], "seconds");
        assert!(names.get("avg_time_server").is_none());
    }
}
