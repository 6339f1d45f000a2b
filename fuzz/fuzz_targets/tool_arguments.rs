//! Any JSON as the arguments of every tool (validation, repairs, cursors, the tools themselves
//! against a recorded Matomo, and the redaction of their log lines).
#![no_main]

#[path = "common.rs"]
mod common;

use libfuzzer_sys::fuzz_target;
use matomo_mcp_core::{builtin_tool_names, handle};
use serde_json::{Value, json};

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let Ok(arguments) = serde_json::from_slice::<Value>(rest) else {
        return;
    };
    let names = builtin_tool_names();
    let name = &names[usize::from(pick) % names.len()];
    let call =
        json!({"jsonrpc": "2.0", "id": 2, "method": "tools/call", "params": {"name": name, "arguments": arguments}});
    common::with_session("2025-11-25", |host, sid, facts| {
        let r = handle(
            &common::request(
                call.to_string().into_bytes(),
                common::json_headers(Some(sid), "2025-11-25"),
            ),
            facts,
            host,
        );
        common::check(&r.body);
        assert!(
            !host.log_text().contains("a1b2c3d4e5f60718293a4b5c6d7e8f90"),
            "a token in the log"
        );
    });
});
