//! Shaping tool results: secrets scrubbed, structured content plus one compact text block.

use serde_json::{Value, json};

use crate::policy::{CREDENTIALS, is_credential_assignment};

/// Removes secret parameters from a URL or query string; `None` when there was nothing to remove.
pub fn scrub_url(s: &str) -> Option<String> {
    let lower = s.to_ascii_lowercase();
    if !CREDENTIALS.iter().any(|p| lower.contains(&format!("{p}="))) {
        return None;
    }
    let (head, fragment) = match s.find('#') {
        Some(i) => (&s[..i], &s[i..]),
        None => (s, ""),
    };
    let (prefix, query) = match head.find('?') {
        Some(i) => (&head[..=i], &head[i + 1..]),
        None if head.contains('=') && !head.contains("://") => ("", head),
        None => return None,
    };
    let kept: Vec<&str> = query.split('&').filter(|seg| !is_credential_assignment(seg)).collect();
    let mut out = String::from(prefix);
    out.push_str(&kept.join("&"));
    if out.ends_with('?') {
        out.pop();
    }
    out.push_str(fragment);
    Some(out)
}

/// Scrubs every string at any depth, and drops object keys that are themselves secret params.
pub fn scrub(v: &mut Value) {
    match v {
        Value::String(s) => {
            if let Some(clean) = scrub_url(s) {
                *s = clean;
            }
        }
        Value::Array(items) => items.iter_mut().for_each(scrub),
        Value::Object(map) => {
            map.retain(|k, _| !CREDENTIALS.iter().any(|p| k.eq_ignore_ascii_case(p)));
            map.values_mut().for_each(scrub);
        }
        _ => {}
    }
}

/// A successful `tools/call` result. The text block repeats the structured content as compact
/// JSON for clients that only read text.
pub fn success(structured: &Value, with_structured: bool) -> String {
    let compact = structured.to_string();
    let text = Value::String(compact);
    let mut out = String::with_capacity(text.as_str().map_or(0, str::len) * 2 + 64);
    out.push_str("{\"content\":[{\"type\":\"text\",\"text\":");
    out.push_str(&text.to_string());
    out.push_str("}]");
    if with_structured {
        out.push_str(",\"structuredContent\":");
        out.push_str(text.as_str().unwrap_or("{}"));
    }
    out.push_str(",\"isError\":false}");
    out
}

/// A tool failure the model reads (`isError: true`, no structured content).
pub fn failure(message: &str) -> String {
    json!({"content": [{"type": "text", "text": message}], "isError": true}).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_leave_urls_at_any_depth() {
        let mut v = json!({
            "imageGraphUrl": "index.php?module=API&method=ImageGraph.get&idSite=1&token_auth=a1b2c3&period=day",
            "nested": [{"u": "https://m.example.org/index.php?token_auth=x&force_api_session=1#frag"}],
            "query": "module=API&TOKEN_AUTH=zz&idSite=2",
            "token_auth": "a1b2c3",
            "plain": "no secrets here: token_auth is just a word",
        });
        scrub(&mut v);
        assert_eq!(
            v["imageGraphUrl"],
            "index.php?module=API&method=ImageGraph.get&idSite=1&period=day"
        );
        assert_eq!(v["nested"][0]["u"], "https://m.example.org/index.php#frag");
        assert_eq!(v["query"], "module=API&idSite=2");
        assert!(v.get("token_auth").is_none());
        assert_eq!(v["plain"], "no secrets here: token_auth is just a word");
        assert!(!v.to_string().contains("a1b2c3"));
    }

    #[test]
    fn results_are_compact_and_structured() {
        let s = json!({"a": [1, {"b": "x/y"}], "e": {}});
        let r: Value = serde_json::from_str(&success(&s, true)).expect("json");
        assert_eq!(r["structuredContent"], s);
        assert_eq!(r["content"][0]["text"], r#"{"a":[1,{"b":"x/y"}],"e":{}}"#);
        assert_eq!(r["isError"], false);
        let old: Value = serde_json::from_str(&success(&s, false)).expect("json");
        assert!(old.get("structuredContent").is_none());
        let f: Value = serde_json::from_str(&failure("Site not found or access denied.")).expect("json");
        assert_eq!(f["isError"], true);
        assert!(f.get("structuredContent").is_none());
    }
}
