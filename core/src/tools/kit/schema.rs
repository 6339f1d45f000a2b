//! A JSON Schema validator for the keywords tool schemas use (draft 2020-12 vocabulary):
//! type, enum, const, properties, required, additionalProperties, patternProperties-free objects,
//! min/maxProperties, items, min/maxItems, uniqueItems, min/maxLength, minimum, maximum,
//! exclusiveMinimum/Maximum, multipleOf, allOf, anyOf, oneOf, not. Unknown keywords are ignored,
//! as the specification asks. Errors name JSON pointers and never echo the value.

use serde_json::{Map, Value};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    /// JSON pointer into the arguments ("" is the whole arguments object).
    pub pointer: String,
    pub message: String,
}

pub fn validate(schema: &Value, instance: &Value) -> Vec<Violation> {
    let mut out = Vec::new();
    check(schema, instance, "", &mut out);
    out
}

pub fn is_valid(schema: &Value, instance: &Value) -> bool {
    validate(schema, instance).is_empty()
}

fn escape(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

fn push(out: &mut Vec<Violation>, pointer: &str, message: String) {
    out.push(Violation {
        pointer: pointer.to_string(),
        message,
    });
}

pub fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_i64() || n.is_u64() => "integer",
        Value::Number(n) if n.as_f64().is_some_and(|f| f.fract() == 0.0) => "integer",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

fn has_type(v: &Value, t: &str) -> bool {
    let actual = type_name(v);
    actual == t || (t == "number" && actual == "integer")
}

fn check(schema: &Value, v: &Value, at: &str, out: &mut Vec<Violation>) {
    let s = match schema {
        Value::Bool(true) => return,
        Value::Bool(false) => return push(out, at, "is not allowed".into()),
        Value::Object(s) => s,
        _ => return,
    };
    if let Some(t) = s.get("type") {
        let allowed: Vec<&str> = match t {
            Value::String(t) => vec![t.as_str()],
            Value::Array(ts) => ts.iter().filter_map(Value::as_str).collect(),
            _ => vec![],
        };
        if !allowed.is_empty() && !allowed.iter().any(|t| has_type(v, t)) {
            return push(out, at, format!("must be of type {}", allowed.join(" or ")));
        }
    }
    if let Some(Value::Array(options)) = s.get("enum")
        && !options.contains(v)
    {
        let names: Vec<String> = options
            .iter()
            .map(|o| o.as_str().map_or_else(|| o.to_string(), str::to_string))
            .collect();
        push(out, at, format!("must be one of: {}", names.join(", ")));
    }
    if let Some(c) = s.get("const")
        && c != v
    {
        push(out, at, "has an unexpected value".into());
    }
    match v {
        Value::Object(o) => check_object(s, o, at, out),
        Value::Array(a) => check_array(s, a, at, out),
        Value::String(text) => check_string(s, text, at, out),
        Value::Number(_) => check_number(s, v, at, out),
        _ => {}
    }
    check_combinators(s, v, at, out);
}

fn check_object(s: &Map<String, Value>, o: &Map<String, Value>, at: &str, out: &mut Vec<Violation>) {
    let props = s.get("properties").and_then(Value::as_object);
    if let Some(Value::Array(required)) = s.get("required") {
        for name in required.iter().filter_map(Value::as_str) {
            if !o.contains_key(name) {
                push(out, &format!("{at}/{}", escape(name)), "is required".into());
            }
        }
    }
    for (k, child) in o {
        let here = format!("{at}/{}", escape(k));
        match props.and_then(|p| p.get(k)) {
            Some(ps) => check(ps, child, &here, out),
            None => match s.get("additionalProperties") {
                Some(Value::Bool(false)) => push(out, &here, "is not allowed".into()),
                Some(extra @ Value::Object(_)) => check(extra, child, &here, out),
                _ => {}
            },
        }
    }
    if let Some(min) = s.get("minProperties").and_then(Value::as_u64)
        && (o.len() as u64) < min
    {
        push(out, at, format!("must have at least {min} properties"));
    }
    if let Some(max) = s.get("maxProperties").and_then(Value::as_u64)
        && o.len() as u64 > max
    {
        push(out, at, format!("must have at most {max} properties"));
    }
}

fn check_array(s: &Map<String, Value>, a: &[Value], at: &str, out: &mut Vec<Violation>) {
    if let Some(items) = s.get("items") {
        for (i, item) in a.iter().enumerate() {
            check(items, item, &format!("{at}/{i}"), out);
        }
    }
    if let Some(min) = s.get("minItems").and_then(Value::as_u64)
        && (a.len() as u64) < min
    {
        push(out, at, format!("must have at least {min} items"));
    }
    if let Some(max) = s.get("maxItems").and_then(Value::as_u64)
        && a.len() as u64 > max
    {
        push(out, at, format!("must have at most {max} items"));
    }
    if s.get("uniqueItems") == Some(&Value::Bool(true)) && a.iter().enumerate().any(|(i, x)| a[..i].contains(x)) {
        push(out, at, "must not contain duplicate items".into());
    }
}

fn check_string(s: &Map<String, Value>, text: &str, at: &str, out: &mut Vec<Violation>) {
    let len = text.chars().count() as u64;
    if let Some(min) = s.get("minLength").and_then(Value::as_u64)
        && len < min
    {
        push(out, at, format!("must be at least {min} characters long"));
    }
    if let Some(max) = s.get("maxLength").and_then(Value::as_u64)
        && len > max
    {
        push(out, at, format!("must be at most {max} characters long"));
    }
}

fn check_number(s: &Map<String, Value>, v: &Value, at: &str, out: &mut Vec<Violation>) {
    let Some(x) = v.as_f64() else { return };
    let bound = |k: &str| s.get(k).and_then(Value::as_f64);
    let show = |k: &str| s.get(k).map(Value::to_string).unwrap_or_default();
    if bound("minimum").is_some_and(|m| x < m) {
        push(out, at, format!("must be >= {}", show("minimum")));
    }
    if bound("maximum").is_some_and(|m| x > m) {
        push(out, at, format!("must be <= {}", show("maximum")));
    }
    if bound("exclusiveMinimum").is_some_and(|m| x <= m) {
        push(out, at, format!("must be > {}", show("exclusiveMinimum")));
    }
    if bound("exclusiveMaximum").is_some_and(|m| x >= m) {
        push(out, at, format!("must be < {}", show("exclusiveMaximum")));
    }
    if bound("multipleOf").is_some_and(|m| m > 0.0 && (x / m).fract() != 0.0) {
        push(out, at, format!("must be a multiple of {}", show("multipleOf")));
    }
}

fn check_combinators(s: &Map<String, Value>, v: &Value, at: &str, out: &mut Vec<Violation>) {
    if let Some(Value::Array(all)) = s.get("allOf") {
        for sub in all {
            check(sub, v, at, out);
        }
    }
    if let Some(Value::Array(any)) = s.get("anyOf")
        && !any.iter().any(|sub| is_valid(sub, v))
    {
        let msg = s
            .get("x-anyOf-message")
            .and_then(Value::as_str)
            .unwrap_or("must match at least one of the allowed forms");
        push(out, at, msg.to_string());
    }
    if let Some(Value::Array(one)) = s.get("oneOf") {
        let matches = one.iter().filter(|sub| is_valid(sub, v)).count();
        if matches != 1 {
            push(out, at, "must match exactly one of the allowed forms".into());
        }
    }
    if let Some(not) = s.get("not")
        && is_valid(not, v)
    {
        let msg = s
            .get("x-not-message")
            .and_then(Value::as_str)
            .unwrap_or("uses a combination of properties that is not allowed");
        push(out, at, msg.to_string());
    }
}

#[cfg(test)]
mod tests;
