//! The answer of `matomo_report_processed`: the report in compact rows, the dates it covers,
//! pagination, and the byte budget that leaves whole rows for the next page.

use super::cells::{self, NOT_METRICS};
use super::page_timing;
use super::shape::{self, Group};
use crate::tools::kit::values::{int, text};
use crate::tools::matomo::dates::{Resolved, SiteToday};
use crate::tools::matomo::reports;
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
    pub resolved: Resolved,
    pub timezone: &'a str,
    pub today: SiteToday,
}

pub struct Answer<'a> {
    report: &'a Value,
    groups: Vec<Group>,
    display: Map<String, Value>,
    columns: Vec<String>,
    units: Map<String, Value>,
    page_rows: usize,
    /// Matomo had rows after this page (it was asked for one row more than the page).
    more_in_matomo: bool,
    /// Rows before the limit, where Matomo keeps the count (each period of a multi-period answer).
    matomo_total: Option<usize>,
    totals: Value,
    period: Value,
    page: Page<'a>,
}

impl<'a> Answer<'a> {
    /// `None` when Matomo's answer has no report data at all.
    pub fn new(report: &'a Value, data: &Value, page: Page<'a>, period: Period) -> Option<Self> {
        let mut groups = shape::groups(data.get("reportData")?, data.get("reportMetadata"));
        let limit = page.limit as usize;
        let more_in_matomo = groups.iter().any(|g| g.rows.len() > limit);
        for g in &mut groups {
            g.rows.truncate(limit);
        }
        let mut display = data
            .get("columns")
            .and_then(Value::as_object)
            .cloned()
            .unwrap_or_default();
        let raw_timings = page_timing::applies(report);
        let mut units = Map::new();
        for g in &mut groups {
            for row in &mut g.rows {
                if raw_timings {
                    page_timing::keep_timings(row, &display, &shape::KEPT_ROW_METADATA);
                }
                typed_metrics(row, &mut units);
            }
        }
        let columns = shape::column_order(&display, &groups);
        for c in &columns {
            if let Some(name) = goal_column_name(c) {
                display.entry(c.clone()).or_insert(Value::String(name));
            }
        }
        page_timing::describe(&columns, &mut display, &mut units);
        let page_rows = shape::rows_per_group(&groups);
        let matomo_total = int(data.get("reportData@total_rows")).and_then(|n| usize::try_from(n).ok());
        let totals = data
            .get("reportTotal")
            .and_then(Value::as_object)
            .map_or(Value::Null, |t| {
                let mut kept: Map<String, Value> = t
                    .iter()
                    .filter(|(k, _)| display.contains_key(*k))
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect();
                typed_metrics(&mut kept, &mut units);
                Value::Object(kept)
            });
        let mut period_json = period.resolved.to_json(period.timezone, period.today);
        period_json["period"] = json!(period.period);
        period_json["date"] = json!(period.date);
        Some(Self {
            report,
            groups,
            display,
            columns,
            units,
            page_rows,
            more_in_matomo,
            matomo_total,
            totals,
            period: period_json,
            page,
        })
    }

    /// The number of rows of the report when it is known exactly: this page reached the end,
    /// or Matomo counted them (multi-period answers).
    fn total_rows(&self) -> Option<usize> {
        let offset = self.page.offset as usize;
        if !self.more_in_matomo {
            return (self.page_rows > 0 || offset == 0).then_some(offset + self.page_rows);
        }
        self.matomo_total.filter(|&n| n > offset + self.page_rows)
    }

