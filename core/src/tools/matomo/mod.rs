//! The Matomo tools: sites, goals, segments, custom dimensions, reports, report data and the raw
//! API. A new tool is a new module here, listed in `tools()`.

pub mod common;
pub mod dates;
pub mod dimensions;
pub mod goals;
pub mod lookup;
pub mod processed;
pub mod rawapi;
pub mod reports;
pub mod segments;
pub mod sites;

use crate::tools::Tool;

/// Every Matomo tool, in the incumbent's order (alphabetical by tool), which clients may rely on.
pub fn tools() -> Vec<Tool> {
    let mut tools: Vec<Tool> = [
        dimensions::tools(),
        goals::tools(),
        processed::tools(),
        rawapi::tools(),
        reports::tools(),
        segments::tools(),
        sites::tools(),
    ]
    .into_iter()
    .flatten()
    .collect();
    tools.sort_by_key(|t| t.name);
    tools
}
