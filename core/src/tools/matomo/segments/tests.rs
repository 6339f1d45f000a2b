use crate::testing::{FakeHost, run_tool, viewer_api};
use serde_json::json;

#[test]
fn segment_list_maps_site_restrictions() {
    let host = FakeHost::with_api(viewer_api);
    let out = run_tool("matomo_segment_list", &host, json!({"idSite": 1, "sort": "id_asc"})).expect("segments");
    assert_eq!(
        out["segments"][0],
        json!({"idsegment": 1, "name": "Desktop visits", "definition": "deviceType==desktop", "idsite": null})
    );
    assert_eq!(out["segments"][1]["idsite"], 1);
}

#[test]
fn segment_get_by_each_selector() {
    let host = FakeHost::with_api(viewer_api);
    for args in [
        json!({"idSite": 1, "idSegment": 2}),
        json!({"idSite": 1, "name": "Returning visitors (site A)"}),
        json!({"idSite": 1, "definition": "visitorType==returning"}),
    ] {
        let s = run_tool("matomo_segment_get", &host, args).expect("segment");
        assert_eq!(
            (
                s["idsegment"].clone(),
                s["auto_archive"].clone(),
                s["enabled_all_users"].clone(),
                s["login"].clone()
            ),
            (json!(2), json!(false), json!(true), json!("superuser"))
        );
    }
    let missing = run_tool(
        "matomo_segment_get",
        &host,
        json!({"idSite": 1, "name": "desktop visits"}),
    )
    .unwrap_err();
    assert!(
        missing.0.starts_with("Segment not found."),
        "names match case-sensitively"
    );
}

#[test]
fn segment_get_ambiguous_names() {
    let host = FakeHost::with_api(|_, _| {
        Ok(
            json!([{"idsegment": 1, "name": "Twice", "definition": "a==1"}, {"idsegment": 2, "name": "Twice", "definition": "a==2"}]),
        )
    });
    assert_eq!(
        run_tool("matomo_segment_get", &host, json!({"idSite": 1, "name": "Twice"}))
            .unwrap_err()
            .0,
        "Multiple segments matched. Provide idSegment."
    );
}

#[test]
fn segment_get_needs_exactly_one_selector() {
    let tool = crate::tools::builtin().find("matomo_segment_get").expect("tool");
    for bad in [json!({"idSite": 1}), json!({"idSite": 1, "idSegment": 1, "name": "x"})] {
        assert!(!crate::tools::kit::schema::is_valid(&tool.input_schema, &bad), "{bad}");
    }
}
