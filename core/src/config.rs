//! The `[McpServer]` section of Matomo's `config/config.ini.php`, read leniently: a bad value
//! falls back to its default instead of breaking the endpoint.

use crate::host::LogLevel;
use serde_json::{Map, Value};

pub const DEFAULT_SESSION_TTL: i64 = 3600;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct McpConfig {
    pub session_ttl: i64,
    pub log_tool_calls: bool,
    pub log_tool_call_level: LogLevel,
    pub log_tool_call_parameters_full: bool,
}

impl Default for McpConfig {
    fn default() -> Self {
        Self {
            session_ttl: DEFAULT_SESSION_TTL,
            log_tool_calls: false,
            log_tool_call_level: LogLevel::Debug,
            log_tool_call_parameters_full: false,
        }
    }
}

/// INI values arrive as strings ("1"), sometimes as PHP scalars; compare their text.
fn text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(if *b { "1" } else { "0" }.to_string()),
        _ => None,
    }
}

fn flag(v: Option<&Value>) -> bool {
    v.and_then(text)
        .is_some_and(|s| matches!(s.to_ascii_lowercase().as_str(), "1" | "true" | "on" | "yes"))
}

fn ttl(v: Option<&Value>) -> i64 {
    v.and_then(text)
        .and_then(|s| s.parse::<i64>().ok())
        .filter(|n| *n > 0)
        .unwrap_or(DEFAULT_SESSION_TTL)
}

/// VERBOSE exists in Matomo's config vocabulary but is logged through the debug level.
fn level(v: Option<&Value>) -> LogLevel {
    match v.and_then(text).map(|s| s.to_ascii_uppercase()).as_deref() {
        Some("ERROR") => LogLevel::Error,
        Some("WARN" | "WARNING") => LogLevel::Warning,
        Some("INFO") => LogLevel::Info,
        _ => LogLevel::Debug,
    }
}

impl McpConfig {
    pub fn from_section(section: &Map<String, Value>) -> Self {
        Self {
            session_ttl: ttl(section.get("session_ttl")),
            log_tool_calls: flag(section.get("log_tool_calls")),
            log_tool_call_level: level(section.get("log_tool_call_level")),
            log_tool_call_parameters_full: flag(section.get("log_tool_call_parameters_full")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn cfg(v: Value) -> McpConfig {
        McpConfig::from_section(v.as_object().expect("object"))
    }

    #[test]
    fn missing_section_gives_defaults() {
        assert_eq!(cfg(json!({})), McpConfig::default());
    }

    #[test]
    fn session_ttl_falls_back_on_invalid_values() {
        assert_eq!(cfg(json!({"session_ttl": "120"})).session_ttl, 120);
        assert_eq!(cfg(json!({"session_ttl": 60})).session_ttl, 60);
        for bad in [
            json!("abc"),
            json!("0"),
            json!("-5"),
            json!(""),
            json!("1.5"),
            json!(null),
        ] {
            assert_eq!(cfg(json!({"session_ttl": bad})).session_ttl, DEFAULT_SESSION_TTL);
        }
    }

    #[test]
    fn log_level_is_case_insensitive_and_trimmed() {
        assert_eq!(
            cfg(json!({"log_tool_call_level": " info "})).log_tool_call_level,
            LogLevel::Info
        );
        assert_eq!(
            cfg(json!({"log_tool_call_level": "Warn"})).log_tool_call_level,
            LogLevel::Warning
        );
        assert_eq!(
            cfg(json!({"log_tool_call_level": "WARNING"})).log_tool_call_level,
            LogLevel::Warning
        );
        assert_eq!(
            cfg(json!({"log_tool_call_level": "error"})).log_tool_call_level,
            LogLevel::Error
        );
        assert_eq!(
            cfg(json!({"log_tool_call_level": "VERBOSE"})).log_tool_call_level,
            LogLevel::Debug
        );
        assert_eq!(
            cfg(json!({"log_tool_call_level": "loud"})).log_tool_call_level,
            LogLevel::Debug
        );
    }

    #[test]
    fn flags_accept_ini_spellings() {
        assert!(cfg(json!({"log_tool_calls": "1"})).log_tool_calls);
        assert!(cfg(json!({"log_tool_calls": true})).log_tool_calls);
        assert!(cfg(json!({"log_tool_calls": 1})).log_tool_calls);
        assert!(!cfg(json!({"log_tool_calls": "0"})).log_tool_calls);
        assert!(!cfg(json!({"log_tool_calls": ""})).log_tool_calls);
        assert!(cfg(json!({"log_tool_call_parameters_full": "true"})).log_tool_call_parameters_full);
    }
}
