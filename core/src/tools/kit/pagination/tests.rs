use super::*;

const SORTS: [Sort; 3] = [
    Sort {
        token: "name_asc",
        fields: &["name", "id"],
        descending: false,
    },
    Sort {
        token: "name_desc",
        fields: &["name", "id"],
        descending: true,
    },
    Sort {
        token: "id_asc",
        fields: &["id"],
        descending: false,
    },
];

fn rows() -> Vec<Value> {
    ["b", "a", "c", "a", "B", "é"]
        .iter()
        .enumerate()
        .map(|(i, n)| json!({"id": i + 1, "name": n}))
        .collect()
}

fn args(v: Value) -> Map<String, Value> {
    v.as_object().cloned().expect("object")
}

fn walk(limit: u64, sort: &str, ctx: &str) -> (Vec<i64>, usize) {
    let mut ids = Vec::new();
    let mut cursor: Option<String> = None;
    let mut pages = 0;
    loop {
        let mut a = json!({"limit": limit, "sort": sort});
        if let Some(c) = &cursor {
            a["cursor"] = json!(c);
        }
        let a = args(a);
        let pa = page_args(&a, &SORTS).expect("args");
        let page = paginate("items", rows(), &pa, ctx).expect("page");
        assert_eq!(page["total_rows"], json!(6));
        pages += 1;
        ids.extend(
            page["items"]
                .as_array()
                .expect("items")
                .iter()
                .map(|r| r["id"].as_i64().unwrap_or(0)),
        );
        match page["next_cursor"].as_str() {
            Some(c) => {
                assert_eq!(page["has_more"], json!(true));
                cursor = Some(c.to_string());
            }
            None => {
                assert_eq!(page["has_more"], json!(false));
                return (ids, pages);
            }
        }
    }
}

#[test]
fn pages_cover_every_row_once_in_binary_order() {
    let (ids, pages) = walk(2, "name_asc", "ctx");
    assert_eq!(ids, vec![5, 2, 4, 1, 3, 6], "B < a < b < c < é, ties by id");
    assert_eq!(pages, 3);
    assert_eq!(walk(4, "name_desc", "ctx").0, vec![6, 3, 1, 4, 2, 5]);
    assert_eq!(walk(5, "id_asc", "ctx").0, vec![1, 2, 3, 4, 5, 6]);
    assert_eq!(walk(500, "id_asc", "ctx").1, 1);
}

#[test]
fn cursors_are_bound_to_sort_and_scope() {
    let first = paginate(
        "items",
        rows(),
        &page_args(&args(json!({"limit": 2})), &SORTS).expect("args"),
        "site1",
    )
    .expect("page");
    let cursor = first["next_cursor"].as_str().expect("cursor").to_string();
    let replay = |a: Value, ctx: &str| {
        let a = args(a);
        paginate("items", rows(), &page_args(&a, &SORTS).expect("args"), ctx)
    };
    assert!(replay(json!({"limit": 2, "cursor": cursor}), "site1").is_ok());
    assert_eq!(
        replay(json!({"limit": 2, "cursor": cursor}), "site2").unwrap_err(),
        invalid_cursor()
    );
    assert_eq!(
        replay(json!({"limit": 2, "cursor": cursor, "sort": "id_asc"}), "site1").unwrap_err(),
        invalid_cursor()
    );
    assert_eq!(
        replay(json!({"cursor": "garbage!"}), "site1").unwrap_err(),
        invalid_cursor()
    );
    assert_eq!(
        replay(json!({"cursor": base64url::encode(b"{\"v\":2}")}), "site1").unwrap_err(),
        invalid_cursor()
    );
}

#[test]
fn scope_contexts_differ_by_tool_and_scope() {
    assert_ne!(context("a", json!({"idSite": 1})), context("a", json!({"idSite": 2})));
    assert_ne!(context("a", json!({})), context("b", json!({})));
    assert_eq!(
        context("a", json!({"search": "x"})),
        context("a", json!({"search": "x"}))
    );
}

#[test]
fn limits_and_sorts_are_checked() {
    assert!(page_args(&args(json!({"limit": 0})), &SORTS).is_err());
    assert!(page_args(&args(json!({"limit": 501})), &SORTS).is_err());
    assert_eq!(
        page_args(&args(json!({"sort": "nope"})), &SORTS).err(),
        Some(ToolError::new("Parameter 'sort' missing or invalid."))
    );
    assert_eq!(page_args(&args(json!({})), &SORTS).expect("defaults").limit, 100);
}
