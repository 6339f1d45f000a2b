//! Streamable HTTP: which HTTP methods exist, body limits, content negotiation, the session and
//! protocol-version headers, batches, and 200/202 answers.

mod accept;
mod modern;
#[cfg(test)]
mod tests;

use crate::config::McpConfig;
use crate::host::{Host, LogLevel};
use crate::http::{HttpRequest, HttpResponse};
use crate::jsonrpc::{
    self, INTERNAL_ERROR, INVALID_REQUEST, Message, PARSE_ERROR, error_response, internal_error_response,
};
use crate::protocol::{self, versions};
use crate::session::{self, Session};
use crate::tools::Call;
use accept::ResponseFormat;
use serde_json::{Value, json};
use std::time::Instant;

pub const MAX_BODY_BYTES: usize = 4 * 1024 * 1024;
/// Messages in one batch (protocol 2025-03-26): each may run a tool, and a request must finish
/// well inside PHP's time limit.
pub const MAX_BATCH_ITEMS: usize = 50;
/// The batch answer's size past which further requests are not run (each tool answer is itself
/// capped by its max_bytes): the answer stays a small part of PHP's memory limit.
pub const MAX_BATCH_ANSWER_BYTES: usize = 4 * 1024 * 1024;
const SESSION_HEADER: &str = "mcp-session-id";
pub(crate) const VERSION_HEADER: &str = "mcp-protocol-version";

pub const SESSION_REQUIRED: &str = "A valid session id is REQUIRED for non-initialize requests.";
pub const SESSION_NOT_FOUND: &str = "Session not found or has expired.";

pub struct Context<'a> {
    pub login: &'a str,
    pub plugin_version: &'a str,
    pub config: &'a McpConfig,
    pub raw_api: &'a crate::tools::kit::access::Mode,
    pub tools: &'a crate::tools::kit::contributed::ToolsFacts,
}

pub fn handle(req: &HttpRequest, parsed: Option<Value>, ctx: &Context, host: &dyn Host) -> HttpResponse {
    match req.method.as_str() {
        "POST" => post(req, parsed, ctx, host),
        // 2026-07-28 has no sessions to end: DELETE is for legacy sessions only
        "DELETE"
            if !req
                .header(VERSION_HEADER)
                .is_some_and(|v| versions::is_modern(v.trim())) =>
        {
            delete(req, ctx, host)
        }
        _ => error_response(
            405,
            &Value::Null,
            INVALID_REQUEST,
            "Method Not Allowed: this endpoint accepts POST and DELETE.",
        )
        .with_header("Allow", "POST, DELETE"),
    }
}

fn storage_failure(host: &dyn Host, id: &Value, what: &str) -> HttpResponse {
    host.log(LogLevel::Error, &format!("MCP session storage failed: {what}"));
    internal_error_response(id)
}

fn delete(req: &HttpRequest, ctx: &Context, host: &dyn Host) -> HttpResponse {
    let Some(id) = req.header(SESSION_HEADER) else {
        return error_response(400, &Value::Null, INVALID_REQUEST, "Mcp-Session-Id header is required.");
    };
    match session::end(host, id.trim(), ctx.login, ctx.config.session_ttl) {
        Ok(true) => HttpResponse::new(200),
        Ok(false) => error_response(404, &Value::Null, INVALID_REQUEST, SESSION_NOT_FOUND),
        Err(e) => storage_failure(host, &Value::Null, &e.0),
    }
}

/// `application/json`, with parameters such as `; charset=utf-8` or not.
fn is_json(content_type: Option<&str>) -> bool {
    content_type
        .and_then(|c| c.split(';').next())
        .is_some_and(|media| media.trim().eq_ignore_ascii_case("application/json"))
}

fn is_initialize(v: &Value) -> bool {
    v.get("method").and_then(Value::as_str) == Some("initialize")
}

/// Who asked, for `McpServer.serverEvent`: a legacy session's negotiated state, or what a
/// modern request says of itself.
pub(crate) struct Requester<'a> {
    pub session_id: Option<&'a str>,
    pub protocol_version: &'a str,
    pub client_name: &'a str,
    pub client_version: &'a str,
}

