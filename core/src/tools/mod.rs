//! MCP tools in two layers: the kit (`kit/`: registry, schemas, validation, repairs, paging,
//! output, tools other plugins add) and the Matomo tools (`matomo/`). This module holds what
//! both speak: a tool, its context, its errors.

pub mod kit;
pub mod matomo;

use kit::contributed;
use kit::registry::Registry;
use once_cell::sync::Lazy;

use crate::config::McpConfig;
use crate::host::Host;
use serde_json::{Map, Value, json};

static BUILTIN: Lazy<Registry> = Lazy::new(|| Registry::new(matomo::tools()));

/// The built-in tools: the Matomo tools, built once per PHP process.
pub fn builtin() -> &'static Registry {
    &BUILTIN
}

/// The names of the built-in tools (the plugin's `McpServer.filterTools` event may remove any).
pub fn builtin_names() -> Vec<String> {
    builtin().tools.iter().map(|t| t.name.to_string()).collect()
}

/// Everything a method handler may need about the current request.
pub struct Call<'a> {
    pub host: &'a dyn Host,
    pub config: &'a McpConfig,
    /// The protocol version negotiated for this session.
    pub version: &'a str,
    /// Whether that version has structured tool output (`outputSchema`, `structuredContent`).
    pub structured_output: bool,
    /// Invalid tool arguments answered as a tool result with `isError` (2026-07-28) rather than
    /// as a JSON-RPC error.
    pub argument_errors_as_results: bool,
    /// The client draws MCP Apps views: tools point at theirs in `tools/list`.
    pub ui_apps: bool,
    pub session_id: &'a str,
    /// The tools of this request (settings, other plugins' additions and removals).
    pub tools: &'a contributed::ToolSet<'a>,
}

/// A tool failure the model should read and act on (`isError: true`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ToolError(pub String);

impl ToolError {
    pub fn new(message: impl Into<String>) -> Self {
        Self(message.into())
    }
}

pub type ToolResult = Result<Value, ToolError>;

/// What a tool's code gets to work with.
pub struct ToolContext<'a> {
    pub host: &'a dyn Host,
    pub tool_name: &'a str,
    /// What the administrator allows of the raw Matomo API.
    pub raw_api: &'a kit::access::Mode,
}

pub type Handler = fn(&ToolContext, &Map<String, Value>) -> ToolResult;

/// Hints for clients; every built-in tool states all four explicitly.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Annotations {
    pub read_only: bool,
    pub destructive: bool,
    pub idempotent: bool,
    pub open_world: bool,
}

impl Annotations {
    pub const READ_ONLY: Self = Self {
        read_only: true,
        destructive: false,
        idempotent: true,
        open_world: false,
    };

    pub fn to_json(self) -> Value {
        json!({
            "readOnlyHint": self.read_only,
            "destructiveHint": self.destructive,
            "idempotentHint": self.idempotent,
            "openWorldHint": self.open_world,
        })
    }
}

/// When a tool is offered: always, or only as the raw API settings allow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Availability {
    Always,
    /// Any raw API access (partial or full).
    RawApi,
    /// Partial access including this category, or full access.
    RawApiCategory(kit::access::Category),
    /// Full raw API access only.
    RawApiFull,
}

impl Availability {
    pub fn allows(self, mode: &kit::access::Mode) -> bool {
        use kit::access::Mode;
        match self {
            Self::Always => true,
            Self::RawApi => !mode.is_none(),
            Self::RawApiCategory(c) => mode.allows_category(c),
            Self::RawApiFull => *mode == Mode::Full,
        }
    }
}

/// A tool's own repairs of its arguments, run before schema validation (see `tolerance`).
pub type Repair = fn(&mut Map<String, Value>) -> Result<(), ToolError>;

pub struct Tool {
    pub name: &'static str,
    pub title: &'static str,
    pub description: &'static str,
    pub input_schema: Value,
    pub output_schema: Value,
    pub annotations: Annotations,
    pub available: Availability,
    pub handler: Handler,
    /// What models get wrong with this tool's arguments, repaired (`tolerance::nothing` if nothing).
    pub repair: Repair,
    /// The MCP Apps view (`ui://`) that shows this tool's answers, for hosts that draw views.
    pub ui: Option<&'static str>,
}

impl Tool {
    /// The `tools/list` entry, for clients with or without structured output.
    pub fn descriptor(&self, structured: bool) -> Value {
        let mut d = json!({
            "name": self.name,
            "description": self.description,
            "inputSchema": kit::published::input_schema(&self.input_schema),
            "annotations": kit::published::annotations(self.annotations),
        });
        if structured {
            d["title"] = json!(self.title);
            d["outputSchema"] = kit::published::output_schema(&self.output_schema);
        }
        d
    }
}
