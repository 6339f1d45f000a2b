//! Modern requests (2026-07-28): one JSON-RPC message per POST, carrying its revision, client
//! capabilities and client identity in `params._meta`, mirrored in `MCP-Protocol-Version`,
//! `Mcp-Method` and `Mcp-Name` headers. Nothing is stored between requests: no session row, no
//! database write.
//!
//! Checks run in the order the specification's errors imply: a request without its `_meta`
//! (-32602), headers that do not match the body (-32020), a revision this server does not speak
//! (-32022), then a method this revision does not have (HTTP 404, -32601).

use super::accept::ResponseFormat;
use super::{Context, Requester, event, respond};
use crate::http::{HttpRequest, HttpResponse};
use crate::jsonrpc::{self, INVALID_PARAMS, INVALID_REQUEST, METHOD_NOT_FOUND, Message, error_response};
use crate::protocol::{self, envelope, versions};
use crate::tools::Call;
use crate::util::{base64url, printable};
use serde_json::{Map, Value, json};
use std::time::Instant;

pub const HEADER_MISMATCH: i64 = -32020;
pub const UNSUPPORTED_PROTOCOL_VERSION: i64 = -32022;

const META_VERSION: &str = "io.modelcontextprotocol/protocolVersion";
const META_CAPABILITIES: &str = "io.modelcontextprotocol/clientCapabilities";
const META_CLIENT: &str = "io.modelcontextprotocol/clientInfo";

/// The methods of 2026-07-28 this server answers. `initialize`, `ping`, `logging/setLevel` and
/// resource subscriptions do not exist in that revision; `subscriptions/listen` is not offered
/// (nothing here ever changes while a client is connected).
const METHODS: [&str; 9] = [
    "server/discover",
    "tools/list",
    "tools/call",
    "prompts/list",
    "prompts/get",
    "resources/list",
    "resources/templates/list",
    "resources/read",
    "completion/complete",
];

/// A request is modern when its protocol-version header names no legacy revision, or when its
/// body carries the per-request version (an `initialize` with neither stays legacy).
pub fn is_modern(req: &HttpRequest, body: &Value) -> bool {
    let header = req.header(super::VERSION_HEADER).map(str::trim);
    header.is_some_and(|v| !versions::is_supported(v))
        || body
            .pointer("/params/_meta")
            .and_then(|m| m.get(META_VERSION))
            .is_some()
}

/// A header's value as MCP compares it: surrounding whitespace trimmed, `=?base64?...?=` decoded.
fn header_text(raw: &str) -> Result<String, String> {
    let value = raw.trim_matches([' ', '\t']);
    match value.strip_prefix("=?base64?").and_then(|v| v.strip_suffix("?=")) {
        Some(encoded) => base64url::decode_standard(encoded)
            .and_then(|bytes| String::from_utf8(bytes).ok())
            .ok_or_else(|| format!("'{}' is not valid base64 of UTF-8 text", printable(value))),
        None => Ok(value.to_string()),
    }
}

/// The header named `name` must be present and equal `expected` (the body's own value).
fn header_matches(req: &HttpRequest, name: &str, expected: &str) -> Result<(), String> {
    let Some(raw) = req.header(name) else {
        return Err(format!(
            "Header mismatch: the {name} header is missing; it must repeat the body's value '{}'.",
            printable(expected)
        ));
    };
    let value = header_text(raw).map_err(|why| format!("Header mismatch: the {name} header value {why}."))?;
    if value != expected {
        return Err(format!(
            "Header mismatch: {name} header value '{}' does not match body value '{}'.",
            printable(&value),
            printable(expected)
        ));
    }
    Ok(())
}

/// What `Mcp-Name` repeats for this method: the tool or prompt name, or the resource URI.
fn named_in_body<'p>(method: &str, params: &'p Map<String, Value>) -> Option<&'p str> {
    let key = match method {
        "tools/call" | "prompts/get" => "name",
        "resources/read" => "uri",
        _ => return None,
    };
    Some(params.get(key).and_then(Value::as_str).unwrap_or(""))
}

/// The `Mcp-Param-*` headers a tool's schema asks for (`x-mcp-header` on a property) must repeat
/// the arguments they name; an argument that is absent or null needs no header.
fn param_headers_match(req: &HttpRequest, schema: &Value, args: Option<&Map<String, Value>>) -> Result<(), String> {
    let Some(properties) = schema.get("properties").and_then(Value::as_object) else {
        return Ok(());
    };
    for (property, definition) in properties {
        let Some(header) = definition.get("x-mcp-header").and_then(Value::as_str) else {
            continue;
        };
        let expected = match args.and_then(|a| a.get(property)) {
            None | Some(Value::Null) => continue,
            Some(Value::String(s)) => s.clone(),
            Some(Value::Bool(b)) => b.to_string(),
            Some(Value::Number(n)) => n.to_string(),
            Some(_) => continue,
        };
        let name = format!("Mcp-Param-{header}");
        let numeric = |v: &str| v.trim().parse::<f64>().ok();
        match header_matches(req, &name, &expected) {
            Err(_)
                if req.header(&name).is_some_and(|raw| {
                    // integers compare as numbers: 42.0 and 42 are the same argument
                    args.and_then(|a| a.get(property)).is_some_and(Value::is_number)
                        && numeric(raw).is_some()
                        && numeric(raw) == numeric(&expected)
                }) => {}
            Err(why) => return Err(why),
            Ok(()) => {}
        }
    }
    Ok(())
}