impl<'a> Requester<'a> {
    fn of(session: &'a Session) -> Self {
        Self {
            session_id: Some(&session.id),
            protocol_version: &session.state.protocol_version,
            client_name: &session.state.client_name,
            client_version: &session.state.client_version,
        }
    }
}

/// The payload of `McpServer.serverEvent` for a completed request.
pub(crate) fn event(method: &str, who: &Requester, tool: Option<&str>, is_error: bool, started: Instant) -> Value {
    json!({
        "method": method,
        "sessionId": who.session_id,
        "toolName": tool,
        "isError": is_error,
        "durationMs": (started.elapsed().as_secs_f64() * 1000.0 * 100.0).round() / 100.0,
        "protocolVersion": who.protocol_version,
        "clientName": who.client_name.chars().take(100).collect::<String>(),
        "clientVersion": who.client_version.chars().take(50).collect::<String>(),
    })
}

fn post(req: &HttpRequest, parsed: Option<Value>, ctx: &Context, host: &dyn Host) -> HttpResponse {
    let started = Instant::now();
    if req.body.len() > MAX_BODY_BYTES {
        return error_response(
            413,
            &Value::Null,
            INVALID_REQUEST,
            "Request body too large: the limit is 4 MiB.",
        );
    }
    if !is_json(req.header("content-type")) {
        return error_response(
            415,
            &Value::Null,
            INVALID_REQUEST,
            "Unsupported Media Type: send the JSON-RPC message with Content-Type: application/json.",
        );
    }
    let Some(body) = parsed else {
        return error_response(
            400,
            &Value::Null,
            PARSE_ERROR,
            "Parse error: the request body is not valid JSON.",
        );
    };
    let ids = jsonrpc::body_ids(Some(&body));
    let Some(format) = accept::negotiate(req.header("accept")) else {
        return error_response(
            406,
            &ids.request_id,
            INVALID_REQUEST,
            "Not Acceptable: the client must accept application/json or text/event-stream.",
        );
    };
    if modern::is_modern(req, &body) {
        return modern::post(req, body, format, ctx, host, started);
    }
    if let Value::Array(items) = &body {
        if items.iter().any(is_initialize) {
            return error_response(
                400,
                &ids.request_id,
                INVALID_REQUEST,
                "The \"initialize\" request MUST NOT be part of a batch.",
            );
        }
    } else if is_initialize(&body) {
        return initialize(&body, format, ctx, host, started);
    }
    if req
        .header(VERSION_HEADER)
        .is_some_and(|v| !versions::is_supported(v.trim()))
    {
        return error_response(
            400,
            &ids.request_id,
            INVALID_REQUEST,
            &format!(
                "Unsupported MCP-Protocol-Version header. This server supports {}.",
                versions::SUPPORTED.join(", ")
            ),
        );
    }
    let session = match session_of(req, ctx, host, &ids.request_id) {
        Ok(s) => s,
        Err(answer) => return answer,
    };
    let tools = crate::tools::kit::contributed::ToolSet::new(crate::tools::builtin(), ctx.raw_api, ctx.tools);
    let call = Call {
        host,
        config: ctx.config,
        version: &session.state.protocol_version,
        structured_output: versions::has_structured_output(&session.state.protocol_version),
        argument_errors_as_results: false,
        ui_apps: session.state.ui_apps,
        session_id: &session.id,
        tools: &tools,
    };
    match body {
        Value::Array(items) => batch(&call, &items, format, &ids.request_id),
        single => match jsonrpc::classify(&single) {
            Message::Request { id, method, params } => {
                let answer = protocol::dispatch(&call, &method, params.as_ref());
                let done = event(
                    &method,
                    &Requester::of(&session),
                    answer.tool.as_deref(),
                    answer.is_error,
                    started,
                );
                respond(format, answer.into_body(&id, |r| r)).with_event(done)
            }
            Message::Notification { method } => {
                HttpResponse::new(202).with_event(event(&method, &Requester::of(&session), None, false, started))
            }
            Message::Response => HttpResponse::new(202),
            Message::Invalid { id, reason } => error_response(400, &id, INVALID_REQUEST, reason),
        },
    }
}

