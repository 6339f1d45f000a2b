//! MCP resources: what a client may attach to a conversation without a tool call. Each of the
//! user's sites has its facts (timezone, currency, ecommerce, today's date there), its report
//! catalogue and its metric glossary, read from Matomo with the user's access.
//!
//! URIs: `matomo://sites/{idSite}`, `matomo://sites/{idSite}/reports`,
//! `matomo://sites/{idSite}/metrics`. A URI that names nothing, or a site the user cannot see,
//! is "not found": -32002 in the legacy revisions, -32602 in 2026-07-28, both with `data.uri`.

use crate::host::Host;
use crate::jsonrpc::{INTERNAL_ERROR, INVALID_PARAMS, RpcError};
use crate::tools::kit::values::{int, text};
use crate::tools::matomo::lookup;
use crate::util::{base64url, printable};
use serde_json::{Value, json};

/// The 2025 revisions' "resource not found".
pub const LEGACY_NOT_FOUND: i64 = -32002;
/// Sites listed per `resources/list` page.
const PAGE_SIZE: usize = 100;
const JSON: &str = "application/json";

pub struct Template {
    pub uri_template: &'static str,
    pub name: &'static str,
    pub title: &'static str,
    pub description: &'static str,
}

pub const TEMPLATES: [Template; 3] = [
    Template {
        uri_template: "matomo://sites/{idSite}",
        name: "site",
        title: "Site facts",
        description: "A site's name, URL, timezone, currency, whether ecommerce and site search are on, and today's date in its timezone (the day \"today\" means in its reports).",
    },
    Template {
        uri_template: "matomo://sites/{idSite}/reports",
        name: "site-reports",
        title: "Report catalogue",
        description: "Every report of a site: its reportUniqueId (for matomo_report_processed), name and category.",
    },
    Template {
        uri_template: "matomo://sites/{idSite}/metrics",
        name: "site-metrics",
        title: "Metric glossary",
        description: "Every metric of a site's reports: its display name, Matomo's own definition, and the reports that have it.",
    },
];

enum Target {
    Facts(i64),
    Reports(i64),
    Metrics(i64),
}

fn parse(uri: &str) -> Option<Target> {
    let rest = uri.strip_prefix("matomo://sites/")?;
    let (id, what) = rest.split_once('/').unwrap_or((rest, ""));
    let id = id.parse::<i64>().ok().filter(|n| *n >= 1 && !id.starts_with('0'))?;
    match what {
        "" => Some(Target::Facts(id)),
        "reports" => Some(Target::Reports(id)),
        "metrics" => Some(Target::Metrics(id)),
        _ => None,
    }
}

fn not_found(uri: &str, modern: bool) -> RpcError {
    RpcError {
        code: if modern { INVALID_PARAMS } else { LEGACY_NOT_FOUND },
        message: format!(
            "Resource not found: '{}'. resources/list names the sites of this user; the templates are matomo://sites/{{idSite}}, .../reports and .../metrics.",
            printable(uri)
        ),
        data: Some(json!({"uri": uri})),
    }
}

fn failed(e: crate::tools::ToolError) -> RpcError {
    RpcError::new(INTERNAL_ERROR, e.0)
}

pub(crate) fn cursor_offset(cursor: Option<&Value>) -> Result<usize, RpcError> {
    let invalid = || {
        RpcError::new(
            INVALID_PARAMS,
            "Invalid cursor: pass back the nextCursor of the previous page.",
        )
    };
    match cursor {
        None | Some(Value::Null) => Ok(0),
        Some(Value::String(c)) => base64url::decode(c)
            .and_then(|raw| String::from_utf8(raw).ok())
            .and_then(|raw| raw.strip_prefix("sites:").and_then(|n| n.parse().ok()))
            .ok_or_else(invalid),
        Some(_) => Err(invalid()),
    }
}

/// `resources/list`: the facts of each site the user can see, a page at a time.
pub fn list(host: &dyn Host, params: Option<&Value>) -> Result<String, RpcError> {
    let offset = cursor_offset(params.and_then(|p| p.get("cursor")))?;
    let mut sites = lookup::sites(host).map_err(failed)?;
    sites.sort_by_key(|s| int(s.get("idsite")));
    if offset > 0 && offset >= sites.len() {
        return Err(RpcError::new(
            INVALID_PARAMS,
            "Invalid cursor: pass back the nextCursor of the previous page.",
        ));
    }
    let page: Vec<Value> = sites
        .iter()
        .skip(offset)
        .take(PAGE_SIZE)
        .filter_map(|s| {
            let id = int(s.get("idsite"))?;
            let name = text(s.get("name"));
            Some(json!({
                "uri": format!("matomo://sites/{id}"),
                "name": format!("Site {id}: {name}"),
                "title": name,
                "description": format!("Facts of site {id} ({}): timezone, currency, ecommerce, today's date there. Its reports and metrics: matomo://sites/{id}/reports and matomo://sites/{id}/metrics.", text(s.get("main_url"))),
                "mimeType": JSON,
            }))
        })
        .collect();
    let mut page = page;
    if offset == 0 {
        // the views of MCP Apps, after the sites (a client reading "the first resource" gets facts)
        page.extend(crate::apps::listed());
    }
    let mut result = json!({"resources": page});
    if offset + PAGE_SIZE < sites.len() {
        result["nextCursor"] = json!(base64url::encode(format!("sites:{}", offset + PAGE_SIZE).as_bytes()));
    }
    Ok(result.to_string())
}

