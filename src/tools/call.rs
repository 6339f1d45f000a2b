//! `tools/call`: find the tool, tolerate and validate its arguments, run it, shape and log.

use super::{ToolContext, coerce, output, registry, schema, tolerance};
use crate::jsonrpc::INVALID_PARAMS;
use crate::logging::{self, Outcome, ToolCallRecord};
use crate::protocol::{Call, RpcError, printable, versions};
use serde_json::{Map, Value, json};
use std::time::Instant;

/// At most this many violations are spelled out in the message (all are in `data`).
const SHOWN_VIOLATIONS: usize = 3;

fn invalid(message: impl Into<String>) -> RpcError {
    RpcError::new(INVALID_PARAMS, message)
}

/// `arguments` may be missing, `null`, an object, or the `[]` that PHP-minded clients send for `{}`.
fn arguments(params: &Map<String, Value>) -> Result<Map<String, Value>, RpcError> {
    match params.get("arguments") {
        None | Some(Value::Null) => Ok(Map::new()),
        Some(Value::Object(a)) => Ok(a.clone()),
        Some(Value::Array(a)) if a.is_empty() => Ok(Map::new()),
        Some(_) => Err(invalid("Invalid params: tools/call arguments must be an object.")),
    }
}

fn validation_error(tool: &str, violations: &[schema::Violation]) -> RpcError {
    let shown: Vec<String> = violations
        .iter()
        .take(SHOWN_VIOLATIONS)
        .map(|v| {
            format!(
                "Property '{}': {}",
                if v.pointer.is_empty() { "/" } else { &v.pointer },
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
        .map(|v| json!({"pointer": v.pointer, "message": v.message}))
        .collect();
    RpcError {
        code: INVALID_PARAMS,
        message: format!("Invalid parameters for tool '{tool}': {}{more}", shown.join("; ")),
        data: Some(json!({"validation_errors": list})),
    }
}

pub fn handle(call: &Call, params: Option<&Value>) -> Result<String, RpcError> {
    let params = params
        .and_then(Value::as_object)
        .ok_or_else(|| invalid("Invalid params: tools/call needs an object with a tool name."))?;
    let name = params
        .get("name")
        .and_then(Value::as_str)
        .ok_or_else(|| invalid("Invalid params: tools/call needs a tool name."))?;
    let tool = registry::builtin()
        .find(name)
        .filter(|t| t.available.allows(call.raw_api))
        .ok_or_else(|| invalid(format!("Unknown tool: {}", printable(name))))?;
    let started = Instant::now();
    let mut args = arguments(params)?;
    if let Err(problem) = tolerance::normalize(tool.name, &mut args) {
        let record = ToolCallRecord {
            tool: name,
            arguments: Some(&args),
            session_id: call.session_id,
            outcome: Outcome::Failure { error: &problem.0 },
            duration: started.elapsed(),
        };
        logging::log_tool_call(call.host, call.config, &record);
        return Ok(output::failure(&problem.0));
    }
    coerce::integers(&tool.input_schema, &mut args);
    let args = Value::Object(args);
    let violations = schema::validate(&tool.input_schema, &args);
    let args = match args {
        Value::Object(a) => a,
        _ => Map::new(),
    };
    let log = |outcome: Outcome| {
        let record = ToolCallRecord {
            tool: name,
            arguments: Some(&args),
            session_id: call.session_id,
            outcome,
            duration: started.elapsed(),
        };
        logging::log_tool_call(call.host, call.config, &record);
    };
    if !violations.is_empty() {
        let err = validation_error(tool.name, &violations);
        log(Outcome::Failure { error: &err.message });
        return Err(err);
    }
    let ctx = ToolContext {
        host: call.host,
        tool_name: tool.name,
        raw_api: call.raw_api,
    };
    match (tool.handler)(&ctx, &args) {
        Ok(mut value) => {
            output::scrub(&mut value);
            let body = output::success(&value, versions::has_structured_output(call.version));
            log(Outcome::Success {
                response_bytes: body.len(),
            });
            Ok(body)
        }
        Err(e) => {
            log(Outcome::Failure { error: &e.0 });
            Ok(output::failure(&e.0))
        }
    }
}
