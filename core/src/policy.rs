//! The names that decide whether a secret can leak or a request can be steered, in one place:
//! "can a token leak or be injected?" is answered by reading this file.
//!
//! - Parameters a caller may never set, because they carry credentials or steer Matomo's own
//!   request handling (the raw API tools, report `apiParameters`).
//! - Parameters scrubbed from every URL in an answer (Matomo embeds the caller's token in some).
//! - Words that mark a key as secret in the tool-call log, at any depth.
//! - Phrases that mark a Matomo error message as internal (never shown to the model).
//! - PHP's `[]`, which is an empty list or an empty map, read as a map where a map is meant.

use serde_json::{Map, Value};

/// URL and request parameters that carry credentials.
pub const CREDENTIALS: [&str; 2] = ["token_auth", "force_api_session"];

/// Request parameters that steer how Matomo handles the request (which method, which format).
const STEERING: [&str; 5] = ["method", "module", "action", "format", "serialize"];

/// Report parameters that change how Matomo labels columns (answers are read by column id).
const REPORT_STEERING: [&str; 1] = ["translateColumnNames"];

/// The name PHP makes of a request key: surrounding blanks gone, `name[...]` read as `name`,
/// spaces and dots as underscores (`parse_str`), case folded for the comparison.
fn as_php_reads_it(key: &str) -> String {
    let key = key.trim();
    let key = key.split('[').next().unwrap_or(key).trim();
    key.chars()
        .map(|c| {
            if c == ' ' || c == '.' {
                '_'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect()
}

/// A raw API call may not carry this parameter, under any spelling PHP reads as it.
pub fn is_reserved_parameter(key: &str) -> bool {
    is_among(key, CREDENTIALS.iter().chain(&STEERING))
}

/// A report's `apiParameters` may not carry this key.
pub fn is_reserved_report_parameter(key: &str) -> bool {
    is_among(key, CREDENTIALS.iter().chain(&STEERING).chain(&REPORT_STEERING))
}

fn is_among<'a>(key: &str, mut names: impl Iterator<Item = &'a &'static str>) -> bool {
    let key = as_php_reads_it(key);
    names.any(|r| r.eq_ignore_ascii_case(&key))
}

/// `name=value` is a credential to scrub from a URL or query string.
pub fn is_credential_assignment(segment: &str) -> bool {
    let name = segment.split('=').next().unwrap_or("");
    CREDENTIALS.iter().any(|p| name.eq_ignore_ascii_case(p))
}

/// Words that mark a key as secret in logs.
const SECRET_WORDS: [&str; 8] = [
    "token", "secret", "password", "passwd", "auth", "key", "session", "cookie",
];

/// The value under this key is never written to a log, in any logging mode.
pub fn is_secret_key(key: &str) -> bool {
    let k = key.to_ascii_lowercase();
    SECRET_WORDS.iter().any(|w| k.contains(w))
}

/// Phrases that mark an error message as internal (lower-case): credentials, sessions, SQL,
/// PHP internals.
pub const INTERNAL_PHRASES: [&str; 16] = [
    "token_auth",
    "bearer",
    "session token",
    "session id",
    "phpsessid",
    "force_api_session",
    "sqlstate",
    "call to undefined",
    "wasn't found in",
    "stack trace",
    "create table",
    "alter table",
    "drop table",
    "insert into",
    "delete from",
    "select ",
];

/// A map where one is meant: PHP writes an empty map as `[]`, and `null` means none. `None` for
/// anything else, which the caller refuses.
pub fn php_map(v: &Value) -> Option<Map<String, Value>> {
    match v {
        Value::Object(m) => Some(m.clone()),
        Value::Array(a) if a.is_empty() => Some(Map::new()),
        Value::Null => Some(Map::new()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn credentials_and_steering_are_reserved_in_any_case() {
        for key in [
            "token_auth",
            "Token_Auth",
            "FORCE_API_SESSION",
            "format",
            "method",
            "Module",
            "action",
            "serialize",
        ] {
            assert!(is_reserved_parameter(key), "{key}");
            assert!(is_reserved_report_parameter(key), "{key}");
        }
        assert!(is_reserved_report_parameter("translateColumnNames"));
        // B10: the spellings PHP reads as the same key
        for key in [
            "format[]",
            "token_auth ",
            " Token_Auth",
            "token auth",
            "token.auth",
            "method[x]",
            "translateColumnNames[]",
        ] {
            assert!(is_reserved_report_parameter(key), "{key}");
        }
        assert!(!is_reserved_parameter("idSite") && !is_reserved_parameter("translateColumnNames"));
        assert!(is_credential_assignment("TOKEN_AUTH=abc") && !is_credential_assignment("token=abc"));
    }

    #[test]
    fn secret_keys_and_php_maps() {
        assert!(is_secret_key("api_key") && is_secret_key("Password") && !is_secret_key("idSite"));
        assert_eq!(php_map(&json!([])), Some(Map::new()));
        assert_eq!(php_map(&json!(null)), Some(Map::new()));
        assert_eq!(php_map(&json!({"a": 1})).map(|m| m.len()), Some(1));
        assert_eq!(php_map(&json!([1])), None);
    }
}
