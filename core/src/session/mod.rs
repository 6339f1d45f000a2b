//! MCP sessions: the policy lives here, the rows live in Matomo's database (through `Host`) so
//! that every php-fpm worker and every web node sees the same sessions.
//!
//! A session is bound to the Matomo login that created it; ids never authenticate anyone (the
//! token does, on every request), they only carry what `initialize` negotiated.

use crate::host::{Host, HostError, StoredSession};
use crate::util::random;
use serde::{Deserialize, Serialize};

/// Longest id we look up; anything longer cannot be ours.
const MAX_ID_LEN: usize = 128;

/// What `initialize` negotiated, kept for the session's later requests.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionState {
    pub protocol_version: String,
    #[serde(default)]
    pub client_name: String,
    #[serde(default)]
    pub client_version: String,
    /// The client draws MCP Apps views (it said so in `initialize`).
    #[serde(default)]
    pub ui_apps: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    pub id: String,
    pub state: SessionState,
}

/// Visible ASCII (0x21..0x7E) only, as the transport spec demands of session ids.
fn plausible_id(id: &str) -> bool {
    !id.is_empty() && id.len() <= MAX_ID_LEN && id.bytes().all(|b| (0x21..=0x7e).contains(&b))
}

/// The sliding expiry is moved forward only when it has aged a little, so a busy client does not
/// cost a database write per request (at most one per minute, or per tenth of a short TTL).
fn needs_touch(expires_at: i64, now: i64, ttl: i64) -> bool {
    now + ttl - expires_at >= (ttl / 10).clamp(1, 60)
}

pub fn create(host: &dyn Host, login: &str, ttl: i64, state: SessionState) -> Result<Session, HostError> {
    let id = random::token_hex().map_err(HostError)?;
    let data = serde_json::to_string(&state).map_err(|e| HostError(e.to_string()))?;
    host.session_insert(&StoredSession {
        id: id.clone(),
        login: login.to_string(),
        expires_at: host.now() + ttl,
        data,
    })?;
    Ok(Session { id, state })
}

/// The live session `id` of `login`, with its expiry slid forward; `None` when it is unknown,
/// expired, deleted or another user's (all of which the client sees as the same 404).
pub fn resume(host: &dyn Host, id: &str, login: &str, ttl: i64) -> Result<Option<Session>, HostError> {
    if !plausible_id(id) {
        return Ok(None);
    }
    let Some(row) = host.session_load(id)? else {
        return Ok(None);
    };
    if row.login != login {
        return Ok(None);
    }
    let now = host.now();
    if row.expires_at <= now {
        host.session_delete(id, login)?;
        return Ok(None);
    }
    if needs_touch(row.expires_at, now, ttl) {
        host.session_touch(id, login, now + ttl)?;
    }
    let state = serde_json::from_str(&row.data).unwrap_or_default();
    Ok(Some(Session { id: row.id, state }))
}

/// Ends the user's session; `false` when there was no such live session.
pub fn end(host: &dyn Host, id: &str, login: &str, ttl: i64) -> Result<bool, HostError> {
    match resume(host, id, login, ttl)? {
        Some(_) => host.session_delete(id, login).map(|()| true),
        None => Ok(false),
    }
}

/// Removes expired rows (called by Matomo's scheduled task).
pub fn collect_expired(host: &dyn Host) -> Result<u64, HostError> {
    host.session_delete_expired(host.now())
}

#[cfg(test)]
pub mod tests;
