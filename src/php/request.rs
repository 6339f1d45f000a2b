//! The plugin's request array -> `HttpRequest`.

use super::convert;
use ext_php_rs::types::Zval;
use matomo_mcp_core::HttpRequest;
use serde_json::Value;

pub fn from_zval(zv: &Zval) -> Result<HttpRequest, String> {
    let ht = zv.array().ok_or("request must be an array")?;
    let method = ht
        .get("method")
        .and_then(Zval::str)
        .ok_or("request method missing")?
        .to_ascii_uppercase();
    // the body stays bytes: invalid UTF-8 must reach the JSON parser as such and fail there
    let body = ht
        .get("body")
        .and_then(Zval::zend_str)
        .map(|s| s.as_bytes().to_vec())
        .unwrap_or_default();
    let mut headers = Vec::new();
    if let Some(h) = ht.get("headers")
        && let Value::Object(map) = convert::to_value(h).map_err(|e| e.0)?
    {
        for (name, value) in map {
            let name = name.to_ascii_lowercase();
            match value {
                Value::Array(values) => headers.extend(
                    values
                        .into_iter()
                        .filter_map(|v| v.as_str().map(|s| (name.clone(), s.to_string()))),
                ),
                Value::String(s) => headers.push((name, s)),
                _ => {}
            }
        }
    }
    Ok(HttpRequest { method, headers, body })
}
