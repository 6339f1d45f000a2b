//! `matomo_report_processed`: a report's data for a period and date, paginated, within a byte
//! budget, in compact rows, with the exact dates it covers.

mod answer;
mod cells;
pub(super) mod page_timing;
mod params;
mod shape;

pub use shape::fit;

use crate::host::{ApiErrorKind, LogLevel};
use crate::tools::kit::values::{flag, int, text};
use crate::tools::matomo::common::{id_schema, site_param};
use crate::tools::matomo::dates;
use crate::tools::matomo::reports::{self, Selector};
use crate::tools::{Annotations, Availability, Tool, ToolContext, ToolError, ToolResult};
use serde_json::{Map, Value, json};

pub const DEFAULT_LIMIT: u64 = 50;
pub const MAX_LIMIT: u64 = 250;
pub const DEFAULT_MAX_BYTES: u64 = 60_000;
pub const MAX_MAX_BYTES: u64 = 200_000;
pub const MIN_MAX_BYTES: u64 = 2_000;

const DATE_FORMS: &str = "Use date YYYY-MM-DD, today, yesterday, lastN or previousN (N periods up to, or before, the current one), or start,end such as 2026-11-01,2026-11-30 (with period range for one total, or day/week/month/year for one row set per period).";
/// Matomo's refusal of a report it does not have for the site (`ProcessedReport`, 5.1).
const UNKNOWN_REPORT: &str = "not found in the list of available reports";
const SITE_NOT_FOUND: &str =
    "Site not found or access denied. Use matomo_site_list to see the sites this user can read.";
const SEGMENT_NOT_PREPROCESSED: &str = "Segment is not allowed in this Matomo configuration: this Matomo only reports segments that it pre-processes (browser archiving of segments is disabled), and this definition is not one of them. Use matomo_segment_list and pass a saved segment's definition exactly, or ask the administrator to save this segment with pre-processing.";
const SEGMENT_UNKNOWN_FIELD: &str = "Segment expression names a field this Matomo does not provide. Use matomo_segment_list to see the available segment fields.";
const SEGMENT_SYNTAX: &str = "Segment expression is not valid. Write conditions as field operator value (operators == != <= >= < > =@ !@ =^ =$), join them with ; for AND and , for OR, and URL-encode values. Use matomo_segment_list for working examples.";

/// The arguments after validation, in the shape the steps below use.
struct Request<'a> {
    id_site: i64,
    period: &'a str,
    date: String,
    segment: Option<&'a str>,
    limit: u64,
    offset: u64,
    max_bytes: usize,
}

fn str_arg<'a>(args: &'a Map<String, Value>, k: &str) -> Option<&'a str> {
    args.get(k)
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

fn invalid_period(period: &str) -> ToolError {
    ToolError(format!(
        "Invalid period '{}'. Use one of day, week, month, year or range.",
        crate::util::printable(&period.chars().take(40).collect::<String>())
    ))
}

fn invalid_date(date: &str, period: &str) -> ToolError {
    let shown = crate::util::printable(&date.chars().take(60).collect::<String>());
    let range_hint = if period.eq_ignore_ascii_case("range") && !date.contains(',') {
        " Period range needs lastN, previousN or start,end."
    } else {
        ""
    };
    ToolError(format!(
        "Invalid date '{shown}' for period {period}.{range_hint} {DATE_FORMS}"
    ))
}

fn read_request(args: &Map<String, Value>) -> Result<Request<'_>, ToolError> {
    let (id_site, _) = site_param(args)?;
    let period = str_arg(args, "period").ok_or_else(|| invalid_period(""))?;
    if dates::Period::parse(period).is_none() {
        return Err(invalid_period(period));
    }
    let date = dates::expand_shorthand(period, str_arg(args, "date").ok_or_else(|| invalid_date("", period))?);
    let num = |k: &str, default: u64| args.get(k).and_then(Value::as_u64).unwrap_or(default);
    Ok(Request {
        id_site,
        period,
        date,
        segment: str_arg(args, "segment"),
        limit: num("filter_limit", DEFAULT_LIMIT).clamp(1, MAX_LIMIT),
        offset: num("filter_offset", 0),
        max_bytes: num("max_bytes", DEFAULT_MAX_BYTES).clamp(MIN_MAX_BYTES, MAX_MAX_BYTES) as usize,
    })
}

