//! Content negotiation. Clients should accept both JSON and SSE; we answer JSON whenever the
//! client can read it (including when it sent no Accept at all) and SSE only for SSE-only clients.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResponseFormat {
    Json,
    EventStream,
}

pub fn negotiate(accept: Option<&str>) -> Option<ResponseFormat> {
    let Some(accept) = accept.map(str::trim).filter(|a| !a.is_empty()) else {
        return Some(ResponseFormat::Json);
    };
    let types: Vec<String> = accept
        .split(',')
        .filter(|part| !part.contains("q=0") || part.contains("q=0."))
        .map(|part| part.split(';').next().unwrap_or("").trim().to_ascii_lowercase())
        .collect();
    let has = |t: &str| types.iter().any(|x| x == t);
    if has("application/json") || has("application/*") || has("*/*") {
        Some(ResponseFormat::Json)
    } else if has("text/event-stream") || has("text/*") {
        Some(ResponseFormat::EventStream)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_whenever_the_client_reads_it() {
        assert_eq!(negotiate(None), Some(ResponseFormat::Json));
        assert_eq!(
            negotiate(Some("application/json, text/event-stream")),
            Some(ResponseFormat::Json)
        );
        assert_eq!(negotiate(Some("*/*")), Some(ResponseFormat::Json));
        assert_eq!(negotiate(Some("Application/JSON;q=0.9")), Some(ResponseFormat::Json));
    }

    #[test]
    fn sse_only_clients_get_an_event_stream_and_others_nothing() {
        assert_eq!(negotiate(Some("text/event-stream")), Some(ResponseFormat::EventStream));
        assert_eq!(negotiate(Some("text/html")), None);
        assert_eq!(
            negotiate(Some("application/json;q=0, text/event-stream")),
            Some(ResponseFormat::EventStream)
        );
    }
}
