//! The answer of `matomo_report_processed`: the report in compact rows, the dates it covers,
//! pagination, and the byte budget that leaves whole rows for the next page.

use super::shape::{self, Group};
use crate::tools::dates::{Day, Resolved};
use crate::tools::reports;
use crate::tools::values::{int, text};
use serde_json::{Map, Value, json};

/// What the caller asked for the page.
pub struct Page<'a> {
    pub limit: u64,
    pub offset: u64,
    pub max_bytes: usize,
    pub segment: Option<&'a str>,
}

/// The period/date as asked and as resolved in the site's timezone.
pub struct Period<'a> {
    pub period: &'a str,
    pub date: &'a str,
    pub resolved: Option<Resolved>,
    pub timezone: &'a str,
    pub today: Day,
}

pub struct Answer<'a> {
    report: &'a Value,
    groups: Vec<Group>,
    display: Map<String, Value>,
    columns: Vec<String>,
    page_rows: usize,
    total_rows: usize,
    totals: Value,
    period: Value,
    page: Page<'a>,
}

impl<'a> Answer<'a> {
    /// `None` when Matomo's answer has no report data at all.
    pub fn new(report: &'a Value, data: &Value, page: Page<'a>, period: Period) -> Option<Self> {
        let groups = shape::groups(data.get("reportData")?, data.get("reportMetadata"));
        let display = data
            .get("columns")
            .and_then(Value::as_object)
            .cloned()
            .unwrap_or_default();
        let columns = shape::column_order(&display, &groups);
        let page_rows = shape::rows_per_group(&groups);
        // Matomo's rows-before-limit when it told us, else what this page shows
        let total_rows =
            int(data.get("reportData@total_rows")).map_or(page.offset as usize + page_rows, |n| n.max(0) as usize);
        let totals = data
            .get("reportTotal")
            .and_then(Value::as_object)
            .map_or(Value::Null, |t| {
                Value::Object(
                    t.iter()
                        .filter(|(k, _)| display.contains_key(*k))
                        .map(|(k, v)| (k.clone(), v.clone()))
                        .collect(),
                )
            });
        let label = text(data.get("prettyDate"));
        let period = match &period.resolved {
            Some(r) => {
                let mut p = r.to_json(period.timezone, period.today);
                p["period"] = json!(period.period);
                p["date"] = json!(period.date);
                p["label"] = json!(label);
                p
            }
            None => json!({"period": period.period, "date": period.date, "ranges": [], "timezone": period.timezone,
                           "site_today": period.today.to_string(), "in_progress": Value::Null, "label": label}),
        };
        Some(Self {
            report,
            groups,
            display,
            columns,
            page_rows,
            total_rows,
            totals,
            period,
            page,
        })
    }

    pub fn is_empty(&self) -> bool {
        self.page_rows == 0
    }

    /// The answer with the first `keep` rows of each period (and the metric documentation).
    fn render(&self, keep: usize, with_docs: bool) -> Value {
        let returned = keep.min(self.page_rows);
        let next = self.page.offset as usize + returned;
        let has_more = next < self.total_rows;
        let meta = |k: &str| self.report.get(k).cloned().unwrap_or(Value::Null);
        let mut report = json!({
            "uniqueId": text(self.report.get("uniqueId")),
            "name": text(self.report.get("name")),
            "category": text(self.report.get("category")),
            "dimension": meta("dimension"),
            "columns": self.columns,
            "column_names": Value::Object(self.display.clone()),
            "rows": shape::compact_rows(&self.groups, &self.columns, keep),
            "totals": self.totals,
        });
        if with_docs {
            report["metrics_documentation"] = Some(meta("metricsDocumentation"))
                .filter(Value::is_object)
                .unwrap_or_else(|| json!({}));
        }
        json!({
            "report": report,
            "period": self.period,
            "segment": self.page.segment,
            "pagination": {
                "filter_limit": self.page.limit,
                "filter_offset": self.page.offset,
                "returned_rows": returned,
                "total_rows": self.total_rows,
                "has_more": has_more,
                "next_filter_offset": if has_more { json!(next) } else { Value::Null },
                "trimmed_to_max_bytes": returned < self.page_rows,
                "max_bytes": self.page.max_bytes,
            },
            "resolvedReport": {
                "uniqueId": text(self.report.get("uniqueId")),
                "apiModule": text(self.report.get("module")),
                "apiAction": text(self.report.get("action")),
                "apiParameters": reports::parameters(self.report),
            },
        })
    }

    /// The most rows that fit `max_bytes` (dropping the metric documentation only if even no
    /// row fits with it); `None` when the bare description is already too large.
    pub fn within_budget(&self) -> Option<Value> {
        let size = |keep: usize, docs: bool| self.render(keep, docs).to_string().len();
        let budget = self.page.max_bytes;
        shape::fit(self.page_rows, budget, |k| size(k, true))
            .map(|k| self.render(k, true))
            .or_else(|| shape::fit(self.page_rows, budget, |k| size(k, false)).map(|k| self.render(k, false)))
    }
}
