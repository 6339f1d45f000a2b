//! Which raw API categories the administrator opened (settings `raw_api_access_scope` and
//! `raw_api_access_<category>`): none (default), a CRUD subset, or full. Tools are offered by it
//! (`Availability`); which Matomo methods fall in a category is the raw API tools' own policy.

use serde::Deserialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Category {
    Read,
    Create,
    Update,
    Delete,
}

impl Category {
    pub const ALL: [Category; 4] = [Category::Read, Category::Create, Category::Update, Category::Delete];

    pub fn name(self) -> &'static str {
        match self {
            Self::Read => "read",
            Self::Create => "create",
            Self::Update => "update",
            Self::Delete => "delete",
        }
    }
}

/// The plugin settings `raw_api_access_scope` and `raw_api_access_<category>`.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct RawApiSettings {
    pub raw_api_access_scope: String,
    pub raw_api_access_read: bool,
    pub raw_api_access_create: bool,
    pub raw_api_access_update: bool,
    pub raw_api_access_delete: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    None,
    Partial(Vec<Category>),
    Full,
}

impl Mode {
    pub fn from_settings(s: &RawApiSettings) -> Self {
        match s.raw_api_access_scope.trim().to_ascii_lowercase().as_str() {
            "full" => Self::Full,
            "partial" => {
                let flags = [
                    s.raw_api_access_read,
                    s.raw_api_access_create,
                    s.raw_api_access_update,
                    s.raw_api_access_delete,
                ];
                let enabled: Vec<Category> = Category::ALL
                    .iter()
                    .zip(flags)
                    .filter(|(_, on)| *on)
                    .map(|(c, _)| *c)
                    .collect();
                if enabled.is_empty() {
                    Self::None
                } else {
                    Self::Partial(enabled)
                }
            }
            _ => Self::None,
        }
    }

    pub fn is_none(&self) -> bool {
        *self == Self::None
    }

    pub fn allows_category(&self, c: Category) -> bool {
        match self {
            Self::Full => true,
            Self::Partial(enabled) => enabled.contains(&c),
            Self::None => false,
        }
    }
}
