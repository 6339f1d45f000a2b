//! Matomo's period and date vocabulary resolved to exact calendar ranges, so answers can state
//! which days a report covers and whether its last period is still in progress.
//!
//! Periods: day, week (Monday to Sunday), month, year, range. Dates: YYYY-MM-DD, today,
//! yesterday, lastN / previousN (N periods ending with, or before, the current one), and
//! "start,end". `today` is the site's local date, which Matomo supplies.

use serde_json::{Value, json};

/// A calendar day as days since 1970-01-01 (proleptic Gregorian).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Day(i64);

impl Day {
    pub fn from_ymd(y: i64, m: u32, d: u32) -> Option<Self> {
        if !(1..=12).contains(&m) || d == 0 || d > days_in_month(y, m) {
            return None;
        }
        // days-from-civil (H. Hinnant's algorithm)
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = i64::from((m + 9) % 12);
        let doy = (153 * mp + 2) / 5 + i64::from(d) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        Some(Day(era * 146_097 + doe - 719_468))
    }

    pub fn ymd(self) -> (i64, u32, u32) {
        let z = self.0 + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        (if m <= 2 { yoe + era * 400 + 1 } else { yoe + era * 400 }, m, d)
    }

    pub fn parse(s: &str) -> Option<Self> {
        let mut parts = s.trim().splitn(3, '-');
        let y: i64 = parts.next()?.parse().ok()?;
        let m: u32 = parts.next()?.parse().ok()?;
        let d: u32 = parts.next()?.parse().ok()?;
        if !(1000..=9999).contains(&y) {
            return None;
        }
        Self::from_ymd(y, m, d)
    }

    /// Days from `earlier` to this day (0 for the same day).
    pub fn days_since(self, earlier: Day) -> i64 {
        self.0 - earlier.0
    }

    pub fn plus(self, days: i64) -> Self {
        Day(self.0 + days)
    }

    /// Monday = 0 ... Sunday = 6 (1970-01-01 was a Thursday).
    fn weekday(self) -> i64 {
        (self.0 + 3).rem_euclid(7)
    }
}

impl std::fmt::Display for Day {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (y, m, d) = self.ymd();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    Day,
    Week,
    Month,
    Year,
    Range,
}

impl Period {
    pub fn parse(s: &str) -> Option<Self> {
        match s.trim().to_ascii_lowercase().as_str() {
            "day" => Some(Self::Day),
            "week" => Some(Self::Week),
            "month" => Some(Self::Month),
            "year" => Some(Self::Year),
            "range" => Some(Self::Range),
            _ => None,
        }
    }

    /// The period of this kind that contains `day`.
    fn containing(self, day: Day) -> (Day, Day) {
        let (y, m, _) = day.ymd();
        match self {
            Self::Day | Self::Range => (day, day),
            Self::Week => {
                let start = day.plus(-day.weekday());
                (start, start.plus(6))
            }
            Self::Month => {
                let start = Day::from_ymd(y, m, 1).unwrap_or(day);
                (start, Day::from_ymd(y, m, days_in_month(y, m)).unwrap_or(day))
            }
            Self::Year => (
                Day::from_ymd(y, 1, 1).unwrap_or(day),
                Day::from_ymd(y, 12, 31).unwrap_or(day),
            ),
        }
    }

    /// The period `n` periods before the one containing `day` (n = 1: the previous one).
    pub fn back(self, day: Day, n: i64) -> (Day, Day) {
        let (start, _) = self.containing(day);
        match self {
            Self::Day | Self::Range => self.containing(day.plus(-n)),
            Self::Week => self.containing(start.plus(-7 * n)),
            Self::Month | Self::Year => {
                let (y, m, _) = start.ymd();
                let months = if self == Self::Month { n } else { 12 * n };
                let total = y * 12 + i64::from(m) - 1 - months;
                let first = Day::from_ymd(total.div_euclid(12), (total.rem_euclid(12) + 1) as u32, 1).unwrap_or(start);
                self.containing(first)
            }
        }
    }
}

