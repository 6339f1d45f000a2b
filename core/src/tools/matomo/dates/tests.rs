use super::*;

fn day(s: &str) -> Day {
    Day::parse(s).expect("date")
}

fn spans(period: &str, date: &str, today: &str) -> Vec<(String, String)> {
    spans_at(period, date, SiteToday::same(day(today)))
}

fn spans_at(period: &str, date: &str, today: SiteToday) -> Vec<(String, String)> {
    resolve(period, date, today)
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
    let today = SiteToday::same(day("2026-11-21"));
    assert!(resolve("week", "today", today).expect("r").in_progress);
    assert!(!resolve("day", "yesterday", today).expect("r").in_progress);
    assert!(resolve("day", "last3", today).expect("r").in_progress);
    assert!(!resolve("day", "previous3", today).expect("r").in_progress);
}

#[test]
fn invalid_pairs() {
    let today = SiteToday::same(day("2026-11-21"));
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

/// Matomo 5.1 (Period\Factory, Period\Range, Date::factory): day/week/month/year read the
/// local date; period=range ends lastN, previousN and "start,today" at Date::factory('today',
/// $tz), a day early west of UTC. The Azores site at 01:58 local time on 2 December 2026.
#[test]
fn range_periods_end_where_matomo_ends_them() {
    let azores = SiteToday {
        local: day("2026-12-02"),
        range_end: day("2026-12-01"),
    };
    let r = |p: &str, d: &str| {
        spans_at(p, d, azores)
            .iter()
            .map(|(a, b)| format!("{a}..{b}"))
            .collect::<Vec<_>>()
            .join(" ")
    };
    assert_eq!(r("day", "today"), "2026-12-02..2026-12-02");
    assert_eq!(r("day", "yesterday"), "2026-12-01..2026-12-01");
    assert_eq!(
        r("day", "last3"),
        "2026-11-30..2026-11-30 2026-12-01..2026-12-01 2026-12-02..2026-12-02"
    );
    assert_eq!(r("range", "last7"), "2026-11-25..2026-12-01");
    assert_eq!(r("range", "previous7"), "2026-11-24..2026-11-30");
    assert_eq!(r("range", "2026-11-20,today"), "2026-11-20..2026-12-01");
    assert_eq!(r("range", "2026-11-20,now"), "2026-11-20..2026-12-02");
    assert_eq!(r("week", "today"), "2026-11-30..2026-12-06");
    let in_progress = |p: &str, d: &str| resolve(p, d, azores).expect("resolves").in_progress;
    assert!(in_progress("day", "today") && !in_progress("range", "last7"));
}

#[test]
fn matomo_caps_last_n_per_period() {
    let today = SiteToday::same(day("2026-11-21"));
    assert_eq!(resolve("year", "last50", today).expect("r").ranges.len(), 10);
    assert_eq!(resolve("month", "last500", today).expect("r").ranges.len(), 120);
    assert_eq!(resolve("range", "last500", today).expect("r").ranges.len(), 1);
}

#[test]
fn labels_are_written_from_the_resolved_ranges() {
    let today = SiteToday::same(day("2026-12-01"));
    let label = |p: &str, d: &str| resolve(p, d, today).expect("resolves").label();
    assert_eq!(label("day", "today"), "Tuesday, December 1, 2026");
    assert_eq!(label("week", "today"), "week November 30 – December 6, 2026");
    assert_eq!(label("month", "today"), "December 2026");
    assert_eq!(label("year", "today"), "2026");
    assert_eq!(label("range", "2026-11-01,2026-11-30"), "November 1 – 30, 2026");
    assert_eq!(
        label("range", "2025-12-30,2026-01-02"),
        "December 30, 2025 – January 2, 2026"
    );
    assert_eq!(label("day", "last3"), "November 29 – December 1, 2026");
}