/// The site's timezone and today there, as Matomo reads it (for the resolved ranges and "in
/// progress").
fn site_clock(ctx: &ToolContext, id_site: i64) -> Result<(String, dates::SiteToday), ToolError> {
    let mut p = Map::new();
    p.insert("idSite".into(), json!(id_site));
    let site = match ctx.host.call_api("SitesManager.getSiteFromId", &p) {
        Ok(site) if int(site.get("idsite")) == Some(id_site) => site,
        Ok(_) => return Err(ToolError::new(SITE_NOT_FOUND)),
        Err(e) if matches!(e.kind, ApiErrorKind::NoAccess | ApiErrorKind::Rejected) => {
            return Err(ToolError::new(SITE_NOT_FOUND));
        }
        Err(e) => return Err(reports::FAILURES.other(ctx, "SitesManager.getSiteFromId", &e)),
    };
    let tz = text(site.get("timezone"));
    let today = dates::SiteToday::of(ctx.host, &tz).ok_or_else(|| ToolError::new(reports::FAILURES.failed))?;
    Ok((tz, today))
}

/// The report to ask Matomo for, named without the catalogue: a reportUniqueId is Matomo's
/// `Module_action[_param--value...]`, module/action come with their own parameters. With
/// module/action, a top-level idGoal (Goals) or idDimension (CustomDimensions) selects the
/// variant, as `Goals_get_idGoal--1` does.
fn named_report(args: &Map<String, Value>, specific: &Map<String, Value>) -> Result<Option<Value>, ToolError> {
    let (module, action, mut parameters) = match reports::selector_of(args, specific)? {
        Selector::UniqueId(id) => match reports::decode_unique_id(id) {
            Some(named) => named,
            None => return Ok(None),
        },
        Selector::ModuleAction {
            module,
            action,
            specific,
        } => (module.to_string(), action.to_string(), specific.clone()),
    };
    for (key, owner) in [("idGoal", "Goals"), ("idDimension", "CustomDimensions")] {
        if module == owner
            && let Some(v) = args.get(key)
        {
            parameters.entry(key.to_string()).or_insert_with(|| v.clone());
        }
    }
    Ok(Some(
        json!({"module": module, "action": action, "parameters": parameters}),
    ))
}

/// The report as the catalogue names it (case-insensitive ids, variants falling back to the
/// plain report): only when Matomo did not know the report by the name the caller gave.
fn catalogued_report(
    ctx: &ToolContext,
    args: &Map<String, Value>,
    req: &Request,
    specific: &Map<String, Value>,
) -> Result<Value, ToolError> {
    let selector = reports::selector_of(args, specific)?;
    let all = reports::fetch_reports(ctx, req.id_site, Some((req.period, &req.date)), false)?;
    if let Selector::ModuleAction {
        module,
        action,
        specific,
    } = &selector
    {
        let mut widened = (*specific).clone();
        for k in ["idGoal", "idDimension"] {
            if let Some(v) = args.get(k) {
                widened.entry(k.to_string()).or_insert_with(|| v.clone());
            }
        }
        if widened.len() > specific.len()
            && let Ok(report) = reports::select(
                &all,
                &Selector::ModuleAction {
                    module,
                    action,
                    specific: &widened,
                },
            )
        {
            return Ok(report.clone());
        }
    }
    reports::select(&all, &selector).cloned()
}

/// Whether Matomo will have data for the segment, by its own rule (`Segment::willBeArchived`).
fn check_segment(ctx: &ToolContext, id_site: i64, segment: &str) -> Result<(), ToolError> {
    match ctx.host.segment_archived(id_site, segment) {
        Ok(true) => Ok(()),
        Ok(false) => Err(ToolError::new(SEGMENT_NOT_PREPROCESSED)),
        Err(e) if e.kind == ApiErrorKind::NoAccess => Err(ToolError::new(SITE_NOT_FOUND)),
        Err(e) if e.kind == ApiErrorKind::Internal => Err(reports::FAILURES.other(ctx, "Segment", &e)),
        Err(e) => Err(segment_error(&e.message)),
    }
}

