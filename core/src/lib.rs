//! The Matomo MCP Server core: everything the `matomo_mcp` PHP extension does, in pure Rust.
//!
//! A request travels: `endpoint` (Matomo-level checks) -> `transport` (Streamable HTTP rules,
//! sessions) -> `protocol` (JSON-RPC methods) -> `tools` (validation, dispatch, shaping) ->
//! `host` (Matomo, through the plugin's bridge) and back. The extension crate only converts
//! between PHP values and these types (`http`, `endpoint::EndpointFacts`, `host::Host`,
//! `bridge`).

pub mod bridge;
pub mod config;
pub mod endpoint;
pub mod host;
pub mod http;
pub mod jsonrpc;
pub mod logging;
pub mod protocol;
pub mod session;
pub mod tools;
pub mod transport;
pub mod util;
pub mod version;

#[cfg(any(test, feature = "testing"))]
pub mod testing;
