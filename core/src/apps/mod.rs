//! MCP Apps (the `io.modelcontextprotocol/ui` extension): views that a host draws in a sandboxed
//! frame next to a tool's answer. `matomo_report_processed` points at a chart view; hosts without
//! the extension never see the pointer, and every host gets the same `structuredContent` and text.
//!
//! The view is one self-contained HTML page (inline script, style and SVG): it needs no network,
//! and its `csp` metadata names no outside origin.

use serde_json::{Value, json};

/// The extension's id, in client capabilities (`extensions`).
pub const EXTENSION: &str = "io.modelcontextprotocol/ui";
/// The MIME type hosts render as an MCP App.
pub const MIME: &str = "text/html;profile=mcp-app";
/// The chart view of report answers.
pub const REPORT_CHART: &str = "ui://matomo/report-chart.html";
const REPORT_CHART_HTML: &str = include_str!("report_chart.html");

/// Whether the client's capabilities say it renders MCP Apps of our MIME type.
pub fn client_supports(capabilities: Option<&Value>) -> bool {
    let Some(ui) = capabilities
        .and_then(|c| c.get("extensions"))
        .and_then(|e| e.get(EXTENSION))
        .filter(|u| u.is_object())
    else {
        return false;
    };
    match ui.get("mimeTypes").and_then(Value::as_array) {
        Some(types) => types.iter().any(|t| t.as_str() == Some(MIME)),
        None => true,
    }
}

/// A tool's `_meta` pointing at its view: the current key and the older flat one, which hosts
/// still read.
pub fn tool_meta(uri: &str) -> Value {
    json!({"ui": {"resourceUri": uri}, "ui/resourceUri": uri})
}

fn view_meta() -> Value {
    // no outside origin of any kind (the page is inline), said explicitly for strict hosts; the
    // host frames the view like its own cards
    json!({"ui": {"csp": {"connectDomains": [], "resourceDomains": []}, "prefersBorder": true}})
}

/// The views, as `resources/list` entries.
pub fn listed() -> Vec<Value> {
    vec![json!({
        "uri": REPORT_CHART,
        "name": "report-chart",
        "title": "Report chart",
        "description": "Draws matomo_report_processed answers: an evolution chart for several periods, bars for the top rows of a dimension, a table for the rest (an MCP App).",
        "mimeType": MIME,
        "_meta": view_meta(),
    })]
}

/// The `resources/read` contents of a view, or `None` when `uri` names none.
pub fn read(uri: &str) -> Option<Value> {
    (uri == REPORT_CHART)
        .then(|| json!({"uri": uri, "mimeType": MIME, "text": REPORT_CHART_HTML, "_meta": view_meta()}))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clients_say_whether_they_draw_views() {
        assert!(client_supports(Some(
            &json!({"extensions": {EXTENSION: {"mimeTypes": [MIME]}}})
        )));
        assert!(client_supports(Some(&json!({"extensions": {EXTENSION: {}}}))));
        assert!(!client_supports(Some(
            &json!({"extensions": {EXTENSION: {"mimeTypes": ["text/html"]}}})
        )));
        assert!(!client_supports(Some(&json!({"extensions": {}}))));
        assert!(!client_supports(None));
    }

    #[test]
    fn the_view_is_self_contained() {
        let html = read(REPORT_CHART).expect("view")["text"]
            .as_str()
            .unwrap_or("")
            .to_string();
        assert!(html.contains("ui/initialize") && html.contains("ui/notifications/tool-result"));
        for network in ["http://", "https://", "src=\"", "@import", "fetch("] {
            let outside = html.replace("http://www.w3.org/2000/svg", "");
            assert!(!outside.contains(network), "the view must not load anything: {network}");
        }
        assert!(read("ui://matomo/other.html").is_none());
    }
}
