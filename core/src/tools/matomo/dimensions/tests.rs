use crate::testing::{FakeHost, run_tool, viewer_api};
use serde_json::json;

#[test]
fn dimension_list_and_get() {
    let host = FakeHost::with_api(viewer_api);
    let out = run_tool("matomo_dimension_list", &host, json!({"idSite": 1, "sort": "id_asc"})).expect("dimensions");
    assert_eq!(
        out["dimensions"],
        json!([{"iddimension": 1, "name": "User type", "scope": "visit"}, {"iddimension": 2, "name": "Page category", "scope": "action"}])
    );
    let d = run_tool("matomo_dimension_get", &host, json!({"idSite": 1, "idDimension": 2})).expect("dimension");
    assert_eq!(
        d,
        json!({"iddimension": 2, "idsite": 1, "name": "Page category", "index": 1, "scope": "action", "active": true, "case_sensitive": true, "extractions": []})
    );
    assert!(
        run_tool("matomo_dimension_get", &host, json!({"idSite": 1, "idDimension": 7}))
            .unwrap_err()
            .0
            .starts_with("Dimension not found.")
    );
}

#[test]
fn inactive_dimensions_are_dropped() {
    let host = FakeHost::with_api(|_, _| {
        Ok(
            json!([{"idcustomdimension": "1", "idsite": "1", "name": "Old", "index": "1", "scope": "visit", "active": false, "extractions": [{"dimension": "url", "pattern": "x"}], "case_sensitive": false}]),
        )
    });
    assert_eq!(
        run_tool("matomo_dimension_list", &host, json!({"idSite": 1})).expect("list")["total_rows"],
        0
    );
    assert!(run_tool("matomo_dimension_get", &host, json!({"idSite": 1, "idDimension": 1})).is_err());
}
