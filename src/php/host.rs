//! `Host` implemented by calling methods of the plugin's PHP bridge object
//! (`Piwik\Plugins\McpServer\Bridge\MatomoHost`). Every call checks for a thrown PHP exception
//! and takes it over, so a failing callback becomes an error value here, never a PHP fatal.
//!
//! A PHP fatal error inside a callback ends the request in one of two ways, and neither may skip
//! Rust frames (that would strand their memory in a long-lived php-fpm worker) or be mistaken for
//! an exception:
//! - a bailout (`E_ERROR`, `E_USER_ERROR`): a `longjmp`. Each callback runs inside its own catch,
//!   so it ends the callback only; the core unwinds as from any failure, and the exported
//!   function resumes the bailout once Rust holds nothing;
//! - an exit unwind (`memory_limit` exhausted inside a call, `exit()`): the call returns with
//!   PHP's internal unwind-exit object pending. It is left pending, and PHP goes on unwinding
//!   when the exported function returns.
//!
//! Either way PHP is not called again in that request.

use super::convert;
use ext_php_rs::convert::IntoZvalDyn;
use ext_php_rs::types::{ZendObject, Zval};
use ext_php_rs::zend::{CatchError, ExecutorGlobals, try_catch};
use std::cell::Cell;
use std::panic::AssertUnwindSafe;

unsafe extern "C" {
    /// Whether a pending "exception" is PHP's own request unwind (`exit()`, a fatal error
    /// inside a call), exported by every PHP 8.
    fn zend_is_unwind_exit(ex: *const ext_php_rs::ffi::zend_object) -> bool;
    fn zend_is_graceful_exit(ex: *const ext_php_rs::ffi::zend_object) -> bool;
}

/// PHP is unwinding the request (not a Throwable a callback threw): leave it pending.
fn request_unwinding() -> bool {
    let ex = ExecutorGlobals::get().exception;
    // SAFETY: a non-null pending exception is a live object owned by the engine.
    !ex.is_null() && unsafe { zend_is_unwind_exit(ex) || zend_is_graceful_exit(ex) }
}
use matomo_mcp_core::{ApiError, Host, HostError, LogLevel, SiteDates, StoredSession, api_outcome, session_row};
use serde_json::{Map, Value};

pub struct PhpHost<'a> {
    bridge: &'a ZendObject,
    /// A callback ended in a PHP bailout: PHP is not called again, and the exported function
    /// resumes the bailout.
    bailed_out: Cell<bool>,
    /// A callback left PHP unwinding the request: PHP is not called again.
    unwinding: Cell<bool>,
}

/// A PHP exception taken over from the engine: class and message, for the server log.
fn take_exception() -> Option<String> {
    let ex = ExecutorGlobals::take_exception()?;
    let class = ex.get_class_name().unwrap_or_else(|_| "exception".into());
    let message = ex
        .try_call_method("getMessage", vec![])
        .ok()
        .and_then(|m| m.string())
        .unwrap_or_default();
    // getMessage itself could throw in a pathological class; never leave an exception pending
    let _ = ExecutorGlobals::take_exception();
    Some(format!("{class}: {message}"))
}

impl<'a> PhpHost<'a> {
    pub fn new(bridge: &'a ZendObject) -> Self {
        Self {
            bridge,
            bailed_out: Cell::new(false),
            unwinding: Cell::new(false),
        }
    }

    /// Whether PHP must end the request in the fatal error a callback met.
    pub fn bailed_out(&self) -> bool {
        self.bailed_out.get()
    }

    fn call(&self, method: &str, args: Vec<&dyn IntoZvalDyn>) -> Result<Zval, String> {
        if self.bailed_out.get() || self.unwinding.get() {
            return Err(format!(
                "{method}() not called: PHP is ending the request in a fatal error"
            ));
        }
        let result = match try_catch(AssertUnwindSafe(|| self.bridge.try_call_method(method, args))) {
            Ok(result) => result,
            Err(CatchError::Bailout) => {
                self.bailed_out.set(true);
                return Err(format!("{method}() ended in a PHP fatal error"));
            }
            Err(_) => return Err(format!("{method}() could not be called")),
        };
        if request_unwinding() {
            self.unwinding.set(true);
            return Err(format!("{method}() ended the request (PHP fatal error or exit)"));
        }
        if let Some(thrown) = take_exception() {
            return Err(format!("{method}() threw {thrown}"));
        }
        result.map_err(|e| format!("{method}() could not be called: {e}"))
    }

    /// An `['result' => ...]`/`['error' => ...]` answer, its DataTables rendered by the bridge.
    fn outcome(&self, answer: &Zval) -> Result<Value, ApiError> {
        let render = |table: &Zval| self.call("renderDataTable", vec![table]).map_err(convert::ConvertError);
        let value = convert::to_value_rendering_tables(answer, &render).map_err(|e| {
            if e.0 == convert::TOO_LARGE {
                ApiError::too_large()
            } else {
                ApiError::internal(e.0)
            }
        })?;
        api_outcome(value)
    }
}

