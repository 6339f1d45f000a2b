//! `matomo_report_list` and `matomo_report_metadata`, and the report lookup they share with
//! `matomo_report_processed`.

pub mod repair;

use crate::host::ApiErrorKind;
use crate::tools::kit::pagination::{self, Sort};
use crate::tools::kit::values::{flag, text};
use crate::tools::matomo::common::{Failures, id_schema, record_schema, site_param};
use crate::tools::matomo::processed::page_timing;
use crate::tools::{Annotations, Availability, Tool, ToolContext, ToolError, ToolResult};
use serde_json::{Map, Value, json};

const SORTS: [Sort; 4] = [
    Sort {
        token: "category_asc",
        fields: &["category", "name", "uniqueId"],
        descending: false,
    },
    Sort {
        token: "category_desc",
        fields: &["category", "name", "uniqueId"],
        descending: true,
    },
    Sort {
        token: "name_asc",
        fields: &["name", "uniqueId"],
        descending: false,
    },
    Sort {
        token: "name_desc",
        fields: &["name", "uniqueId"],
        descending: true,
    },
];
pub const FAILURES: Failures = Failures {
    failed: "Report retrieval failed.",
    plugin: None,
};
pub const NOT_FOUND: &str = "Report not found. Use matomo_report_list to see the reports of this site.";
pub const AMBIGUOUS: &str = "Multiple reports matched. Provide reportUniqueId.";
/// Image URLs carry the caller's token and mean nothing to a model.
const DROPPED_METADATA: [&str; 2] = ["imageGraphUrl", "imageGraphEvolutionUrl"];

/// Lower-case, without whitespace, dots, underscores and dashes: "page urls" finds
/// "Actions_getPageUrls" and "Page URLs".
pub fn search_key(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '.' | '_' | '-'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// A report matches by its name, category or id, or by the name of a metric it has: "page load
/// time" finds the reports that measure it, including the page reports whose rows carry
/// PagePerformance's timings (`with_timings`: that plugin is active) although their metadata
/// does not declare them.
fn search_finds(report: &Value, search: &str, with_timings: bool) -> bool {
    let metric_names = ["metrics", "processedMetrics"]
        .iter()
        .filter_map(|k| report.get(*k).and_then(Value::as_object))
        .flat_map(|m| m.values())
        .map(|v| text(Some(v)));
    let timing_names = page_timing::COLUMNS
        .iter()
        .filter(|_| with_timings && page_timing::applies(report))
        .map(|(_, name)| name.to_string());
    ["name", "category", "uniqueId"]
        .iter()
        .map(|k| text(report.get(*k)))
        .chain(metric_names)
        .chain(timing_names)
        .any(|t| search_key(&t).contains(search))
}

/// Report parameters as an object (`{}` when Matomo has none or sends PHP's `[]`).
pub fn parameters(report: &Value) -> Value {
    match report.get("parameters") {
        Some(Value::Object(p)) => Value::Object(p.clone()),
        _ => json!({}),
    }
}

fn summary(report: &Value) -> Value {
    json!({
        "uniqueId": text(report.get("uniqueId")),
        "module": text(report.get("module")),
        "action": text(report.get("action")),
        "name": text(report.get("name")),
        "category": text(report.get("category")),
        "parameters": parameters(report),
    })
}

fn summary_props() -> Value {
    json!({
        "uniqueId": {"type": "string", "description": "Pass as reportUniqueId to matomo_report_processed."},
        "module": {"type": "string"},
        "action": {"type": "string"},
        "name": {"type": "string"},
        "category": {"type": "string"},
        "parameters": {"type": "object", "description": "Parameters that select this report variant (idGoal, idDimension...)."},
    })
}

/// `API.getReportMetadata` for a site, subtable reports included, metric documentation only
/// when the answer shows it. No access reads as "not found".
pub fn fetch_reports(
    ctx: &ToolContext,
    id_site: i64,
    period_date: Option<(&str, &str)>,
    with_docs: bool,
) -> Result<Vec<Value>, ToolError> {
    let mut params = Map::new();
    params.insert("idSite".into(), json!(id_site));
    params.insert("showSubtableReports".into(), json!(1));
    params.insert("hideMetricsDoc".into(), json!(if with_docs { 0 } else { 1 }));
    if let Some((period, date)) = period_date {
        params.insert("period".into(), json!(period));
        params.insert("date".into(), json!(date));
    }
    match ctx.host.call_api("API.getReportMetadata", &params) {
        Ok(Value::Array(reports)) => Ok(reports),
        Ok(Value::Object(map)) => Ok(map.into_iter().map(|(_, v)| v).collect()),
        Ok(_) => Err(ToolError::new(FAILURES.failed)),
        Err(e) if e.kind == ApiErrorKind::NoAccess => Err(ToolError::new(NOT_FOUND)),
        Err(e) => Err(FAILURES.other(ctx, "API.getReportMetadata", &e)),
    }
}

/// Matomo's `Module_action[_param--value...]` (`Goals_get_idGoal--1`) as module, action and
/// parameters; `None` when the id is not written that way.
pub fn decode_unique_id(id: &str) -> Option<(String, String, Map<String, Value>)> {
    let mut parts = id.split('_');
    let module = parts.next().filter(|m| !m.is_empty())?;
    let action = parts.next().filter(|a| !a.is_empty())?;
    let mut parameters = Map::new();
    for part in parts {
        let (key, value) = part.split_once("--")?;
        if key.is_empty() {
            return None;
        }
        parameters.insert(key.to_string(), Value::String(value.to_string()));
    }
    Some((module.to_string(), action.to_string(), parameters))
}

/// How a caller named the report.
pub enum Selector<'a> {
    UniqueId(&'a str),
    ModuleAction {
        module: &'a str,
        action: &'a str,
        specific: &'a Map<String, Value>,
    },
}

/// Scalars compare as text (Matomo hands ids as strings or numbers).
fn same_parameters(report: &Value, wanted: &Map<String, Value>) -> bool {
    let have = parameters(report);
    let have = have.as_object().cloned().unwrap_or_default();
    have.len() == wanted.len()
        && wanted
            .iter()
            .all(|(k, v)| have.get(k).is_some_and(|h| text(Some(h)) == text(Some(v))))
}

pub fn select<'r>(reports: &'r [Value], selector: &Selector) -> Result<&'r Value, ToolError> {
    let found: Vec<&Value> = match selector {
        Selector::UniqueId(id) => {
            let exact: Vec<&Value> = reports.iter().filter(|r| text(r.get("uniqueId")) == *id).collect();
            if exact.is_empty() {
                reports
                    .iter()
                    .filter(|r| text(r.get("uniqueId")).eq_ignore_ascii_case(id))
                    .collect()
            } else {
                exact
            }
        }
        Selector::ModuleAction {
            module,
            action,
            specific,
        } => {
            let candidates: Vec<&Value> = reports
                .iter()
                .filter(|r| {
                    text(r.get("module")).eq_ignore_ascii_case(module)
                        && text(r.get("action")).eq_ignore_ascii_case(action)
                })
                .collect();
            candidates
                .into_iter()
                .filter(|r| same_parameters(r, specific))
                .collect()
        }
    };
    match found.as_slice() {
        [one] => Ok(one),
        [] => Err(ToolError::new(NOT_FOUND)),
        _ => Err(ToolError::new(AMBIGUOUS)),
    }
}

