//! Argument formatting for logs. Redacted mode shows only types and sizes; full mode shows
//! values, except under keys that name secrets, which stay masked at any depth.

use serde_json::{Map, Value};

use crate::policy::is_secret_key;

/// `<int>`, `<string:LEN>` (bytes), `<array:N>`, `<object:N>`...
pub fn shape(v: &Value) -> String {
    match v {
        Value::Null => "<null>".into(),
        Value::Bool(_) => "<bool>".into(),
        Value::Number(n) if n.is_i64() || n.is_u64() => "<int>".into(),
        Value::Number(_) => "<float>".into(),
        Value::String(s) => format!("<string:{}>", s.len()),
        Value::Array(a) => format!("<array:{}>", a.len()),
        Value::Object(o) => format!("<object:{}>", o.len()),
    }
}

/// A copy of `v` with values under secret keys replaced by their shape.
fn mask_secrets(v: &Value) -> Value {
    match v {
        Value::Object(o) => Value::Object(
            o.iter()
                .map(|(k, x)| {
                    (
                        k.clone(),
                        if is_secret_key(k) {
                            Value::String(shape(x))
                        } else {
                            mask_secrets(x)
                        },
                    )
                })
                .collect(),
        ),
        Value::Array(a) => Value::Array(a.iter().map(mask_secrets).collect()),
        other => other.clone(),
    }
}

/// `idSite: 1, period: "day"` (full) or `idSite: <int>, period: <string:3>` (redacted).
pub fn format_arguments(args: &Map<String, Value>, full: bool) -> String {
    args.iter()
        .map(|(k, v)| {
            let shown = if !full || is_secret_key(k) {
                shape(v)
            } else {
                mask_secrets(v).to_string()
            };
            format!("{}: {shown}", crate::util::printable(k))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn map(v: Value) -> Map<String, Value> {
        v.as_object().cloned().expect("object")
    }

    #[test]
    fn redacted_mode_shows_types_and_sizes_only() {
        let a = map(
            json!({"idSite": 1, "ratio": 0.5, "flat": true, "segment": "deviceType==smartphone", "x": null,
                           "ids": [1, 2], "params": {"a": 1}}),
        );
        assert_eq!(
            format_arguments(&a, false),
            "idSite: <int>, ratio: <float>, flat: <bool>, segment: <string:22>, x: <null>, ids: <array:2>, params: <object:1>"
        );
    }

    #[test]
    fn full_mode_shows_values_but_masks_secret_keys_at_any_depth() {
        let a = map(
            json!({"idSite": 1, "period": "day", "token_auth": "a1b2c3d4e5f60718293a4b5c6d7e8f90",
                           "parameters": {"Password": "hunter2", "nested": [{"api_key": "k"}], "name": "x/y"}}),
        );
        let line = format_arguments(&a, true);
        assert_eq!(
            line,
            r#"idSite: 1, period: "day", token_auth: <string:32>, parameters: {"Password":"<string:7>","nested":[{"api_key":"<string:1>"}],"name":"x/y"}"#
        );
        assert!(!line.contains("a1b2c3") && !line.contains("hunter2"));
    }

    #[test]
    fn secret_words_match_case_insensitively_inside_names() {
        for k in [
            "token_auth",
            "X-Session-Id",
            "cookieJar",
            "MyAuthHeader",
            "apiKey",
            "passwd",
            "client_secret",
        ] {
            assert!(is_secret_key(k), "{k}");
        }
        for k in ["idSite", "period", "segment", "filter_limit"] {
            assert!(!is_secret_key(k), "{k}");
        }
    }
}
