use super::*;
use crate::host::ApiError;
use crate::testing::run_tool as run;
use crate::testing::{FakeHost, viewer_api};

#[test]
fn site_list_returns_the_users_sites_sorted_by_name() {
    let host = FakeHost::with_api(viewer_api);
    let out = run("matomo_site_list", &host, json!({})).expect("list");
    assert_eq!(out["total_rows"], 2);
    assert_eq!(out["has_more"], false);
    assert_eq!(out["next_cursor"], Value::Null);
    assert_eq!(
        out["sites"][0],
        json!({"idsite": 2, "name": "Shop B", "main_url": "https://shop-b.example.org", "type": "website"})
    );
    assert_eq!(out["sites"][1]["name"], "Site A");
}

#[test]
fn site_list_pages_with_cursors_bound_to_the_tool() {
    let host = FakeHost::with_api(viewer_api);
    let first = run("matomo_site_list", &host, json!({"limit": 1, "sort": "id_asc"})).expect("page 1");
    assert_eq!(first["sites"][0]["idsite"], 1);
    assert_eq!(first["has_more"], true);
    let cursor = first["next_cursor"].as_str().expect("cursor");
    let second = run(
        "matomo_site_list",
        &host,
        json!({"limit": 1, "sort": "id_asc", "cursor": cursor}),
    )
    .expect("page 2");
    assert_eq!(second["sites"][0]["idsite"], 2);
    assert_eq!(second["has_more"], false);
    let replay = run(
        "matomo_site_search",
        &host,
        json!({"search": "site", "limit": 1, "sort": "id_asc", "cursor": cursor}),
    );
    assert_eq!(replay.unwrap_err().0, "Invalid cursor.");
}

#[test]
fn site_search_cursors_are_bound_to_the_search() {
    let host = FakeHost::with_api(viewer_api);
    let first = run("matomo_site_search", &host, json!({"search": "example", "limit": 1})).expect("search");
    assert_eq!(first["total_rows"], 2);
    let cursor = first["next_cursor"].as_str().expect("cursor");
    assert!(
        run(
            "matomo_site_search",
            &host,
            json!({"search": "example", "limit": 1, "cursor": cursor})
        )
        .is_ok()
    );
    let other = run(
        "matomo_site_search",
        &host,
        json!({"search": "shop", "limit": 1, "cursor": cursor}),
    );
    assert_eq!(other.unwrap_err().0, "Invalid cursor.");
    let shop = run("matomo_site_search", &host, json!({"search": " shop "})).expect("search");
    assert_eq!(
        shop["sites"],
        json!([{"idsite": 2, "name": "Shop B", "main_url": "https://shop-b.example.org", "type": "website"}])
    );
    assert_eq!(
        run("matomo_site_search", &host, json!({"search": "   "}))
            .unwrap_err()
            .0,
        "Parameter 'search' missing or invalid."
    );
}

#[test]
fn site_get_returns_details_and_merges_not_found_with_no_access() {
    let host = FakeHost::with_api(viewer_api);
    let site = run("matomo_site_get", &host, json!({"idSite": 2})).expect("site");
    assert_eq!(site["timezone"], "Europe/Berlin");
    assert_eq!(site["currency"], "EUR");
    assert_eq!(site["ecommerce"], true);
    assert_eq!(site["sitesearch"], true);
    assert_eq!(
        run("matomo_site_get", &host, json!({"idSite": 3})).unwrap_err().0,
        NOT_FOUND
    );
    let empty = FakeHost::with_api(|_, _| Ok(json!([])));
    assert_eq!(
        run("matomo_site_get", &empty, json!({"idSite": 9})).unwrap_err().0,
        NOT_FOUND
    );
}

#[test]
fn internal_failures_are_generic_and_logged() {
    let host = FakeHost::with_api(|_, _| Err(ApiError::internal("SQLSTATE[42S02] /var/www/matomo/core/Db.php")));
    let err = run("matomo_site_list", &host, json!({})).unwrap_err();
    assert_eq!(err.0, FAILED);
    assert!(host.log_text().contains("SQLSTATE"), "details go to the log only");
    assert_eq!(
        run("matomo_site_get", &host, json!({"idSite": 1})).unwrap_err().0,
        FAILED
    );
}

#[test]
fn no_access_lists_are_empty() {
    let host = FakeHost::with_api(|_, _| {
        Err(ApiError {
            kind: crate::host::ApiErrorKind::NoAccess,
            message: "no".into(),
        })
    });
    let out = run("matomo_site_list", &host, json!({})).expect("list");
    assert_eq!(out["total_rows"], 0);
}
