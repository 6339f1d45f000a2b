//! The bridge's answers, read as the core reads them: results with Matomo's rendered
//! DataTables, refusals by kind, session rows.

use matomo_mcp_core::{ApiErrorKind, api_outcome, session_row};
use serde_json::json;

#[test]
fn rendered_tables_become_values_with_their_row_count_beside_them() {
    let answer =
        json!({"result": {"reportData": {"@matomo_json": "[{\"label\":\"a\"}]", "@total_rows": 7}, "website": "Blog"}});
    assert_eq!(
        api_outcome(answer).expect("result"),
        json!({"reportData": [{"label": "a"}], "website": "Blog", "reportData@total_rows": 7})
    );
}

#[test]
fn refusals_keep_their_kind_and_message() {
    let e =
        api_outcome(json!({"error": "no_access", "message": "You can't access this resource"})).expect_err("refused");
    assert_eq!(
        (e.kind, e.message.as_str()),
        (ApiErrorKind::NoAccess, "You can't access this resource")
    );
    assert_eq!(
        api_outcome(json!("oops")).expect_err("not an array").kind,
        ApiErrorKind::Internal
    );
    assert_eq!(
        api_outcome(json!({})).expect_err("neither").kind,
        ApiErrorKind::Internal
    );
}

#[test]
fn session_rows_need_their_fields() {
    let row =
        session_row(json!({"id": "s1", "login": "viewer", "expires_at": "1700000000", "data": "{}"})).expect("row");
    assert_eq!((row.login.as_str(), row.expires_at), ("viewer", 1_700_000_000));
    assert!(session_row(json!({"id": "s1"})).is_none());
}
