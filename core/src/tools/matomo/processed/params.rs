//! Which `apiParameters` a processed-report call may carry, and the goal-metrics options.

use crate::tools::ToolError;
use serde_json::{Map, Value, json};

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
        let shown = crate::util::printable(key);
        if crate::policy::is_reserved_report_parameter(key) {
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

/// The modes a processed report offers (Matomo's `full` and `minimal` are for other views).
pub const GOAL_MODES: [&str; 8] = [
    "overview",
    "pages",
    "entry_pages",
    "pages_ecommerce",
    "entry_pages_ecommerce",
    "specific_goal",
    "ecommerce_order",
    "ecommerce_cart",
];

/// Actions reports for which Matomo itself picks the page or entry-page goal view.
const PAGE_REPORTS: [&str; 2] = ["Actions.getPageUrls", "Actions.getPageTitles"];
const ENTRY_PAGE_REPORTS: [&str; 2] = ["Actions.getEntryPageUrls", "Actions.getEntryPageTitles"];

fn goal_ref(v: &Value) -> Option<String> {
    match v {
        Value::Number(n) if n.as_i64().is_some_and(|n| n >= 1) => Some(n.to_string()),
        Value::String(s) if s == "ecommerceOrder" || s == "ecommerceAbandonedCart" => Some(s.clone()),
        Value::String(s) if s.parse::<i64>().is_ok_and(|n| n >= 1) => Some(s.clone()),
        _ => None,
    }
}

/// Request parameters for Matomo's goal-columns filter. `filter_update_columns_when_show_all_goals`
/// turns it on; the view follows from `filter_show_goal_columns_process_goals` (one goal: that
/// goal; none: the overview; Actions page reports: Matomo's page views). `idGoal` is never sent,
/// because API.getProcessedReport would also use it to look the report up.
pub fn goal_request(
    mode: &str,
    report_method: &str,
    id_goal: Option<&Value>,
    process_goals: Option<&Vec<Value>>,
) -> Result<Map<String, Value>, ToolError> {
    let listed: Vec<String> = process_goals
        .map(|l| l.iter().map(goal_ref).collect::<Option<Vec<String>>>())
        .unwrap_or(Some(Vec::new()))
        .ok_or_else(|| {
            ToolError::new(
                "goalMetricsProcessGoals takes goal ids (see matomo_goal_list), ecommerceOrder or ecommerceAbandonedCart.",
            )
        })?;
    let single = |goal: Option<String>| -> Result<Vec<String>, ToolError> {
        goal.map(|g| vec![g]).ok_or_else(|| {
            ToolError::new("goalMetricsMode specific_goal needs idGoal: a goal id (see matomo_goal_list), ecommerceOrder or ecommerceAbandonedCart.")
        })
    };
    let is_page = PAGE_REPORTS.contains(&report_method);
    let is_entry = ENTRY_PAGE_REPORTS.contains(&report_method);
    let goals = match mode {
        "overview" => listed,
        "specific_goal" => single(id_goal.and_then(goal_ref))?,
        "ecommerce_order" => vec!["ecommerceOrder".to_string()],
        "ecommerce_cart" => vec!["ecommerceAbandonedCart".to_string()],
        "pages" | "pages_ecommerce" | "entry_pages" | "entry_pages_ecommerce" => {
            let fits = if mode.starts_with("pages") { is_page } else { is_entry };
            if !fits {
                return Err(ToolError(format!(
                    "goalMetricsMode {mode} applies to {} only.",
                    if mode.starts_with("pages") {
                        PAGE_REPORTS.join(" and ")
                    } else {
                        ENTRY_PAGE_REPORTS.join(" and ")
                    }
                )));
            }
            match (mode.ends_with("_ecommerce"), listed.is_empty()) {
                (true, _) => vec!["ecommerceOrder".to_string()],
                (false, false) => listed,
                (false, true) => {
                    return Err(ToolError(format!(
                        "goalMetricsMode {mode} needs goalMetricsProcessGoals: the goals to show (see matomo_goal_list)."
                    )));
                }
            }
        }
        "full" | "minimal" => {
            return Err(ToolError(format!(
                "goalMetricsMode {mode} is not available for processed reports: use overview, specific_goal, ecommerce_order, ecommerce_cart or the pages modes."
            )));
        }
        _ => {
            return Err(ToolError(format!(
                "goalMetricsMode must be one of: {}.",
                GOAL_MODES.join(", ")
            )));
        }
    };
    let mut out = Map::new();
    out.insert("filter_update_columns_when_show_all_goals".into(), json!(1));
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
    fn goal_modes_map_to_matomos_filter_without_id_goal() {
        let r = goal_request("overview", "Referrers.getReferrerType", None, None).expect("mode");
        assert_eq!(
            Value::Object(r),
            json!({"filter_update_columns_when_show_all_goals": 1})
        );
        let r = goal_request("specific_goal", "Referrers.getReferrerType", Some(&json!(3)), None).expect("mode");
        assert_eq!(r["filter_show_goal_columns_process_goals"], "3");
        assert!(
            r.get("idGoal").is_none(),
            "idGoal would change which report Matomo looks up"
        );
        assert!(goal_request("specific_goal", "Referrers.getReferrerType", None, None).is_err());
        assert!(goal_request("specific_goal", "Referrers.getReferrerType", Some(&json!("x")), None).is_err());
        let r = goal_request("ecommerce_order", "DevicesDetection.getType", None, None).expect("mode");
        assert_eq!(r["filter_show_goal_columns_process_goals"], "ecommerceOrder");
        let goals = vec![json!(1), json!("ecommerceOrder")];
        let r = goal_request("pages", "Actions.getPageUrls", None, Some(&goals)).expect("mode");
        assert_eq!(r["filter_show_goal_columns_process_goals"], "1,ecommerceOrder");
        let bogus = vec![json!(1), json!("bogus")];
        assert!(
            goal_request("pages", "Actions.getPageUrls", None, Some(&bogus)).is_err(),
            "never silently dropped"
        );
        assert!(
            goal_request("pages", "Referrers.getReferrerType", None, Some(&goals))
                .unwrap_err()
                .0
                .contains("Actions.getPageUrls")
        );
        assert!(
            goal_request("entry_pages", "Actions.getEntryPageUrls", None, None).is_err(),
            "needs the goals"
        );
        assert!(
            goal_request("full", "Goals.get", None, None)
                .unwrap_err()
                .0
                .contains("not available")
        );
    }
}
