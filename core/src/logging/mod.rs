//! One log line per `tools/call`, written through Matomo's logger at the configured level.

pub mod redact;

use crate::config::McpConfig;
use crate::host::Host;
use serde_json::{Map, Value};
use std::time::Duration;

pub enum Outcome<'a> {
    Success { response_bytes: usize },
    Failure { error: &'a str },
}

pub struct ToolCallRecord<'a> {
    pub tool: &'a str,
    pub arguments: Option<&'a Map<String, Value>>,
    pub session_id: &'a str,
    pub outcome: Outcome<'a>,
    pub duration: Duration,
}

pub fn format_line(record: &ToolCallRecord, full_parameters: bool) -> String {
    let args = record
        .arguments
        .map(|a| redact::format_arguments(a, full_parameters))
        .unwrap_or_default();
    let ms = record.duration.as_secs_f64() * 1000.0;
    let tool = crate::util::printable(record.tool);
    match record.outcome {
        Outcome::Success { response_bytes } => format!(
            "MCP Tool Call successful: {tool} [{args}] [session={}, response_bytes={response_bytes}, duration_ms={ms:.1}]",
            record.session_id
        ),
        Outcome::Failure { error } => format!(
            "MCP Tool Call failed: {tool}: {error} [{args}] [session={}, duration_ms={ms:.1}]",
            record.session_id
        ),
    }
}

/// Writes the line when logging is enabled. Never fails the request: the host logger swallows
/// its own errors.
pub fn log_tool_call(host: &dyn Host, config: &McpConfig, record: &ToolCallRecord) {
    if config.log_tool_calls {
        host.log(
            config.log_tool_call_level,
            &format_line(record, config.log_tool_call_parameters_full),
        );
    }
}