fn segment_error(message: &str) -> ToolError {
    let m = message.to_ascii_lowercase();
    ToolError::new(
        if m.contains("not a supported segment") || m.contains("not found") || m.contains("unknown") {
            SEGMENT_UNKNOWN_FIELD
        } else {
            SEGMENT_SYNTAX
        },
    )
}

/// Database failures reach `getProcessedReport`'s callers re-wrapped as a plain message.
fn is_database_failure(message: &str) -> bool {
    [
        "SQLSTATE",
        "Zend_Db",
        "mysqli",
        "PDOException",
        "MySQL server has gone away",
    ]
    .iter()
    .any(|needle| message.contains(needle))
}

/// Turns Matomo's refusal into something a model can act on, without echoing its input.
fn explain_failure(ctx: &ToolContext, req: &Request, message: &str) -> ToolError {
    if is_database_failure(message) {
        return reports::FAILURES.other(ctx, "API.getProcessedReport", &crate::host::ApiError::internal(message));
    }
    let m = message.to_ascii_lowercase();
    if m.contains("period") && (m.contains("not supported") || m.contains("invalid")) {
        return invalid_period(req.period);
    }
    if m.contains("date") && (m.contains("format") || m.contains("invalid") || m.contains("date range")) {
        return invalid_date(&req.date, req.period);
    }
    if req.segment.is_some() && m.contains("segment") {
        return segment_error(message);
    }
    if m.contains(UNKNOWN_REPORT) {
        return ToolError::new(reports::NOT_FOUND);
    }
    ctx.host.log(
        LogLevel::Warning,
        &format!("{}: API.getProcessedReport failed: {message}", ctx.tool_name),
    );
    ToolError::new(reports::FAILURES.failed)
}

/// The parameters of the `API.getProcessedReport` call for the selected report.
fn call_parameters(
    args: &Map<String, Value>,
    req: &Request,
    report: &Value,
    generic: &Map<String, Value>,
) -> Result<Map<String, Value>, ToolError> {
    let own_parameters = reports::parameters(report);
    let mut call = generic.clone();
    call.insert("idSite".into(), json!(req.id_site));
    call.insert("period".into(), json!(req.period));
    call.insert("date".into(), json!(req.date));
    call.insert("apiModule".into(), report["module"].clone());
    call.insert("apiAction".into(), report["action"].clone());
    // the report variant's own parameters (idGoal, idDimension) are also bound by name
    for (k, v) in own_parameters.as_object().into_iter().flatten() {
        call.insert(k.clone(), v.clone());
    }
    call.insert("apiParameters".into(), own_parameters);
    if let Some(segment) = req.segment {
        call.insert("segment".into(), json!(segment));
    }
    if let Some(id) = int(args.get("idSubtable")) {
        call.insert("idSubtable".into(), json!(id));
    }
    if let Some(mode) = str_arg(args, "goalMetricsMode") {
        let method = format!("{}.{}", text(report.get("module")), text(report.get("action")));
        let process_goals = args.get("goalMetricsProcessGoals").and_then(Value::as_array);
        call.extend(params::goal_request(mode, &method, args.get("idGoal"), process_goals)?);
    }
    if page_timing::applies(report) {
        call.insert("showRawMetrics".into(), json!(1));
    }
    call.insert("showTimer".into(), json!(0));
    call.insert("hideMetricsDoc".into(), json!(1));
    // one row more than the page: Matomo drops the row count before the limit for a single
    // period, so the extra row is how the answer knows, exactly, whether more rows follow
    call.insert("filter_limit".into(), json!(req.limit + 1));
    call.insert("filter_offset".into(), json!(req.offset));
    Ok(call)
}

/// `API.getProcessedReport` for the report; `None` when Matomo does not know a report by that name.
fn processed_data(
    ctx: &ToolContext,
    args: &Map<String, Value>,
    req: &Request,
    report: &Value,
    generic: &Map<String, Value>,
) -> Result<Option<Value>, ToolError> {
    let call = call_parameters(args, req, report, generic)?;
    match ctx.host.call_api("API.getProcessedReport", &call) {
        Ok(data) => Ok(Some(data)),
        Err(e) if e.kind == ApiErrorKind::NoAccess => Err(ToolError::new(SITE_NOT_FOUND)),
        Err(e) if matches!(e.kind, ApiErrorKind::Internal | ApiErrorKind::TooLarge) => {
            Err(reports::FAILURES.other(ctx, "API.getProcessedReport", &e))
        }
        Err(e) if e.message.contains(UNKNOWN_REPORT) => Ok(None),
        Err(e) => Err(explain_failure(ctx, req, &e.message)),
    }
}

