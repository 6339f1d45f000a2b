//! Any body, on a 2025-03-26 session (batches allowed): the JSON-RPC classifier, batches,
//! dispatch and every answer's shape.
#![no_main]

#[path = "common.rs"]
mod common;

use libfuzzer_sys::fuzz_target;
use matomo_mcp_core::handle;

fuzz_target!(|body: &[u8]| {
    common::with_session("2025-03-26", |host, sid, facts| {
        let r = handle(
            &common::request(body.to_vec(), common::json_headers(Some(sid), "2025-03-26")),
            facts,
            host,
        );
        common::check(&r.body);
    });
});
