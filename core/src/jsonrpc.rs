//! JSON-RPC 2.0 messages: classifying what a client sent and writing the answers.

use crate::http::HttpResponse;
use serde_json::{Map, Value, json};

pub const PARSE_ERROR: i64 = -32700;
pub const INVALID_REQUEST: i64 = -32600;
pub const METHOD_NOT_FOUND: i64 = -32601;
pub const INVALID_PARAMS: i64 = -32602;
pub const INTERNAL_ERROR: i64 = -32603;

/// The answer to a failure inside the server: nothing about it reaches the client.
pub const INTERNAL: &str = "Internal endpoint error.";

/// A JSON-RPC error answer to one request.
#[derive(Debug, Clone, PartialEq)]
pub struct RpcError {
    pub code: i64,
    pub message: String,
    pub data: Option<Value>,
}

impl RpcError {
    pub fn new(code: i64, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
            data: None,
        }
    }
}

/// An HTTP answer carrying one JSON-RPC error.
pub fn error_response(status: u16, id: &Value, code: i64, message: &str) -> HttpResponse {
    HttpResponse::json(status, error_body(id, code, message))
}

/// The generic 500 answer for a failure inside the server.
pub fn internal_error_response(id: &Value) -> HttpResponse {
    error_response(500, id, INTERNAL_ERROR, INTERNAL)
}

/// One parsed JSON-RPC message.
#[derive(Debug, Clone, PartialEq)]
pub enum Message {
    Request {
        id: Value,
        method: String,
        params: Option<Value>,
    },
    Notification {
        method: String,
    },
    /// A response sent by the client (to a server request we never make); accepted and ignored.
    Response,
    /// Not a JSON-RPC 2.0 message. `id` is kept when it could be read so the error can echo it.
    Invalid {
        id: Value,
        reason: &'static str,
    },
}

/// A usable request id: a string or an integer (JSON-RPC forbids null; we ignore fractions).
fn usable_id(v: &Value) -> Option<Value> {
    match v {
        Value::String(_) => Some(v.clone()),
        Value::Number(n) if n.is_i64() || n.is_u64() => Some(v.clone()),
        _ => None,
    }
}

pub fn classify(v: &Value) -> Message {
    let Some(obj) = v.as_object() else {
        return Message::Invalid {
            id: Value::Null,
            reason: "Invalid Request: a JSON-RPC message must be an object.",
        };
    };
    let id = obj.get("id").and_then(usable_id);
    if obj.get("jsonrpc").and_then(Value::as_str) != Some("2.0") {
        return Message::Invalid {
            id: id.unwrap_or(Value::Null),
            reason: "Invalid Request: jsonrpc must be \"2.0\".",
        };
    }
    match obj.get("method") {
        Some(Value::String(method)) => {
            let params = obj.get("params").cloned();
            if params.as_ref().is_some_and(|p| !p.is_object() && !p.is_array()) {
                return Message::Invalid {
                    id: id.unwrap_or(Value::Null),
                    reason: "Invalid Request: params must be an object.",
                };
            }
            match (obj.get("id"), id) {
                (None, _) => Message::Notification { method: method.clone() },
                (Some(_), Some(id)) => Message::Request {
                    id,
                    method: method.clone(),
                    params,
                },
                (Some(_), None) => Message::Invalid {
                    id: Value::Null,
                    reason: "Invalid Request: id must be a string or an integer.",
                },
            }
        }
        Some(_) => Message::Invalid {
            id: id.unwrap_or(Value::Null),
            reason: "Invalid Request: method must be a string.",
        },
        None if obj.contains_key("result") || obj.contains_key("error") => Message::Response,
        None => Message::Invalid {
            id: id.unwrap_or(Value::Null),
            reason: "Invalid Request: method is missing.",
        },
    }
}

/// The ids Matomo-level errors echo, read from a body that may not even be JSON.
#[derive(Debug, Clone, PartialEq)]
pub struct BodyIds {
    /// Top-level id of an object body, else the first batch element's id, else `""`.
    pub request_id: Value,
    /// The id only when the body is one JSON object carrying an id (so a JSON answer is possible).
    pub top_level_id: Option<Value>,
}

