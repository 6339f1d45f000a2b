//! `matomo_segment_list` and `matomo_segment_get`: saved segments usable for a site.

use crate::tools::kit::pagination::{self, Sort, name_or_id_sorts};
use crate::tools::kit::values::{flag, int, text};
use crate::tools::matomo::common::{Failures, fetch_rows, id_schema, record_schema, site_list_input, site_param};
use crate::tools::{Annotations, Availability, Tool, ToolContext, ToolError, ToolResult};
use serde_json::{Map, Value, json};

const SORTS: [Sort; 4] = name_or_id_sorts!("idsegment");
const FAILURES: Failures = Failures {
    failed: "Segment retrieval failed.",
    plugin: Some("SegmentEditor"),
};

fn summary_props() -> Value {
    json!({
        "idsegment": {"type": "integer"},
        "name": {"type": "string"},
        "definition": {"type": "string", "description": "Segment expression to pass as segment to report tools."},
        "idsite": {"type": ["integer", "null"], "description": "null: available on every site."},
    })
}

/// `enable_only_idsite` 0 means "all sites".
fn site_of(segment: &Value) -> Value {
    int(segment.get("enable_only_idsite"))
        .filter(|n| *n > 0)
        .map_or(Value::Null, Value::from)
}

fn summary(segment: &Value) -> Option<Value> {
    Some(json!({
        "idsegment": int(segment.get("idsegment"))?,
        "name": text(segment.get("name")),
        "definition": text(segment.get("definition")),
        "idsite": site_of(segment),
    }))
}

fn detail(segment: &Value) -> Option<Value> {
    let mut out = summary(segment)?;
    out["auto_archive"] = json!(flag(segment.get("auto_archive")));
    out["enabled_all_users"] = json!(flag(segment.get("enable_all_users")));
    out["login"] = json!(text(segment.get("login")));
    Some(out)
}

fn fetch(ctx: &ToolContext, args: &Map<String, Value>) -> Result<(i64, Vec<Value>), ToolError> {
    let (id, params) = site_param(args)?;
    let all = fetch_rows(ctx, "SegmentEditor.getAll", params, &FAILURES)?;
    Ok((id, all.into_iter().filter(|s| !flag(s.get("deleted"))).collect()))
}

fn segment_list(ctx: &ToolContext, args: &Map<String, Value>) -> ToolResult {
    let (id, _) = site_param(args)?;
    pagination::list_page(ctx, args, &SORTS, "segments", json!({"idSite": id}), || {
        let (_, segments) = fetch(ctx, args)?;
        Ok(segments.iter().filter_map(summary).collect())
    })
}

/// Exactly one selector is allowed by the schema; matching is exact and case-sensitive.
fn segment_get(ctx: &ToolContext, args: &Map<String, Value>) -> ToolResult {
    let (_, segments) = fetch(ctx, args)?;
    let matches: Vec<&Value> = if let Some(id) = int(args.get("idSegment")) {
        segments
            .iter()
            .filter(|s| int(s.get("idsegment")) == Some(id))
            .collect()
    } else if let Some(name) = args.get("name").and_then(Value::as_str) {
        segments.iter().filter(|s| text(s.get("name")) == name).collect()
    } else if let Some(definition) = args.get("definition").and_then(Value::as_str) {
        segments
            .iter()
            .filter(|s| text(s.get("definition")) == definition)
            .collect()
    } else {
        return Err(ToolError::new("Provide exactly one of idSegment, name or definition."));
    };
    match matches.as_slice() {
        [one] => detail(one).ok_or_else(|| ToolError::new(FAILURES.failed)),
        [] => Err(ToolError::new(
            "Segment not found. Use matomo_segment_list to see the saved segments.",
        )),
        _ => Err(ToolError::new("Multiple segments matched. Provide idSegment.")),
    }
}

pub fn tools() -> Vec<Tool> {
    let mut detail_props = summary_props();
    detail_props["auto_archive"] =
        json!({"type": "boolean", "description": "Pre-processed by Matomo's archiving (fast, always available)."});
    detail_props["enabled_all_users"] = json!({"type": "boolean"});
    detail_props["login"] = json!({"type": "string", "description": "Login of the segment's creator."});
    vec![
        Tool {
            name: "matomo_segment_get",
            title: "Get a saved segment",
            description: "Use when: you need one saved segment (by idSegment, exact name or definition) and whether Matomo pre-processes it.\n\
                Do not use: to browse segments (matomo_segment_list).",
            input_schema: json!({
                "type": "object",
                "properties": {
                    "idSite": id_schema("Matomo site id."),
                    "idSegment": id_schema("Saved segment id."),
                    "name": {"type": "string", "minLength": 1, "description": "Exact, case-sensitive segment name."},
                    "definition": {"type": "string", "minLength": 1, "description": "Exact segment definition."},
                },
                "required": ["idSite"],
                "minProperties": 2,
                "maxProperties": 2,
                "additionalProperties": false,
            }),
            output_schema: record_schema(detail_props),
            annotations: Annotations::READ_ONLY,
            available: Availability::Always,
            handler: segment_get,
            repair: crate::tools::kit::tolerance::nothing,
            ui: None,
        },
        Tool {
            name: "matomo_segment_list",
            title: "List saved segments",
            description: "Use when: you compare audiences (devices, new vs returning, campaigns...): the site's saved segments.\n\
                Next: a definition as segment in matomo_report_processed.",
            input_schema: site_list_input(&SORTS, json!({})),
            output_schema: pagination::envelope_schema("segments", record_schema(summary_props())),
            annotations: Annotations::READ_ONLY,
            available: Availability::Always,
            handler: segment_list,
            repair: crate::tools::kit::tolerance::nothing,
            ui: None,
        },
    ]
}

#[cfg(test)]
mod tests;