    /// The answer with the first `keep` rows of each period.
    fn render(&self, keep: usize) -> Value {
        let returned = keep.min(self.page_rows);
        let next = self.page.offset as usize + returned;
        let has_more = returned < self.page_rows || self.more_in_matomo;
        let meta = |k: &str| self.report.get(k).cloned().unwrap_or(Value::Null);
        let report = json!({
            "uniqueId": text(self.report.get("uniqueId")),
            "name": text(self.report.get("name")),
            "category": text(self.report.get("category")),
            "dimension": meta("dimension"),
            "columns": self.columns,
            "column_names": Value::Object(self.display.clone()),
            "column_units": Value::Object(self.units.clone()),
            "rows": shape::compact_rows(&self.groups, &self.columns, keep),
            "totals": self.totals,
        });
        json!({
            "report": report,
            "period": self.period,
            "segment": self.page.segment,
            "pagination": {
                "filter_limit": self.page.limit,
                "filter_offset": self.page.offset,
                "returned_rows": returned,
                "total_rows": self.total_rows(),
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

    /// The most rows that fit `max_bytes`; `None` when not one row (or, for an empty page, not
    /// the bare description) fits: an empty page would send the caller back to the same offset
    /// forever. Each row is measured once; the answer is rendered once more to be sure.
    pub fn within_budget(&self) -> Option<Value> {
        let budget = self.page.max_bytes;
        let rows = shape::compact_rows(&self.groups, &self.columns, self.page_rows);
        // rows in answer order: group by group, so "the first k of each group" is a selection
        let mut per_group: Vec<Vec<usize>> = Vec::new();
        let mut sizes = rows.iter().map(|r| r.to_string().len());
        for g in &self.groups {
            per_group.push(sizes.by_ref().take(g.rows.len().min(self.page_rows)).collect());
        }
        let frame = self.render(0).to_string().len();
        // the pagination numbers grow by a few digits with the rows kept
        let size = |keep: usize| {
            let kept: Vec<usize> = per_group.iter().flat_map(|g| g.iter().take(keep).copied()).collect();
            frame + kept.iter().sum::<usize>() + kept.len().saturating_sub(1) + 24
        };
        let mut keep = shape::fit(self.page_rows, budget, size).filter(|&k| k >= self.page_rows.min(1))?;
        loop {
            let answer = self.render(keep);
            if answer.to_string().len() <= budget {
                return Some(answer);
            }
            if keep <= self.page_rows.min(1) {
                return None;
            }
            keep -= 1;
        }
    }
}

/// Metric cells of a row as numbers; the unit of each converted column is noted once.
fn typed_metrics(row: &mut Map<String, Value>, units: &mut Map<String, Value>) {
    for (column, cell) in row.iter_mut() {
        if NOT_METRICS.contains(&column.as_str()) {
            continue;
        }
        if let Some((number, unit)) = cells::number(cell) {
            *cell = number;
            if let Some(name) = unit.name() {
                units.entry(column.clone()).or_insert(Value::String(name));
            }
        }
    }
}

/// Matomo's `columns` leaves out the per-goal columns that goal metrics add
/// (`goal_1_conversion_rate`, `goal_ecommerceOrder_revenue`...): name them.
fn goal_column_name(column: &str) -> Option<String> {
    let rest = column.strip_prefix("goal_")?;
    let (goal, metric) = rest.split_once('_')?;
    let goal = match goal {
        "0" | "ecommerceOrder" => "Ecommerce orders".to_string(),
        "-1" | "ecommerceAbandonedCart" => "Abandoned carts".to_string(),
        id if id.bytes().all(|b| b.is_ascii_digit()) => format!("Goal {id}"),
        _ => return None,
    };
    let metric = match metric {
        "nb_conversions" => "conversions".to_string(),
        "conversion_rate" => "conversion rate".to_string(),
        "revenue" => "revenue".to_string(),
        "revenue_per_visit" => "revenue per visit".to_string(),
        "nb_conversions_attrib" => "attributed conversions".to_string(),
        "revenue_attrib" => "attributed revenue".to_string(),
        "nb_conversions_page_rate" => "conversion page rate".to_string(),
        "nb_conversions_entry_rate" => "conversion entry rate".to_string(),
        "revenue_per_entry" => "revenue per entry".to_string(),
        other => other.replace('_', " "),
    };
    Some(format!("{goal} {metric}"))
}
