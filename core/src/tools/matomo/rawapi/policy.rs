//! Which Matomo API methods the raw API tools may offer, as the administrator configured:
//! none (default), a CRUD subset, or full. A permanent deny list keeps dispatchers and image
//! output out in every mode; a method whose category cannot be told is offered only in full mode.

use crate::tools::kit::access::{Category, Mode};

/// Whether `module.action` may be offered at all in this mode.
pub fn allows_method(mode: &Mode, module: &str, action: &str) -> bool {
    if is_denied(module, action) {
        return false;
    }
    match mode {
        Mode::Full => true,
        Mode::Partial(_) => classify(action).is_some_and(|c| mode.allows_category(c)),
        Mode::None => false,
    }
}

/// Dispatchers (they would run other methods around this policy) and image output.
const DENIED: [&str; 10] = [
    "API.get",
    "API.getBulkRequest",
    "API.getMetadata",
    "API.getProcessedReport",
    "API.getReportMetadata",
    "API.getRowEvolution",
    "ImageGraph.get",
    "Insights.getInsights",
    "Insights.getMoversAndShakers",
    "TreemapVisualization.getTreemapData",
];

pub fn is_denied(module: &str, action: &str) -> bool {
    let method = format!("{module}.{action}");
    DENIED.iter().any(|d| d.eq_ignore_ascii_case(&method))
}

/// The category of an action from its leading verb (the incumbent's rules, so the same methods
/// land in the same category). `None`: unknown, offered only in full mode.
pub fn classify(action: &str) -> Option<Category> {
    let verb: String = action.chars().take_while(|c| c.is_ascii_lowercase()).collect();
    let high = match verb.as_str() {
        "get" | "is" => Some(Category::Read),
        "add" | "create" => Some(Category::Create),
        "update" => Some(Category::Update),
        "delete" | "remove" => Some(Category::Delete),
        _ => None,
    };
    if high.is_some() {
        return high;
    }
    const READ: [&str; 12] = [
        "has", "can", "was", "are", "does", "uses", "check", "search", "find", "detect", "test", "validate",
    ];
    const CREATE: [&str; 3] = ["invite", "initiate", "duplicate"];
    const UPDATE: [&str; 22] = [
        "set",
        "save",
        "start",
        "finish",
        "pause",
        "resume",
        "end",
        "enable",
        "disable",
        "change",
        "configure",
        "copy",
        "merge",
        "unmerge",
        "rotate",
        "star",
        "unstar",
        "archive",
        "mark",
        "clear",
        "regenerate",
        "edit",
    ];
    if READ.contains(&verb.as_str()) || action.ends_with("Exists") {
        Some(Category::Read)
    } else if CREATE.contains(&verb.as_str()) {
        Some(Category::Create)
    } else if UPDATE.contains(&verb.as_str()) {
        Some(Category::Update)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tools::kit::access::RawApiSettings;

    fn settings(scope: &str, r: bool, c: bool, u: bool, d: bool) -> RawApiSettings {
        RawApiSettings {
            raw_api_access_scope: scope.into(),
            raw_api_access_read: r,
            raw_api_access_create: c,
            raw_api_access_update: u,
            raw_api_access_delete: d,
        }
    }

    #[test]
    fn modes_from_settings() {
        assert_eq!(Mode::from_settings(&RawApiSettings::default()), Mode::None);
        assert_eq!(
            Mode::from_settings(&settings("full", false, false, false, false)),
            Mode::Full
        );
        assert_eq!(
            Mode::from_settings(&settings("partial", true, false, false, true)),
            Mode::Partial(vec![Category::Read, Category::Delete])
        );
        assert_eq!(
            Mode::from_settings(&settings("partial", false, false, false, false)),
            Mode::None
        );
        assert_eq!(
            Mode::from_settings(&settings("bogus", true, true, true, true)),
            Mode::None
        );
    }

    #[test]
    fn classifier_follows_the_leading_verb() {
        assert_eq!(classify("getSitesWithAdminAccess"), Some(Category::Read));
        assert_eq!(classify("isUserHasSomeAccess"), Some(Category::Read));
        assert_eq!(classify("userExists"), Some(Category::Read));
        assert_eq!(classify("addSite"), Some(Category::Create));
        assert_eq!(classify("inviteUser"), Some(Category::Create));
        assert_eq!(classify("updateUser"), Some(Category::Update));
        assert_eq!(classify("setUserAccess"), Some(Category::Update));
        assert_eq!(classify("deleteUser"), Some(Category::Delete));
        assert_eq!(classify("removeGoal"), Some(Category::Delete));
        assert_eq!(classify("sendReport"), None);
        assert_eq!(classify("getter"), None, "only the whole leading word counts");
    }

    #[test]
    fn deny_list_holds_in_every_mode() {
        for mode in [Mode::Full, Mode::Partial(vec![Category::Read])] {
            assert!(!allows_method(&mode, "API", "getBulkRequest"));
            assert!(!allows_method(&mode, "api", "GETPROCESSEDREPORT"));
            assert!(!allows_method(&mode, "ImageGraph", "get"));
        }
        assert!(allows_method(&Mode::Full, "ScheduledReports", "sendReport"));
        let read_update = Mode::Partial(vec![Category::Read, Category::Update]);
        assert!(!allows_method(&read_update, "ScheduledReports", "sendReport"));
        let read = Mode::Partial(vec![Category::Read]);
        assert!(allows_method(&read, "UsersManager", "getUsers"));
        assert!(!allows_method(&read, "UsersManager", "deleteUser"));
    }
}
