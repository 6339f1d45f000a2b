//! Whatever the plugin's bridge could hand over (any JSON, rendered tables with broken JSON
//! inside): read into a result or an error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use serde_json::{Value, json};

fuzz_target!(|data: &[u8]| {
    let Ok(v) = serde_json::from_slice::<Value>(data) else {
        let text = String::from_utf8_lossy(data).into_owned();
        let _ = matomo_mcp_core::api_outcome(json!({"result": {"@matomo_json": text, "@total_rows": 3}}));
        return;
    };
    let _ = matomo_mcp_core::api_outcome(v.clone());
    let _ = matomo_mcp_core::api_outcome(json!({"result": v.clone()}));
    let _ = matomo_mcp_core::session_row(v);
});
