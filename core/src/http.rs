//! Plain HTTP request/response values exchanged with the PHP side.
//!
//! PHP hands us what it read from the web server; we hand back the exact status, headers and body
//! that Matomo's renderer must write. Nothing here knows about MCP.

/// The parts of the incoming HTTP request the MCP core looks at.
#[derive(Debug, Clone, Default)]
pub struct HttpRequest {
    /// Upper-case HTTP method (`POST`, `GET`, ...).
    pub method: String,
    /// Header names lower-cased; repeated headers keep every value in arrival order.
    pub headers: Vec<(String, String)>,
    /// The request body, at most `MAX_BODY_BYTES + 1` bytes (PHP stops reading there).
    pub body: Vec<u8>,
}

impl HttpRequest {
    /// First value of a header (name compared case-insensitively).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// How many times a header was sent.
    pub fn header_count(&self, name: &str) -> usize {
        self.headers
            .iter()
            .filter(|(n, _)| n.eq_ignore_ascii_case(name))
            .count()
    }
}

/// What the renderer writes back. `matomo_error` asks PHP to raise Matomo's own API error instead
/// (used only for requests that did not select `format=mcp`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpResponse {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
    pub matomo_error: Option<String>,
    /// What Matomo's `McpServer.serverEvent` reports about this request, when it completed.
    pub event: Option<Box<serde_json::Value>>,
}

impl HttpResponse {
    pub fn new(status: u16) -> Self {
        Self {
            status,
            headers: Vec::new(),
            body: String::new(),
            matomo_error: None,
            event: None,
        }
    }

    pub fn json(status: u16, body: String) -> Self {
        Self::new(status)
            .with_header("Content-Type", "application/json")
            .with_body(body)
    }

    pub fn text(status: u16, body: &str) -> Self {
        Self::new(status)
            .with_header("Content-Type", "text/plain; charset=utf-8")
            .with_body(body.to_string())
    }

    /// A response that PHP turns into Matomo's normal API error for the requested format.
    pub fn matomo_error(message: &str) -> Self {
        Self {
            matomo_error: Some(message.to_string()),
            ..Self::new(400)
        }
    }

    pub fn with_header(mut self, name: &str, value: &str) -> Self {
        self.headers.push((name.to_string(), value.to_string()));
        self
    }

    pub fn with_body(mut self, body: String) -> Self {
        self.body = body;
        self
    }

    pub fn with_event(mut self, event: serde_json::Value) -> Self {
        self.event = Some(Box::new(event));
        self
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}
