//! Matomo access levels and the administrator's privilege cap.

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum AccessLevel {
    NoAccess,
    View,
    Write,
    Admin,
    SuperUser,
}

impl AccessLevel {
    pub fn parse(s: &str) -> Self {
        match s.trim().to_ascii_lowercase().as_str() {
            "superuser" => Self::SuperUser,
            "admin" => Self::Admin,
            "write" => Self::Write,
            "view" => Self::View,
            _ => Self::NoAccess,
        }
    }

    fn label(self) -> &'static str {
        match self {
            Self::NoAccess => "No",
            Self::View => "View",
            Self::Write => "Write",
            Self::Admin => "Admin",
            Self::SuperUser => "Super User",
        }
    }
}

/// The `maximum_mcp_access_level` setting; unknown values mean "no limit", as in the incumbent.
pub fn parse_cap(setting: &str) -> Option<AccessLevel> {
    match setting.trim().to_ascii_lowercase().as_str() {
        "view" => Some(AccessLevel::View),
        "write" => Some(AccessLevel::Write),
        "admin" => Some(AccessLevel::Admin),
        _ => None,
    }
}

/// `Err(message)` when the user's highest access is above the cap.
pub fn check_cap(user_level: AccessLevel, setting: &str) -> Result<(), String> {
    match parse_cap(setting) {
        Some(cap) if user_level > cap => Err(format!(
            "Authenticated MCP access has too high privilege level. Maximum of {} access level is allowed.",
            cap.label()
        )),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cap_compares_the_highest_level() {
        assert!(check_cap(AccessLevel::View, "view").is_ok());
        assert!(check_cap(AccessLevel::SuperUser, "unlimited").is_ok());
        assert!(check_cap(AccessLevel::SuperUser, "nonsense").is_ok());
        assert!(check_cap(AccessLevel::Admin, "admin").is_ok());
        assert_eq!(
            check_cap(AccessLevel::Admin, "write").unwrap_err(),
            "Authenticated MCP access has too high privilege level. Maximum of Write access level is allowed."
        );
        assert!(check_cap(AccessLevel::SuperUser, " Admin ").is_err());
        assert!(check_cap(AccessLevel::Write, "VIEW").is_err());
    }

    #[test]
    fn levels_parse_leniently() {
        assert_eq!(AccessLevel::parse("SuperUser"), AccessLevel::SuperUser);
        assert_eq!(AccessLevel::parse("view"), AccessLevel::View);
        assert_eq!(AccessLevel::parse(""), AccessLevel::NoAccess);
    }
}
