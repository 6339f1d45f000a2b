//! DataTables arrive from the plugin already rendered by Matomo's JSON renderer, as
//! `{"@matomo_json": "<json>", "@total_rows": n}`. They are parsed here, in place; the row count
//! before Matomo's filter_limit moves to a sibling key `<key>@total_rows`.

use serde_json::{Map, Value};

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

pub fn decode(mut value: Value) -> Result<Value, String> {
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
}
