//! The prompts' texts. They are written for the model that will carry out the analysis: which
//! tool to call with which arguments, what in the answer to read, and what not to conclude.

use super::{Argument, Brief, Prompt};
use crate::tools::kit::values::{flag, text};
use crate::tools::matomo::dates::{Day, Period};
use serde_json::{Value, json};

const SITE: Argument = Argument {
    name: "idSite",
    description: "The Matomo site id, such as \"1\" (matomo_site_list names the user's sites).",
    required: true,
};
const PERIOD: Argument = Argument {
    name: "period",
    description: "day, week, month, year or range.",
    required: false,
};
const DATE: Argument = Argument {
    name: "date",
    description: "YYYY-MM-DD, today, yesterday, lastN, previousN or start,end (the site's own days).",
    required: false,
};

pub static PROMPTS: &[Prompt] = &[
    Prompt {
        name: "matomo_traffic_overview",
        title: "Traffic overview",
        description: "Explore a site's traffic: the trend of visits, the pages and channels that carry it, and how the site compares with the user's other sites.",
        arguments: &[
            SITE,
            Argument {
                description: "day, week, month or year: the step of the trend (default day).",
                ..PERIOD
            },
            Argument {
                description: "The span of the trend: lastN (default last30), previousN, start,end, or one date.",
                ..DATE
            },
        ],
        default_period: "day",
        default_date: "last30",
        write: traffic_overview,
    },
    Prompt {
        name: "matomo_explain_change",
        title: "Explain a change",
        description: "Compare a period with the one before it and find where a change in a report comes from (channels, devices, countries, pages).",
        arguments: &[
            SITE,
            Argument {
                name: "reportUniqueId",
                description: "The report whose change to explain (default VisitsSummary_get); matomo_report_list finds others.",
                required: false,
            },
            Argument {
                name: "metric",
                description: "The metric that changed, such as nb_visits (default), nb_conversions or revenue.",
                required: false,
            },
            Argument {
                description: "day, week, month or year (default week).",
                ..PERIOD
            },
            Argument {
                description: "A date inside the period to explain: YYYY-MM-DD, today (default) or yesterday.",
                ..DATE
            },
        ],
        default_period: "week",
        default_date: "today",
        write: explain_change,
    },
    Prompt {
        name: "matomo_audience_segments",
        title: "Audience and segments",
        description: "Who the visitors are and how groups of them behave: devices, countries, new versus returning visitors, and conversion rates by saved segment.",
        arguments: &[
            SITE,
            Argument {
                description: "day, week, month, year or range (default month).",
                ..PERIOD
            },
            Argument {
                description: "YYYY-MM-DD, today (default), yesterday, lastN, previousN or start,end.",
                ..DATE
            },
            Argument {
                name: "segment",
                description: "Optional: a segment definition (such as deviceType==smartphone) to compare with all visits.",
                required: false,
            },
        ],
        default_period: "month",
        default_date: "today",
        write: audience_segments,
    },
    Prompt {
        name: "matomo_technical_check",
        title: "Technical check",
        description: "Find slow pages, pages that stopped receiving tracking data, and whether mobile visitors wait longer than desktop visitors.",
        arguments: &[
            SITE,
            Argument {
                description: "The day to check: today (default), yesterday or YYYY-MM-DD.",
                ..DATE
            },
        ],
        default_period: "day",
        default_date: "today",
        write: technical_check,
    },
];

/// A tool call as the model should make it.
fn call(tool: &str, args: Value) -> String {
    format!("{tool} {args}")
}

/// A `matomo_report_processed` call, the one most steps make.
fn processed(args: Value) -> String {
    call("matomo_report_processed", args)
}

fn site_line(b: &Brief) -> String {
    let f = &b.site.facts;
    format!(
        "Site {} \"{}\" ({}). Its timezone is {}: every date is that site's own day, and today there is {}. Money is in {}. Ecommerce is {}.",
        b.id_site,
        text(f.get("name")),
        text(f.get("main_url")),
        text(f.get("timezone")),
        b.site.today.local,
        text(f.get("currency")),
        if flag(f.get("ecommerce")) { "on" } else { "off" },
    )
}

fn first_and_last(b: &Brief) -> (Day, Day) {
    let first = b.resolved.ranges.first().map_or(b.site.today.local, |r| r.0);
    let last = b.resolved.ranges.last().map_or(b.site.today.local, |r| r.1);
    (first, last)
}

fn span_line(b: &Brief) -> String {
    let (first, last) = first_and_last(b);
    let periods = b.resolved.ranges.len();
    format!(
        "period={} date={} covers {} to {} ({} {}){}.",
        b.period,
        b.date,
        first,
        last,
        periods,
        if periods == 1 { "period" } else { "periods" },
        match (b.resolved.in_progress, periods) {
            (true, 1) => ", still in progress: its numbers will grow, so do not read them as a drop",
            (true, _) => ", the last one still in progress: its numbers will grow, so do not read it as a drop",
            _ => "",
        }
    )
}

