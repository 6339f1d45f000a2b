//! `completion/complete`: values for prompt arguments and resource-template variables, from the
//! user's own Matomo (their sites, a site's reports and saved segments) or from Matomo's period
//! and date vocabulary. Every lookup runs with the user's access.

use crate::host::Host;
use crate::jsonrpc::{INVALID_PARAMS, RpcError};
use crate::prompts;
use crate::resources;
use crate::tools::kit::values::{int, text};
use crate::tools::matomo::lookup;
use crate::tools::matomo::reports::search_key;
use crate::util::printable;
use serde_json::{Map, Value, json};

/// At most this many values per answer, as the specification allows.
const MAX_VALUES: usize = 100;

const PERIODS: [&str; 5] = ["day", "week", "month", "year", "range"];
const DATES: [&str; 9] = [
    "today",
    "yesterday",
    "last7",
    "last30",
    "last90",
    "previous7",
    "previous30",
    "lastmonth",
    "lastyear",
];
const METRICS: [&str; 12] = [
    "nb_visits",
    "nb_uniq_visitors",
    "nb_actions",
    "nb_hits",
    "bounce_rate",
    "avg_time_on_site",
    "nb_actions_per_visit",
    "nb_conversions",
    "conversion_rate",
    "revenue",
    "nb_visits_converted",
    "avg_page_load_time",
];

fn invalid(message: impl Into<String>) -> RpcError {
    RpcError::new(INVALID_PARAMS, message)
}

/// The argument names the reference takes.
fn arguments_of(reference: &Value) -> Result<Vec<&'static str>, RpcError> {
    match reference.get("type").and_then(Value::as_str) {
        Some("ref/prompt") => {
            let name = reference.get("name").and_then(Value::as_str).unwrap_or("");
            let prompt = prompts::find(name).ok_or_else(|| {
                invalid(format!(
                    "Unknown prompt '{}': prompts/list names them.",
                    printable(name)
                ))
            })?;
            Ok(prompt.arguments.iter().map(|a| a.name).collect())
        }
        Some("ref/resource") => {
            let uri = reference.get("uri").and_then(Value::as_str).unwrap_or("");
            resources::TEMPLATES
                .iter()
                .find(|t| t.uri_template == uri)
                .map(|_| vec!["idSite"])
                .ok_or_else(|| {
                    invalid(format!(
                        "Unknown resource template '{}': resources/templates/list names them.",
                        printable(uri)
                    ))
                })
        }
        _ => Err(invalid(
            "Invalid params: ref must be {\"type\": \"ref/prompt\", \"name\": ...} or {\"type\": \"ref/resource\", \"uri\": ...}.",
        )),
    }
}

fn starting_with(options: &[&str], typed: &str) -> Vec<String> {
    let typed = typed.to_ascii_lowercase();
    options
        .iter()
        .filter(|o| o.starts_with(&typed))
        .map(|o| o.to_string())
        .collect()
}

/// Sites whose id starts with, or whose name or URL contains, what was typed.
fn sites(host: &dyn Host, typed: &str) -> Result<Vec<String>, RpcError> {
    let wanted = search_key(typed);
    let sites = lookup::sites(host).map_err(|e| RpcError::new(crate::jsonrpc::INTERNAL_ERROR, e.0))?;
    let mut ids: Vec<i64> = sites
        .iter()
        .filter_map(|s| {
            let id = int(s.get("idsite"))?;
            let named = search_key(&text(s.get("name"))).contains(&wanted)
                || search_key(&text(s.get("main_url"))).contains(&wanted);
            (id.to_string().starts_with(typed.trim()) || named).then_some(id)
        })
        .collect();
    ids.sort_unstable();
    Ok(ids.into_iter().map(|id| id.to_string()).collect())
}

/// The site the other arguments already name, when they name one.
fn site_in(context: &Map<String, Value>) -> Option<i64> {
    int(context.get("idSite")).filter(|n| *n >= 1)
}

/// Report ids whose id, name or category contains every word typed.
fn reports(host: &dyn Host, id_site: i64, typed: &str) -> Vec<String> {
    let words: Vec<String> = typed.split_whitespace().map(search_key).collect();
    lookup::reports(host, id_site)
        .unwrap_or_default()
        .iter()
        .filter(|r| {
            let haystack = search_key(&format!(
                "{} {} {}",
                text(r.get("uniqueId")),
                text(r.get("name")),
                text(r.get("category"))
            ));
            words.iter().all(|w| haystack.contains(w))
        })
        .map(|r| text(r.get("uniqueId")))
        .collect()
}

/// Saved segments' definitions whose name or definition contains what was typed.
fn segments(host: &dyn Host, id_site: i64, typed: &str) -> Vec<String> {
    let wanted = search_key(typed);
    lookup::segments(host, id_site)
        .unwrap_or_default()
        .iter()
        .filter(|s| {
            search_key(&text(s.get("name"))).contains(&wanted)
                || search_key(&text(s.get("definition"))).contains(&wanted)
        })
        .map(|s| text(s.get("definition")))
        .collect()
}

