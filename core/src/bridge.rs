//! What the plugin's bridge (`Bridge\MatomoHost`) hands over, read into the core's terms.
//!
//! `callApi` answers `['result' => mixed]` or `['error' => kind, 'message' => string]`. DataTables
//! in a result arrive already rendered by Matomo's JSON renderer, as
//! `{"@matomo_json": "<json>", "@total_rows": n}`: they are parsed here, in place, and the row
//! count before Matomo's filter_limit moves to a sibling key `<key>@total_rows`.

use crate::host::{ApiError, ApiErrorKind, StoredSession};
use crate::tools::kit::values::int;
use serde_json::{Map, Value};

/// A `callApi` answer as the outcome of the Matomo API call.
pub fn api_outcome(answer: Value) -> Result<Value, ApiError> {
    let Value::Object(mut map) = answer else {
        return Err(ApiError::internal("callApi() returned something other than an array"));
    };
    if let Some(kind) = map.get("error").and_then(Value::as_str) {
        let kind = match kind {
            "no_access" => ApiErrorKind::NoAccess,
            "rejected" => ApiErrorKind::Rejected,
            "plugin_inactive" => ApiErrorKind::PluginInactive,
            _ => ApiErrorKind::Internal,
        };
        let message = map
            .get("message")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string();
        return Err(ApiError { kind, message });
    }
    let result = map
        .remove("result")
        .ok_or_else(|| ApiError::internal("callApi() answered neither result nor error"))?;
    decode(result).map_err(ApiError::internal)
}

/// A `sessionLoad` row; `None` when it is malformed.
pub fn session_row(v: Value) -> Option<StoredSession> {
    Some(StoredSession {
        id: v.get("id")?.as_str()?.to_string(),
        login: v.get("login")?.as_str()?.to_string(),
        expires_at: int(v.get("expires_at"))?,
        data: v.get("data").and_then(Value::as_str).unwrap_or("{}").to_string(),
    })
}

const JSON_KEY: &str = "@matomo_json";
const TOTAL_KEY: &str = "@total_rows";

/// The parsed table and its row count, when `v` is a rendered DataTable.
fn take_rendered(v: &mut Value) -> Option<Result<(Value, Value), String>> {
    let obj = v.as_object_mut()?;
    let Some(Value::String(json)) = obj.get(JSON_KEY) else {
        return None;
    };
    let parsed = serde_json::from_str(json).map_err(|e| format!("Matomo's JSON could not be read: {e}"));
    let total = obj.get(TOTAL_KEY).cloned().unwrap_or(Value::Null);
    Some(parsed.map(|p| (p, total)))
}

fn decode(mut value: Value) -> Result<Value, String> {
    if let Some(rendered) = take_rendered(&mut value) {
        return rendered.map(|(table, _)| table);
    }
    decode_in_place(&mut value)?;
    Ok(value)
}

fn decode_in_place(value: &mut Value) -> Result<(), String> {
    match value {
        Value::Object(map) => {
            let mut totals = Map::new();
            for (key, item) in map.iter_mut() {
                match take_rendered(item) {
                    Some(rendered) => {
                        let (table, total) = rendered?;
                        *item = table;
                        totals.insert(format!("{key}{TOTAL_KEY}"), total);
                    }
                    None => decode_in_place(item)?,
                }
            }
            map.extend(totals);
        }
        Value::Array(items) => {
            for item in items.iter_mut() {
                if let Some(rendered) = take_rendered(item) {
                    *item = rendered?.0;
                } else {
                    decode_in_place(item)?;
                }
            }
        }
        _ => {}
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn rendered_tables_are_parsed_in_place_with_their_row_counts() {
        let v = json!({"reportData": {"@matomo_json": "[{\"label\":\"a\"}]", "@total_rows": 12}, "website": "Site A",
                       "nested": [{"@matomo_json": "{\"x\":1}", "@total_rows": null}]});
        let out = decode(v).expect("decoded");
        assert_eq!(
            out,
            json!({"reportData": [{"label": "a"}], "website": "Site A", "nested": [{"x": 1}], "reportData@total_rows": 12})
        );
        assert_eq!(
            decode(json!({"@matomo_json": "[1,2]", "@total_rows": 2})).expect("top"),
            json!([1, 2])
        );
        assert!(decode(json!({"t": {"@matomo_json": "{broken"}})).is_err());
        assert_eq!(decode(json!([1, "x"])).expect("plain"), json!([1, "x"]));
    }

    #[test]
    fn session_rows_are_read_as_the_database_returns_them() {
        // PDO with MySQL hands every column over as a string
        let row = session_row(json!({"id": "abc", "login": "viewer", "expires_at": "1764640800", "data": "{}"}));
        assert_eq!(
            row.map(|r| (r.login, r.expires_at)),
            Some(("viewer".to_string(), 1_764_640_800))
        );
        assert!(session_row(json!({"id": "abc", "login": "viewer", "expires_at": "soon"})).is_none());
        assert!(session_row(json!(false)).is_none());
    }
}
