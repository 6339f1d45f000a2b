//! Facts about the request that only Matomo knows, gathered by the PHP plugin before the core
//! runs. They are plain data: every decision taken on them lives in this crate.

use serde::{Deserialize, Deserializer};
use serde_json::{Map, Value};

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default)]
pub struct EndpointFacts {
    /// `format` of the Matomo request, lower-cased.
    pub format: String,
    /// `module` and `method` from the URL query.
    pub module: String,
    pub method: String,
    /// `Piwik\API\Request::isCurrentApiRequestTheRootApiRequest()`.
    pub is_root_request: bool,
    /// `Piwik\API\Request::getRootApiRequestMethod()`.
    pub root_method: String,
    pub user: UserFacts,
    pub settings: SettingsFacts,
    /// A `token_auth` parameter was present in the URL query string.
    pub token_in_url: bool,
    /// A `token_auth` came in the request body (form-encoded), not from the Bearer header.
    pub token_in_body: bool,
    /// `[General] trusted_hosts` of Matomo's config.
    pub trusted_hosts: Vec<String>,
    /// Matomo's own verdict on the request's Host (`Piwik\Url::isValidHost()`).
    pub host_valid: bool,
    /// The raw `[McpServer]` config section.
    #[serde(deserialize_with = "php_map")]
    pub config: Map<String, Value>,
    pub plugin_version: String,
    /// Tools added and removed by other plugins' events.
    pub tools: crate::tools::kit::contributed::ToolsFacts,
    /// URL of an OAuth protected-resource metadata document, when one is served.
    pub resource_metadata_url: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default)]
pub struct UserFacts {
    pub login: String,
    pub anonymous: bool,
    pub has_view_access: bool,
    /// Highest access over all sites: `superuser`, `admin`, `write`, `view` or `noaccess`.
    pub highest_access: String,
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default)]
pub struct SettingsFacts {
    pub enable_mcp: bool,
    pub maximum_mcp_access_level: String,
    pub allow_token_in_url: bool,
    #[serde(flatten)]
    pub raw_api: crate::tools::kit::access::RawApiSettings,
}

/// PHP cannot tell an empty map from an empty list: `[]` arrives as a JSON array.
fn php_map<'de, D: Deserializer<'de>>(d: D) -> Result<Map<String, Value>, D::Error> {
    crate::policy::php_map(&Value::deserialize(d)?).ok_or_else(|| serde::de::Error::custom("expected a map"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn empty_php_arrays_are_empty_maps() {
        let f: EndpointFacts = serde_json::from_value(json!({"config": []})).expect("facts");
        assert!(f.config.is_empty());
        let f: EndpointFacts = serde_json::from_value(json!({"config": {"session_ttl": "5"}})).expect("facts");
        assert_eq!(f.config["session_ttl"], "5");
        assert!(serde_json::from_value::<EndpointFacts>(json!({"config": [1]})).is_err());
    }
}
