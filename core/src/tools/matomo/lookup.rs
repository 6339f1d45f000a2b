//! What prompts, resources and completions read of Matomo: the built-in tools' own answers, run
//! with the user's access, so that every surface sees the same sites, reports and segments in the
//! same shapes (and fails with the same messages).

use crate::host::Host;
use crate::tools::kit::access::Mode;
use crate::tools::kit::values::text;
use crate::tools::matomo::dates::SiteToday;
use crate::tools::matomo::{reports, sites};
use crate::tools::{ToolContext, ToolError, ToolResult, builtin};
use serde_json::{Map, Value, json};

/// Runs a built-in tool's handler on arguments this crate wrote (so nothing to validate or log).
fn run(host: &dyn Host, name: &'static str, args: Value) -> ToolResult {
    let tool = builtin()
        .find(name)
        .ok_or_else(|| ToolError::new(format!("{name} is not a built-in tool")))?;
    let ctx = ToolContext {
        host,
        tool_name: name,
        raw_api: &Mode::None,
    };
    let empty = Map::new();
    (tool.handler)(&ctx, args.as_object().unwrap_or(&empty))
}

fn items(answer: Value, key: &str) -> Vec<Value> {
    match answer {
        Value::Object(mut map) => match map.remove(key) {
            Some(Value::Array(items)) => items,
            _ => Vec::new(),
        },
        _ => Vec::new(),
    }
}

/// The sites the user can see (at most 500: completions and resource lists show a first page).
pub fn sites(host: &dyn Host) -> Result<Vec<Value>, ToolError> {
    run(host, "matomo_site_list", json!({"limit": 500})).map(|a| items(a, "sites"))
}

/// One site as `matomo_site_get` describes it, and today's date in its timezone.
pub struct Site {
    pub facts: Value,
    pub today: SiteToday,
}

/// `Ok(None)` when the site does not exist or the user cannot see it (the same to them).
pub fn site(host: &dyn Host, id_site: i64) -> Result<Option<Site>, ToolError> {
    let facts = match run(host, "matomo_site_get", json!({"idSite": id_site})) {
        Ok(facts) => facts,
        Err(e) if e.0 == sites::NOT_FOUND => return Ok(None),
        Err(e) => return Err(e),
    };
    let today = SiteToday::of(host, &text(facts.get("timezone"))).ok_or_else(|| ToolError::new(sites::FAILED))?;
    Ok(Some(Site { facts, today }))
}

/// The site's reports as `matomo_report_list` names them (uniqueId, name, category).
pub fn reports(host: &dyn Host, id_site: i64) -> Result<Vec<Value>, ToolError> {
    run(host, "matomo_report_list", json!({"idSite": id_site, "limit": 500})).map(|a| items(a, "reports"))
}

/// The site's saved segments as `matomo_segment_list` names them.
pub fn segments(host: &dyn Host, id_site: i64) -> Result<Vec<Value>, ToolError> {
    run(host, "matomo_segment_list", json!({"idSite": id_site, "limit": 500})).map(|a| items(a, "segments"))
}

/// Every metric the site's reports declare, with Matomo's own definition of it where Matomo has
/// one, and the reports that have it: `{metric: {"name", "definition", "reports": [uniqueId...]}}`.
pub fn metric_glossary(host: &dyn Host, id_site: i64) -> Result<Map<String, Value>, ToolError> {
    let ctx = ToolContext {
        host,
        tool_name: "metric glossary",
        raw_api: &Mode::None,
    };
    let mut glossary = Map::new();
    for report in reports::fetch_reports(&ctx, id_site, None, true)? {
        let docs = report.get("metricsDocumentation").and_then(Value::as_object);
        let id = text(report.get("uniqueId"));
        for kind in ["metrics", "processedMetrics"] {
            let Some(metrics) = report.get(kind).and_then(Value::as_object) else {
                continue;
            };
            for (metric, name) in metrics {
                let entry = glossary
                    .entry(metric.clone())
                    .or_insert_with(|| json!({"name": text(Some(name)), "definition": null, "reports": []}));
                if entry["definition"].is_null()
                    && let Some(doc) = docs.and_then(|d| d.get(metric)).and_then(Value::as_str)
                {
                    entry["definition"] = json!(doc);
                }
                if let Some(list) = entry["reports"].as_array_mut()
                    && !id.is_empty()
                    && !list.contains(&json!(id))
                {
                    list.push(json!(id));
                }
            }
        }
    }
    Ok(glossary)
}
