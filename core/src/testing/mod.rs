//! A Matomo stand-in for the Rust unit tests: sessions in memory, a movable clock, canned API
//! answers and captured log lines.

pub mod recorded;
#[cfg(test)]
mod replay;
pub mod surface;

use crate::host::{ApiError, Host, HostError, LogLevel, SiteDates, StoredSession};
use serde_json::{Map, Value};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;

type ApiFn = dyn Fn(&str, &Map<String, Value>) -> Result<Value, ApiError>;

pub struct FakeHost {
    pub sessions: RefCell<HashMap<String, StoredSession>>,
    pub clock: Cell<i64>,
    pub logs: RefCell<Vec<(LogLevel, String)>>,
    pub api_calls: RefCell<Vec<(String, Map<String, Value>)>>,
    pub writes: Cell<u32>,
    /// The site's "today" (the fixtures were captured on this day).
    pub today: RefCell<String>,
    pub segments_on_request: Cell<bool>,
    pub catalog: RefCell<Vec<Value>>,
    /// The recorded MCP call this host answers for (`FakeHost::recorded`).
    pub recording: Option<&'static recorded::RecordedCall>,
    /// Calls the recordings could not answer.
    pub misses: RefCell<Vec<String>>,
    api: Box<ApiFn>,
}

impl Default for FakeHost {
    fn default() -> Self {
        Self::new()
    }
}

impl FakeHost {
    pub fn new() -> Self {
        Self::with_api(|_, _| Err(ApiError::internal("no API in this test")))
    }

    pub fn with_api(api: impl Fn(&str, &Map<String, Value>) -> Result<Value, ApiError> + 'static) -> Self {
        Self {
            sessions: RefCell::new(HashMap::new()),
            clock: Cell::new(1_000_000),
            logs: RefCell::new(Vec::new()),
            api_calls: RefCell::new(Vec::new()),
            writes: Cell::new(0),
            today: RefCell::new("2026-11-21".into()),
            segments_on_request: Cell::new(true),
            catalog: RefCell::new(Vec::new()),
            recording: None,
            misses: RefCell::new(Vec::new()),
            api: Box::new(api),
        }
    }

    /// Matomo as it answered recorded MCP call `number` (its user, configuration and clock).
    pub fn recorded(number: u64) -> Self {
        let call = recorded::call(number);
        let user = call.user.clone();
        let mut host = Self::with_api(move |method, params| {
            recorded::answer(&user, method, params).unwrap_or_else(|| {
                Err(ApiError::internal(format!(
                    "not recorded: {method} {}",
                    Value::Object(params.clone())
                )))
            })
        });
        host.recording = Some(call);
        if let Some(Value::Array(catalog)) = recorded::calls()
            .iter()
            .flat_map(|c| c.callbacks.iter())
            .find(|cb| cb.function == "apiCatalog")
            .map(|cb| cb.result.clone())
        {
            host.catalog = RefCell::new(catalog);
        }
        host
    }

    pub fn advance(&self, seconds: i64) {
        self.clock.set(self.clock.get() + seconds);
    }

    pub fn log_text(&self) -> String {
        self.logs
            .borrow()
            .iter()
            .map(|(_, m)| m.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    }
}

impl Host for FakeHost {
    fn call_api(&self, method: &str, params: &Map<String, Value>) -> Result<Value, ApiError> {
        self.api_calls.borrow_mut().push((method.to_string(), params.clone()));
        let answer = (self.api)(method, params);
        if let Err(e) = &answer
            && e.message.starts_with("not recorded: ")
        {
            self.misses.borrow_mut().push(e.message.clone());
        }
        answer
    }

    fn session_load(&self, id: &str) -> Result<Option<StoredSession>, HostError> {
        Ok(self.sessions.borrow().get(id).cloned())
    }

    fn session_insert(&self, session: &StoredSession) -> Result<(), HostError> {
        self.writes.set(self.writes.get() + 1);
        self.sessions.borrow_mut().insert(session.id.clone(), session.clone());
        Ok(())
    }