pub fn body_ids(parsed: Option<&Value>) -> BodyIds {
    let empty = Value::String(String::new());
    match parsed {
        Some(Value::Object(o)) => {
            let id = o.get("id").and_then(usable_id);
            BodyIds {
                request_id: id.clone().unwrap_or(empty),
                top_level_id: id,
            }
        }
        Some(Value::Array(items)) => {
            let first = items.first().and_then(|m| m.get("id")).and_then(usable_id);
            BodyIds {
                request_id: first.unwrap_or(empty),
                top_level_id: None,
            }
        }
        _ => BodyIds {
            request_id: empty,
            top_level_id: None,
        },
    }
}

pub fn error_value(id: &Value, code: i64, message: &str, data: Option<Value>) -> Value {
    let mut error = Map::new();
    error.insert("code".into(), Value::from(code));
    error.insert("message".into(), Value::from(message));
    if let Some(data) = data {
        error.insert("data".into(), data);
    }
    json!({"jsonrpc": "2.0", "id": id, "error": Value::Object(error)})
}

pub fn error_body(id: &Value, code: i64, message: &str) -> String {
    error_value(id, code, message, None).to_string()
}

/// A success response; `result` is already-serialised JSON so large results are written once.
pub fn result_body(id: &Value, result_json: &str) -> String {
    let id_json = id.to_string();
    let mut out = String::with_capacity(result_json.len() + id_json.len() + 32);
    out.push_str("{\"jsonrpc\":\"2.0\",\"id\":");
    out.push_str(&id_json);
    out.push_str(",\"result\":");
    out.push_str(result_json);
    out.push('}');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_requests_notifications_and_responses() {
        let req = classify(&json!({"jsonrpc":"2.0","id":7,"method":"ping"}));
        assert_eq!(
            req,
            Message::Request {
                id: json!(7),
                method: "ping".into(),
                params: None
            }
        );
        let note = classify(&json!({"jsonrpc":"2.0","method":"notifications/initialized"}));
        assert_eq!(
            note,
            Message::Notification {
                method: "notifications/initialized".into()
            }
        );
        assert_eq!(
            classify(&json!({"jsonrpc":"2.0","id":1,"result":{}})),
            Message::Response
        );
    }

    #[test]
    fn rejects_malformed_messages_with_readable_ids() {
        assert!(matches!(classify(&json!([1])), Message::Invalid { .. }));
        assert!(matches!(classify(&json!({"id":1,"method":"ping"})), Message::Invalid { id, .. } if id == json!(1)));
        assert!(matches!(
            classify(&json!({"jsonrpc":"2.0","id":null,"method":"ping"})),
            Message::Invalid { id: Value::Null, .. }
        ));
        assert!(matches!(
            classify(&json!({"jsonrpc":"2.0","id":1.5,"method":"ping"})),
            Message::Invalid { .. }
        ));
        assert!(
            matches!(classify(&json!({"jsonrpc":"2.0","id":"a","method":"x","params":3})), Message::Invalid { id, .. } if id == json!("a"))
        );
        assert!(matches!(
            classify(&json!({"jsonrpc":"2.0","id":"a"})),
            Message::Invalid { .. }
        ));
    }

    #[test]
    fn body_ids_follow_the_endpoint_rules() {
        let ids = body_ids(Some(&json!({"id": "x"})));
        assert_eq!((ids.request_id, ids.top_level_id), (json!("x"), Some(json!("x"))));
        let batch = body_ids(Some(&json!([{"id": 4}, {"id": 5}])));
        assert_eq!((batch.request_id, batch.top_level_id), (json!(4), None));
        let none = body_ids(None);
        assert_eq!((none.request_id, none.top_level_id), (json!(""), None));
        let note = body_ids(Some(&json!({"method": "n"})));
        assert_eq!((note.request_id, note.top_level_id), (json!(""), None));
    }

    #[test]
    fn writes_compact_bodies() {
        assert_eq!(result_body(&json!(1), "{}"), r#"{"jsonrpc":"2.0","id":1,"result":{}}"#);
        assert_eq!(
            error_body(&json!("a"), INVALID_REQUEST, "bad"),
            r#"{"jsonrpc":"2.0","id":"a","error":{"code":-32600,"message":"bad"}}"#
        );
    }
}