/// The whole span as one period: a range when it is several periods.
fn whole_span(b: &Brief) -> (String, String) {
    if b.resolved.ranges.len() > 1 {
        let (first, last) = first_and_last(b);
        ("range".into(), format!("{first},{last}"))
    } else {
        (b.period.to_string(), b.date.to_string())
    }
}

const READING: &str = "Reading the answers: report.columns names each value of report.rows; report.column_units says which are percent, seconds or money; period.ranges lists the exact days of each row set. When pagination.has_more is true, more rows exist at pagination.next_filter_offset. Quote numbers as the tools return them and name the days they cover.";

fn traffic_overview(b: &Brief) -> String {
    let (span_period, span_date) = whole_span(b);
    let id = b.id_site;
    format!(
        "Give an overview of the traffic of this Matomo site.\n{site}\n{span}\n\n\
         Steps:\n\
         1. Trend: {trend}. Read nb_visits, nb_uniq_visitors, nb_actions, bounce_rate and avg_time_on_site per period. Name the highest and lowest periods and the overall direction; compare like with like (weekdays with weekdays).\n\
         2. Pages: {pages}. These are the pages with the most views over the whole span; entry pages (Actions_getEntryPageUrls) show where visits start.\n\
         3. Channels: {channels} (direct, search engines, websites, campaigns, social networks). For the detail of one channel use Referrers_getSearchEngines, Referrers_getWebsites or Referrers_getCampaigns.\n\
         4. Other sites: {sites} compares all the sites this user can see over the same span.\n\
         Then summarise in a few sentences: how much traffic, where it is heading, which pages and channels carry it, and anything unusual worth a closer look (the prompt matomo_explain_change analyses one change).\n\n{reading}",
        site = site_line(b),
        span = span_line(b),
        trend =
            processed(json!({"idSite": id, "reportUniqueId": "VisitsSummary_get", "period": b.period, "date": b.date})),
        pages = processed(
            json!({"idSite": id, "reportUniqueId": "Actions_getPageUrls", "period": span_period, "date": span_date, "apiParameters": {"flat": 1}, "filter_limit": 10})
        ),
        channels = processed(
            json!({"idSite": id, "reportUniqueId": "Referrers_getReferrerType", "period": span_period, "date": span_date})
        ),
        sites = processed(
            json!({"idSite": id, "reportUniqueId": "MultiSites_getAll", "period": span_period, "date": span_date})
        ),
        reading = READING,
    )
}

fn explain_change(b: &Brief) -> String {
    let id = b.id_site;
    let report = b.arg("reportUniqueId").unwrap_or("VisitsSummary_get");
    let metric = b.arg("metric").unwrap_or("nb_visits");
    let period = Period::parse(b.period).unwrap_or(Period::Week);
    let (start, end) = b
        .resolved
        .ranges
        .last()
        .copied()
        .unwrap_or((b.site.today.local, b.site.today.local));
    // the period before, and both in one answer: Matomo returns one row set per period of a
    // start,end date
    let (before, compare_date) = if period == Period::Range {
        let length = end.days_since(start) + 1;
        let before = (start.plus(-length), start.plus(-1));
        (before, None)
    } else {
        let before = period.back(start, 1);
        (before, Some(format!("{},{}", before.0, start)))
    };
    let both = match &compare_date {
        Some(date) => processed(json!({"idSite": id, "reportUniqueId": report, "period": b.period, "date": date})),
        None => format!(
            "{} and again with date \"{},{}\"",
            processed(
                json!({"idSite": id, "reportUniqueId": report, "period": "range", "date": format!("{start},{end}")})
            ),
            before.0,
            before.1
        ),
    };
    let (dim_period, dim_date) = match &compare_date {
        Some(date) => (b.period.to_string(), date.clone()),
        None => ("range".to_string(), format!("{start},{end}")),
    };
    let breakdown = |report: &str| {
        processed(
            json!({"idSite": id, "reportUniqueId": report, "period": dim_period, "date": dim_date, "filter_limit": 10}),
        )
    };
    format!(
        "Explain how {metric} in {report} changed between two periods of this Matomo site, and where the change comes from.\n{site}\n\
         The period to explain is {start} to {end}{progress}; the one before it is {b0} to {b1}.\n\n\
         Steps:\n\
         1. Both periods: {both}. Take {metric} of each period and state the change as an absolute number and a percentage.{partial}\n\
         2. Where it comes from: ask the same two periods of the reports that split visits, and compare each row's share in both:\n\
            - channels: {channels}\n\
            - devices: {devices}\n\
            - countries: {countries}\n\
            - entry pages: {entry}\n\
            The rows whose difference adds up to most of the total change are the explanation; say how much of the change each explains.\n\
         3. If the report is about conversions or revenue, check the goals too (matomo_goal_list, then Goals_get with the same periods).\n\
         Then answer: what changed, by how much, which rows account for it, and what would confirm the explanation. Small numbers (a few dozen visits) change a lot by chance: say so when it applies.\n\n{reading}",
        site = site_line(b),
        progress = if b.resolved.in_progress {
            ", still in progress"
        } else {
            ""
        },
        partial = if b.resolved.in_progress {
            // like with like: the days so far against the same days of the period before
            let so_far = b.site.today.local.days_since(start);
            let same_days = |from: Day| format!("{},{}", from, from.plus(so_far));
            format!(
                " The period is not over: compare its first {} days with the same days before it, {} and the same with date \"{}\", rather than with the whole period before.",
                so_far + 1,
                processed(json!({"idSite": id, "reportUniqueId": report, "period": "range", "date": same_days(start)})),
                same_days(before.0)
            )
        } else {
            String::new()
        },
        b0 = before.0,
        b1 = before.1,
        channels = breakdown("Referrers_getReferrerType"),
        devices = breakdown("DevicesDetection_getType"),
        countries = breakdown("UserCountry_getCountry"),
        entry = breakdown("Actions_getEntryPageUrls"),
        reading = READING,
    )
}