/// The catalogue's report and its data, for a name Matomo did not know as given.
fn from_catalogue(
    ctx: &ToolContext,
    args: &Map<String, Value>,
    req: &Request,
    split: &params::Split,
) -> Result<(Value, Value), ToolError> {
    let report = catalogued_report(ctx, args, req, &split.specific)?;
    let data =
        processed_data(ctx, args, req, &report, &split.generic)?.ok_or_else(|| ToolError::new(reports::NOT_FOUND))?;
    Ok((report, data))
}

fn report_processed(ctx: &ToolContext, args: &Map<String, Value>) -> ToolResult {
    let req = read_request(args)?;
    let api_parameters = match args.get("apiParameters") {
        Some(Value::Object(p)) => p.clone(),
        _ => Map::new(),
    };
    let split = params::split(&api_parameters)?;
    let (timezone, today) = site_clock(ctx, req.id_site)?;
    let resolved = dates::resolve(req.period, &req.date, today).ok_or_else(|| invalid_date(&req.date, req.period))?;
    if let Some(segment) = req.segment {
        check_segment(ctx, req.id_site, segment)?;
    }
    // one Matomo call for the data: the report's metadata comes with it
    let (report, data) = match named_report(args, &split.specific)? {
        Some(named) => match processed_data(ctx, args, &req, &named, &split.generic)? {
            Some(data) => (named, data),
            None => from_catalogue(ctx, args, &req, &split)?,
        },
        None => from_catalogue(ctx, args, &req, &split)?,
    };
    let report = match data.get("metadata") {
        Some(Value::Object(meta)) => {
            let mut meta = meta.clone();
            meta.entry("parameters").or_insert_with(|| report["parameters"].clone());
            Value::Object(meta)
        }
        _ => report,
    };
    if flag(report.get("isSubtableReport")) && int(args.get("idSubtable")).is_none_or(|n| n < 1) {
        return Err(ToolError::new(
            "Selected subtable report requires idSubtable. First query the parent report and use a returned row's idsubdatatable.",
        ));
    }
    let page = answer::Page {
        limit: req.limit,
        offset: req.offset,
        max_bytes: req.max_bytes,
        segment: req.segment,
    };
    let period = answer::Period {
        period: req.period,
        date: &req.date,
        resolved,
        timezone: &timezone,
        today,
    };
    let shaped =
        answer::Answer::new(&report, &data, page, period).ok_or_else(|| ToolError::new("Report data is invalid."))?;
    shaped.within_budget().ok_or_else(|| {
        ToolError(format!(
            "Not even one row of the report fits max_bytes={}; raise max_bytes (up to {MAX_MAX_BYTES}).",
            req.max_bytes
        ))
    })
}

fn input_schema() -> Value {
    let mut props = reports::selector_properties();
    let p = props.as_object_mut().expect("selector properties are an object");
    p.insert("idSite".into(), id_schema("Matomo site id."));
    p.insert("period".into(), json!({"type": "string", "minLength": 1, "description": "day, week, month, year or range (one total over the dates)."}));
    p.insert("date".into(), json!({"type": "string", "minLength": 1, "description": "In the site's timezone: YYYY-MM-DD, today, yesterday, lastN, previousN (one row set per period) or start,end."}));
    p.insert(
        "segment".into(),
        json!({"type": "string", "description": "e.g. deviceType==smartphone (see matomo_segment_list)."}),
    );
    p.insert("goalMetricsMode".into(), json!({"type": "string", "enum": params::GOAL_MODES, "description": "Add goal conversion metrics to the rows."}));
    p.insert("goalMetricsProcessGoals".into(), json!({"type": "array", "items": {"type": ["integer", "string"]}, "description": "Goal ids, ecommerceOrder or ecommerceAbandonedCart (default: all)."}));
    p.insert(
        "idGoal".into(),
        json!({"type": ["integer", "string"], "description": "Goal id, ecommerceOrder or ecommerceAbandonedCart."}),
    );
    p.insert(
        "idDimension".into(),
        json!({"type": "integer", "minimum": 1, "description": "Custom dimension id."}),
    );
    p.insert(
        "idSubtable".into(),
        json!({"type": "integer", "minimum": 1, "description": "A row's idsubdatatable: the rows under it."}),
    );
    p.insert("filter_limit".into(), json!({"type": "integer", "minimum": 1, "maximum": MAX_LIMIT, "default": DEFAULT_LIMIT, "description": "Rows per page."}));
    p.insert("filter_offset".into(), json!({"type": "integer", "minimum": 0, "default": 0, "description": "pagination.next_filter_offset for the next page."}));
    p.insert("max_bytes".into(), json!({"type": "integer", "minimum": MIN_MAX_BYTES, "maximum": MAX_MAX_BYTES, "default": DEFAULT_MAX_BYTES, "description": "Answer size budget (JSON bytes)."}));
    let mut schema = json!({"type": "object", "properties": props, "required": ["idSite", "period", "date"], "additionalProperties": false});
    reports::add_selector_rules(&mut schema);
    schema
}

