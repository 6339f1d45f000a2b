//! Which `apiParameters` a processed-report call may carry, and the goal-metrics options.

use crate::tools::ToolError;
use serde_json::{Map, Value, json};

/// Keys that would change what Matomo itself does with the request.
const FORBIDDEN: [&str; 7] = [
    "method",
    "module",
    "format",
    "serialize",
    "token_auth",
    "force_api_session",
    "translateColumnNames",
];
/// Goal columns are set through the tool's own goal arguments.
const GOAL_KEYS: [&str; 2] = [
    "filter_update_columns_when_show_all_goals",
    "filter_show_goal_columns_process_goals",
];
/// Pagination belongs to the tool's filter_limit / filter_offset (the byte budget depends on it).
const PAGINATION_KEYS: [&str; 2] = ["filter_limit", "filter_offset"];

/// Generic parameters every report understands (they shape rows, not which report it is).
pub fn is_generic(key: &str) -> bool {
    matches!(key, "expanded" | "flat" | "label" | "columns")
        || ["compare", "filter_", "sort"].iter().any(|p| key.starts_with(p))
}

#[derive(Debug, Default, PartialEq)]
pub struct Split {
    /// Generic parameters, passed to Matomo as request parameters.
    pub generic: Map<String, Value>,
    /// Parameters that pick a report variant (idGoal, idDimension...).
    pub specific: Map<String, Value>,
}

fn scalar_or_list(v: &Value) -> bool {
    match v {
        Value::Array(items) => items.iter().all(|i| !i.is_array() && !i.is_object()),
        Value::Object(_) => false,
        _ => true,
    }
}

pub fn split(api_parameters: &Map<String, Value>) -> Result<Split, ToolError> {
    let mut out = Split::default();
    for (key, value) in api_parameters {
        let shown = crate::protocol::printable(key);
        if FORBIDDEN.iter().any(|f| f.eq_ignore_ascii_case(key)) {
            return Err(ToolError(format!("Unsupported apiParameters key '{shown}'.")));
        }
        if GOAL_KEYS.contains(&key.as_str()) {
            return Err(ToolError(format!(
                "Use top-level goal parameters instead of apiParameters key '{shown}'."
            )));
        }
        if PAGINATION_KEYS.contains(&key.as_str()) {
            return Err(ToolError(format!(
                "Use the top-level {shown} argument instead of apiParameters."
            )));
        }
        if !scalar_or_list(value) {
            return Err(ToolError(format!("Invalid apiParameters value for key '{shown}'.")));
        }
        let target = if is_generic(key) {
            &mut out.generic
        } else {
            &mut out.specific
        };
        target.insert(key.clone(), value.clone());
    }
    Ok(out)
}

pub const GOAL_MODES: [&str; 10] = [
    "overview",
    "full",
    "minimal",
    "pages",
    "entry_pages",
    "pages_ecommerce",
    "entry_pages_ecommerce",
    "specific_goal",
    "ecommerce_order",
    "ecommerce_cart",
];

