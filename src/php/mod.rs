//! The one place where PHP meets Rust: functions the plugin calls, and the conversions around
//! them. Everything here only converts; decisions are taken in the pure-Rust modules.

mod convert;
mod host;
mod request;

use ext_php_rs::boxed::ZBox;
use ext_php_rs::prelude::*;
use ext_php_rs::types::{ZendHashTable, ZendObject, Zval};
use host::PhpHost;
use matomo_mcp_core::{EndpointFacts, Host, HttpResponse, LogLevel, internal_error_response};
use serde_json::Value;
use std::panic::{AssertUnwindSafe, catch_unwind};

/// Runs `f`, turning a Rust panic into the generic internal-error answer: no panic may reach PHP.
fn guarded(host: &dyn Host, f: impl FnOnce() -> HttpResponse) -> HttpResponse {
    catch_unwind(AssertUnwindSafe(f)).unwrap_or_else(|_| {
        host.log(
            LogLevel::Error,
            "MCP core: internal error (Rust panic) while answering a request",
        );
        internal_error_response(&Value::String(String::new()))
    })
}

fn response_array(r: &HttpResponse) -> PhpResult<ZBox<ZendHashTable>> {
    let mut headers = ZendHashTable::new();
    for (name, value) in &r.headers {
        let mut pair = ZendHashTable::new();
        pair.push(name.as_str())?;
        pair.push(value.as_str())?;
        headers.push(pair)?;
    }
    let mut out = ZendHashTable::new();
    out.insert("status", i64::from(r.status))?;
    out.insert("headers", headers)?;
    out.insert("body", r.body.as_str())?;
    match &r.matomo_error {
        Some(m) => out.insert("matomo_error", m.as_str())?,
        None => out.insert("matomo_error", ())?,
    }
    match &r.event {
        Some(e) => out.insert("event", convert::to_zval(e)?)?,
        None => out.insert("event", ())?,
    }
    Ok(out)
}

/// Answers one HTTP request to the MCP endpoint.
///
/// `$request`: `['method' => 'POST', 'headers' => [name => value|list], 'body' => string]`;
/// `$facts`: what Matomo knows (user, settings, config; see `EndpointFacts`);
/// `$bridge`: the plugin's `MatomoHost` object whose methods reach Matomo.
/// Returns `['status' => int, 'headers' => [[name, value]...], 'body' => string, 'matomo_error' => ?string]`.
#[php_function]
pub fn matomo_mcp_handle(request: &Zval, facts: &Zval, bridge: &ZendObject) -> PhpResult<ZBox<ZendHashTable>> {
    let host = PhpHost::new(bridge);
    let response = guarded(&host, || {
        let facts: EndpointFacts = match convert::to_value(facts)
            .map_err(|e| e.0)
            .and_then(|v| serde_json::from_value(v).map_err(|e| e.to_string()))
        {
            Ok(f) => f,
            Err(e) => {
                host.log(
                    LogLevel::Error,
                    &format!("MCP core: unusable endpoint facts from the plugin: {e}"),
                );
                return internal_error_response(&Value::String(String::new()));
            }
        };
        match request::from_zval(request) {
            Ok(req) => matomo_mcp_core::handle(&req, &facts, &host),
            Err(e) => {
                host.log(
                    LogLevel::Error,
                    &format!("MCP core: unusable request from the plugin: {e}"),
                );
                internal_error_response(&Value::String(String::new()))
            }
        }
    });
    if host.bailed_out() {
        resume_fatal_error(response);
    }
    response_array(&response)
}

/// Ends the request in the PHP fatal error a callback met, once everything Rust held for it is
/// released (the bailout jumps over this frame and the ones below it).
fn resume_fatal_error(response: HttpResponse) -> ! {
    drop(response);
    // SAFETY: nothing on this function's stack owns memory any more, and the Zval arguments of
    // the exported function belong to PHP, which is what the bailout hands control back to.
    unsafe { ext_php_rs::zend::bailout() }
}

/// The JSON-RPC error answer for an exception Matomo raised around the endpoint: a failed token
/// authentication (`unauthenticated`), a bad request such as `format=mcp` on another API method
/// (`bad_request`), anything else (`internal`, answered with a generic message). `$body` is the
/// request body, read only to echo the request id.
#[php_function]
pub fn matomo_mcp_exception_response(kind: &str, message: &Zval, body: &Zval) -> PhpResult<ZBox<ZendHashTable>> {
    // Matomo's exception messages may quote bytes that are not UTF-8: read, never refused
    let message = message
        .zend_str()
        .map(|s| String::from_utf8_lossy(s.as_bytes()).into_owned())
        .unwrap_or_default();
    let bytes = body.zend_str().map(|s| s.as_bytes()).unwrap_or_default();
    response_array(&matomo_mcp_core::exception_response(kind, &message, bytes))
}

/// Deletes expired sessions (Matomo's scheduled task); returns how many went.
#[php_function]
pub fn matomo_mcp_collect_expired_sessions(bridge: &ZendObject) -> i64 {
    let host = PhpHost::new(bridge);
    let removed = match catch_unwind(AssertUnwindSafe(|| matomo_mcp_core::collect_expired_sessions(&host))) {
        Ok(Ok(n)) => i64::try_from(n).unwrap_or(i64::MAX),
        Ok(Err(e)) => {
            host.log(LogLevel::Warning, &format!("MCP session clean-up failed: {}", e.0));
            0
        }
        Err(_) => 0,
    };
    if host.bailed_out() {
        resume_fatal_error(HttpResponse::new(500));
    }
    removed
}

/// The most body bytes worth reading: one more than the limit, so an oversized body is seen.
#[php_function]
pub fn matomo_mcp_max_body_bytes() -> i64 {
    i64::try_from(matomo_mcp_core::MAX_BODY_BYTES + 1).unwrap_or(i64::MAX)
}

/// Names of the built-in tools (for `McpServer.filterTools`, which may remove any tool).
#[php_function]
pub fn matomo_mcp_builtin_tool_names() -> Vec<String> {
    matomo_mcp_core::builtin_tool_names()
}

/// Bytes the extension holds on its own heap (for tests and diagnostics: after a request, only
/// what lives for the whole process, such as the tool registry, remains).
#[php_function]
pub fn matomo_mcp_heap_bytes() -> i64 {
    i64::try_from(crate::memory::live_bytes()).unwrap_or(i64::MAX)
}

/// The extension's version (shown on the plugin's system check).
#[php_function]
pub fn matomo_mcp_version() -> &'static str {
    matomo_mcp_core::VERSION
}

/// Why this extension cannot serve the plugin version given, or null when it can (same
/// major.minor): the plugin asks before it activates and on its system check.
#[php_function]
pub fn matomo_mcp_version_problem(plugin_version: &str) -> Option<String> {
    matomo_mcp_core::plugin_mismatch(plugin_version)
}

/// Adds the functions above to the module.
pub fn register(module: ModuleBuilder) -> ModuleBuilder {
    module
        .function(wrap_function!(matomo_mcp_handle))
        .function(wrap_function!(matomo_mcp_exception_response))
        .function(wrap_function!(matomo_mcp_collect_expired_sessions))
        .function(wrap_function!(matomo_mcp_max_body_bytes))
        .function(wrap_function!(matomo_mcp_version))
        .function(wrap_function!(matomo_mcp_version_problem))
        .function(wrap_function!(matomo_mcp_heap_bytes))
        .function(wrap_function!(matomo_mcp_builtin_tool_names))
}
