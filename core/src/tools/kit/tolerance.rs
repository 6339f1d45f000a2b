//! What models get wrong in predictable ways, repaired before schema validation: aliases,
//! objects sent as JSON strings, `[]` for `{}`, `Module.action` ids, report parameters at the
//! wrong level. Two places that disagree are refused (naming the JSON pointers, never values).
//! These are the kit's repairs; each tool picks its own (`Tool::repair`).

use crate::tools::ToolError;
use serde_json::{Map, Value};

const MAX_JSON_DEPTH: usize = 20;
const MAX_JSON_PROPERTIES: usize = 200;

pub(crate) fn conflict(a: &str, b: &str) -> ToolError {
    ToolError(format!("Conflicting values at {a} and {b}: send the value once."))
}

/// Equal enough to be the same intent: 250 == "250", true == 1 == "1".
pub(crate) fn same(a: &Value, b: &Value) -> bool {
    let fold = |v: &Value| match v {
        Value::Bool(true) => "1".to_string(),
        Value::Bool(false) => "0".to_string(),
        Value::String(s) => s.trim().to_string(),
        other => other.to_string(),
    };
    a == b || (!a.is_object() && !a.is_array() && !b.is_object() && !b.is_array() && fold(a) == fold(b))
}

/// Moves `from` to `to` inside one object; an existing different value is a conflict.
pub(crate) fn rename(args: &mut Map<String, Value>, from: &str, to: &str, at: &str) -> Result<(), ToolError> {
    let Some(v) = args.remove(from) else { return Ok(()) };
    match args.get(to) {
        Some(existing) if !same(existing, &v) => Err(conflict(&format!("{at}/{from}"), &format!("{at}/{to}"))),
        Some(_) => Ok(()),
        None => {
            args.insert(to.to_string(), v);
            Ok(())
        }
    }
}

fn depth(v: &Value) -> usize {
    match v {
        Value::Object(m) => 1 + m.values().map(depth).max().unwrap_or(0),
        Value::Array(a) => 1 + a.iter().map(depth).max().unwrap_or(0),
        _ => 0,
    }
}

fn properties(v: &Value) -> usize {
    match v {
        Value::Object(m) => m.len().max(m.values().map(properties).max().unwrap_or(0)),
        Value::Array(a) => a.iter().map(properties).max().unwrap_or(0),
        _ => 0,
    }
}

/// An object field may arrive as a JSON string (`"{\"flat\":1}"`) or as PHP's `[]`.
pub(crate) fn object_field(args: &mut Map<String, Value>, key: &str) -> Result<(), ToolError> {
    let replacement = match args.get(key) {
        Some(v @ Value::Array(_)) => crate::policy::php_map(v).map(Value::Object),
        Some(Value::String(s)) if s.trim().is_empty() => Some(Value::Object(Map::new())),
        Some(Value::String(s)) if s.trim_start().starts_with('{') => {
            let bad = || ToolError(format!("Argument /{key} must be a JSON object."));
            let parsed: Value = serde_json::from_str(s.trim()).map_err(|_| bad())?;
            let numeric_keys = parsed
                .as_object()
                .is_some_and(|o| o.keys().any(|k| k.parse::<i64>().is_ok()));
            if !parsed.is_object()
                || numeric_keys
                || depth(&parsed) > MAX_JSON_DEPTH
                || properties(&parsed) > MAX_JSON_PROPERTIES
            {
                return Err(bad());
            }
            Some(parsed)
        }
        _ => None,
    };
    if let Some(v) = replacement {
        args.insert(key.to_string(), v);
    }
    Ok(())
}

/// For tools without repairs.
pub fn nothing(_: &mut Map<String, Value>) -> Result<(), ToolError> {
    Ok(())
}

#[cfg(test)]
mod tests;
