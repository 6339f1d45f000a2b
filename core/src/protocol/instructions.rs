//! The `instructions` sent with `initialize`: how a model should use this server.

pub const INSTRUCTIONS: &str = "\
Matomo web analytics, read with the access of the Matomo user who owns the token.
Workflow: 1) find the site: matomo_site_list, or matomo_site_search with a name or domain; \
matomo_site_get gives its timezone and currency. 2) find the report: matomo_report_list with \
search (e.g. \"entry pages\", \"device type\", \"campaigns\", \"goals\"). 3) get the numbers: \
matomo_report_processed with idSite, period, date and reportUniqueId.
Dates: period is day, week, month, year or range; date is YYYY-MM-DD, today, yesterday, lastN \
or previousN, or start,end. lastN with period day/week/month gives one row set per period \
(good for trends and week-over-week comparisons); period range gives one total. Dates are the \
site's own days: every report answer states the exact ranges, the timezone, and in_progress when \
the period is not over yet (its numbers will still grow).
Segments: matomo_segment_list gives saved segment definitions; a report row's segment value \
drills down into that row. Goals: matomo_goal_list, then Goals reports or goalMetricsMode.
Pagination: lists return next_cursor (pass it back as cursor while has_more is true); reports \
return pagination.next_filter_offset. Report answers stay within max_bytes by leaving whole rows \
for the next page.
Errors that say what to change are meant for you: fix the arguments and call again.";