fn output_schema() -> Value {
    let range = json!({"type": "object", "properties": {"start": {"type": "string"}, "end": {"type": "string"}}, "required": ["start", "end"]});
    json!({
        "type": "object",
        "properties": {
            "report": {"type": "object", "properties": {
                "uniqueId": {"type": "string"}, "name": {"type": "string"}, "category": {"type": "string"},
                "columns": {"type": "array", "items": {"type": "string"}},
                "column_names": {"type": "object"},
                "column_units": {"type": "object", "additionalProperties": {"type": "string"}},
                "rows": {"type": "array", "items": {"type": "array"}},
                "totals": {"type": ["object", "null"]},
            }, "required": ["uniqueId", "name", "columns", "rows"]},
            "period": {"type": "object", "properties": {
                "period": {"type": "string"}, "date": {"type": "string"},
                "ranges": {"type": "array", "items": range},
                "timezone": {"type": "string"}, "site_today": {"type": "string"},
                "in_progress": {"type": ["boolean", "null"]}, "label": {"type": "string"},
            }, "required": ["period", "date", "ranges", "timezone", "in_progress"]},
            "segment": {"type": ["string", "null"]},
            "pagination": {"type": "object", "properties": {
                "filter_limit": {"type": "integer"}, "filter_offset": {"type": "integer"},
                "returned_rows": {"type": "integer"}, "total_rows": {"type": ["integer", "null"]},
                "has_more": {"type": "boolean"}, "next_filter_offset": {"type": ["integer", "null"]},
                "trimmed_to_max_bytes": {"type": "boolean"}, "max_bytes": {"type": "integer"},
            }, "required": ["filter_limit", "filter_offset", "returned_rows", "total_rows", "has_more", "next_filter_offset"]},
            "resolvedReport": {"type": "object", "properties": {
                "uniqueId": {"type": "string"}, "apiModule": {"type": "string"}, "apiAction": {"type": "string"},
                "apiParameters": {"type": "object"},
            }, "required": ["uniqueId", "apiModule", "apiAction", "apiParameters"]},
        },
        "required": ["report", "period", "pagination", "resolvedReport"],
    })
}

pub fn tools() -> Vec<Tool> {
    vec![Tool {
        name: "matomo_report_processed",
        title: "Get report data",
        description: "Use when: you need numbers (visits, pages, referrers, devices, countries, goals, ecommerce, page load times...) for a site, period and date.\n\
            Purpose: one report's rows (columns once, rows as arrays), totals, the date ranges covered in the site's timezone and whether the period is in progress. Page URL/title reports include each page's load times.\n\
            Next: pagination.next_filter_offset for more rows; a row's segment to drill down; idSubtable with a row's idsubdatatable; date lastN to compare periods.\n\
            Do not use: before matomo_report_list.",
        input_schema: input_schema(),
        output_schema: output_schema(),
        annotations: Annotations::READ_ONLY,
        available: Availability::Always,
        handler: report_processed,
        repair: reports::repair::processed_arguments,
        ui: Some(crate::apps::REPORT_CHART),
    }]
}

#[cfg(test)]
mod tests;
