//! What several tools share: calling Matomo for a list or one item and turning Matomo's failures
//! into messages a model can act on (never Matomo's internals).

use crate::host::{ApiError, ApiErrorKind, LogLevel};
use crate::tools::kit::values::int;
use crate::tools::{ToolContext, ToolError};
use serde_json::{Map, Value, json};

/// How a tool names its failures.
pub struct Failures {
    /// "Goal retrieval failed." for anything unexpected (details go to Matomo's log).
    pub failed: &'static str,
    /// The Matomo plugin the tool needs ("Goals"), for "Goals plugin is not available.".
    pub plugin: Option<&'static str>,
}

impl Failures {
    pub fn plugin_unavailable(&self) -> Option<ToolError> {
        self.plugin.map(|p| ToolError(format!("{p} plugin is not available.")))
    }

    /// An error for anything but "no access", which callers decide about.
    pub fn other(&self, ctx: &ToolContext, method: &str, e: &ApiError) -> ToolError {
        if e.kind == ApiErrorKind::TooLarge {
            return ToolError(e.message.clone());
        }
        if e.kind == ApiErrorKind::PluginInactive
            && let Some(err) = self.plugin_unavailable()
        {
            return err;
        }
        ctx.host.log(
            LogLevel::Warning,
            &format!("{}: {method} failed: {}", ctx.tool_name, e.message),
        );
        ToolError::new(self.failed)
    }
}

/// Rows of a Matomo list answer (a JSON list, or a map keyed by id).
pub fn rows(answer: Value) -> Option<Vec<Value>> {
    match answer {
        Value::Array(items) => Some(items),
        Value::Object(map) => Some(map.into_iter().map(|(_, v)| v).collect()),
        _ => None,
    }
}

/// Calls a Matomo method answering a list. No access yields an empty list: the user simply
/// sees nothing there.
pub fn fetch_rows(
    ctx: &ToolContext,
    method: &str,
    params: Map<String, Value>,
    f: &Failures,
) -> Result<Vec<Value>, ToolError> {
    match ctx.host.call_api(method, &params) {
        Ok(answer) => rows(answer).ok_or_else(|| ToolError::new(f.failed)),
        Err(e) if e.kind == ApiErrorKind::NoAccess => Ok(Vec::new()),
        Err(e) => Err(f.other(ctx, method, &e)),
    }
}

/// `{"idSite": n}` from validated arguments.
pub fn site_param(args: &Map<String, Value>) -> Result<(i64, Map<String, Value>), ToolError> {
    let id = int(args.get("idSite"))
        .filter(|n| *n >= 1)
        .ok_or_else(|| ToolError::new("Parameter 'idSite' missing or invalid."))?;
    let mut params = Map::new();
    params.insert("idSite".into(), json!(id));
    Ok((id, params))
}

/// A positive integer argument (already schema-validated).
pub fn positive(args: &Map<String, Value>, name: &str) -> Result<i64, ToolError> {
    int(args.get(name))
        .filter(|n| *n >= 1)
        .ok_or_else(|| ToolError(format!("Parameter '{name}' missing or invalid.")))
}

/// The input schema of a list tool scoped to one site, plus its extra properties.
pub fn site_list_input(sorts: &[crate::tools::kit::pagination::Sort], extra: Value) -> Value {
    let mut props = crate::tools::kit::pagination::schema_properties(sorts);
    if let Some(p) = props.as_object_mut() {
        p.insert("idSite".into(), id_schema("Matomo site id (see matomo_site_list)."));
        if let Value::Object(e) = extra {
            p.extend(e);
        }
    }
    json!({"type": "object", "properties": props, "required": ["idSite"], "additionalProperties": false})
}

pub fn id_schema(description: &str) -> Value {
    json!({"type": "integer", "minimum": 1, "description": description})
}

/// An object schema whose listed properties are all required.
pub fn record_schema(props: Value) -> Value {
    let required: Vec<String> = props
        .as_object()
        .map(|p| p.keys().cloned().collect())
        .unwrap_or_default();
    json!({"type": "object", "properties": props, "required": required, "additionalProperties": false})
}
