use super::*;
use serde_json::json;

/// The tool's own repairs, as `tools/call` runs them.
fn run(tool: &str, v: Value) -> Result<Value, ToolError> {
    let mut m = v.as_object().cloned().expect("object");
    let tool = crate::tools::builtin().find(tool).expect("a built-in tool");
    (tool.repair)(&mut m).map(|()| Value::Object(m))
}

const P: &str = "matomo_report_processed";

#[test]
fn aliases_and_dotted_report_ids() {
    let out = run(
        P,
        json!({"reportUniqueId": " Actions.getPageUrls ", "filterLimit": 5, "filterOffset": "10"}),
    )
    .expect("ok");
    assert_eq!(
        out,
        json!({"reportUniqueId": "Actions_getPageUrls", "filter_limit": 5, "filter_offset": "10"})
    );
    assert_eq!(
        run(P, json!({"filterLimit": 5, "filter_limit": "5"})).expect("same value"),
        json!({"filter_limit": "5"})
    );
    let err = run(P, json!({"filterLimit": 5, "filter_limit": 6})).unwrap_err();
    assert_eq!(
        err.0,
        "Conflicting values at /filterLimit and /filter_limit: send the value once."
    );
}

#[test]
fn api_parameters_as_string_or_empty_list() {
    let out = run(
        P,
        json!({"apiModule": "Goals", "apiAction": "get", "apiParameters": "{\"idGoal\": 1}"}),
    )
    .expect("ok");
    assert_eq!(out["apiParameters"], json!({"idGoal": 1}));
    let out = run(P, json!({"reportUniqueId": "VisitsSummary_get", "apiParameters": []})).expect("ok");
    assert!(out.get("apiParameters").is_none());
    assert!(run(P, json!({"apiParameters": "{broken"})).is_err());
    assert!(
        run(P, json!({"apiParameters": "{\"1\": 2}"})).is_err(),
        "no numeric keys"
    );
    let deep = format!("{}1{}", "{\"a\":".repeat(25), "}".repeat(25));
    assert!(run(P, json!({"apiParameters": deep})).is_err());
    let err = run(P, json!({"apiParameters": "{\"secret\": "})).unwrap_err();
    assert!(!err.0.contains("secret"));
}

#[test]
fn misplaced_report_parameters_move_to_their_level() {
    let out = run(P, json!({"reportUniqueId": "Actions_getPageUrls", "flat": 1, "apiParameters": {"segment": "deviceType==desktop", "filter_limit": 3}})).expect("ok");
    assert_eq!(
        out,
        json!({"reportUniqueId": "Actions_getPageUrls", "segment": "deviceType==desktop", "filter_limit": 3, "apiParameters": {"flat": 1}})
    );
    let err = run(P, json!({"segment": "a==1", "apiParameters": {"segment": "a==2"}})).unwrap_err();
    assert_eq!(
        err.0,
        "Conflicting values at /apiParameters/segment and /segment: send the value once."
    );
    assert!(
        run(P, json!({"flat": true, "apiParameters": {"flat": "1"}})).is_ok(),
        "true and \"1\" agree"
    );
    assert!(run(P, json!({"flat": 0, "apiParameters": {"flat": 1}})).is_err());
}

#[test]
fn other_tools_are_left_alone() {
    assert_eq!(
        run("matomo_site_list", json!({"filterLimit": 5})).expect("ok"),
        json!({"filterLimit": 5})
    );
    let meta = run(
        "matomo_report_metadata",
        json!({"reportUniqueId": "Goals.get", "apiParameters": "{}"}),
    )
    .expect("ok");
    assert_eq!(meta, json!({"reportUniqueId": "Goals_get"}));
}