/// "Today" for one site, as Matomo itself reads it when it resolves a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SiteToday {
    /// The site's local calendar date (`Date::factory('now', $timezone)`): day, week, month and
    /// year resolve `today`, `yesterday` and `lastN` against it (`Period\Factory`,
    /// `Date::factoryInTimezone`).
    pub local: Day,
    /// `Date::factory('today', $timezone)`: UTC midnight moved by the zone's offset. Matomo ends
    /// `period=range` with `lastN`/`previousN`, and any "start,today" range, there, so for zones
    /// west of UTC such ranges end a day before the local date (`Period\Range`, Matomo 5.1).
    pub range_end: Day,
}

impl SiteToday {
    /// Today in `timezone`, as Matomo reads it (through the host); `None` when it cannot say.
    pub fn of(host: &dyn crate::host::Host, timezone: &str) -> Option<Self> {
        let dates = host.site_dates(timezone)?;
        Some(Self {
            local: Day::parse(&dates.local)?,
            range_end: Day::parse(&dates.range_end)?,
        })
    }

    /// A site whose two readings agree (UTC and zones east of it, most hours of the day).
    #[cfg(test)]
    pub fn same(day: Day) -> Self {
        Self {
            local: day,
            range_end: day,
        }
    }
}

/// What a period/date pair covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    pub period: Period,
    /// Inclusive date ranges, oldest first: one per period (several for lastN and "a,b").
    pub ranges: Vec<(Day, Day)>,
    /// The last range contains the site's today: its numbers will still grow.
    pub in_progress: bool,
}

impl Resolved {
    pub fn to_json(&self, timezone: &str, today: SiteToday) -> Value {
        let ranges: Vec<Value> = self
            .ranges
            .iter()
            .map(|(s, e)| json!({"start": s.to_string(), "end": e.to_string()}))
            .collect();
        json!({"ranges": ranges, "timezone": timezone, "site_today": today.local.to_string(),
               "in_progress": self.in_progress, "label": self.label()})
    }

