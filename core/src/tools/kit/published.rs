//! What clients are sent of a tool in `tools/list`: it goes into every conversation's context,
//! so it carries what a model and a client need and nothing twice.
//!
//! - Input schemas as validated, without the kit's own `x-` error messages, length bounds and
//!   an empty `required` (an empty or too long value is refused with a clear error anyway).
//!   MCP's own `x-mcp-header` stays: clients mirror that argument in an `Mcp-Param-*` header.
//! - Output schemas as the shape of the answer: types, properties and items; without
//!   descriptions, limits, `required` lists or `additionalProperties` (the answers are the
//!   server's own, validated against the full schemas in its tests).
//! - Annotations without hints that mean nothing for a read-only tool (`destructiveHint` and
//!   `idempotentHint` apply only when `readOnlyHint` is false).

use crate::tools::Annotations;
use serde_json::{Map, Value, json};

pub fn input_schema(schema: &Value) -> Value {
    let mut published = strip(schema, &|key| {
        (key.starts_with("x-") && key != "x-mcp-header") || key == "maxLength" || key == "minLength"
    });
    if published
        .get("required")
        .is_some_and(|r| r.as_array().is_some_and(Vec::is_empty))
        && let Some(m) = published.as_object_mut()
    {
        m.remove("required");
    }
    published
}

pub fn output_schema(schema: &Value) -> Value {
    strip(schema, &|key| {
        matches!(
            key,
            "description"
                | "additionalProperties"
                | "minimum"
                | "maximum"
                | "minLength"
                | "maxLength"
                | "default"
                | "required"
        ) || key.starts_with("x-")
    })
}

pub fn annotations(a: Annotations) -> Value {
    if a.read_only {
        json!({"readOnlyHint": true, "openWorldHint": a.open_world})
    } else {
        a.to_json()
    }
}

/// A copy without the schema keywords `drop` names. Property names under `properties` are data,
/// never keywords, and are kept whatever they are called.
fn strip(v: &Value, drop: &dyn Fn(&str) -> bool) -> Value {
    match v {
        Value::Object(m) => {
            let mut out = Map::new();
            for (k, x) in m {
                if k == "properties" {
                    let props = x
                        .as_object()
                        .map(|p| p.iter().map(|(name, s)| (name.clone(), strip(s, drop))).collect())
                        .unwrap_or_default();
                    out.insert(k.clone(), Value::Object(props));
                } else if !drop(k) {
                    out.insert(k.clone(), strip(x, drop));
                }
            }
            Value::Object(out)
        }
        Value::Array(a) => Value::Array(a.iter().map(|x| strip(x, drop)).collect()),
        other => other.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keywords_go_property_names_stay() {
        let schema = json!({"type": "object", "properties": {"description": {"type": "string", "description": "x"},
            "n": {"type": "integer", "minimum": 1}}, "additionalProperties": false, "x-not-message": "m"});
        assert_eq!(
            output_schema(&schema),
            json!({"type": "object", "properties": {"description": {"type": "string"}, "n": {"type": "integer"}}})
        );
        let nested = json!({"type": "object", "properties": {"a": {"type": "object", "properties": {"b": {"type": "string"}},
            "required": ["b"]}}, "required": ["a"]});
        assert_eq!(
            output_schema(&nested),
            json!({"type": "object", "properties": {"a": {"type": "object", "properties": {"b": {"type": "string"}}}}})
        );
        assert_eq!(
            input_schema(&schema),
            json!({"type": "object", "properties": {"description": {"type": "string", "description": "x"},
                "n": {"type": "integer", "minimum": 1}}, "additionalProperties": false})
        );
        assert_eq!(
            annotations(Annotations::READ_ONLY),
            json!({"readOnlyHint": true, "openWorldHint": false})
        );
    }
}