pub fn complete(host: &dyn Host, params: Option<&Value>) -> Result<String, RpcError> {
    let params = params
        .and_then(Value::as_object)
        .ok_or_else(|| invalid("Invalid params: completion/complete needs ref and argument."))?;
    let names = arguments_of(params.get("ref").unwrap_or(&Value::Null))?;
    let argument = params.get("argument").and_then(Value::as_object);
    let (Some(name), Some(typed)) = (
        argument.and_then(|a| a.get("name")).and_then(Value::as_str),
        argument.and_then(|a| a.get("value")).and_then(Value::as_str),
    ) else {
        return Err(invalid(
            "Invalid params: argument must be {\"name\": ..., \"value\": ...} (value is what was typed so far).",
        ));
    };
    if !names.contains(&name) {
        return Err(invalid(format!(
            "'{}' is not an argument here; the arguments are {}.",
            printable(name),
            names.join(", ")
        )));
    }
    let empty = Map::new();
    let context = params
        .get("context")
        .and_then(|c| c.get("arguments"))
        .and_then(Value::as_object)
        .unwrap_or(&empty);
    let mut values = match name {
        "idSite" => sites(host, typed)?,
        "period" => starting_with(&PERIODS, typed),
        "date" => starting_with(&DATES, typed),
        "metric" => starting_with(&METRICS, typed),
        "reportUniqueId" => site_in(context).map(|id| reports(host, id, typed)).unwrap_or_default(),
        "segment" => site_in(context).map(|id| segments(host, id, typed)).unwrap_or_default(),
        _ => Vec::new(),
    };
    let total = values.len();
    values.truncate(MAX_VALUES);
    Ok(json!({"completion": {"values": values, "total": total, "hasMore": total > MAX_VALUES}}).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::FakeHost;

    fn values(host: &FakeHost, params: Value) -> Vec<String> {
        let answer: Value = serde_json::from_str(&complete(host, Some(&params)).expect("complete")).expect("json");
        serde_json::from_value(answer["completion"]["values"].clone()).expect("values")
    }

    fn prompt_arg(name: &str, value: &str, context: Value) -> Value {
        json!({"ref": {"type": "ref/prompt", "name": "matomo_explain_change"},
               "argument": {"name": name, "value": value}, "context": {"arguments": context}})
    }

    #[test]
    fn sites_by_name_or_id_prefix_with_the_users_access() {
        // what a real Matomo 5.1.2 listed for the viewer (sites 1 and 2)
        let host = FakeHost::recorded(1);
        assert_eq!(values(&host, prompt_arg("idSite", "", json!({}))), ["1", "2"]);
        assert_eq!(values(&host, prompt_arg("idSite", "blog", json!({}))), ["2"]);
        assert_eq!(values(&host, prompt_arg("idSite", "1", json!({}))), ["1"]);
        let by_template = json!({"ref": {"type": "ref/resource", "uri": "matomo://sites/{idSite}/reports"},
                                 "argument": {"name": "idSite", "value": "sho"}});
        assert_eq!(values(&host, by_template), ["1"]);
    }

    #[test]
    fn periods_dates_and_metrics_by_prefix() {
        let host = FakeHost::new();
        assert_eq!(values(&host, prompt_arg("period", "w", json!({}))), ["week"]);
        assert_eq!(values(&host, prompt_arg("date", "last", json!({}))).len(), 5);
        assert_eq!(
            values(&host, prompt_arg("metric", "nb_v", json!({}))),
            ["nb_visits", "nb_visits_converted"]
        );
    }

    #[test]
    fn reports_need_the_site_already_chosen() {
        let host = FakeHost::recorded(1);
        assert!(values(&host, prompt_arg("reportUniqueId", "page", json!({}))).is_empty());
        let found = values(&host, prompt_arg("reportUniqueId", "page urls", json!({"idSite": "1"})));
        assert!(found.contains(&"Actions_getPageUrls".to_string()), "{found:?}");
    }

    #[test]
    fn unknown_references_and_arguments_are_invalid_params() {
        let host = FakeHost::new();
        for params in [
            json!({"ref": {"type": "ref/prompt", "name": "test_prompt_with_arguments"}, "argument": {"name": "arg1", "value": ""}}),
            json!({"ref": {"type": "ref/resource", "uri": "test://x"}, "argument": {"name": "idSite", "value": ""}}),
            prompt_arg("colour", "", json!({})),
            json!({"ref": {"type": "ref/prompt", "name": "matomo_explain_change"}}),
        ] {
            assert_eq!(
                complete(&host, Some(&params)).map_err(|e| e.code),
                Err(INVALID_PARAMS),
                "{params}"
            );
        }
    }
}
