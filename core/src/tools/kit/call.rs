//! `tools/call`: find the tool, tolerate and validate its arguments, run it, shape and log.

use crate::host::{ApiErrorKind, LogLevel};
use crate::jsonrpc::INVALID_PARAMS;
use crate::jsonrpc::RpcError;
use crate::logging::{self, Outcome, ToolCallRecord};
use crate::tools::Call;
use crate::tools::kit::contributed::Found;
use crate::tools::kit::{coerce, output, schema};
use crate::tools::{ToolContext, ToolError, ToolResult};
use crate::util::printable;
use serde_json::{Map, Value, json};
use std::time::Instant;

/// At most this many violations are spelled out in the message (all are in `data`).
const SHOWN_VIOLATIONS: usize = 3;
/// Violations listed in the error's data: an error never grows with the request (30,000 unknown
/// properties are 20 entries and a count).
const LISTED_VIOLATIONS: usize = 20;

fn invalid(message: impl Into<String>) -> RpcError {
    RpcError::new(INVALID_PARAMS, message)
}

/// `arguments` may be missing, `null`, an object, or the `[]` that PHP-minded clients send for `{}`.
fn arguments(params: &Map<String, Value>) -> Result<Map<String, Value>, RpcError> {
    match params.get("arguments") {
        None => Ok(Map::new()),
        Some(a) => {
            crate::policy::php_map(a).ok_or_else(|| invalid("Invalid params: tools/call arguments must be an object."))
        }
    }
}

fn validation_error(tool: &str, violations: &[schema::Violation]) -> RpcError {
    let shown: Vec<String> = violations
        .iter()
        .take(SHOWN_VIOLATIONS)
        .map(|v| {
            format!(
                "Property '{}': {}",
                if v.pointer.is_empty() {
                    "/".to_string()
                } else {
                    printable(&v.pointer)
                },
                v.message
            )
        })
        .collect();
    let more = if violations.len() > SHOWN_VIOLATIONS {
        "; ...and more errors."
    } else {
        ""
    };
    let list: Vec<Value> = violations
        .iter()
        .take(LISTED_VIOLATIONS)
        .map(|v| json!({"pointer": printable(&v.pointer), "message": v.message}))
        .collect();
    let mut data = json!({"validation_errors": list});
    if violations.len() > LISTED_VIOLATIONS {
        data["more_errors"] = json!(violations.len() - LISTED_VIOLATIONS);
    }
    RpcError {
        code: INVALID_PARAMS,
        message: format!("Invalid parameters for tool '{tool}': {}{more}", shown.join("; ")),
        data: Some(data),
    }
}

/// The answer of one `tools/call` and whether it reports a failure (for the server event).
pub struct Called {
    pub result: String,
    pub is_error: bool,
}

/// What runs a found tool: a built-in handler or the contributing plugin's PHP code.
fn execute(call: &Call, found: &Found, args: &Map<String, Value>) -> ToolResult {
    match found {
        Found::Builtin(tool) => {
            let ctx = ToolContext {
                host: call.host,
                tool_name: tool.name,
                raw_api: call.tools.mode(),
            };
            (tool.handler)(&ctx, args)
        }
        Found::Contributed(tool) => match call.host.call_tool(&tool.name, args) {
            Ok(value) if value.is_object() || tool.output_schema.is_none() => Ok(value),
            Ok(_) => Err(ToolError::new(
                "Tool execution failed: the tool answered something other than an object.",
            )),
            Err(e) if e.kind == ApiErrorKind::Rejected => Err(ToolError(e.message)),
            Err(e) => {
                call.host.log(
                    LogLevel::Warning,
                    &format!("MCP tool {} failed: {}", tool.name, e.message),
                );
                Err(ToolError::new("Tool execution failed."))
            }
        },
    }
}

pub fn handle(call: &Call, params: Option<&Value>) -> Result<Called, RpcError> {
    let params = params
        .and_then(Value::as_object)
        .ok_or_else(|| invalid("Invalid params: tools/call needs an object with a tool name."))?;
    let name = params
        .get("name")
        .and_then(Value::as_str)
        .ok_or_else(|| invalid("Invalid params: tools/call needs a tool name."))?;
    let found = call
        .tools
        .find(name)
        .ok_or_else(|| invalid(format!("Unknown tool: {}", printable(name))))?;
    let (tool_name, input_schema) = match &found {
        Found::Builtin(t) => (t.name, &t.input_schema),
        Found::Contributed(t) => (t.name.as_str(), &t.input_schema),
    };
    let started = Instant::now();
    let mut args = arguments(params)?;
    let log = |args: &Map<String, Value>, outcome: Outcome| {
        let record = ToolCallRecord {
            tool: name,
            arguments: Some(args),
            session_id: call.session_id,
            outcome,
            duration: started.elapsed(),
        };
        logging::log_tool_call(call.host, call.config, &record);
    };
    if let Found::Builtin(tool) = &found
        && let Err(problem) = (tool.repair)(&mut args)
    {
        log(&args, Outcome::Failure { error: &problem.0 });
        return Ok(Called {
            result: output::failure(&problem.0),
            is_error: true,
        });
    }
    coerce::integers(input_schema, &mut args);
    let args = Value::Object(args);
    let violations = schema::validate(input_schema, &args);
    let args = match args {
        Value::Object(a) => a,
        _ => Map::new(),
    };
    if !violations.is_empty() {
        let err = validation_error(tool_name, &violations);
        log(&args, Outcome::Failure { error: &err.message });
        if call.argument_errors_as_results {
            // 2026-07-28: argument problems are the model's to fix, so they come as a tool result
            return Ok(Called {
                result: output::failure(&err.message),
                is_error: true,
            });
        }
        return Err(err);
    }
    match execute(call, &found, &args) {
        Ok(mut value) => {
            output::scrub(&mut value);
            let structured = call.structured_output && value.is_object();
            let result = output::success(&value, structured);
            log(
                &args,
                Outcome::Success {
                    response_bytes: result.len(),
                },
            );
            Ok(Called {
                result,
                is_error: false,
            })
        }
        Err(e) => {
            log(&args, Outcome::Failure { error: &e.0 });
            Ok(Called {
                result: output::failure(&e.0),
                is_error: true,
            })
        }
    }
}
