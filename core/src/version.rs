//! The versions the extension and the plugin must share (major.minor): the core checks the
//! plugin it serves against the plugin version it was built with, read from the plugin's own
//! manifest (`php/McpServer/plugin.json`) at build time.

use once_cell::sync::Lazy;

/// This core's (and the extension's) version.
pub const EXTENSION: &str = env!("CARGO_PKG_VERSION");

const PLUGIN_MANIFEST: &str = include_str!("../../php/McpServer/plugin.json");

/// The plugin version this core was built with.
pub static PLUGIN: Lazy<String> = Lazy::new(|| {
    serde_json::from_str::<serde_json::Value>(PLUGIN_MANIFEST)
        .ok()
        .and_then(|m| m.get("version").and_then(|v| v.as_str()).map(str::to_string))
        .unwrap_or_default()
});

/// "5.1" of "5.1.2".
pub fn major_minor(version: &str) -> String {
    version.split('.').take(2).collect::<Vec<_>>().join(".")
}

/// Why this core cannot serve the plugin version, or `None` when they share major.minor. The
/// plugin asks before it activates; the endpoint checks on every request.
pub fn plugin_mismatch(plugin_version: &str) -> Option<String> {
    let built_for = PLUGIN.as_str();
    (major_minor(plugin_version) != major_minor(built_for)).then(|| {
        format!(
            "The McpServer plugin {plugin_version} does not match the matomo_mcp extension {EXTENSION} (built for plugin {built_for}). Install matching versions and reload PHP-FPM/Apache."
        )
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_plugin_manifest_names_this_version_line() {
        assert_eq!(super::major_minor(&super::PLUGIN), super::major_minor(super::EXTENSION));
    }

    #[test]
    fn patch_releases_of_the_plugin_are_served() {
        let line = super::major_minor(&super::PLUGIN);
        assert_eq!(super::plugin_mismatch(&format!("{line}.99")), None);
        assert_eq!(super::plugin_mismatch(&super::PLUGIN), None);
        let other = super::plugin_mismatch("9.4.0").expect("another line");
        assert!(
            other.starts_with("The McpServer plugin 9.4.0 does not match"),
            "{other}"
        );
    }
}
