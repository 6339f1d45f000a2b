//! `tools/list` with cursor pagination. All built-in tools fit on one page today; the cursor
//! keeps clients correct when plugins add many more.

use crate::jsonrpc::INVALID_PARAMS;
use crate::jsonrpc::RpcError;
use crate::tools::Call;
use crate::util::base64url;
use serde_json::Value;

pub const PAGE_SIZE: usize = 100;

fn encode_cursor(offset: usize) -> String {
    base64url::encode(format!("tools:{offset}").as_bytes())
}

fn decode_cursor(cursor: &str) -> Option<usize> {
    let raw = String::from_utf8(base64url::decode(cursor)?).ok()?;
    raw.strip_prefix("tools:")?.parse().ok()
}

/// One page of already-serialised tool entries.
pub fn page<S: AsRef<str>>(all: &[S], cursor: Option<&Value>, page_size: usize) -> Result<String, RpcError> {
    let offset = match cursor {
        None | Some(Value::Null) => 0,
        Some(Value::String(c)) => decode_cursor(c)
            .filter(|o| *o < all.len().max(1))
            .ok_or_else(invalid_cursor)?,
        Some(_) => return Err(invalid_cursor()),
    };
    let end = (offset + page_size).min(all.len());
    let mut out = String::from("{\"tools\":[");
    for (i, entry) in all[offset..end].iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(entry.as_ref());
    }
    out.push(']');
    if end < all.len() {
        out.push_str(&format!(",\"nextCursor\":\"{}\"", encode_cursor(end)));
    }
    out.push('}');
    Ok(out)
}

fn invalid_cursor() -> RpcError {
    RpcError::new(INVALID_PARAMS, "Invalid cursor.")
}

pub fn handle(call: &Call, params: Option<&Value>) -> Result<String, RpcError> {
    for why in call.tools.skipped() {
        call.host.log(crate::host::LogLevel::Warning, why);
    }
    let cursor = params.and_then(|p| p.get("cursor"));
    page(
        &call.tools.descriptors(call.structured_output, call.ui_apps),
        cursor,
        PAGE_SIZE,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tools::kit::access::Mode;
    use crate::tools::kit::contributed::{ToolSet, ToolsFacts};
    use serde_json::json;

    fn entries(structured: bool) -> Vec<String> {
        let facts = ToolsFacts::default();
        ToolSet::new(crate::tools::builtin(), &Mode::None, &facts)
            .descriptors(structured, false)
            .into_iter()
            .map(|c| c.into_owned())
            .collect()
    }

    #[test]
    fn pages_follow_next_cursor_to_the_end() {
        let all = entries(true);
        let mut names = Vec::new();
        let mut cursor: Option<Value> = None;
        for _ in 0..50 {
            let body: Value = serde_json::from_str(&page(&all, cursor.as_ref(), 5).expect("page")).expect("json");
            names.extend(
                body["tools"]
                    .as_array()
                    .expect("tools")
                    .iter()
                    .map(|t| t["name"].as_str().unwrap_or("").to_string()),
            );
            match body.get("nextCursor") {
                Some(c) => cursor = Some(c.clone()),
                None => break,
            }
        }
        let expected: Vec<String> = all
            .iter()
            .map(|d| {
                serde_json::from_str::<Value>(d).expect("json")["name"]
                    .as_str()
                    .unwrap_or("")
                    .to_string()
            })
            .collect();
        assert_eq!(names, expected);
        assert!(names.len() > 5, "several pages were needed");
    }

    #[test]
    fn bad_cursors_are_invalid_params() {
        let all = entries(true);
        for c in [json!("nope"), json!(5), json!(encode_cursor(99))] {
            assert_eq!(page(&all, Some(&c), 2).unwrap_err().code, INVALID_PARAMS);
        }
    }

    #[test]
    fn older_clients_get_no_output_schema() {
        let old: Value = serde_json::from_str(&page(&entries(false), None, 100).expect("page")).expect("json");
        let new: Value = serde_json::from_str(&page(&entries(true), None, 100).expect("page")).expect("json");
        assert!(old["tools"][0].get("outputSchema").is_none());
        assert!(new["tools"][0]["outputSchema"].is_object());
        assert!(new.get("nextCursor").is_none());
    }

    /// The curated tools' `tools/list` goes into every conversation's context: at most 16 KB
    /// (the incumbent's is 16.8 KB), every tool still saying when to use it.
    #[test]
    fn the_curated_tools_list_fits_16_kb() {
        let body = page(&entries(true), None, 100).expect("page");
        let answer = crate::jsonrpc::result_body(&json!(2), &body);
        assert!(
            answer.len() <= 16_000,
            "the tools/list answer is {} bytes",
            answer.len()
        );
        let list: Value = serde_json::from_str(&body).expect("json");
        let tools = list["tools"].as_array().expect("tools");
        assert_eq!(tools.len(), 12);
        for t in tools {
            assert!(
                t["description"].as_str().is_some_and(|d| d.starts_with("Use when: ")),
                "{}",
                t["name"]
            );
            assert!(
                t["inputSchema"]["type"] == "object" && t["outputSchema"]["type"] == "object",
                "{}",
                t["name"]
            );
        }
    }
}