    fn session_touch(&self, id: &str, login: &str, expires_at: i64) -> Result<(), HostError> {
        self.writes.set(self.writes.get() + 1);
        if let Some(s) = self.sessions.borrow_mut().get_mut(id).filter(|s| s.login == login) {
            s.expires_at = expires_at;
        }
        Ok(())
    }

    fn session_delete(&self, id: &str, login: &str) -> Result<(), HostError> {
        self.writes.set(self.writes.get() + 1);
        let mut sessions = self.sessions.borrow_mut();
        if sessions.get(id).is_some_and(|s| s.login == login) {
            sessions.remove(id);
        }
        Ok(())
    }

    fn session_delete_expired(&self, now: i64) -> Result<u64, HostError> {
        let mut sessions = self.sessions.borrow_mut();
        let before = sessions.len();
        sessions.retain(|_, s| s.expires_at > now);
        Ok((before - sessions.len()) as u64)
    }

    fn log(&self, level: LogLevel, message: &str) {
        self.logs.borrow_mut().push((level, message.to_string()));
    }

    fn now(&self) -> i64 {
        self.clock.get()
    }

    fn site_dates(&self, timezone: &str) -> Option<SiteDates> {
        if self.recording.is_some() {
            return Some(SiteDates {
                local: recorded::local_date(timezone)?,
                range_end: recorded::range_end(timezone)?,
            });
        }
        let today = self.today.borrow().clone();
        Some(SiteDates {
            local: today.clone(),
            range_end: today,
        })
    }

    fn segment_archived(&self, id_site: i64, definition: &str) -> Result<bool, ApiError> {
        match self.recording {
            Some(call) => recorded::segment_archived(call, id_site, definition),
            None => Ok(self.segments_on_request.get()),
        }
    }

    fn call_tool(&self, name: &str, arguments: &Map<String, Value>) -> Result<Value, ApiError> {
        self.call_api(&format!("tool:{name}"), arguments)
    }