/// `resources/templates/list`.
pub fn templates(params: Option<&Value>) -> Result<String, RpcError> {
    if cursor_offset(params.and_then(|p| p.get("cursor")))? > 0 {
        return Err(RpcError::new(
            INVALID_PARAMS,
            "Invalid cursor: the templates fit on one page.",
        ));
    }
    let templates: Vec<Value> = TEMPLATES
        .iter()
        .map(|t| {
            json!({"uriTemplate": t.uri_template, "name": t.name, "title": t.title,
                   "description": t.description, "mimeType": JSON})
        })
        .collect();
    Ok(json!({"resourceTemplates": templates}).to_string())
}

/// `resources/read`.
pub fn read(host: &dyn Host, params: Option<&Value>, modern: bool) -> Result<String, RpcError> {
    let uri = params
        .and_then(|p| p.get("uri"))
        .and_then(Value::as_str)
        .ok_or_else(|| {
            RpcError::new(
                INVALID_PARAMS,
                "Invalid params: resources/read needs the uri of a resource.",
            )
        })?;
    if let Some(view) = crate::apps::read(uri) {
        return Ok(json!({"contents": [view]}).to_string());
    }
    let target = parse(uri).ok_or_else(|| not_found(uri, modern))?;
    let id = match target {
        Target::Facts(id) | Target::Reports(id) | Target::Metrics(id) => id,
    };
    let site = lookup::site(host, id)
        .map_err(failed)?
        .ok_or_else(|| not_found(uri, modern))?;
    let content = match target {
        Target::Facts(_) => {
            let mut facts = site.facts;
            facts["today"] = json!(site.today.local.to_string());
            facts
        }
        Target::Reports(_) => json!({"idSite": id, "reports": lookup::reports(host, id).map_err(failed)?}),
        Target::Metrics(_) => json!({"idSite": id, "metrics": lookup::metric_glossary(host, id).map_err(failed)?}),
    };
    Ok(json!({"contents": [{"uri": uri, "mimeType": JSON, "text": content.to_string()}]}).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::FakeHost;

    fn read_json(host: &FakeHost, uri: &str) -> Value {
        let answer: Value =
            serde_json::from_str(&read(host, Some(&json!({"uri": uri})), true).expect("read")).expect("json");
        assert_eq!(answer["contents"][0]["uri"], uri);
        serde_json::from_str(answer["contents"][0]["text"].as_str().expect("text")).expect("json text")
    }

    #[test]
    fn the_users_sites_are_listed_and_readable() {
        // a real Matomo 5.1.2 as the viewer saw it
        let host = FakeHost::recorded(1);
        let listed: Value = serde_json::from_str(&list(&host, None).expect("list")).expect("json");
        let uris: Vec<&str> = listed["resources"]
            .as_array()
            .expect("resources")
            .iter()
            .filter_map(|r| r["uri"].as_str())
            .collect();
        assert!(uris.contains(&"matomo://sites/1"), "{listed}");
        let facts = read_json(&host, "matomo://sites/1");
        assert_eq!(
            (facts["name"].as_str(), facts["currency"].as_str()),
            (Some("Demo Shop"), Some("EUR"))
        );
        assert_eq!(
            facts["today"], "2026-12-02",
            "the local date in Berlin at recording time"
        );
    }

    #[test]
    fn unknown_uris_and_foreign_sites_are_not_found_with_the_eras_code() {
        let host = FakeHost::with_api(|_, _| {
            Err(crate::host::ApiError {
                kind: crate::host::ApiErrorKind::NoAccess,
                message: "no access".into(),
            })
        });
        for uri in [
            "matomo://sites/3",
            "matomo://sites/1/nothing",
            "test://x",
            "matomo://sites/01",
        ] {
            let modern = read(&host, Some(&json!({"uri": uri})), true).expect_err(uri);
            assert_eq!(
                (modern.code, modern.data.clone()),
                (INVALID_PARAMS, Some(json!({"uri": uri})))
            );
            assert_eq!(
                read(&host, Some(&json!({"uri": uri})), false).map_err(|e| e.code),
                Err(LEGACY_NOT_FOUND)
            );
        }
    }

    #[test]
    fn templates_name_the_three_views_of_a_site() {
        let t: Value = serde_json::from_str(&templates(None).expect("templates")).expect("json");
        assert_eq!(t["resourceTemplates"].as_array().map(Vec::len), Some(3));
        assert!(matches!(parse("matomo://sites/12/metrics"), Some(Target::Metrics(12))));
    }
}
