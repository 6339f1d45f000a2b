//! The three cursors: the list tools' keyset cursor, `tools/list`'s and `resources/list`'s.
//! Any string is a valid cursor or a clear "Invalid cursor" error, never a panic; and paging
//! through rows built from the input by `next_cursor` returns each row exactly once, in order,
//! even when rows disappear between two pages.
#![no_main]

use libfuzzer_sys::fuzz_target;
use matomo_mcp_core::testing::surface::{resources_offset, site_page, tools_page};
use serde_json::{Value, json};

const NAMES: [&str; 6] = ["", "a", "A", "b", "é", "a b"];

/// Rows named from a small alphabet (ties are common, so the id decides), unique increasing ids.
fn rows(spec: &[u8]) -> Vec<Value> {
    spec.iter()
        .enumerate()
        .map(|(i, b)| {
            let name = if b % 13 == 0 {
                Value::Null
            } else {
                json!(NAMES[usize::from(*b) % NAMES.len()])
            };
            json!({"idsite": i * 8 + usize::from(b % 8) + 1, "name": name})
        })
        .collect()
}

fn ids(page: &Value) -> Vec<Value> {
    page["sites"]
        .as_array()
        .expect("a page lists sites")
        .iter()
        .map(|r| r["idsite"].clone())
        .collect()
}

/// Pages through `all` by `next_cursor`; `drop` (if any) is removed after the first page.
fn walk(all: &[Value], limit: usize, sort: usize, drop: Option<usize>) {
    let scope = json!({"idSite": 1});
    let everything = site_page(all.to_vec(), all.len().max(1), sort, None, &scope).expect("first page");
    let order = ids(&everything);
    let mut rows = all.to_vec();
    let mut seen: Vec<Value> = Vec::new();
    let mut cursor = None;
    for page_number in 0..=all.len() {
        let page = site_page(rows.clone(), limit, sort, cursor.clone(), &scope).expect("a cursor we made");
        assert_eq!(page["total_rows"], rows.len());
        assert_eq!(page["has_more"].as_bool(), Some(page["next_cursor"].is_string()));
        seen.extend(ids(&page));
        if page_number == 0
            && let Some(k) = drop.filter(|k| *k < rows.len())
        {
            rows.remove(k);
        }
        match page["next_cursor"].as_str() {
            Some(next) if page_number == 0 => {
                // a cursor is bound to its scope and its sort
                let elsewhere = site_page(rows.clone(), limit, sort, Some(next.into()), &json!({"idSite": 2}));
                assert_eq!(elsewhere, Err("Invalid cursor.".to_string()));
                assert!(site_page(rows.clone(), limit, sort + 1, Some(next.into()), &scope).is_err());
                cursor = Some(next.to_string());
            }
            Some(next) => cursor = Some(next.to_string()),
            None => break,
        }
    }
    let mut unique = seen.clone();
    unique.dedup();
    assert_eq!(unique.len(), seen.len(), "a row came twice");
    if drop.is_none() {
        assert_eq!(seen, order, "paging lost or reordered rows");
    } else {
        // every row still there, and seen, keeps the full listing's order
        let positions: Vec<usize> = seen
            .iter()
            .map(|id| order.iter().position(|o| o == id).expect("a known row"))
            .collect();
        assert!(positions.windows(2).all(|w| w[0] < w[1]), "pages out of order");
    }
}

fn tools_walk(count: usize, page_size: usize) {
    let all: Vec<String> = (0..count).map(|i| format!("{{\"n\":{i}}}")).collect();
    let mut got = Vec::new();
    let mut cursor: Option<Value> = None;
    for _ in 0..=count {
        let page: Value =
            serde_json::from_str(&tools_page(&all, cursor.as_ref(), page_size).expect("a cursor we made"))
                .expect("a page is JSON");
        got.extend(page["tools"].as_array().expect("tools").iter().map(|t| t["n"].clone()));
        match page.get("nextCursor") {
            Some(next) => cursor = Some(next.clone()),
            None => break,
        }
    }
    assert_eq!(got, (0..count).map(Value::from).collect::<Vec<_>>());
}

fuzz_target!(|data: &[u8]| {
    let [limit, sort, mode, rest @ ..] = data else {
        return;
    };
    // after the first 0xff: a cursor string of the client's own
    let (spec, hostile) = match rest.iter().position(|b| *b == 0xff) {
        Some(at) => (&rest[..at], Some(String::from_utf8_lossy(&rest[at + 1..]).into_owned())),
        None => (rest, None),
    };
    // a dozen rows already give every tie, gap and page boundary; more only slows the search
    let spec = &spec[..spec.len().min(12)];
    let all = rows(spec);
    let limit = usize::from(limit % 7) + 1;
    let sort = usize::from(*sort);
    let drop = (mode % 2 == 1).then(|| usize::from(mode / 2));
    walk(&all, limit, sort, drop);
    tools_walk(spec.len(), limit);
    if let Some(c) = hostile {
        if let Err(e) = site_page(all.clone(), limit, sort, Some(c.clone()), &json!({"idSite": 1})) {
            assert_eq!(e, "Invalid cursor.");
        }
        let names: Vec<String> = (0..spec.len()).map(|i| i.to_string()).collect();
        let c = Value::String(c);
        if let Err(e) = tools_page(&names, Some(&c), limit) {
            assert_eq!((e.code, e.message.as_str()), (-32602, "Invalid cursor."));
        }
        if let Err(e) = resources_offset(Some(&c)) {
            assert!(e.code == -32602 && e.message.starts_with("Invalid cursor"));
        }
    }
});