/// The selector properties and rules shared by report_metadata and report_processed.
pub fn selector_properties() -> Value {
    json!({
        "reportUniqueId": {"type": "string", "minLength": 1, "maxLength": 256,
                           "description": "From matomo_report_list, e.g. Goals_get_idGoal--1."},
        "apiModule": {"type": "string", "minLength": 1, "maxLength": 256, "description": "With apiAction, instead of reportUniqueId."},
        "apiAction": {"type": "string", "minLength": 1, "maxLength": 256, "description": "With apiModule."},
        "apiParameters": {"type": "object", "additionalProperties": true,
                          "description": "flat, expanded, label, columns, filter_*, sort*, compare*; with apiModule/apiAction also the variant's own (idGoal...)."},
    })
}

/// reportUniqueId alone, or apiModule with apiAction: never both, never half a pair.
pub fn add_selector_rules(schema: &mut Value) {
    schema["anyOf"] = json!([{"required": ["reportUniqueId"]}, {"required": ["apiModule", "apiAction"]}]);
    schema["x-anyOf-message"] = json!("needs reportUniqueId, or apiModule together with apiAction");
    schema["not"] = json!({"anyOf": [{"required": ["reportUniqueId", "apiModule"]}, {"required": ["reportUniqueId", "apiAction"]}]});
    schema["x-not-message"] = json!("reportUniqueId cannot be combined with apiModule or apiAction");
}

fn report_list(ctx: &ToolContext, args: &Map<String, Value>) -> ToolResult {
    let (id, _) = site_param(args)?;
    let page = pagination::page_args(args, &SORTS)?;
    let search = args
        .get("search")
        .and_then(Value::as_str)
        .map(search_key)
        .unwrap_or_default();
    let reports = fetch_reports(ctx, id, None, false)?;
    let with_timings = reports.iter().any(|r| text(r.get("module")) == "PagePerformance");
    let rows = reports
        .iter()
        .filter(|r| search.is_empty() || search_finds(r, &search, with_timings))
        .map(summary)
        .collect();
    pagination::paginate(
        "reports",
        rows,
        &page,
        &pagination::context(ctx.tool_name, json!({"idSite": id, "search": search})),
    )
}

