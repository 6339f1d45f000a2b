//! Hostile headers (names, values, repeats) around a valid or invalid body.
#![no_main]

#[path = "common.rs"]
mod common;

use libfuzzer_sys::fuzz_target;
use matomo_mcp_core::handle;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut parts = text.split('\n');
    let body = parts.next().unwrap_or_default().as_bytes().to_vec();
    let headers: Vec<(String, String)> = parts
        .filter_map(|line| line.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    common::with_session("2025-11-25", |host, _, facts| {
        let r = handle(&common::request(body, headers), facts, host);
        common::check(&r.body);
    });
});
