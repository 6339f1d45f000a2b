//! What models get wrong in predictable ways, repaired before schema validation: aliases,
//! objects sent as JSON strings, `[]` for `{}`, `Module.action` ids, report parameters at the
//! wrong level. Two places that disagree are refused (naming the JSON pointers, never values).

use super::ToolError;
use serde_json::{Map, Value};

const MAX_JSON_DEPTH: usize = 20;
const MAX_JSON_PROPERTIES: usize = 200;

/// Keys a report call may carry at the top level that belong in `apiParameters`.
const REPORT_PARAMS_MISPLACED: [&str; 4] = ["expanded", "flat", "filter_sort_column", "filter_sort_order"];

fn conflict(a: &str, b: &str) -> ToolError {
    ToolError(format!("Conflicting values at {a} and {b}: send the value once."))
}

/// Equal enough to be the same intent: 250 == "250", true == 1 == "1".
fn same(a: &Value, b: &Value) -> bool {
    let fold = |v: &Value| match v {
        Value::Bool(true) => "1".to_string(),
        Value::Bool(false) => "0".to_string(),
        Value::String(s) => s.trim().to_string(),
        other => other.to_string(),
    };
    a == b || (!a.is_object() && !a.is_array() && !b.is_object() && !b.is_array() && fold(a) == fold(b))
}

/// Moves `from` to `to` inside one object; an existing different value is a conflict.
fn rename(args: &mut Map<String, Value>, from: &str, to: &str, at: &str) -> Result<(), ToolError> {
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
fn object_field(args: &mut Map<String, Value>, key: &str) -> Result<(), ToolError> {
    let replacement = match args.get(key) {
        Some(Value::Array(a)) if a.is_empty() => Some(Value::Object(Map::new())),
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

/// `Actions.getPageUrls` -> `Actions_getPageUrls`; trimmed selectors.
fn report_selector(args: &mut Map<String, Value>) {
    for key in ["reportUniqueId", "apiModule", "apiAction"] {
        if let Some(Value::String(s)) = args.get_mut(key) {
            *s = s.trim().to_string();
        }
    }
    if let Some(Value::String(id)) = args.get_mut("reportUniqueId")
        && let Some((module, rest)) = id.split_once('.')
        && !module.is_empty()
        && !rest.is_empty()
        && !module.contains(['_', ' '])
    {
        *id = format!("{module}_{rest}");
    }
}

/// Moves top-level report parameters into apiParameters and a segment out of it.
fn report_parameter_levels(args: &mut Map<String, Value>) -> Result<(), ToolError> {
    let mut api = match args.remove("apiParameters") {
        Some(Value::Object(m)) => m,
        Some(other) => {
            args.insert("apiParameters".into(), other); // left for the schema to refuse
            return Ok(());
        }
        None => Map::new(),
    };
    for key in REPORT_PARAMS_MISPLACED {
        if let Some(v) = args.remove(key) {
            match api.get(key) {
                Some(existing) if !same(existing, &v) => {
                    return Err(conflict(&format!("/{key}"), &format!("/apiParameters/{key}")));
                }
                _ => {
                    api.insert(key.to_string(), v);
                }
            }
        }
    }
    if let Some(segment) = api.remove("segment") {
        match args.get("segment") {
            Some(existing) if !same(existing, &segment) => return Err(conflict("/apiParameters/segment", "/segment")),
            _ => {
                args.insert("segment".into(), segment);
            }
        }
    }
    for alias in [("filterLimit", "filter_limit"), ("filterOffset", "filter_offset")] {
        if let Some(v) = api.remove(alias.0).or_else(|| api.remove(alias.1)) {
            match args.get(alias.1) {
                Some(existing) if !same(existing, &v) => {
                    return Err(conflict(
                        &format!("/apiParameters/{}", alias.1),
                        &format!("/{}", alias.1),
                    ));
                }
                _ => {
                    args.insert(alias.1.to_string(), v);
                }
            }
        }
    }
    if !api.is_empty() || args.contains_key("reportUniqueId") || args.contains_key("apiModule") {
        args.insert("apiParameters".into(), Value::Object(api));
    }
    if args
        .get("apiParameters")
        .is_some_and(|v| v.as_object().is_some_and(Map::is_empty))
    {
        args.remove("apiParameters");
    }
    Ok(())
}

pub fn normalize(tool: &str, args: &mut Map<String, Value>) -> Result<(), ToolError> {
    match tool {
        "matomo_report_processed" => {
            rename(args, "filterLimit", "filter_limit", "")?;
            rename(args, "filterOffset", "filter_offset", "")?;
            rename(args, "maxBytes", "max_bytes", "")?;
            object_field(args, "apiParameters")?;
            report_selector(args);
            report_parameter_levels(args)
        }
        "matomo_report_metadata" => {
            object_field(args, "apiParameters")?;
            report_selector(args);
            if args
                .get("apiParameters")
                .is_some_and(|v| v.as_object().is_some_and(Map::is_empty))
            {
                args.remove("apiParameters");
            }
            Ok(())
        }
        raw if raw.starts_with("matomo_api_call_") => object_field(args, "parameters"),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests;
