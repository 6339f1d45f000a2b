//! The `matomo_mcp` PHP extension: the functions the McpServer plugin calls, over the pure-Rust
//! core (`matomo_mcp_core`). Everything here converts between PHP values and the core's types;
//! every decision is taken in the core.

mod memory;
mod php;

#[global_allocator]
static ALLOCATOR: memory::Counting = memory::Counting;

use ext_php_rs::prelude::*;
use ext_php_rs::zend::ModuleEntry;
use ext_php_rs::{info_table_end, info_table_row, info_table_start};

/// Panics are caught at the PHP boundary and answered as JSON-RPC errors; the default hook would
/// also print the panic message (which might quote request data) to the web server's log.
extern "C" fn startup(_type: i32, _module_number: i32) -> i32 {
    std::panic::set_hook(Box::new(|info| {
        let at = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()))
            .unwrap_or_default();
        eprintln!("matomo_mcp: internal error at {at}");
    }));
    0
}

extern "C" fn module_info(_module: *mut ModuleEntry) {
    info_table_start!();
    info_table_row!("matomo_mcp support", "enabled");
    info_table_row!("version", env!("CARGO_PKG_VERSION"));
    info_table_row!("built with McpServer plugin", matomo_mcp_core::PLUGIN_VERSION.as_str());
    info_table_row!(
        "MCP protocol versions",
        "2026-07-28 (stateless), 2025-11-25, 2025-06-18, 2025-03-26, 2024-11-05"
    );
    info_table_end!();
}

#[php_module]
pub fn get_module(module: ModuleBuilder) -> ModuleBuilder {
    php::register(module.startup_function(startup).info_function(module_info))
}
