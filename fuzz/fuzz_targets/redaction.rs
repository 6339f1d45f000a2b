//! Log redaction of tool arguments: a value under a secret key (planted at every depth of any
//! JSON) never reaches the log line, in either mode, and a line stays one line.
#![no_main]

use libfuzzer_sys::fuzz_target;
use matomo_mcp_core::testing::surface::{format_arguments, is_secret_key, tool_call_line};
use serde_json::{Map, Value, json};

const SECRET: &str = "s3cr3t-9f8e7d6c5b4a";
const SECRET_KEYS: [&str; 7] = [
    "token_auth",
    "Password",
    "authorization",
    "mcp-session-id",
    "X-Api-Key",
    "cookie",
    "client_secret",
];

/// Adds a secret-keyed entry (a string, a list or an object holding the secret) to every object.
fn plant(v: &mut Value, n: &mut usize) {
    match v {
        Value::Object(o) => {
            o.values_mut().for_each(|x| plant(x, n));
            let hidden = match *n % 3 {
                0 => json!(SECRET),
                1 => json!([1, SECRET]),
                _ => json!({"inner": SECRET, "deeper": [{"x": SECRET}]}),
            };
            o.insert(SECRET_KEYS[*n % SECRET_KEYS.len()].to_string(), hidden);
            *n += 1;
        }
        Value::Array(a) => a.iter_mut().for_each(|x| plant(x, n)),
        _ => {}
    }
}

/// Whether the input itself spells the secret (in a key or a value, once the control characters
/// that log lines drop are gone): then it is the client's own text, not a leak.
fn mentions_secret(v: &Value) -> bool {
    let spells = |s: &str| {
        s.chars()
            .filter(|c| !c.is_control())
            .collect::<String>()
            .contains(SECRET)
    };
    match v {
        Value::String(s) => spells(s),
        Value::Array(a) => a.iter().any(mentions_secret),
        Value::Object(o) => o.iter().any(|(k, x)| spells(k) || mentions_secret(x)),
        _ => false,
    }
}

fuzz_target!(|data: &[u8]| {
    if SECRET_KEYS.iter().any(|k| !is_secret_key(k)) {
        panic!("a secret key is not recognised as one");
    }
    let Ok(input) = serde_json::from_slice::<Value>(data) else {
        return;
    };
    if mentions_secret(&input) {
        return;
    }
    let mut args = match input {
        Value::Object(o) => o,
        other => Map::from_iter([("value".to_string(), other)]),
    };
    let tool = args.keys().next().cloned().unwrap_or_default();
    let mut n = 0;
    for value in args.values_mut() {
        plant(value, &mut n);
    }
    args.insert("token_auth".into(), json!(SECRET));
    for full in [false, true] {
        let line = format_arguments(&args, full);
        assert!(!line.contains(SECRET), "a secret in the log: {line}");
        let line = tool_call_line(&tool, &args, Some("Invalid value."), full);
        assert!(!line.contains(SECRET), "a secret in the log: {line}");
        assert!(
            !line.contains('\n') && !line.contains('\r'),
            "a log line split in two: {line:?}"
        );
    }
});