/// Matomo's goal-columns filter: `filter_update_columns_when_show_all_goals` turns it on;
/// `idGoal` picks the view (negative constants of AddColumnsProcessedMetricsGoal, or one goal);
/// `filter_show_goal_columns_process_goals` limits the goals computed.
pub fn goal_request(
    mode: &str,
    id_goal: Option<&Value>,
    process_goals: Option<&Vec<Value>>,
) -> Result<Map<String, Value>, ToolError> {
    let mut out = Map::new();
    out.insert("filter_update_columns_when_show_all_goals".into(), json!(1));
    let view = match mode {
        "overview" => Some(json!(-1)),
        "full" => Some(json!(0)),
        "minimal" => Some(json!(-2)),
        "pages" => Some(json!(-3)),
        "entry_pages" => Some(json!(-4)),
        "pages_ecommerce" => Some(json!(-5)),
        "entry_pages_ecommerce" => Some(json!(-6)),
        "ecommerce_order" => Some(json!("ecommerceOrder")),
        "ecommerce_cart" => Some(json!("ecommerceAbandonedCart")),
        "specific_goal" => match id_goal {
            Some(Value::Number(n)) if n.as_i64().is_some_and(|n| n >= 1) => Some(Value::Number(n.clone())),
            Some(Value::String(s)) if s == "ecommerceOrder" || s == "ecommerceAbandonedCart" => Some(json!(s)),
            Some(Value::String(s)) if s.parse::<i64>().is_ok_and(|n| n >= 1) => Some(json!(s)),
            _ => {
                return Err(ToolError::new(
                    "goalMetricsMode specific_goal needs idGoal: a goal id (see matomo_goal_list), ecommerceOrder or ecommerceAbandonedCart.",
                ));
            }
        },
        _ => {
            return Err(ToolError(format!(
                "goalMetricsMode must be one of: {}.",
                GOAL_MODES.join(", ")
            )));
        }
    };
    let goals: Vec<String> = match process_goals {
        Some(list) => list.iter().map(|g| crate::tools::values::text(Some(g))).collect(),
        None if mode == "specific_goal" => view.iter().map(|v| crate::tools::values::text(Some(v))).collect(),
        None => Vec::new(),
    };
    if let Some(view) = view {
        out.insert("idGoal".into(), view);
    }
    if !goals.is_empty() {
        out.insert("filter_show_goal_columns_process_goals".into(), json!(goals.join(",")));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(v: Value) -> Map<String, Value> {
        v.as_object().cloned().expect("object")
    }

    #[test]
    fn generic_and_specific_parameters_are_told_apart() {
        let s = split(&map(
            json!({"flat": 1, "filter_sort_column": "nb_visits", "compareDates": ["a"], "idDimension": "3"}),
        ))
        .expect("split");
        assert_eq!(
            Value::Object(s.generic),
            json!({"flat": 1, "filter_sort_column": "nb_visits", "compareDates": ["a"]})
        );
        assert_eq!(Value::Object(s.specific), json!({"idDimension": "3"}));
    }

    #[test]
    fn dangerous_keys_and_values_are_refused_without_echoing_values() {
        assert_eq!(
            split(&map(json!({"token_auth": "secret"}))).unwrap_err().0,
            "Unsupported apiParameters key 'token_auth'."
        );
        assert_eq!(
            split(&map(json!({"Format": "xml"}))).unwrap_err().0,
            "Unsupported apiParameters key 'Format'."
        );
        assert!(
            split(&map(json!({"filter_show_goal_columns_process_goals": "1"})))
                .unwrap_err()
                .0
                .starts_with("Use top-level goal parameters")
        );
        assert_eq!(
            split(&map(json!({"label": {"a": "secret"}}))).unwrap_err().0,
            "Invalid apiParameters value for key 'label'."
        );
        assert!(split(&map(json!({"filter_limit": 5}))).is_err());
    }

    #[test]
    fn goal_modes_map_to_matomos_filter() {
        let r = goal_request("overview", None, None).expect("mode");
        assert_eq!(
            Value::Object(r),
            json!({"filter_update_columns_when_show_all_goals": 1, "idGoal": -1})
        );
        let r = goal_request("specific_goal", Some(&json!(3)), None).expect("mode");
        assert_eq!(r["filter_show_goal_columns_process_goals"], "3");
        assert!(goal_request("specific_goal", None, None).is_err());
        assert!(goal_request("specific_goal", Some(&json!("x")), None).is_err());
        let r = goal_request("full", None, Some(&vec![json!(1), json!("ecommerceOrder")])).expect("mode");
        assert_eq!(
            (r["idGoal"].clone(), r["filter_show_goal_columns_process_goals"].clone()),
            (json!(0), json!("1,ecommerceOrder"))
        );
    }
}
