//! The `instructions` sent with `initialize`: how a model should use this server.

pub const INSTRUCTIONS: &str = "\
Matomo web analytics, read with the access of the Matomo user who owns the token.
Workflow: find the site first (matomo_site_list, or matomo_site_search when you know a name or \
domain), then check its timezone and currency with matomo_site_get.
Lists are paginated: pass next_cursor back as cursor while has_more is true; cursors belong to the \
tool and arguments that produced them.
Dates follow Matomo: period is day, week, month, year or range; date is YYYY-MM-DD, today, \
yesterday, lastN/previousN, or start,end with period=range. Periods are interpreted in the site's \
timezone, and a period that contains today is still in progress.
Errors that say what to change are meant for you: fix the arguments and call again.";
