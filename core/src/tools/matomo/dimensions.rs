//! `matomo_dimension_list` and `matomo_dimension_get`: active custom dimensions of a site.

use crate::tools::kit::pagination::{self, Sort, name_or_id_sorts};
use crate::tools::kit::values::{flag, int, text};
use crate::tools::matomo::common::{
    Failures, fetch_rows, id_schema, positive, record_schema, site_list_input, site_param,
};
use crate::tools::{Annotations, Availability, Tool, ToolContext, ToolError, ToolResult};
use serde_json::{Map, Value, json};

const SORTS: [Sort; 4] = name_or_id_sorts!("iddimension");
const FAILURES: Failures = Failures {
    failed: "Dimension retrieval failed.",
    plugin: Some("CustomDimensions"),
};

fn summary_props() -> Value {
    json!({
        "iddimension": {"type": "integer", "description": "Pass as idDimension to matomo_report_processed."},
        "name": {"type": "string"},
        "scope": {"type": "string", "description": "visit or action"},
    })
}

fn summary(d: &Value) -> Option<Value> {
    Some(json!({
        "iddimension": int(d.get("idcustomdimension"))?,
        "name": text(d.get("name")),
        "scope": text(d.get("scope")),
    }))
}

fn extractions(d: &Value) -> Value {
    let list = d
        .get("extractions")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    Value::Array(
        list.iter()
            .map(|e| json!({"dimension": text(e.get("dimension")), "pattern": text(e.get("pattern"))}))
            .collect(),
    )
}

fn detail(d: &Value) -> Option<Value> {
    Some(json!({
        "iddimension": int(d.get("idcustomdimension"))?,
        "idsite": int(d.get("idsite"))?,
        "name": text(d.get("name")),
        "index": int(d.get("index")).unwrap_or(0),
        "scope": text(d.get("scope")),
        "active": flag(d.get("active")),
        "case_sensitive": flag(d.get("case_sensitive")),
        "extractions": extractions(d),
    }))
}

fn fetch_active(ctx: &ToolContext, args: &Map<String, Value>) -> Result<(i64, Vec<Value>), ToolError> {
    let (id, params) = site_param(args)?;
    let all = fetch_rows(ctx, "CustomDimensions.getConfiguredCustomDimensions", params, &FAILURES)?;
    Ok((id, all.into_iter().filter(|d| flag(d.get("active"))).collect()))
}

fn dimension_list(ctx: &ToolContext, args: &Map<String, Value>) -> ToolResult {
    let (id, _) = site_param(args)?;
    pagination::list_page(ctx, args, &SORTS, "dimensions", json!({"idSite": id}), || {
        let (_, dims) = fetch_active(ctx, args)?;
        Ok(dims.iter().filter_map(summary).collect())
    })
}

fn dimension_get(ctx: &ToolContext, args: &Map<String, Value>) -> ToolResult {
    let wanted = positive(args, "idDimension")?;
    let (_, dims) = fetch_active(ctx, args)?;
    dims.iter()
        .find(|d| int(d.get("idcustomdimension")) == Some(wanted))
        .and_then(detail)
        .ok_or_else(|| ToolError::new("Dimension not found. Use matomo_dimension_list to see the active dimensions."))
}

pub fn tools() -> Vec<Tool> {
    vec![
        Tool {
            name: "matomo_dimension_get",
            title: "Get a custom dimension",
            description: "Use when: you need how one custom dimension is configured (scope, extractions).",
            input_schema: json!({
                "type": "object",
                "properties": {"idSite": id_schema("Matomo site id."), "idDimension": id_schema("Custom dimension id.")},
                "required": ["idSite", "idDimension"],
                "additionalProperties": false,
            }),
            output_schema: record_schema(json!({
                "iddimension": {"type": "integer"},
                "idsite": {"type": "integer"},
                "name": {"type": "string"},
                "index": {"type": "integer"},
                "scope": {"type": "string"},
                "active": {"type": "boolean"},
                "case_sensitive": {"type": "boolean"},
                "extractions": {"type": "array", "items": record_schema(json!({"dimension": {"type": "string"}, "pattern": {"type": "string"}}))},
            })),
            annotations: Annotations::READ_ONLY,
            available: Availability::Always,
            handler: dimension_get,
            repair: crate::tools::kit::tolerance::nothing,
            ui: None,
        },
        Tool {
            name: "matomo_dimension_list",
            title: "List custom dimensions",
            description: "Use when: a question is about data in custom dimensions (user type, page category...): their ids.\n\
                Next: matomo_report_processed (CustomDimensions.getCustomDimension, idDimension).",
            input_schema: site_list_input(&SORTS, json!({})),
            output_schema: pagination::envelope_schema("dimensions", record_schema(summary_props())),
            annotations: Annotations::READ_ONLY,
            available: Availability::Always,
            handler: dimension_list,
            repair: crate::tools::kit::tolerance::nothing,
            ui: None,
        },
    ]
}

#[cfg(test)]
mod tests;
