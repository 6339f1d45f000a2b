//! What the MCP core needs from Matomo, as one trait. The PHP plugin implements it with Matomo's
//! own classes (`Piwik\API\Request`, the database, the logger); tests implement it in Rust.

use serde_json::{Map, Value};

/// Why a Matomo API call failed, as far as the tools need to know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApiErrorKind {
    /// Matomo refused for lack of access (`Piwik\NoAccessException`).
    NoAccess,
    /// The Matomo plugin that provides the method is not activated (`PluginDeactivatedException`).
    PluginInactive,
    /// The request was understood and rejected (bad parameter, unknown id, inactive plugin...).
    Rejected,
    /// Anything else: a bug, a database error. Never shown to the client.
    Internal,
    /// The answer would not fit in what PHP's `memory_limit` leaves the request; never read.
    TooLarge,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    pub kind: ApiErrorKind,
    /// Matomo's message; tools decide whether it is safe to pass on.
    pub message: String,
}

impl ApiError {
    pub fn internal(message: impl Into<String>) -> Self {
        Self {
            kind: ApiErrorKind::Internal,
            message: message.into(),
        }
    }

    /// An answer too large to read; the message says what to ask for instead.
    pub fn too_large() -> Self {
        Self {
            kind: ApiErrorKind::TooLarge,
            message: ANSWER_TOO_LARGE.into(),
        }
    }
}

pub const ANSWER_TOO_LARGE: &str = "Matomo's answer is larger than this server's PHP memory_limit allows: ask for fewer rows (filter_limit), fewer columns or a shorter period, or ask the administrator to raise memory_limit.";

/// A session row as stored in Matomo's database (table `mcp_session`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredSession {
    pub id: String,
    /// The Matomo login that created it; a session never serves another user.
    pub login: String,
    /// Unix time after which the session is gone.
    pub expires_at: i64,
    /// Opaque JSON written and read only by the core (negotiated version, client info).
    pub data: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum LogLevel {
    Error,
    Warning,
    Info,
    Debug,
}

/// A failure of the storage or logging callbacks (the message is for the server log only).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HostError(pub String);

/// Today for one site, as `YYYY-MM-DD` strings from Matomo's `Piwik\Date`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteDates {
    /// `Date::factory('now', $timezone)`: the site's local date.
    pub local: String,
    /// `Date::factory('today', $timezone)`: where Matomo ends `period=range` dates such as
    /// `last7` (a day before `local` west of UTC).
    pub range_end: String,
}

pub trait Host {
    /// Calls a Matomo API method as the current user (`Piwik\API\Request::processRequest`).
    fn call_api(&self, method: &str, params: &Map<String, Value>) -> Result<Value, ApiError>;

    fn session_load(&self, id: &str) -> Result<Option<StoredSession>, HostError>;
    fn session_insert(&self, session: &StoredSession) -> Result<(), HostError>;
    /// Moves the expiry of the user's own session; a row of another user is left alone.
    fn session_touch(&self, id: &str, login: &str, expires_at: i64) -> Result<(), HostError>;
    /// Deletes the user's own session; a row of another user is left alone.
    fn session_delete(&self, id: &str, login: &str) -> Result<(), HostError>;
    /// Deletes every session that expired before `now`; returns how many went.
    fn session_delete_expired(&self, now: i64) -> Result<u64, HostError>;

    fn log(&self, level: LogLevel, message: &str);

    /// Runs a tool contributed by another plugin (`McpServer.addTools`). `Rejected` carries the
    /// tool's own message for the model; `Internal` a failure for the log.
    fn call_tool(&self, name: &str, arguments: &Map<String, Value>) -> Result<Value, ApiError>;

    /// Every API method Matomo exposes, from its own metadata: `{module, action, parameters:
    /// [{name, type, required, allowsNull, hasDefault, defaultValue}], deprecated, internal}`.
    fn api_catalog(&self) -> Result<Vec<Value>, HostError>;

    /// Today in a site's timezone, read the two ways Matomo reads it (see `SiteDates`).
    fn site_dates(&self, timezone: &str) -> Option<SiteDates>;

    /// Whether Matomo has, or will build, data for this segment on this site
    /// (`Piwik\Segment::willBeArchived()`: segments are archived on request, or this one is
    /// pre-processed). `Rejected` when Matomo refuses the definition itself.
    fn segment_archived(&self, id_site: i64, definition: &str) -> Result<bool, ApiError>;

    /// Current Unix time in seconds (a trait method so tests can move the clock).
    fn now(&self) -> i64 {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            .unwrap_or(0)
    }
}