/// The session named by the request's header, or the 400/404 answer.
fn session_of(req: &HttpRequest, ctx: &Context, host: &dyn Host, rid: &Value) -> Result<Session, HttpResponse> {
    // two headers arrive as two entries or joined by a comma (session ids never contain one):
    // both are refused, not looked up. Behind nginx and php-fpm one of the two is dropped
    // before PHP sees the request, so there is nothing left to check.
    let id = match (req.header(SESSION_HEADER), req.header_count(SESSION_HEADER)) {
        (Some(id), 1) if !id.trim().is_empty() && !id.contains(',') => id.trim(),
        _ => return Err(error_response(400, rid, INVALID_REQUEST, SESSION_REQUIRED)),
    };
    match session::resume(host, id, ctx.login, ctx.config.session_ttl) {
        Ok(Some(s)) => Ok(s),
        Ok(None) => Err(error_response(404, rid, INVALID_REQUEST, SESSION_NOT_FOUND)),
        Err(e) => Err(storage_failure(host, rid, &e.0)),
    }
}

fn initialize(body: &Value, format: ResponseFormat, ctx: &Context, host: &dyn Host, started: Instant) -> HttpResponse {
    let Message::Request { id, params, .. } = jsonrpc::classify(body) else {
        let id = jsonrpc::body_ids(Some(body)).request_id;
        return error_response(
            400,
            &id,
            INVALID_REQUEST,
            "Invalid Request: initialize must be a request with an id.",
        );
    };
    let (result, state) = protocol::initialize(params.as_ref(), ctx.plugin_version);
    match session::create(host, ctx.login, ctx.config.session_ttl, state) {
        Ok(s) => respond(format, jsonrpc::result_body(&id, &result))
            .with_header("Mcp-Session-Id", &s.id)
            .with_event(event("initialize", &Requester::of(&s), None, false, started)),
        Err(e) => storage_failure(host, &id, &e.0),
    }
}

/// 2025-03-26 batches: every request answered, in order, in one JSON array.
fn batch(call: &Call, items: &[Value], format: ResponseFormat, rid: &Value) -> HttpResponse {
    if !versions::allows_batches(call.version) {
        return error_response(
            400,
            rid,
            INVALID_REQUEST,
            "Batch requests are not supported by the negotiated protocol version: send one JSON-RPC message per request.",
        );
    }
    if items.is_empty() {
        return error_response(400, rid, INVALID_REQUEST, "Invalid Request: empty batch.");
    }
    if items.len() > MAX_BATCH_ITEMS {
        return error_response(
            400,
            rid,
            INVALID_REQUEST,
            &format!(
                "Batch too large: at most {MAX_BATCH_ITEMS} messages per request. Send the rest in further requests."
            ),
        );
    }
    let mut answered = 0usize;
    let answers: Vec<String> = items
        .iter()
        .filter_map(|m| match jsonrpc::classify(m) {
            // past the answer budget a request is not run: its answer says so
            Message::Request { id, .. } if answered > MAX_BATCH_ANSWER_BYTES => Some(jsonrpc::error_body(
                &id,
                INTERNAL_ERROR,
                "Batch answer too large: this request was not run. Send it again in a request of its own.",
            )),
            Message::Request { id, method, params } => {
                let body = protocol::dispatch(call, &method, params.as_ref()).into_body(&id, |r| r);
                answered += body.len();
                Some(body)
            }
            Message::Notification { .. } | Message::Response => None,
            Message::Invalid { id, reason } => Some(jsonrpc::error_body(&id, INVALID_REQUEST, reason)),
        })
        .collect();
    if answers.is_empty() {
        return HttpResponse::new(202);
    }
    respond(format, format!("[{}]", answers.join(",")))
}

pub(crate) fn respond(format: ResponseFormat, body: String) -> HttpResponse {
    match format {
        ResponseFormat::Json => HttpResponse::json(200, body),
        ResponseFormat::EventStream => HttpResponse::new(200)
            .with_header("Content-Type", "text/event-stream")
            .with_header("Cache-Control", "no-cache")
            .with_header("X-Accel-Buffering", "no")
            .with_body(format!("event: message\ndata: {body}\n\n")),
    }
}
