//! Tools contributed by other Matomo plugins (event `McpServer.addTools`), described in PHP and
//! run through the same pipeline as the built-in ones: validation, logging, redaction, shaping.
//! `McpServer.filterTools` may also take tools away, built-in ones included.

use crate::tools::kit::access::Mode;
use crate::tools::kit::registry::Registry;
use crate::tools::{Annotations, Tool};
use serde::Deserialize;
use serde_json::{Value, json};
use std::borrow::Cow;

#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct ContributedTool {
    pub name: String,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub description: String,
    #[serde(rename = "inputSchema")]
    pub input_schema: Value,
    #[serde(rename = "outputSchema", default)]
    pub output_schema: Option<Value>,
    #[serde(default)]
    pub annotations: Option<Value>,
}

/// PHP writes an empty `properties` map as `[]`; JSON Schema needs `{}`.
fn fix_php_schema(v: &mut Value) {
    match v {
        Value::Object(map) => {
            for key in ["properties", "patternProperties", "$defs", "definitions"] {
                if let Some(fixed) = map.get(key).filter(|v| v.is_array()).and_then(crate::policy::php_map) {
                    map.insert(key.to_string(), Value::Object(fixed));
                }
            }
            map.values_mut().for_each(fix_php_schema);
        }
        Value::Array(items) => items.iter_mut().for_each(fix_php_schema),
        _ => {}
    }
}

/// Tool names as MCP 2025-11-25 recommends: 1-128 of A-Z a-z 0-9 _ - .
fn valid_name(name: &str) -> bool {
    (1..=128).contains(&name.len())
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'))
}

impl ContributedTool {
    /// A usable tool, or `None` when its description is broken (it is then left out).
    pub fn checked(mut self) -> Option<Self> {
        fix_php_schema(&mut self.input_schema);
        if let Some(out) = self.output_schema.as_mut() {
            fix_php_schema(out);
        }
        let object_schema = |s: &Value| s.get("type").and_then(Value::as_str) == Some("object");
        let ok = valid_name(&self.name)
            && !self.description.trim().is_empty()
            && object_schema(&self.input_schema)
            && self.output_schema.as_ref().is_none_or(object_schema);
        ok.then_some(self)
    }

    pub fn descriptor(&self, structured: bool) -> Value {
        let annotations = self.annotations.clone().filter(Value::is_object).unwrap_or_else(|| {
            // unknown tools are assumed to change things, as MCP's defaults do
            Annotations {
                read_only: false,
                destructive: true,
                idempotent: false,
                open_world: false,
            }
            .to_json()
        });
        let mut d = json!({"name": self.name, "description": self.description, "inputSchema": self.input_schema, "annotations": annotations});
        if structured {
            if let Some(title) = &self.title {
                d["title"] = json!(title);
            }
            if let Some(out) = &self.output_schema {
                d["outputSchema"] = out.clone();
            }
        }
        d
    }
}

/// What Matomo's events decided for this request.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ToolsFacts {
    /// Tool names removed by `McpServer.filterTools`.
    pub disabled: Vec<String>,
    /// Tools added by `McpServer.addTools` (already filtered).
    pub contributed: Vec<Value>,
}

pub enum Found<'a> {
    Builtin(&'static Tool),
    Contributed(&'a ContributedTool),
}

/// The tools of one request: built-in ones the settings allow and no filter removed, then the
/// contributed ones (a contributed tool cannot replace a built-in one).
pub struct ToolSet<'a> {
    registry: &'static Registry,
    mode: &'a Mode,
    disabled: &'a [String],
    contributed: Vec<ContributedTool>,
}

impl<'a> ToolSet<'a> {
    pub fn new(registry: &'static Registry, mode: &'a Mode, facts: &'a ToolsFacts) -> Self {
        let contributed = facts
            .contributed
            .iter()
            .filter_map(|v| serde_json::from_value::<ContributedTool>(v.clone()).ok())
            .filter_map(ContributedTool::checked)
            .filter(|t| registry.find(&t.name).is_none() && !facts.disabled.contains(&t.name))
            .collect();
        Self {
            registry,
            mode,
            disabled: &facts.disabled,
            contributed,
        }
    }

    pub fn mode(&self) -> &Mode {
        self.mode
    }

    fn builtin_allowed(&self, t: &Tool) -> bool {
        t.available.allows(self.mode) && !self.disabled.iter().any(|d| d == t.name)
    }

    pub fn find(&self, name: &str) -> Option<Found<'_>> {
        if let Some(t) = self.registry.find(name) {
            return self.builtin_allowed(t).then_some(Found::Builtin(t));
        }
        self.contributed.iter().find(|t| t.name == name).map(Found::Contributed)
    }

    /// Serialised `tools/list` entries in order.
    pub fn descriptors(&self, structured: bool) -> Vec<Cow<'_, str>> {
        let builtin = self
            .registry
            .tools
            .iter()
            .zip(self.registry.descriptors_all(structured))
            .filter(|(t, _)| self.builtin_allowed(t))
            .map(|(_, d)| Cow::Borrowed(d.as_str()));
        let contributed = self
            .contributed
            .iter()
            .map(|t| Cow::Owned(t.descriptor(structured).to_string()));
        builtin.chain(contributed).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(v: Value) -> ToolsFacts {
        serde_json::from_value(v).expect("facts")
    }

    #[test]
    fn contributed_tools_join_the_list_after_the_built_in_ones() {
        let f = facts(json!({"disabled": ["matomo_site_search"], "contributed": [
            {"name": "acme_hello", "description": "Says hello.", "inputSchema": {"type": "object", "properties": []}},
            {"name": "matomo_site_get", "description": "Impostor.", "inputSchema": {"type": "object"}},
            {"name": "bad name", "description": "x", "inputSchema": {"type": "object"}},
            {"name": "no_description", "description": " ", "inputSchema": {"type": "object"}},
        ]}));
        let set = ToolSet::new(crate::tools::builtin(), &Mode::None, &f);
        let names: Vec<String> = set
            .descriptors(true)
            .iter()
            .map(|d| {
                serde_json::from_str::<Value>(d).expect("json")["name"]
                    .as_str()
                    .unwrap_or("")
                    .to_string()
            })
            .collect();
        assert!(!names.contains(&"matomo_site_search".to_string()), "filtered out");
        assert_eq!(names.last().map(String::as_str), Some("acme_hello"));
        assert_eq!(names.iter().filter(|n| *n == "matomo_site_get").count(), 1);
        assert!(!names.iter().any(|n| n == "bad name" || n == "no_description"));
        let d: Value = serde_json::from_str(set.descriptors(true).last().expect("one")).expect("json");
        assert_eq!(d["inputSchema"]["properties"], json!({}), "PHP's [] became {{}}");
        assert_eq!(d["annotations"]["destructiveHint"], true);
        assert!(matches!(set.find("matomo_site_get"), Some(Found::Builtin(_))));
        assert!(set.find("matomo_site_search").is_none());
        assert!(matches!(set.find("acme_hello"), Some(Found::Contributed(_))));
    }
}
