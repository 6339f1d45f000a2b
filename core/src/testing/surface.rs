//! The core's inner parts that the fuzz targets drive directly, without the endpoint around
//! them: the JSON-RPC classifier, the three kinds of cursor and the log redaction. Each is a
//! thin call into the real code; nothing here decides anything.

use crate::jsonrpc::RpcError;
use crate::logging::{Outcome, ToolCallRecord, format_line};
use crate::tools::kit::pagination::{self, PageArgs, name_or_id_sorts};
use serde_json::{Map, Value};
use std::time::Duration;

pub use crate::jsonrpc::{BodyIds, Message, body_ids, classify, error_body};
pub use crate::logging::redact::format_arguments;
pub use crate::policy::is_secret_key;

/// One page of `rows` (objects with `name` and `idsite`) as the list tools page them: sorted in
/// the `sort`-th of their four orders (name or id, up or down), after `cursor`, the next cursor
/// bound to `scope`.
pub fn site_page(
    rows: Vec<Value>,
    limit: usize,
    sort: usize,
    cursor: Option<String>,
    scope: &Value,
) -> Result<Value, String> {
    let sorts = name_or_id_sorts!("idsite");
    let args = PageArgs {
        limit,
        cursor,
        sort: &sorts[sort % sorts.len()],
    };
    let ctx = pagination::context("matomo_sites_list", scope.clone());
    pagination::paginate("sites", rows, &args, &ctx).map_err(|e| e.0)
}

/// One page of `tools/list` over `all` (already serialised entries).
pub fn tools_page(all: &[String], cursor: Option<&Value>, page_size: usize) -> Result<String, RpcError> {
    crate::tools::kit::list::page(all, cursor, page_size)
}

/// The offset a `resources/list` cursor names.
pub fn resources_offset(cursor: Option<&Value>) -> Result<usize, RpcError> {
    crate::resources::cursor_offset(cursor)
}

/// The log line of one tool call, successful or failed.
pub fn tool_call_line(tool: &str, arguments: &Map<String, Value>, error: Option<&str>, full: bool) -> String {
    let record = ToolCallRecord {
        tool,
        arguments: Some(arguments),
        session_id: "fuzz-session",
        outcome: match error {
            Some(error) => Outcome::Failure { error },
            None => Outcome::Success { response_bytes: 1 },
        },
        duration: Duration::from_millis(1),
    };
    format_line(&record, full)
}
