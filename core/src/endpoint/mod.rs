//! The HTTP entry: the checks every request passes, in the order the spec fixes (each answers
//! before the next runs), then the MCP transport.

pub mod access;
pub mod facts;
pub mod origin;

use crate::config::McpConfig;
use crate::host::Host;
use crate::http::{HttpRequest, HttpResponse};
use crate::jsonrpc::{self, BodyIds, INTERNAL_ERROR, INVALID_REQUEST, error_response, internal_error_response};
use crate::transport;
use access::AccessLevel;
pub use facts::EndpointFacts;
use serde_json::Value;

pub const ENDPOINT_MODULE: &str = "API";
pub const ENDPOINT_METHOD: &str = "McpServer.mcp";

pub const FORMAT_REQUIRED: &str = "MCP endpoint requires format=mcp. Use module=API&method=McpServer.mcp&format=mcp.";
const BULK_METHOD: &str = "API.getBulkRequest";
pub const FORMAT_WRONG_METHOD: &str = "format=mcp can only be used with method=McpServer.mcp.";
pub const ROOT_REQUEST_REQUIRED: &str = "MCP endpoint requires a root API request: module=API&method=McpServer.mcp&format=mcp. Nested API calls (including API.getBulkRequest) are not supported.";
pub const AUTH_REQUIRED: &str = "Authentication required.";
pub const TOKEN_IN_URL: &str = "Authentication required. A token_auth in the URL is not accepted by the MCP endpoint (URLs end up in access logs): send it as an 'Authorization: Bearer <token_auth>' header.";
pub const DISABLED: &str = "MCP endpoint is disabled. Please contact your Matomo administrator.";

/// 403 answers carry a JSON body only when the client sent one request object with an id.
fn forbidden(ids: &BodyIds, message: &str) -> HttpResponse {
    match &ids.top_level_id {
        Some(id) => error_response(403, id, INVALID_REQUEST, message),
        None => HttpResponse::new(403),
    }
}

fn unauthorized(ids: &BodyIds, facts: &EndpointFacts, message: &str) -> HttpResponse {
    let mut challenge = String::from("Bearer realm=\"mcp\"");
    if let Some(url) = facts.resource_metadata_url.as_deref().filter(|u| !u.is_empty()) {
        challenge.push_str(&format!(", resource_metadata=\"{}\"", url.replace('"', "%22")));
    }
    error_response(401, &ids.request_id, INVALID_REQUEST, message).with_header("WWW-Authenticate", &challenge)
}

/// Checks 2 to 6 of the spec; `Err` is the answer to send.
fn admit(req: &HttpRequest, facts: &EndpointFacts, ids: &BodyIds) -> Result<(), HttpResponse> {
    let is_endpoint = facts.module == ENDPOINT_MODULE
        && facts.method == ENDPOINT_METHOD
        && facts.is_root_request
        && facts.root_method == ENDPOINT_METHOD;
    if !is_endpoint {
        return Err(error_response(
            400,
            &ids.request_id,
            INVALID_REQUEST,
            ROOT_REQUEST_REQUIRED,
        ));
    }
    // a token reaches the endpoint as a Bearer header, or in the URL where the setting allows
    if (facts.token_in_url && !facts.settings.allow_token_in_url) || facts.token_in_body {
        return Err(unauthorized(ids, facts, TOKEN_IN_URL));
    }
    if facts.user.anonymous || !facts.user.has_view_access || facts.user.login.is_empty() {
        return Err(unauthorized(ids, facts, AUTH_REQUIRED));
    }
    if !facts.settings.enable_mcp {
        return Err(forbidden(ids, DISABLED));
    }
    let level = AccessLevel::parse(&facts.user.highest_access);
    access::check_cap(level, &facts.settings.maximum_mcp_access_level).map_err(|m| forbidden(ids, &m))?;
    match req.header("origin") {
        Some(o) if !origin::origin_is_trusted(o, &facts.trusted_hosts) => {
            Err(HttpResponse::text(403, "Forbidden: Invalid Origin header."))
        }
        None if !facts.host_valid => Err(HttpResponse::text(403, "Forbidden: Invalid Host header.")),
        _ => Ok(()),
    }
}

pub fn handle(req: &HttpRequest, facts: &EndpointFacts, host: &dyn Host) -> HttpResponse {
    if facts.format != "mcp" {
        // inside API.getBulkRequest Matomo rewrites every inner format to json: the request is
        // nested, and that is what the caller needs to hear
        let nested = !facts.is_root_request || facts.root_method == BULK_METHOD;
        return HttpResponse::matomo_error(if nested { ROOT_REQUEST_REQUIRED } else { FORMAT_REQUIRED });
    }
    if let Some(message) = crate::version::plugin_mismatch(&facts.plugin_version) {
        host.log(crate::host::LogLevel::Error, &message);
        return error_response(500, &Value::String(String::new()), INTERNAL_ERROR, &message);
    }
    let oversized = req.body.len() > transport::MAX_BODY_BYTES;
    let parsed: Option<Value> = if oversized {
        None
    } else {
        serde_json::from_slice(&req.body).ok()
    };
    let ids = jsonrpc::body_ids(parsed.as_ref());
    if let Err(answer) = admit(req, facts, &ids) {
        return answer;
    }
    let config = McpConfig::from_section(&facts.config);
    let raw_api = crate::tools::kit::access::Mode::from_settings(&facts.settings.raw_api);
    let ctx = transport::Context {
        login: &facts.user.login,
        plugin_version: &facts.plugin_version,
        config: &config,
        raw_api: &raw_api,
        tools: &facts.tools,
    };
    transport::handle(req, parsed, &ctx, host)
}

/// Answers for exceptions Matomo raised outside the endpoint method (see `php`).
pub fn exception_response(kind: &str, message: &str, body: &[u8]) -> HttpResponse {
    let parsed: Option<Value> = if body.len() > transport::MAX_BODY_BYTES {
        None
    } else {
        serde_json::from_slice(body).ok()
    };
    let ids = jsonrpc::body_ids(parsed.as_ref());
    match kind {
        "unauthenticated" => unauthorized(&ids, &EndpointFacts::default(), AUTH_REQUIRED),
        // format=mcp on another API method: the plugin's renderer ran instead of the endpoint
        "format_misuse" => error_response(400, &ids.request_id, INVALID_REQUEST, FORMAT_WRONG_METHOD),
        "bad_request" => {
            let text = if message.trim().is_empty() {
                "Invalid request."
            } else {
                message
            };
            error_response(400, &ids.request_id, INVALID_REQUEST, text)
        }
        _ => internal_error_response(&ids.request_id),
    }
}

#[cfg(test)]
pub mod tests;
