use crate::host::{ApiError, ApiErrorKind};
use crate::testing::{FakeHost, run_tool, viewer_api};
use serde_json::json;

#[test]
fn goal_list_normalises_matomos_values() {
    let host = FakeHost::with_api(viewer_api);
    let out = run_tool("matomo_goal_list", &host, json!({"idSite": 1})).expect("goals");
    assert_eq!(
        out["goals"][0],
        json!({"idgoal": 1, "idsite": 1, "name": "Contact form sent", "description": "", "match_attribute": "url",
               "allow_multiple": false, "revenue": "5", "event_value_as_revenue": false})
    );
    assert_eq!(out["total_rows"], 1);
    assert_eq!(
        run_tool("matomo_goal_list", &host, json!({"idSite": 3})).expect("no access")["total_rows"],
        0
    );
}

#[test]
fn goal_get_details_and_not_found() {
    let host = FakeHost::with_api(viewer_api);
    let goal = run_tool("matomo_goal_get", &host, json!({"idSite": 1, "idGoal": 1})).expect("goal");
    assert_eq!(
        (
            goal["pattern"].clone(),
            goal["pattern_type"].clone(),
            goal["case_sensitive"].clone()
        ),
        (json!("/contact/thanks"), json!("contains"), json!(false))
    );
    for args in [json!({"idSite": 1, "idGoal": 9}), json!({"idSite": 3, "idGoal": 1})] {
        assert_eq!(
            run_tool("matomo_goal_get", &host, args).unwrap_err().0,
            "Goal not found."
        );
    }
}

#[test]
fn manual_goals_have_no_pattern() {
    let host = FakeHost::with_api(|_, _| {
        Ok(
            json!({"idsite": "1", "idgoal": "2", "name": "Manual", "description": "d", "match_attribute": "manually",
                  "pattern": "", "pattern_type": "", "case_sensitive": "0", "allow_multiple": "1", "revenue": "2.5",
                  "event_value_as_revenue": "0"}),
        )
    });
    let goal = run_tool("matomo_goal_get", &host, json!({"idSite": 1, "idGoal": 2})).expect("goal");
    assert_eq!(
        (
            goal["pattern"].is_null(),
            goal["case_sensitive"].is_null(),
            goal["revenue"].clone()
        ),
        (true, true, json!("2.5"))
    );
}

#[test]
fn inactive_goals_plugin_is_said_clearly() {
    let host = FakeHost::with_api(|_, _| {
        Err(ApiError {
            kind: ApiErrorKind::PluginInactive,
            message: "The plugin Goals is not enabled.".into(),
        })
    });
    assert_eq!(
        run_tool("matomo_goal_list", &host, json!({"idSite": 1})).unwrap_err().0,
        "Goals plugin is not available."
    );
    assert_eq!(
        run_tool("matomo_goal_get", &host, json!({"idSite": 1, "idGoal": 1}))
            .unwrap_err()
            .0,
        "Goals plugin is not available."
    );
}
