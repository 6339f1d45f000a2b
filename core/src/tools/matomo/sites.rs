//! The site tools: `matomo_site_list`, `matomo_site_search`, `matomo_site_get`.

use crate::host::ApiErrorKind;
use crate::tools::kit::pagination::{self, Sort, name_or_id_sorts};
use crate::tools::kit::values::{flag, int, text};
use crate::tools::matomo::common::{Failures, fetch_rows, record_schema, site_param};
use crate::tools::{Annotations, Availability, Tool, ToolContext, ToolError, ToolResult};
use serde_json::{Map, Value, json};

const SORTS: [Sort; 4] = name_or_id_sorts!("idsite");

pub const NOT_FOUND: &str = "Site not found or access denied.";
pub const FAILED: &str = "Site retrieval failed.";

fn summary_schema() -> Value {
    record_schema(json!({
        "idsite": {"type": "integer"},
        "name": {"type": "string"},
        "main_url": {"type": "string"},
        "type": {"type": "string"},
    }))
}

fn detail_schema() -> Value {
    record_schema(json!({
        "idsite": {"type": "integer"},
        "name": {"type": "string"},
        "main_url": {"type": "string"},
        "timezone": {"type": "string", "description": "Reports' days are this timezone's days."},
        "timezone_name": {"type": "string"},
        "currency": {"type": "string"},
        "currency_name": {"type": "string"},
        "ecommerce": {"type": "boolean"},
        "sitesearch": {"type": "boolean"},
        "type": {"type": "string"},
    }))
}

fn summary(site: &Value) -> Option<Value> {
    Some(json!({
        "idsite": int(site.get("idsite"))?,
        "name": text(site.get("name")),
        "main_url": text(site.get("main_url")),
        "type": text(site.get("type")),
    }))
}

fn detail(site: &Value) -> Option<Value> {
    Some(json!({
        "idsite": int(site.get("idsite"))?,
        "name": text(site.get("name")),
        "main_url": text(site.get("main_url")),
        "timezone": text(site.get("timezone")),
        "timezone_name": text(site.get("timezone_name")),
        "currency": text(site.get("currency")),
        "currency_name": text(site.get("currency_name")),
        "ecommerce": flag(site.get("ecommerce")),
        "sitesearch": flag(site.get("sitesearch")),
        "type": text(site.get("type")),
    }))
}

const FAILURES: Failures = Failures {
    failed: FAILED,
    plugin: None,
};

/// A SitesManager list as site summaries; no access is an empty list (the user sees no sites).
fn fetch_sites(ctx: &ToolContext, method: &str, params: Map<String, Value>) -> Result<Vec<Value>, ToolError> {
    Ok(fetch_rows(ctx, method, params, &FAILURES)?
        .iter()
        .filter_map(summary)
        .collect())
}

fn site_list(ctx: &ToolContext, args: &Map<String, Value>) -> ToolResult {
    pagination::list_page(ctx, args, &SORTS, "sites", json!({}), || {
        fetch_sites(ctx, "SitesManager.getSitesWithAtLeastViewAccess", Map::new())
    })
}

fn site_search(ctx: &ToolContext, args: &Map<String, Value>) -> ToolResult {
    let search = args.get("search").and_then(Value::as_str).map(str::trim).unwrap_or("");
    if search.is_empty() {
        return Err(ToolError::new("Parameter 'search' missing or invalid."));
    }
    let mut params = Map::new();
    params.insert("pattern".into(), json!(search));
    pagination::list_page(ctx, args, &SORTS, "sites", json!({"search": search}), || {
        fetch_sites(ctx, "SitesManager.getPatternMatchSites", params)
    })
}

fn site_get(ctx: &ToolContext, args: &Map<String, Value>) -> ToolResult {
    let (id, params) = site_param(args)?;
    match ctx.host.call_api("SitesManager.getSiteFromId", &params) {
        Ok(site) => detail(&site)
            .filter(|d| d["idsite"] == json!(id))
            .ok_or_else(|| ToolError::new(NOT_FOUND)),
        Err(e) if e.kind != ApiErrorKind::Internal => Err(ToolError::new(NOT_FOUND)),
        Err(e) => Err(FAILURES.other(ctx, "SitesManager.getSiteFromId", &e)),
    }
}

fn list_input(extra: Value, required: &[&str]) -> Value {
    let mut props = pagination::schema_properties(&SORTS);
    if let (Some(p), Value::Object(e)) = (props.as_object_mut(), extra) {
        p.extend(e);
    }
    json!({"type": "object", "properties": props, "required": required, "additionalProperties": false})
}

pub fn tools() -> Vec<Tool> {
    vec![
        Tool {
            name: "matomo_site_get",
            title: "Get site details",
            description: "Use when: you need one site's timezone, currency, URL and whether ecommerce and site search are on.\n\
                Do not use: to find sites (matomo_site_list, matomo_site_search).",
            input_schema: json!({
                "type": "object",
                "properties": {"idSite": {"type": "integer", "minimum": 1, "description": "Matomo site id."}},
                "required": ["idSite"],
                "additionalProperties": false,
            }),
            output_schema: detail_schema(),
            annotations: Annotations::READ_ONLY,
            available: Availability::Always,
            handler: site_get,
            repair: crate::tools::kit::tolerance::nothing,
            ui: None,
        },
        Tool {
            name: "matomo_site_list",
            title: "List sites",
            description: "Use when: you need the sites this user can see, or an idSite for the other tools.\n\
                Do not use: when you know part of the name or domain (matomo_site_search).",
            input_schema: list_input(json!({}), &[]),
            output_schema: pagination::envelope_schema("sites", summary_schema()),
            annotations: Annotations::READ_ONLY,
            available: Availability::Always,
            handler: site_list,
            repair: crate::tools::kit::tolerance::nothing,
            ui: None,
        },
        Tool {
            name: "matomo_site_search",
            title: "Search sites",
            description: "Use when: you know part of a site's name, URL or domain but not its idSite (may find several).\n\
                Do not use: to list every site (matomo_site_list).",
            input_schema: list_input(
                json!({"search": {"type": "string", "minLength": 1, "description": "Part of the site name, URL or domain."}}),
                &["search"],
            ),
            output_schema: pagination::envelope_schema("sites", summary_schema()),
            annotations: Annotations::READ_ONLY,
            available: Availability::Always,
            handler: site_search,
            repair: crate::tools::kit::tolerance::nothing,
            ui: None,
        },
    ]
}

#[cfg(test)]
mod tests;