fn audience_segments(b: &Brief) -> String {
    let (span_period, span_date) = whole_span(b);
    let id = b.id_site;
    let segment = b.arg("segment");
    let report = |report: &str| {
        let mut args = json!({"idSite": id, "reportUniqueId": report, "period": span_period, "date": span_date});
        if let Some(s) = segment {
            args["segment"] = json!(s);
        }
        processed(args)
    };
    let compare = match segment {
        Some(s) => format!(
            "\nEvery step below is asked with segment \"{s}\". Ask each report once more without the segment and compare the two: the segment's share of all visits, and where it behaves differently."
        ),
        None => String::new(),
    };
    format!(
        "Describe the audience of this Matomo site and compare groups of visitors.\n{site}\n{span}{compare}\n\n\
         Steps:\n\
         1. Devices: {devices}. Compare nb_visits, bounce_rate and avg_time_on_site of desktop, smartphone and tablet.\n\
         2. Countries: {countries}. The top countries and their share of visits.\n\
         3. New versus returning: {frequency}. nb_visits_new and nb_visits_returning with their bounce rates and actions per visit; add segment visitorType==new to any report to see what only new visitors did.\n\
         4. Conversion by segment: matomo_segment_list {segments} gives the saved segments. For each, {goals} with segment set to its definition gives nb_conversions and conversion_rate; compare them with the same report without a segment. A segment this Matomo does not pre-process is refused with an explanation: report that, do not guess its numbers.\n\
         Then summarise who the visitors are, which groups convert or engage best, and which differences are large enough to act on.\n\n{reading}",
        site = site_line(b),
        span = span_line(b),
        devices = report("DevicesDetection_getType"),
        countries = report("UserCountry_getCountry"),
        frequency = report("VisitFrequency_get"),
        segments = json!({"idSite": id}),
        goals =
            processed(json!({"idSite": id, "reportUniqueId": "Goals_get", "period": span_period, "date": span_date})),
        reading = READING,
    )
}

fn technical_check(b: &Brief) -> String {
    let id = b.id_site;
    let day = b.resolved.ranges.last().map_or(b.site.today.local, |r| r.0);
    let fortnight = format!("{},{}", day.plus(-13), day);
    format!(
        "Check the technical health of this Matomo site's pages on {day}.\n{site}\n\n\
         Steps:\n\
         1. Is page speed measured? matomo_report_list {search} should find PagePerformance_get. If it does not, the PagePerformance plugin is off: skip steps 2 and 4 and say so.\n\
         2. Slow pages: {slow}. Sort the rows by avg_page_load_time (seconds); the other timing columns (avg_time_network, avg_time_server, avg_time_transfer, avg_time_dom_processing, avg_time_dom_completion, avg_time_on_load) tell where the time goes. Name the slowest pages with their number of views (nb_hits): a slow page seen twice matters less than a slow checkout.\n\
         3. Pages that stopped receiving data: {history}. Each row set is one day; a page with views in the first days and none in the last three days has stopped sending tracking data (removed, renamed, or its tracking code broke). Ask for the next page of rows while pagination.has_more is true.\n\
         4. Mobile versus desktop over the 30 days up to then: {mobile} and the same with segment deviceType==desktop. Compare avg_page_load_time and its parts. If the segment is refused because this Matomo does not pre-process it, say so.\n\
         Then list the problems found, most harmful first, each with the numbers that show it and what to check next.\n\n{reading}",
        site = site_line(b),
        search = json!({"idSite": id, "search": "page load time"}),
        slow = processed(
            json!({"idSite": id, "reportUniqueId": "Actions_getPageUrls", "period": "day", "date": day.to_string(), "apiParameters": {"flat": 1}, "filter_limit": 100})
        ),
        history = processed(
            json!({"idSite": id, "reportUniqueId": "Actions_getPageUrls", "period": "day", "date": fortnight, "apiParameters": {"flat": 1}, "filter_limit": 100})
        ),
        mobile = processed(
            json!({"idSite": id, "reportUniqueId": "PagePerformance_get", "period": "range", "date": format!("{},{}", day.plus(-29), day), "segment": "deviceType==smartphone"})
        ),
        reading = READING,
    )
}