fn invalid_meta(id: &Value) -> HttpResponse {
    error_response(
        400,
        id,
        INVALID_PARAMS,
        "Invalid params: a 2026-07-28 request carries params._meta with \"io.modelcontextprotocol/protocolVersion\" (a string) and \"io.modelcontextprotocol/clientCapabilities\" (an object, {} for none).",
    )
}

fn unsupported_version(id: &Value, requested: &str) -> HttpResponse {
    let supported: Vec<&str> = versions::all().collect();
    let message = format!(
        "Unsupported protocol version '{}'. This server speaks {} (the legacy ones through initialize).",
        printable(requested),
        supported.join(", ")
    );
    let data = json!({"supported": supported, "requested": requested});
    HttpResponse::json(
        400,
        jsonrpc::error_value(id, UNSUPPORTED_PROTOCOL_VERSION, &message, Some(data)).to_string(),
    )
}

fn method_not_found(id: &Value, method: &str) -> HttpResponse {
    let message = match method {
        "initialize" | "ping" | "logging/setLevel" | "resources/subscribe" | "resources/unsubscribe" => format!(
            "Method not found: {method} is not part of protocol 2026-07-28 (send initialize without 2026-07-28 headers or _meta for a legacy session)."
        ),
        _ => format!("Method not found: {}", printable(method)),
    };
    error_response(404, id, METHOD_NOT_FOUND, &message)
}

pub fn post(
    req: &HttpRequest,
    body: Value,
    format: ResponseFormat,
    ctx: &Context,
    host: &dyn crate::host::Host,
    started: Instant,
) -> HttpResponse {
    let (id, method, params) = match body {
        Value::Array(_) => {
            return error_response(
                400,
                &Value::Null,
                INVALID_REQUEST,
                "Invalid Request: protocol 2026-07-28 has no batches; send one JSON-RPC message per request.",
            );
        }
        single => match jsonrpc::classify(&single) {
            Message::Request { id, method, params } => (id, method, params),
            // no client notification means anything to a stateless server
            Message::Notification { .. } | Message::Response => return HttpResponse::new(202),
            Message::Invalid { id, reason } => return error_response(400, &id, INVALID_REQUEST, reason),
        },
    };
    let empty = Map::new();
    let params_map = params.as_ref().and_then(Value::as_object).unwrap_or(&empty);
    let meta = params_map.get("_meta").and_then(Value::as_object);
    let (Some(version), Some(capabilities)) = (
        meta.and_then(|m| m.get(META_VERSION)).and_then(Value::as_str),
        meta.and_then(|m| m.get(META_CAPABILITIES)).filter(|c| c.is_object()),
    ) else {
        return invalid_meta(&id);
    };
    let headers = header_matches(req, "MCP-Protocol-Version", version)
        .and_then(|()| header_matches(req, "Mcp-Method", &method))
        .and_then(|()| match named_in_body(&method, params_map) {
            Some(name) => header_matches(req, "Mcp-Name", name),
            None => Ok(()),
        });
    if let Err(message) = headers {
        return error_response(400, &id, HEADER_MISMATCH, &message);
    }
    let tools = crate::tools::kit::contributed::ToolSet::new(crate::tools::builtin(), ctx.raw_api, ctx.tools);
    if method == "tools/call"
        && let Some(schema) = params_map
            .get("name")
            .and_then(Value::as_str)
            .and_then(|n| tools.input_schema(n))
        && let Err(message) = param_headers_match(req, schema, params_map.get("arguments").and_then(Value::as_object))
    {
        return error_response(400, &id, HEADER_MISMATCH, &message);
    }
    if !versions::is_modern(version) {
        return unsupported_version(&id, version);
    }
    if !METHODS.contains(&method.as_str()) {
        return method_not_found(&id, &method);
    }
    let client = meta.and_then(|m| m.get(META_CLIENT));
    let requester = Requester {
        session_id: None,
        protocol_version: version,
        client_name: client.and_then(|c| c.get("name")).and_then(Value::as_str).unwrap_or(""),
        client_version: client
            .and_then(|c| c.get("version"))
            .and_then(Value::as_str)
            .unwrap_or(""),
    };
    let call = Call {
        host,
        config: ctx.config,
        version,
        structured_output: true,
        argument_errors_as_results: true,
        ui_apps: crate::apps::client_supports(Some(capabilities)),
        session_id: "none",
        tools: &tools,
    };
    let answer = protocol::dispatch(&call, &method, params.as_ref());
    let (tool, is_error) = (answer.tool.clone(), answer.is_error);
    let info = protocol::server_info(version, ctx.plugin_version);
    let body = answer.into_body(&id, |result| {
        envelope::complete(&result, &info, envelope::cache_of(&method))
    });
    let done = event(&method, &requester, tool.as_deref(), is_error, started);
    respond(format, body).with_event(done)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_values_are_trimmed_and_base64_decoded() {
        assert_eq!(header_text("  tools/list \t").as_deref(), Ok("tools/list"));
        assert_eq!(header_text("=?base64?SGVsbG8=?=").as_deref(), Ok("Hello"));
        assert!(header_text("=?base64?SGVsbG8?=").is_err(), "bad padding");
        assert!(header_text("=?base64?SGV*bG8=?=").is_err(), "not the alphabet");
        assert_eq!(
            header_text("=?base64?SGVsbG8=").as_deref(),
            Ok("=?base64?SGVsbG8="),
            "a literal"
        );
    }
}
