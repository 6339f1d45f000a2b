//! `matomo_goal_list` and `matomo_goal_get`.

use crate::host::ApiErrorKind;
use crate::tools::kit::pagination::{self, Sort, name_or_id_sorts};
use crate::tools::kit::values::{flag, int, text};
use crate::tools::matomo::common::{
    Failures, fetch_rows, id_schema, positive, record_schema, site_list_input, site_param,
};
use crate::tools::{Annotations, Availability, Tool, ToolContext, ToolError, ToolResult};
use serde_json::{Map, Value, json};

const SORTS: [Sort; 4] = name_or_id_sorts!("idgoal");
const FAILURES: Failures = Failures {
    failed: "Goal retrieval failed.",
    plugin: Some("Goals"),
};

fn summary_props() -> Value {
    json!({
        "idgoal": {"type": "integer"},
        "idsite": {"type": "integer"},
        "name": {"type": "string"},
        "description": {"type": "string"},
        "match_attribute": {"type": "string", "description": "What triggers the goal: url, title, event_category, manually..."},
        "allow_multiple": {"type": "boolean"},
        "revenue": {"type": "string", "description": "Default revenue per conversion, in the site's currency."},
        "event_value_as_revenue": {"type": "boolean"},
    })
}

/// Revenue as text, as the incumbent: `5` -> "5", `2.5` -> "2.5".
fn revenue(v: Option<&Value>) -> String {
    match v {
        Some(Value::Number(n)) => match n.as_f64() {
            Some(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", f as i64),
            _ => n.to_string(),
        },
        other => text(other),
    }
}

fn summary(goal: &Value) -> Option<Value> {
    Some(json!({
        "idgoal": int(goal.get("idgoal"))?,
        "idsite": int(goal.get("idsite"))?,
        "name": text(goal.get("name")),
        "description": text(goal.get("description")),
        "match_attribute": text(goal.get("match_attribute")),
        "allow_multiple": flag(goal.get("allow_multiple")),
        "revenue": revenue(goal.get("revenue")),
        "event_value_as_revenue": flag(goal.get("event_value_as_revenue")),
    }))
}

fn detail(goal: &Value) -> Option<Value> {
    let mut out = summary(goal)?;
    let manual = text(goal.get("match_attribute")) == "manually";
    let pick = |k: &str| if manual { Value::Null } else { json!(text(goal.get(k))) };
    out["pattern"] = pick("pattern");
    out["pattern_type"] = pick("pattern_type");
    out["case_sensitive"] = if manual {
        Value::Null
    } else {
        json!(flag(goal.get("case_sensitive")))
    };
    Some(out)
}

fn goal_list(ctx: &ToolContext, args: &Map<String, Value>) -> ToolResult {
    let (id, params) = site_param(args)?;
    pagination::list_page(ctx, args, &SORTS, "goals", json!({"idSite": id}), || {
        let goals = fetch_rows(ctx, "Goals.getGoals", params, &FAILURES)?;
        Ok(goals
            .iter()
            .filter(|g| !flag(g.get("deleted")))
            .filter_map(summary)
            .collect())
    })
}

fn goal_get(ctx: &ToolContext, args: &Map<String, Value>) -> ToolResult {
    let (id, mut params) = site_param(args)?;
    let goal_id = positive(args, "idGoal")?;
    params.insert("idGoal".into(), json!(goal_id));
    let not_found = || ToolError::new("Goal not found.");
    match ctx.host.call_api("Goals.getGoal", &params) {
        Ok(goal) => detail(&goal)
            .filter(|g| g["idgoal"] == json!(goal_id) && g["idsite"] == json!(id))
            .ok_or_else(not_found),
        Err(e) if matches!(e.kind, ApiErrorKind::NoAccess | ApiErrorKind::Rejected) => Err(not_found()),
        Err(e) => Err(FAILURES.other(ctx, "Goals.getGoal", &e)),
    }
}

pub fn tools() -> Vec<Tool> {
    let mut detail_props = summary_props();
    detail_props["pattern"] = json!({"type": ["string", "null"]});
    detail_props["pattern_type"] = json!({"type": ["string", "null"], "description": "contains, exact or regex"});
    detail_props["case_sensitive"] = json!({"type": ["boolean", "null"]});
    vec![
        Tool {
            name: "matomo_goal_get",
            title: "Get goal details",
            description: "Use when: you need how one goal is defined: trigger, pattern, revenue.\n\
                Next: its conversions with matomo_report_processed (Goals.get, idGoal).",
            input_schema: json!({
                "type": "object",
                "properties": {"idSite": id_schema("Matomo site id."), "idGoal": id_schema("Goal id (see matomo_goal_list).")},
                "required": ["idSite", "idGoal"],
                "additionalProperties": false,
            }),
            output_schema: record_schema(detail_props),
            annotations: Annotations::READ_ONLY,
            available: Availability::Always,
            handler: goal_get,
            repair: crate::tools::kit::tolerance::nothing,
            ui: None,
        },
        Tool {
            name: "matomo_goal_list",
            title: "List goals",
            description: "Use when: you need a site's conversion goals or a goal id.\n\
                Next: matomo_goal_get for one goal; conversions with matomo_report_processed (Goals reports).",
            input_schema: site_list_input(&SORTS, json!({})),
            output_schema: pagination::envelope_schema("goals", record_schema(summary_props())),
            annotations: Annotations::READ_ONLY,
            available: Availability::Always,
            handler: goal_list,
            repair: crate::tools::kit::tolerance::nothing,
            ui: None,
        },
    ]
}

#[cfg(test)]
mod tests;
