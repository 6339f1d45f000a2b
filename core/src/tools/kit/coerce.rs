//! Argument tolerance applied before schema validation. Models often send `"5"` for 5; a string
//! that is exactly the decimal form of an integer is accepted where the schema wants an integer.

use serde_json::{Map, Value};

/// `"5"` -> 5; `"05"`, `"1.5"`, `"1e3"`, `" 5"` stay strings (and then fail validation).
fn lossless_integer(s: &str) -> Option<i64> {
    let n: i64 = s.parse().ok()?;
    (n.to_string() == s).then_some(n)
}

fn wants_integer(prop_schema: &Value) -> bool {
    prop_schema.get("type").and_then(Value::as_str) == Some("integer")
}

/// Rewrites top-level string arguments whose property schema has `type: integer`.
pub fn integers(schema: &Value, args: &mut Map<String, Value>) {
    let Some(props) = schema.get("properties").and_then(Value::as_object) else {
        return;
    };
    for (name, value) in args.iter_mut() {
        if let (Some(ps), Value::String(s)) = (props.get(name), &*value)
            && wants_integer(ps)
            && let Some(n) = lossless_integer(s)
        {
            *value = Value::from(n);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn only_exact_integer_strings_become_integers() {
        let schema = json!({"properties":{"idSite":{"type":"integer"},"name":{"type":"string"}}});
        let mut args = json!({"idSite":"5","name":"7"}).as_object().cloned().expect("object");
        integers(&schema, &mut args);
        assert_eq!(Value::Object(args), json!({"idSite":5,"name":"7"}));
        for s in ["05", "1.5", "1e3", " 5", "", "-", "99999999999999999999"] {
            let mut a = json!({ "idSite": s }).as_object().cloned().expect("object");
            integers(&schema, &mut a);
            assert_eq!(a["idSite"], json!(s), "{s} must stay a string");
        }
        let mut neg = json!({"idSite":"-3"}).as_object().cloned().expect("object");
        integers(&schema, &mut neg);
        assert_eq!(neg["idSite"], json!(-3));
    }
}
