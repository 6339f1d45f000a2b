//! Keyset pagination for the list tools: `limit` + opaque `cursor` + `sort` enum in,
//! `{<items>, next_cursor, has_more, total_rows}` out.
//!
//! A cursor names the last row of the previous page by its sort keys, so the next page starts
//! strictly after it even if rows were added or removed in between. It also carries a hash of
//! the tool and its scope (site, search...) and is refused anywhere else.

use crate::tools::ToolError;
use crate::util::base64url;
use serde_json::{Map, Value, json};
use std::cmp::Ordering;

pub const DEFAULT_LIMIT: u64 = 100;
pub const MAX_LIMIT: u64 = 500;

/// One value of the `sort` enum: the fields compared in order, all in one direction.
pub struct Sort {
    pub token: &'static str,
    pub fields: &'static [&'static str],
    pub descending: bool,
}

/// The four sort orders of the list tools keyed by name and id (`name_asc` first: the default).
macro_rules! name_or_id_sorts {
    ($id:literal) => {
        [
            $crate::tools::kit::pagination::Sort {
                token: "name_asc",
                fields: &["name", $id],
                descending: false,
            },
            $crate::tools::kit::pagination::Sort {
                token: "name_desc",
                fields: &["name", $id],
                descending: true,
            },
            $crate::tools::kit::pagination::Sort {
                token: "id_asc",
                fields: &[$id],
                descending: false,
            },
            $crate::tools::kit::pagination::Sort {
                token: "id_desc",
                fields: &[$id],
                descending: true,
            },
        ]
    };
}
pub(crate) use name_or_id_sorts;

pub struct PageArgs<'s> {
    pub limit: usize,
    pub cursor: Option<String>,
    pub sort: &'s Sort,
}

pub fn invalid_cursor() -> ToolError {
    ToolError::new("Invalid cursor.")
}

/// Reads `limit`, `cursor` and `sort` (already schema-validated, checked again on principle).
pub fn page_args<'s>(args: &Map<String, Value>, sorts: &'s [Sort]) -> Result<PageArgs<'s>, ToolError> {
    let limit = match args.get("limit") {
        None => DEFAULT_LIMIT,
        Some(v) => v
            .as_u64()
            .filter(|n| (1..=MAX_LIMIT).contains(n))
            .ok_or_else(|| ToolError::new("Parameter 'limit' missing or invalid."))?,
    };
    let sort = match args.get("sort") {
        None => &sorts[0],
        Some(v) => v
            .as_str()
            .and_then(|s| sorts.iter().find(|x| x.token == s))
            .ok_or_else(|| ToolError::new("Parameter 'sort' missing or invalid."))?,
    };
    let cursor = match args.get("cursor") {
        None | Some(Value::Null) => None,
        Some(Value::String(c)) => Some(c.clone()),
        Some(_) => return Err(invalid_cursor()),
    };
    Ok(PageArgs {
        limit: limit as usize,
        cursor,
        sort,
    })
}

/// The JSON Schema properties shared by every list tool.
pub fn schema_properties(sorts: &[Sort]) -> Value {
    let tokens: Vec<&str> = sorts.iter().map(|s| s.token).collect();
    json!({
        // minimum, maximum and default say it all; the cursor rule is in every list description
        "limit": {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT, "default": DEFAULT_LIMIT},
        "cursor": {"type": "string", "minLength": 1, "description": "next_cursor of the previous page."},
        "sort": {"type": "string", "enum": tokens, "default": tokens[0]},
    })
}

/// The output envelope's schema around `items_schema`.
pub fn envelope_schema(collection: &str, item_schema: Value) -> Value {
    json!({
        "type": "object",
        "properties": {
            collection: {"type": "array", "items": item_schema},
            "next_cursor": {"type": ["string", "null"]},
            "has_more": {"type": "boolean"},
            "total_rows": {"type": "integer", "minimum": 0},
        },
        "required": [collection, "next_cursor", "has_more", "total_rows"],
        "additionalProperties": false,
    })
}

