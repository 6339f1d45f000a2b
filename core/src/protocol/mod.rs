//! MCP methods: the legacy `initialize` answer, the modern `server/discover`, and the dispatch of
//! every other method to tools, prompts, resources and completions, for both eras.

pub mod envelope;
pub mod instructions;
pub mod versions;

use crate::jsonrpc::RpcError;
use crate::jsonrpc::{self, INVALID_REQUEST, METHOD_NOT_FOUND};
use crate::session::SessionState;
use crate::tools::{self, Call};
use crate::util::printable;
use crate::{apps, completion, prompts, resources};
use serde_json::{Value, json};

pub const SERVER_NAME: &str = "Matomo MCP Server";

fn str_at<'v>(v: Option<&'v Value>, pointer: &str) -> Option<&'v str> {
    v.and_then(|p| p.pointer(pointer)).and_then(Value::as_str)
}

/// Who answers, as a revision knows `Implementation` (`title` exists from 2025-06-18 on).
pub fn server_info(version: &str, plugin_version: &str) -> Value {
    let mut info = json!({"name": SERVER_NAME, "version": plugin_version});
    if versions::has_structured_output(version) {
        info["title"] = json!("Matomo MCP Server");
    }
    info
}

/// What this server offers. Nothing changes while a client is connected (no `listChanged`, no
/// subscriptions); completions exist from 2025-03-26 on.
pub fn capabilities(version: &str) -> Value {
    let mut caps = json!({
        "tools": {"listChanged": false},
        "prompts": {"listChanged": false},
        "resources": {"subscribe": false, "listChanged": false},
    });
    if version >= "2025-03-26" {
        caps["completions"] = json!({});
    }
    if versions::is_modern(version) {
        // extensions are declared from 2026-07-28 on; earlier revisions have no place for them
        caps["extensions"] = json!({apps::EXTENSION: {"mimeTypes": [apps::MIME]}});
    }
    caps
}

/// The `server/discover` result (2026-07-28) before its envelope: every revision this endpoint
/// speaks, legacy ones included, so a client may also choose `initialize`.
pub fn discover() -> String {
    json!({
        "supportedVersions": versions::all().collect::<Vec<_>>(),
        "capabilities": capabilities(versions::MODERN[0]),
        "instructions": instructions::INSTRUCTIONS,
    })
    .to_string()
}

/// The `initialize` result and the state the session keeps.
pub fn initialize(params: Option<&Value>, plugin_version: &str) -> (String, SessionState) {
    let version = versions::negotiate(str_at(params, "/protocolVersion"));
    let result = json!({
        "protocolVersion": version,
        "capabilities": capabilities(version),
        "serverInfo": server_info(version, plugin_version),
        "instructions": instructions::INSTRUCTIONS,
    });
    let state = SessionState {
        protocol_version: version.to_string(),
        client_name: str_at(params, "/clientInfo/name")
            .unwrap_or_default()
            .chars()
            .take(100)
            .collect(),
        client_version: str_at(params, "/clientInfo/version")
            .unwrap_or_default()
            .chars()
            .take(50)
            .collect(),
        ui_apps: apps::client_supports(params.and_then(|p| p.get("capabilities"))),
    };
    (result.to_string(), state)
}

/// One answered request: its result (JSON text) or error, and what the server event reports.
pub struct Answer {
    pub outcome: Result<String, RpcError>,
    /// A JSON-RPC error, or a tool result with `isError`.
    pub is_error: bool,
    pub tool: Option<String>,
}

impl Answer {
    /// The JSON-RPC response, the result written through `wrap` (the modern envelope).
    pub fn into_body(self, id: &Value, wrap: impl FnOnce(String) -> String) -> String {
        match self.outcome {
            Ok(result) => jsonrpc::result_body(id, &wrap(result)),
            Err(e) => jsonrpc::error_value(id, e.code, &e.message, e.data).to_string(),
        }
    }
}

/// Answers one request of either era (the transport has checked that the era has the method).
pub fn dispatch(call: &Call, method: &str, params: Option<&Value>) -> Answer {
    let mut tool = None;
    let modern = versions::is_modern(call.version);
    let outcome = match method {
        "ping" if !modern => Ok(("{}".to_string(), false)),
        "server/discover" if modern => Ok((discover(), false)),
        "tools/list" => tools::kit::list::handle(call, params).map(|r| (r, false)),
        "prompts/list" => prompts::list(params).map(|r| (r, false)),
        "prompts/get" => prompts::get(call.host, params).map(|r| (r, false)),
        "resources/list" => resources::list(call.host, params).map(|r| (r, false)),
        "resources/templates/list" => resources::templates(params).map(|r| (r, false)),
        "resources/read" => resources::read(call.host, params, modern).map(|r| (r, false)),
        "completion/complete" if call.version >= "2025-03-26" => {
            completion::complete(call.host, params).map(|r| (r, false))
        }
        "tools/call" => {
            tool = params
                .and_then(|p| p.get("name"))
                .and_then(Value::as_str)
                .map(printable);
            tools::kit::call::handle(call, params).map(|c| (c.result, c.is_error))
        }
        "initialize" => Err(RpcError::new(
            INVALID_REQUEST,
            "The session is already initialized. Send initialize without an Mcp-Session-Id header to start a new one.",
        )),
        _ => Err(RpcError::new(
            METHOD_NOT_FOUND,
            format!("Method not found: {}", printable(method)),
        )),
    };
    match outcome {
        Ok((result, is_error)) => Answer {
            outcome: Ok(result),
            is_error,
            tool,
        },
        Err(e) => Answer {
            outcome: Err(e),
            is_error: true,
            tool,
        },
    }
}
