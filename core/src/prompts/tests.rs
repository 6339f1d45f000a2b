use super::*;
use crate::testing::FakeHost;

fn get_text(host: &FakeHost, name: &str, args: Value) -> Result<String, RpcError> {
    let answer: Value =
        serde_json::from_str(&get(host, Some(&json!({"name": name, "arguments": args})))?).expect("json");
    assert_eq!(answer["messages"][0]["role"], "user");
    Ok(answer["messages"][0]["content"]["text"]
        .as_str()
        .unwrap_or("")
        .to_string())
}

#[test]
fn every_prompt_has_a_description_and_takes_a_site() {
    let listed: Value = serde_json::from_str(&list(None).expect("list")).expect("json");
    let prompts = listed["prompts"].as_array().expect("prompts");
    assert_eq!(prompts.len(), 4);
    for p in prompts {
        assert!(p["description"].as_str().is_some_and(|d| d.len() > 40), "{p}");
        assert_eq!(
            p["arguments"][0],
            json!({"name": "idSite", "description": SITE_HELP, "required": true})
        );
    }
    assert_eq!(
        list(Some(&json!({"cursor": "x"}))).map_err(|e| e.code),
        Err(INVALID_PARAMS)
    );
}

const SITE_HELP: &str = "The Matomo site id, such as \"1\" (matomo_site_list names the user's sites).";

#[test]
fn a_prompt_names_the_site_its_days_and_the_calls_to_make() {
    // what a real Matomo 5.1.2 answered the viewer (recorded call 1 and on)
    let host = FakeHost::recorded(1);
    let text = get_text(&host, "matomo_traffic_overview", json!({"idSite": "1"})).expect("prompt");
    assert!(text.contains("Site 1 \"Demo Shop\""), "{text}");
    assert!(text.contains("Europe/Berlin") && text.contains("EUR"), "{text}");
    assert!(text.contains("period=day date=last30 covers"), "{text}");
    assert!(text.contains("\"reportUniqueId\":\"VisitsSummary_get\""), "{text}");
    assert!(
        text.contains("\"period\":\"range\""),
        "pages over the whole span: {text}"
    );
}

#[test]
fn explain_change_asks_both_periods_in_one_call() {
    let host = FakeHost::recorded(1);
    let text = get_text(
        &host,
        "matomo_explain_change",
        json!({"idSite": "1", "period": "week", "date": "2026-11-25", "metric": "nb_conversions"}),
    )
    .expect("prompt");
    // the week of 25 November 2026 starts on Monday 23; the week before on the 16th
    assert!(
        text.contains("The period to explain is 2026-11-23 to 2026-11-29"),
        "{text}"
    );
    assert!(text.contains("\"date\":\"2026-11-16,2026-11-23\""), "{text}");
    assert!(text.contains("nb_conversions"), "{text}");
}

#[test]
fn arguments_are_checked_with_messages_that_say_what_to_send() {
    let host = FakeHost::recorded(1);
    let code = |name: &str, args: Value| get_text(&host, name, args).map_err(|e| (e.code, e.message));
    let (c, m) = code("nope", json!({})).expect_err("unknown prompt");
    assert_eq!(c, INVALID_PARAMS);
    assert!(m.contains("matomo_traffic_overview"), "{m}");
    let (_, m) = code("matomo_traffic_overview", json!({})).expect_err("missing site");
    assert!(m.starts_with("Missing required argument 'idSite'"), "{m}");
    let (_, m) = code("matomo_traffic_overview", json!({"idSite": "1", "colour": "red"})).expect_err("unknown");
    assert!(m.contains("it takes idSite, period, date"), "{m}");
    let (_, m) = code("matomo_traffic_overview", json!({"idSite": "x"})).expect_err("not an id");
    assert!(m.contains("idSite must be a site id"), "{m}");
    let (_, m) = code("matomo_traffic_overview", json!({"idSite": "1", "period": "fortnight"})).expect_err("period");
    assert!(m.contains("period is day, week, month, year or range"), "{m}");
    let (_, m) = code("matomo_traffic_overview", json!({"idSite": "1", "date": 5})).expect_err("not text");
    assert!(m.contains("must be a string"), "{m}");
}

#[test]
fn a_site_the_user_cannot_see_is_not_found() {
    let host = FakeHost::with_api(|_, _| {
        Err(crate::host::ApiError {
            kind: crate::host::ApiErrorKind::NoAccess,
            message: "no view access".into(),
        })
    });
    let e = get_text(&host, "matomo_technical_check", json!({"idSite": "3"})).expect_err("no access");
    assert_eq!(e.code, INVALID_PARAMS);
    assert!(
        e.message.starts_with("Site 3 not found or access denied"),
        "{}",
        e.message
    );
}

#[test]
#[ignore = "prints the prompts for reading"]
fn print_prompts() {
    let host = FakeHost::recorded(1);
    for p in catalogue() {
        println!(
            "=== {}\n{}\n",
            p.name,
            get_text(&host, p.name, json!({"idSite": "1"})).expect("prompt")
        );
    }
}