    /// A human label written from the resolved ranges (Matomo's own `prettyDate` is computed
    /// in UTC and can name another day than the data's).
    pub fn label(&self) -> String {
        let (Some(&(first, _)), Some(&(_, last))) = (self.ranges.first(), self.ranges.last()) else {
            return String::new();
        };
        match (self.period, self.ranges.len()) {
            (Period::Day, 1) => format!("{}, {}", first.weekday_name(), long_date(first)),
            (Period::Week, 1) => format!("week {}", interval(first, last)),
            (Period::Month, 1) => {
                let (y, m, _) = first.ymd();
                format!("{} {y}", MONTHS[(m - 1) as usize])
            }
            (Period::Year, 1) => first.ymd().0.to_string(),
            _ => interval(first, last),
        }
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl Day {
    fn weekday_name(self) -> &'static str {
        [
            "Monday",
            "Tuesday",
            "Wednesday",
            "Thursday",
            "Friday",
            "Saturday",
            "Sunday",
        ][self.weekday() as usize]
    }
}

fn long_date(d: Day) -> String {
    let (y, m, day) = d.ymd();
    format!("{} {day}, {y}", MONTHS[(m - 1) as usize])
}

/// "November 1 – 30, 2026", "November 30 – December 6, 2026", "December 28, 2026 – January 3, 2027".
fn interval(a: Day, b: Day) -> String {
    let ((ya, ma, da), (yb, mb, db)) = (a.ymd(), b.ymd());
    let month = |m: u32| MONTHS[(m - 1) as usize];
    if a == b {
        long_date(a)
    } else if ya != yb {
        format!("{} – {}", long_date(a), long_date(b))
    } else if ma != mb {
        format!("{} {da} – {} {db}, {yb}", month(ma), month(mb))
    } else {
        format!("{} {da} – {db}, {yb}", month(ma))
    }
}

/// A single date of Matomo's vocabulary, read against `today`.
fn single_date(s: &str, today: Day) -> Option<Day> {
    match s.trim().to_ascii_lowercase().as_str() {
        "today" | "now" => Some(today),
        "yesterday" | "yesterdaysametime" => Some(today.plus(-1)),
        "lastweek" | "last-week" | "last week" => Some(today.plus(-7)),
        "lastmonth" | "last-month" | "last month" => Some(months_before(today, 1)),
        "lastyear" | "last-year" | "last year" => Some(months_before(today, 12)),
        other => Day::parse(other),
    }
}

/// The same day of the month `n` months earlier, clamped to that month's length.
fn months_before(day: Day, n: i64) -> Day {
    let (y, m, d) = day.ymd();
    let total = y * 12 + i64::from(m) - 1 - n;
    let (y, m) = (total.div_euclid(12), (total.rem_euclid(12) + 1) as u32);
    Day::from_ymd(y, m, d.min(days_in_month(y, m))).unwrap_or(day)
}

/// `lastN` -> (N, false), `previousN` -> (N, true).
fn relative(s: &str) -> Option<(i64, bool)> {
    let s = s.trim().to_ascii_lowercase();
    let (n, previous) = if let Some(n) = s.strip_prefix("last") {
        (n, false)
    } else {
        (s.strip_prefix("previous")?, true)
    };
    n.parse::<i64>()
        .ok()
        .filter(|n| (1..=MAX_RELATIVE).contains(n))
        .map(|n| (n, previous))
}

/// The longest `lastN` this tool accepts; Matomo itself caps N per period (see `cap`).
pub const MAX_RELATIVE: i64 = 5000;

/// Matomo silently shortens `lastN` for periods other than range (`Period\Range`, 5.1).
fn cap(period: Period, n: i64) -> i64 {
    match period {
        Period::Day => n.min(1825),
        Period::Week => n.min(520),
        Period::Month => n.min(120),
        Period::Year => n.min(10),
        Period::Range => n,
    }
}

/// Shorthand dates the models often use: `2026` with period year, `2026-01` with period month.
pub fn expand_shorthand(period: &str, date: &str) -> String {
    let d = date.trim();
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    match (
        period.trim().to_ascii_lowercase().as_str(),
        d.split('-').collect::<Vec<_>>().as_slice(),
    ) {
        ("year", [y]) if y.len() == 4 && digits(y) => format!("{y}-01-01"),
        ("month", [y, m]) if y.len() == 4 && digits(y) && m.len() == 2 && digits(m) => format!("{y}-{m}-01"),
        _ => d.to_string(),
    }
}

/// The end of a "start,end" pair: Matomo reads `today`/`yesterday` there with
/// `Date::factory($end, $timezone)` (the range end), `now` as the local date.
fn range_end_date(s: &str, today: SiteToday) -> Option<Day> {
    if s.trim().eq_ignore_ascii_case("now") {
        return Some(today.local);
    }
    single_date(s, today.range_end)
}

/// `None` when Matomo would not accept the pair either.
pub fn resolve(period: &str, date: &str, today: SiteToday) -> Option<Resolved> {
    let period = Period::parse(period)?;
    let date = date.trim();
    let ranges = if let Some((n, previous)) = relative(date) {
        let end_period = if previous { 1 } else { 0 };
        if period == Period::Range {
            let end = today.range_end.plus(-end_period);
            vec![(end.plus(1 - n), end)]
        } else {
            let n = cap(period, n);
            (0..n).rev().map(|i| period.back(today.local, i + end_period)).collect()
        }
    } else if let Some((a, b)) = date.split_once(',') {
        let (start, end) = (
            Day::parse(a).or_else(|| single_date(a, today.local))?,
            range_end_date(b, today)?,
        );
        if start > end {
            return None;
        }
        if period == Period::Range {
            vec![(start, end)]
        } else {
            let mut out = vec![period.containing(start)];
            while let Some(&(_, last_end)) = out.last() {
                if last_end >= end || out.len() as i64 >= MAX_RELATIVE {
                    break;
                }
                out.push(period.containing(last_end.plus(1)));
            }
            out
        }
    } else {
        if period == Period::Range {
            return None;
        }
        vec![period.containing(single_date(date, today.local)?)]
    };
    let in_progress = ranges
        .last()
        .is_some_and(|(s, e)| *s <= today.local && today.local <= *e);
    Some(Resolved {
        period,
        ranges,
        in_progress,
    })
}

#[cfg(test)]
mod tests;