fn level_name(level: LogLevel) -> &'static str {
    match level {
        LogLevel::Error => "error",
        LogLevel::Warning => "warning",
        LogLevel::Info => "info",
        LogLevel::Debug => "debug",
    }
}

impl Host for PhpHost<'_> {
    fn call_api(&self, method: &str, params: &Map<String, Value>) -> Result<Value, ApiError> {
        let mut params_zv = Zval::new();
        params_zv.set_hashtable(convert::map_to_hashtable(params).map_err(|e| ApiError::internal(e.to_string()))?);
        let method = method.to_string();
        let answer = self
            .call("callApi", vec![&method, &params_zv])
            .map_err(ApiError::internal)?;
        self.outcome(&answer)
    }

    fn session_load(&self, id: &str) -> Result<Option<StoredSession>, HostError> {
        let id = id.to_string();
        let row = self.call("sessionLoad", vec![&id]).map_err(HostError)?;
        if row.is_null() {
            return Ok(None);
        }
        let row = convert::to_value(&row).map_err(|e| HostError(e.0))?;
        session_row(row)
            .map(Some)
            .ok_or_else(|| HostError("sessionLoad() returned a malformed row".into()))
    }

    fn session_insert(&self, s: &StoredSession) -> Result<(), HostError> {
        let (id, login, data) = (s.id.clone(), s.login.clone(), s.data.clone());
        self.call("sessionInsert", vec![&id, &login, &s.expires_at, &data])
            .map(drop)
            .map_err(HostError)
    }

    fn session_touch(&self, id: &str, login: &str, expires_at: i64) -> Result<(), HostError> {
        let (id, login) = (id.to_string(), login.to_string());
        self.call("sessionTouch", vec![&id, &login, &expires_at])
            .map(drop)
            .map_err(HostError)
    }

    fn session_delete(&self, id: &str, login: &str) -> Result<(), HostError> {
        let (id, login) = (id.to_string(), login.to_string());
        self.call("sessionDelete", vec![&id, &login])
            .map(drop)
            .map_err(HostError)
    }

    fn session_delete_expired(&self, now: i64) -> Result<u64, HostError> {
        let n = self.call("sessionDeleteExpired", vec![&now]).map_err(HostError)?;
        Ok(n.long().and_then(|n| u64::try_from(n).ok()).unwrap_or(0))
    }

    fn call_tool(&self, name: &str, arguments: &Map<String, Value>) -> Result<Value, ApiError> {
        let mut args_zv = Zval::new();
        args_zv.set_hashtable(convert::map_to_hashtable(arguments).map_err(|e| ApiError::internal(e.to_string()))?);
        let name = name.to_string();
        let answer = self
            .call("callTool", vec![&name, &args_zv])
            .map_err(ApiError::internal)?;
        self.outcome(&answer)
    }

    fn api_catalog(&self) -> Result<Vec<Value>, HostError> {
        let answer = self.call("apiCatalog", vec![]).map_err(HostError)?;
        match convert::to_value(&answer).map_err(|e| HostError(e.0))? {
            Value::Array(methods) => Ok(methods),
            _ => Err(HostError("apiCatalog() must return a list".into())),
        }
    }

    fn site_dates(&self, timezone: &str) -> Option<SiteDates> {
        let tz = timezone.to_string();
        let answer = match self.call("siteDates", vec![&tz]) {
            Ok(answer) => convert::to_value(&answer).map_err(|e| e.0),
            Err(e) => Err(e),
        };
        let day = |v: &Value, k: &str| v.get(k).and_then(Value::as_str).map(str::to_string);
        match answer {
            Ok(v) => Some(SiteDates {
                local: day(&v, "local")?,
                range_end: day(&v, "range_end")?,
            }),
            Err(e) => {
                self.log(LogLevel::Warning, &format!("MCP: {e}"));
                None
            }
        }
    }

    fn segment_archived(&self, id_site: i64, definition: &str) -> Result<bool, ApiError> {
        let definition = definition.to_string();
        let answer = self
            .call("segmentArchived", vec![&id_site, &definition])
            .map_err(ApiError::internal)?;
        match api_outcome(convert::to_value(&answer).map_err(|e| ApiError::internal(e.0))?)? {
            Value::Bool(b) => Ok(b),
            _ => Err(ApiError::internal("segmentArchived() must answer a boolean")),
        }
    }

    fn log(&self, level: LogLevel, message: &str) {
        let (level, message) = (level_name(level).to_string(), message.to_string());
        // Logging never fails a request: a throwing logger is simply ignored.
        let _ = self.call("log", vec![&level, &message]);
    }
}
