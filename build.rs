//! Keeps the extension and the plugin in step: the crate version and the version in
//! `php/McpServer/plugin.json` must share major and minor, or the build stops here instead of
//! an administrator meeting the mismatch at run time.
use std::env;
use std::fs;

/// The value of `"version"` in plugin.json (a flat string field; no JSON parser needed here).
fn plugin_version(text: &str) -> Option<String> {
    let after_key = &text[text.find("\"version\"")? + "\"version\"".len()..];
    let start = after_key.find('"')? + 1;
    let len = after_key[start..].find('"')?;
    Some(after_key[start..start + len].to_string())
}

fn major_minor(version: &str) -> String {
    version.split('.').take(2).collect::<Vec<_>>().join(".")
}

fn main() {
    let manifest = "php/McpServer/plugin.json";
    println!("cargo:rerun-if-changed={manifest}");
    let text = fs::read_to_string(manifest).unwrap_or_else(|e| panic!("cannot read {manifest}: {e}"));
    let plugin = plugin_version(&text).unwrap_or_else(|| panic!("{manifest} has no version"));
    let crate_version = env::var("CARGO_PKG_VERSION").unwrap_or_default();
    assert_eq!(
        major_minor(&plugin),
        major_minor(&crate_version),
        "plugin.json version {plugin} and crate version {crate_version} must share major.minor"
    );
}
