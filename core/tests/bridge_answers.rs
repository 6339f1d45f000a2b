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

/// The numbers of a rendered table that only a correctly rounded reader gives back as Matomo
/// wrote them (17 significant digits): `0.09299999999999999` must not become `0.093`.
fn long_numbers(text: &str) -> Vec<&str> {
    text.split(|c: char| !(c.is_ascii_digit() || c == '.' || c == 'e' || c == '-' || c == '+'))
        .filter(|t| t.contains('.') && t.chars().filter(char::is_ascii_digit).count() >= 16)
        .collect()
}

fn rendered_tables<'v>(v: &'v serde_json::Value, out: &mut Vec<&'v str>) {
    match v {
        serde_json::Value::Object(o) => o.iter().for_each(|(k, x)| match x.as_str() {
            Some(table) if k == "@matomo_json" => out.push(table),
            _ => rendered_tables(x, out),
        }),
        serde_json::Value::Array(a) => a.iter().for_each(|x| rendered_tables(x, out)),
        _ => {}
    }
}

#[test]
fn every_number_matomo_rendered_reads_back_as_matomo_wrote_it() {
    let dir = format!(
        "{}/../standin/fixtures/matomo-5.1.2-bridge/results",
        env!("CARGO_MANIFEST_DIR")
    );
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).expect("the recorded results") {
        let text = std::fs::read_to_string(entry.expect("a file").path()).expect("a recording");
        let recorded: serde_json::Value = serde_json::from_str(&text).expect("JSON");
        let answer = api_outcome(recorded.clone()).map(|v| v.to_string()).unwrap_or_default();
        let mut tables = Vec::new();
        rendered_tables(&recorded, &mut tables);
        for number in tables.iter().flat_map(|t| long_numbers(t)) {
            assert!(answer.contains(number), "Matomo's {number} was read as another number");
            checked += 1;
        }
    }
    // six such numbers are in the recorded tables today
    assert!(checked >= 6, "only {checked} long numbers found in the recordings");
}

#[test]
fn floats_in_any_answer_keep_every_digit() {
    for text in [
        "90909.09090909091",
        "104501.28571428571",
        "1.8446744077440738e+34",
        "4.055474706295447e-187",
    ] {
        let answer = json!({"result": {"@matomo_json": format!("[{{\"v\":{text}}}]"), "@total_rows": 1}});
        let v = api_outcome(answer).expect("result");
        let read = v[0]["v"].as_f64().expect("a number");
        assert_eq!(read.to_string().parse::<f64>(), text.parse::<f64>(), "{text}");
        assert_eq!(Some(read), text.parse::<f64>().ok(), "{text}");
    }
}
