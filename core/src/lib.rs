//! The Matomo MCP Server core: everything the `matomo_mcp` PHP extension does, in pure Rust.
//!
//! A request travels: `endpoint` (Matomo-level checks) -> `transport` (Streamable HTTP rules,
//! sessions) -> `protocol` (JSON-RPC methods) -> `tools` (validation, dispatch, shaping) ->
//! `host` (Matomo, through the plugin's bridge) and back.
//!
//! The public API is what the extension crate needs to convert between PHP values and these
//! types; everything else is private to the core.

mod apps;
mod bridge;
mod completion;
mod config;
mod endpoint;
mod host;
mod http;
mod jsonrpc;
mod logging;
mod policy;
mod prompts;
mod protocol;
mod resources;
mod session;
mod tools;
mod transport;
mod util;
mod version;

pub use bridge::{api_outcome, session_row};
pub use endpoint::facts::EndpointFacts;
pub use endpoint::{exception_response, handle};
pub use host::{ApiError, ApiErrorKind, Host, HostError, LogLevel, SiteDates, StoredSession};
pub use http::{HttpRequest, HttpResponse};
pub use jsonrpc::internal_error_response;
pub use session::collect_expired as collect_expired_sessions;
pub use tools::builtin_names as builtin_tool_names;
pub use transport::MAX_BODY_BYTES;
pub use version::{EXTENSION as VERSION, PLUGIN as PLUGIN_VERSION, plugin_mismatch};

/// `FakeHost` and the bridge recordings of a real Matomo 5.1.2, for tests (feature `testing`).
#[cfg(any(test, feature = "testing"))]
pub mod testing;
