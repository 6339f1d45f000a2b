//! MCP methods inside an established session: `ping`, `tools/list`, `tools/call`, and the
//! `initialize` answer.

pub mod instructions;
pub mod versions;

use crate::jsonrpc::RpcError;
use crate::jsonrpc::{self, INVALID_REQUEST, METHOD_NOT_FOUND};
use crate::session::SessionState;
use crate::tools::{self, Call};
use crate::util::printable;
use serde_json::{Value, json};

pub const SERVER_NAME: &str = "Matomo MCP Server";

fn str_at<'v>(v: Option<&'v Value>, pointer: &str) -> Option<&'v str> {
    v.and_then(|p| p.pointer(pointer)).and_then(Value::as_str)
}

/// The `initialize` result and the state the session keeps.
pub fn initialize(params: Option<&Value>, plugin_version: &str) -> (String, SessionState) {
    let version = versions::negotiate(str_at(params, "/protocolVersion"));
    let mut server_info = json!({"name": SERVER_NAME, "version": plugin_version});
    if versions::has_structured_output(version) {
        server_info["title"] = json!("Matomo MCP Server");
    }
    let result = json!({
        "protocolVersion": version,
        "capabilities": {"tools": {"listChanged": false}},
        "serverInfo": server_info,
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
    };
    (result.to_string(), state)
}

/// One answered request: the JSON-RPC response body, and what the server event reports.
pub struct Answer {
    pub body: String,
    /// A JSON-RPC error, or a tool result with `isError`.
    pub is_error: bool,
    pub tool: Option<String>,
}

/// Answers one request of an established session with a complete JSON-RPC response body.
pub fn dispatch(call: &Call, id: &Value, method: &str, params: Option<&Value>) -> Answer {
    let mut tool = None;
    let outcome = match method {
        "ping" => Ok(("{}".to_string(), false)),
        "tools/list" => tools::kit::list::handle(call, params).map(|r| (r, false)),
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
            body: jsonrpc::result_body(id, &result),
            is_error,
            tool,
        },
        Err(e) => Answer {
            body: jsonrpc::error_value(id, e.code, &e.message, e.data).to_string(),
            is_error: true,
            tool,
        },
    }
}