/// Reads the selector of validated arguments; report-specific apiParameters only with module/action.
pub fn selector_of<'a>(
    args: &'a Map<String, Value>,
    specific: &'a Map<String, Value>,
) -> Result<Selector<'a>, ToolError> {
    let str_arg = |k: &str| {
        args.get(k)
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|s| !s.is_empty())
    };
    match (str_arg("reportUniqueId"), str_arg("apiModule"), str_arg("apiAction")) {
        (Some(id), None, None) if specific.is_empty() => Ok(Selector::UniqueId(id)),
        (Some(_), None, None) => Err(ToolError::new(
            "Invalid parameter combination: reportUniqueId cannot be combined with apiModule, apiAction, or non-empty apiParameters.",
        )),
        (None, Some(module), Some(action)) => Ok(Selector::ModuleAction {
            module,
            action,
            specific,
        }),
        _ => Err(ToolError::new(
            "Provide reportUniqueId, or apiModule together with apiAction.",
        )),
    }
}

fn report_metadata(ctx: &ToolContext, args: &Map<String, Value>) -> ToolResult {
    let (id, _) = site_param(args)?;
    let specific = match args.get("apiParameters") {
        Some(Value::Object(p)) => p.clone(),
        _ => Map::new(),
    };
    let selector = selector_of(args, &specific)?;
    let period_date = match &selector {
        Selector::UniqueId(_) => None,
        Selector::ModuleAction { .. } => Some((
            args.get("period").and_then(Value::as_str).unwrap_or("day"),
            args.get("date").and_then(Value::as_str).unwrap_or("today"),
        )),
    };
    let reports = fetch_reports(ctx, id, period_date, true)?;
    let report = select(&reports, &selector)?;
    let mut metadata = report.as_object().cloned().unwrap_or_default();
    for k in DROPPED_METADATA {
        metadata.remove(k);
    }
    let subtable_action = match report.get("actionToLoadSubTables") {
        Some(Value::String(a)) if !a.is_empty() => json!(a),
        _ => Value::Null,
    };
    let mut out = summary(report);
    out["isSubtableReport"] = json!(flag(report.get("isSubtableReport")));
    out["actionToLoadSubTables"] = subtable_action;
    out["metadata"] = Value::Object(metadata);
    Ok(out)
}

pub fn tools() -> Vec<Tool> {
    let mut metadata_input = json!({
        "type": "object",
        "properties": selector_properties(),
        "required": ["idSite"],
        "additionalProperties": false,
    });
    metadata_input["properties"]["idSite"] = id_schema("Matomo site id.");
    metadata_input["properties"]["period"] =
        json!({"type": "string", "minLength": 1, "description": "For apiModule/apiAction (default day)."});
    metadata_input["properties"]["date"] =
        json!({"type": "string", "minLength": 1, "description": "For apiModule/apiAction (default today)."});
    add_selector_rules(&mut metadata_input);
    let mut list_props = pagination::schema_properties(&SORTS);
    list_props["idSite"] = id_schema("Matomo site id.");
    list_props["search"] = json!({"type": "string", "minLength": 1, "maxLength": 200,
                                  "description": "Words of a report name, category, id or metric."});
    let mut detail_props = summary_props();
    detail_props["isSubtableReport"] = json!({"type": "boolean"});
    detail_props["actionToLoadSubTables"] =
        json!({"type": ["string", "null"], "description": "Action of the report that holds the rows' subtables."});
    detail_props["metadata"] = json!({"type": "object", "description": "Matomo's report metadata: dimension, metrics and their documentation, related reports..."});
    vec![
        Tool {
            name: "matomo_report_list",
            title: "List reports",
            description: "Use when: you need a report's uniqueId (visits, pages, referrers, devices, goals, ecommerce, page speed...); search matches names, categories and metrics.\n\
                Next: matomo_report_processed with reportUniqueId.",
            input_schema: json!({"type": "object", "properties": list_props, "required": ["idSite"], "additionalProperties": false}),
            output_schema: pagination::envelope_schema("reports", record_schema(summary_props())),
            annotations: Annotations::READ_ONLY,
            available: Availability::Always,
            handler: report_list,
            repair: crate::tools::kit::tolerance::nothing,
            ui: None,
        },
        Tool {
            name: "matomo_report_metadata",
            title: "Get report metadata",
            description: "Use when: you need what a report measures: dimension, metrics and their definitions.\n\
                Next: matomo_report_processed for its data.",
            input_schema: metadata_input,
            output_schema: record_schema(detail_props),
            annotations: Annotations::READ_ONLY,
            available: Availability::Always,
            handler: report_metadata,
            repair: repair::metadata_arguments,
            ui: None,
        },
    ]
}

#[cfg(test)]
mod tests;