    fn api_catalog(&self) -> Result<Vec<Value>, HostError> {
        Ok(self.catalog.borrow().clone())
    }
}

/// The `response` of a captured Matomo 5.1.2 answer (bundled copy of the shared fixtures).
pub fn fixture(file: &str) -> Value {
    let path = format!("{}/../standin/fixtures/matomo-5.1.2/{file}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("fixture {path}: {e}"));
    let v: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("fixture {path}: {e}"));
    v["response"].clone()
}

/// Matomo as the `viewer` user of the fixtures sees it (view access to sites 1 and 2).
pub fn viewer_api(method: &str, params: &Map<String, Value>) -> Result<Value, ApiError> {
    use crate::host::ApiErrorKind;
    let no_access = |id: i64| ApiError {
        kind: ApiErrorKind::NoAccess,
        message: format!("You can't access this resource as it requires 'view' access for the website id = {id}."),
    };
    match method {
        "SitesManager.getSitesWithAtLeastViewAccess" => {
            Ok(fixture("01-viewer-SitesManager_getSitesWithAtLeastViewAccess.json"))
        }
        "SitesManager.getPatternMatchSites" => {
            let pattern = params
                .get("pattern")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_lowercase();
            let all = fixture("01-viewer-SitesManager_getSitesWithAtLeastViewAccess.json");
            let hits = all.as_array().into_iter().flatten().filter(|s| {
                ["name", "main_url"]
                    .iter()
                    .any(|k| s[*k].as_str().unwrap_or("").to_lowercase().contains(&pattern))
            });
            Ok(Value::Array(hits.cloned().collect()))
        }
        "SitesManager.getSiteFromId" => match params.get("idSite").and_then(Value::as_i64) {
            Some(1) => Ok(fixture("03-viewer-SitesManager_getSiteFromId.json")),
            Some(2) => Ok(fixture("04-viewer-SitesManager_getSiteFromId.json")),
            Some(id) => Err(no_access(id)),
            None => Err(ApiError {
                kind: ApiErrorKind::Rejected,
                message: "idSite missing".into(),
            }),
        },
        "Goals.getGoals" => per_site(params, "07-viewer-Goals_getGoals.json", "08-viewer-Goals_getGoals.json"),
        "Goals.getGoal" => match (int_param(params, "idSite"), int_param(params, "idGoal")) {
            (Some(1), Some(1)) => Ok(fixture("09-viewer-Goals_getGoal.json")),
            // Matomo answers null (rendered `true`) for an unknown goal of a site one can see
            (Some(1 | 2), _) => Ok(Value::Bool(true)),
            (Some(id), _) => Err(no_access(id)),
            _ => Err(rejected("idSite missing")),
        },
        "SegmentEditor.getAll" => Ok(fixture("10-viewer-SegmentEditor_getAll.json")),
        "CustomDimensions.getConfiguredCustomDimensions" => per_site(
            params,
            "11-viewer-CustomDimensions_getConfiguredCustomDimensions.json",
            "12-viewer-CustomDimensions_getConfiguredCustomDimensions.json",
        ),
        _ => Err(ApiError {
            kind: ApiErrorKind::PluginInactive,
            message: format!("The plugin {method} is not enabled."),
        }),
    }
}

fn int_param(params: &Map<String, Value>, name: &str) -> Option<i64> {
    params.get(name).and_then(Value::as_i64)
}

fn rejected(message: &str) -> ApiError {
    ApiError {
        kind: crate::host::ApiErrorKind::Rejected,
        message: message.into(),
    }
}

/// A fixture per site the viewer can see (1, 2); no access to any other.
fn per_site(params: &Map<String, Value>, site1: &str, site2: &str) -> Result<Value, ApiError> {
    match int_param(params, "idSite") {
        Some(1) => Ok(fixture(site1)),
        Some(2) => Ok(fixture(site2)),
        Some(id) => Err(ApiError {
            kind: crate::host::ApiErrorKind::NoAccess,
            message: format!("You can't access this resource as it requires 'view' access for the website id = {id}."),
        }),
        None => Err(rejected("idSite missing")),
    }
}

/// Runs a built-in tool directly, checking the arguments against its input schema first and
/// the result against its output schema after.
pub fn run_tool(name: &str, host: &FakeHost, args: Value) -> crate::tools::ToolResult {
    use crate::tools::ToolContext;
    use crate::tools::kit::schema;
    let tool = crate::tools::builtin()
        .find(name)
        .unwrap_or_else(|| panic!("no tool {name}"));
    let args = args.as_object().cloned().expect("arguments object");
    let violations = schema::validate(&tool.input_schema, &Value::Object(args.clone()));
    assert!(
        violations.is_empty(),
        "test arguments for {name} break its schema: {violations:?}"
    );
    let out = (tool.handler)(
        &ToolContext {
            host,
            tool_name: tool.name,
            raw_api: &crate::tools::kit::access::Mode::Full,
        },
        &args,
    );
    if let Ok(v) = &out {
        let violations = schema::validate(&tool.output_schema, v);
        assert!(violations.is_empty(), "{name} output breaks its schema: {violations:?}");
    }
    out
}

/// Matomo's report catalogue as the viewer sees it (captured getReportMetadata answers). Report
/// data comes from the bridge recordings (`FakeHost::recorded`).
pub fn report_api(method: &str, params: &Map<String, Value>) -> Result<Value, ApiError> {
    use crate::host::ApiErrorKind;
    match method {
        "API.getReportMetadata" => per_site(
            params,
            "13-viewer-API_getReportMetadata.json",
            "14-viewer-API_getReportMetadata.json",
        ),
        "SitesManager.getSiteFromId" | "SegmentEditor.getAll" => viewer_api(method, params),
        _ => Err(ApiError {
            kind: ApiErrorKind::PluginInactive,
            message: format!("no {method} here"),
        }),
    }
}
