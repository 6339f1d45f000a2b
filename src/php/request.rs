//! The plugin's request array (`['server' => $_SERVER, 'body' => string]`) -> `HttpRequest`.
//!
//! Headers are read from `$_SERVER` as PHP's SAPIs name them: `HTTP_ACCEPT_LANGUAGE` for
//! `Accept-Language`, plus `CONTENT_TYPE` and `CONTENT_LENGTH` without the prefix. Credentials
//! (`Authorization`, `Cookie`) are Matomo's business: they are never read, so they cannot reach
//! the core, its logs or its answers.

use super::convert;
use ext_php_rs::types::Zval;
use matomo_mcp_core::HttpRequest;

/// `$_SERVER` keys that hold credentials, in every spelling a web server may pass them.
const CREDENTIALS: [&str; 3] = ["HTTP_AUTHORIZATION", "REDIRECT_HTTP_AUTHORIZATION", "HTTP_COOKIE"];

/// The header name of a `$_SERVER` key, when the key holds a request header.
fn header_name(key: &str) -> Option<String> {
    if CREDENTIALS.contains(&key) {
        return None;
    }
    let name = match key {
        "CONTENT_TYPE" | "CONTENT_LENGTH" => key,
        _ => key.strip_prefix("HTTP_")?,
    };
    Some(name.to_ascii_lowercase().replace('_', "-"))
}

pub fn from_zval(zv: &Zval) -> Result<HttpRequest, String> {
    let ht = zv.array().ok_or("request must be an array")?;
    let server = ht
        .get("server")
        .and_then(Zval::array)
        .ok_or("request server array missing")?;
    let method = server
        .get("REQUEST_METHOD")
        .and_then(Zval::str)
        .unwrap_or("GET")
        .to_ascii_uppercase();
    let mut headers = Vec::new();
    for (key, value) in convert::entries(server) {
        let convert::Key::Text(key) = key else {
            continue;
        };
        if let (Some(name), Some(value)) = (header_name(&key), value.zend_str()) {
            headers.push((name, String::from_utf8_lossy(value.as_bytes()).into_owned()));
        }
    }
    // the body stays bytes: invalid UTF-8 must reach the JSON parser as such and fail there
    let body = ht
        .get("body")
        .and_then(Zval::zend_str)
        .map(|s| s.as_bytes().to_vec())
        .unwrap_or_default();
    Ok(HttpRequest { method, headers, body })
}
