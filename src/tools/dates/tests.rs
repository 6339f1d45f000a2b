use super::*;

fn day(s: &str) -> Day {
    Day::parse(s).expect("date")
}

fn spans(period: &str, date: &str, today: &str) -> Vec<(String, String)> {
    resolve(period, date, day(today))
        .expect("resolves")
        .ranges
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

fn one(a: &str, b: &str) -> Vec<(String, String)> {
    vec![(a.to_string(), b.to_string())]
}

#[test]
fn civil_dates_round_trip() {
    for s in ["1970-01-01", "2000-02-29", "2024-12-31", "2026-11-21", "1999-03-01"] {
        assert_eq!(day(s).to_string(), s);
    }
    assert_eq!(Day::parse("2026-02-29"), None);
    assert_eq!(Day::parse("2026-13-01"), None);
    assert_eq!(Day::parse("not-a-date"), None);
    assert_eq!(day("2026-11-21").weekday(), 5, "a Saturday");
}

#[test]
fn single_periods() {
    let today = "2026-11-21";
    assert_eq!(spans("day", "yesterday", today), one("2026-11-20", "2026-11-20"));
    assert_eq!(spans("week", "today", today), one("2026-11-16", "2026-11-22"));
    assert_eq!(spans("month", "today", today), one("2026-11-01", "2026-11-30"));
    assert_eq!(spans("year", "2024-02-10", today), one("2024-01-01", "2024-12-31"));
    assert_eq!(spans("month", "2024-02-10", today), one("2024-02-01", "2024-02-29"));
}

#[test]
fn relative_and_multi_period_dates() {
    let today = "2026-11-21";
    assert_eq!(
        spans("day", "last3", today),
        vec![
            ("2026-11-19".into(), "2026-11-19".into()),
            ("2026-11-20".into(), "2026-11-20".into()),
            ("2026-11-21".into(), "2026-11-21".into())
        ]
    );
    assert_eq!(spans("range", "last7", today), one("2026-11-15", "2026-11-21"));
    assert_eq!(spans("range", "previous7", today), one("2026-11-14", "2026-11-20"));
    assert_eq!(spans("week", "previous1", today), one("2026-11-09", "2026-11-15"));
    assert_eq!(
        spans("month", "last2", today),
        vec![
            ("2026-10-01".into(), "2026-10-31".into()),
            ("2026-11-01".into(), "2026-11-30".into())
        ]
    );
    assert_eq!(
        spans("month", "previous1", "2026-01-15"),
        one("2025-12-01", "2025-12-31")
    );
    assert_eq!(
        spans("range", "2026-11-01,yesterday", today),
        one("2026-11-01", "2026-11-20")
    );
    assert_eq!(spans("week", "2026-11-01,2026-11-10", today).len(), 3);
}

#[test]
fn in_progress_periods() {
    let today = day("2026-11-21");
    assert!(resolve("week", "today", today).expect("r").in_progress);
    assert!(!resolve("day", "yesterday", today).expect("r").in_progress);
    assert!(resolve("day", "last3", today).expect("r").in_progress);
    assert!(!resolve("day", "previous3", today).expect("r").in_progress);
}

#[test]
fn invalid_pairs() {
    let today = day("2026-11-21");
    for (p, d) in [
        ("day", "not-a-date"),
        ("range", "today"),
        ("fortnight", "today"),
        ("day", "2026-11-10,2026-11-01"),
        ("day", "last0"),
    ] {
        assert!(resolve(p, d, today).is_none(), "{p} {d}");
    }
}

#[test]
fn shorthand_dates() {
    assert_eq!(expand_shorthand("year", " 2026 "), "2026-01-01");
    assert_eq!(expand_shorthand("month", "2026-03"), "2026-03-01");
    assert_eq!(expand_shorthand("day", "2026-03"), "2026-03");
    assert_eq!(expand_shorthand("month", "today"), "today");
}