fn compare_values(a: &Value, b: &Value) -> Ordering {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64().partial_cmp(&y.as_f64()).unwrap_or(Ordering::Equal),
        // binary comparison, like strcmp: no locale, case- and accent-sensitive
        (Value::String(x), Value::String(y)) => x.as_bytes().cmp(y.as_bytes()),
        (Value::Null, Value::Null) => Ordering::Equal,
        (Value::Null, _) => Ordering::Less,
        (_, Value::Null) => Ordering::Greater,
        _ => a.to_string().cmp(&b.to_string()),
    }
}

fn keys(row: &Value, sort: &Sort) -> Vec<Value> {
    sort.fields
        .iter()
        .map(|f| row.get(*f).cloned().unwrap_or(Value::Null))
        .collect()
}

fn compare_keys(a: &[Value], b: &[Value], descending: bool) -> Ordering {
    let ord = a
        .iter()
        .zip(b)
        .map(|(x, y)| compare_values(x, y))
        .find(|o| o.is_ne())
        .unwrap_or(Ordering::Equal);
    if descending { ord.reverse() } else { ord }
}

/// 64-bit FNV-1a: a stable fingerprint of the scope (not a secret: a cursor only ever pages
/// through rows its user may read anyway).
fn fingerprint(text: &str) -> String {
    let hash = text.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("{hash:016x}")
}

/// Binds cursors to one tool and the arguments that select its rows.
pub fn context(tool: &str, scope: Value) -> String {
    fingerprint(&json!({"tool": tool, "scope": scope}).to_string())
}

fn encode(sort: &Sort, last: Vec<Value>, ctx: &str) -> String {
    base64url::encode(
        json!({"v": 1, "s": sort.token, "k": last, "c": ctx})
            .to_string()
            .as_bytes(),
    )
}

fn decode(cursor: &str, sort: &Sort, ctx: &str) -> Result<Vec<Value>, ToolError> {
    let bytes = base64url::decode(cursor).ok_or_else(invalid_cursor)?;
    let v: Value = serde_json::from_slice(&bytes).map_err(|_| invalid_cursor())?;
    let ok = v.get("v") == Some(&json!(1))
        && v.get("s").and_then(Value::as_str) == Some(sort.token)
        && v.get("c").and_then(Value::as_str) == Some(ctx);
    match v.get("k") {
        Some(Value::Array(k)) if ok && k.len() == sort.fields.len() => Ok(k.clone()),
        _ => Err(invalid_cursor()),
    }
}

/// Sorts `rows`, skips past the cursor and returns the output envelope.
/// The list tools' one shape: the page arguments, the rows, one page of them (the cursor bound
/// to the tool and `scope`, e.g. `{"idSite": 1}`).
pub fn list_page(
    ctx: &crate::tools::ToolContext,
    args: &Map<String, Value>,
    sorts: &[Sort],
    collection: &str,
    scope: Value,
    rows: impl FnOnce() -> Result<Vec<Value>, crate::tools::ToolError>,
) -> crate::tools::ToolResult {
    let page = page_args(args, sorts)?;
    paginate(collection, rows()?, &page, &context(ctx.tool_name, scope))
}

pub fn paginate(collection: &str, mut rows: Vec<Value>, args: &PageArgs, ctx: &str) -> Result<Value, ToolError> {
    let sort = args.sort;
    rows.sort_by(|a, b| compare_keys(&keys(a, sort), &keys(b, sort), sort.descending));
    let total = rows.len();
    let start = match &args.cursor {
        None => 0,
        Some(c) => {
            let last = decode(c, sort, ctx)?;
            rows.partition_point(|r| compare_keys(&keys(r, sort), &last, sort.descending).is_le())
        }
    };
    let end = (start + args.limit).min(total);
    let has_more = end < total;
    let page: Vec<Value> = rows.drain(start..end).collect();
    let next = match page.last() {
        Some(last) if has_more => Value::String(encode(sort, keys(last, sort), ctx)),
        _ => Value::Null,
    };
    let mut out = Map::new();
    out.insert(collection.to_string(), Value::Array(page));
    out.insert("next_cursor".into(), next);
    out.insert("has_more".into(), Value::Bool(has_more));
    out.insert("total_rows".into(), Value::from(total));
    Ok(Value::Object(out))
}

#[cfg(test)]
mod tests;
