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
    /// A usable tool, or why its description is broken (it is then left out).
    pub fn checked(mut self) -> Result<Self, String> {
        fix_php_schema(&mut self.input_schema);
        if let Some(out) = self.output_schema.as_mut() {
            fix_php_schema(out);
        }
        let object_schema = |s: &Value| s.get("type").and_then(Value::as_str) == Some("object");
        if !valid_name(&self.name) {
            return Err("its name must be 1-128 of A-Z a-z 0-9 _ - .".into());
        }
        if self.description.trim().is_empty() {
            return Err("it has no description".into());
        }
        if !object_schema(&self.input_schema) || !self.output_schema.as_ref().is_none_or(object_schema) {
            return Err("its input and output schemas must be of type object".into());
        }
        Ok(self)
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

/// What Matomo's events answered for this request, as the plugin found it.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ToolsFacts {
    /// Tools added by `McpServer.addTools`, in order, as their classes describe them.
    pub contributed: Vec<Value>,
    /// Entries of `McpServer.addTools` that were no `McpTool` (the plugin cannot describe them).
    pub not_tools: usize,
    /// The tool names `McpServer.filterTools` kept; anything but a list keeps every tool.
    pub kept: Value,
}

pub enum Found<'a> {
    Builtin(&'static Tool),
    Contributed(&'a ContributedTool),
}

/// The tools of one request: built-in ones the settings allow and no filter removed, then the
/// contributed ones (a contributed tool cannot replace a built-in one, nor an earlier one).
pub struct ToolSet<'a> {
    registry: &'static Registry,
    mode: &'a Mode,
    /// Names `McpServer.filterTools` removed, built-in ones included.
    disabled: Vec<String>,
    contributed: Vec<ContributedTool>,
    /// Why contributed tools were left out, for the plugin developer (logged on `tools/list`).
    skipped: Vec<String>,
}

fn name_of(described: &Value) -> &str {
    described.get("name").and_then(Value::as_str).unwrap_or("")
}

/// A contributed tool that can be offered, or why not. The plugin runs the first tool of a name,
/// so a later one is never offered, even when the first one's description is broken.
fn admit(registry: &Registry, earlier: &[Value], described: &Value) -> Result<ContributedTool, String> {
    let tool = serde_json::from_value::<ContributedTool>(described.clone())
        .map_err(|e| format!("its description cannot be read ({e})"))?
        .checked()?;
    if registry.find(&tool.name).is_some() || earlier.iter().any(|e| name_of(e) == tool.name) {
        return Err("a tool of that name already exists".into());
    }
    Ok(tool)
}

impl<'a> ToolSet<'a> {
    pub fn new(registry: &'static Registry, mode: &'a Mode, facts: &ToolsFacts) -> Self {
        let mut skipped = Vec::new();
        match facts.not_tools {
            0 => {}
            1 => skipped.push("McpServer.addTools: an entry is not an McpTool and was skipped.".into()),
            n => skipped.push(format!(
                "McpServer.addTools: {n} entries are not an McpTool each and were skipped."
            )),
        }
        let mut contributed: Vec<ContributedTool> = Vec::new();
        for (i, v) in facts.contributed.iter().enumerate() {
            match admit(registry, &facts.contributed[..i], v) {
                Ok(t) => contributed.push(t),
                Err(why) => skipped.push(format!("McpServer.addTools: tool '{}' was skipped: {why}.", name_of(v))),
            }
        }
        let disabled = match &facts.kept {
            Value::Array(kept) => {
                let kept: Vec<&str> = kept.iter().filter_map(Value::as_str).collect();
                let offered = registry
                    .tools
                    .iter()
                    .map(|t| t.name)
                    .chain(contributed.iter().map(|t| t.name.as_str()));
                offered.filter(|n| !kept.contains(n)).map(str::to_string).collect()
            }
            _ => Vec::new(),
        };
        contributed.retain(|t| !disabled.contains(&t.name));
        Self {
            registry,
            mode,
            disabled,
            contributed,
            skipped,
        }
    }

    /// Why contributed tools were left out, one line each.
    pub fn skipped(&self) -> &[String] {
        &self.skipped
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

    /// The input schema of a tool this request may call.
    pub fn input_schema(&self, name: &str) -> Option<&Value> {
        match self.find(name)? {
            Found::Builtin(t) => Some(&t.input_schema),
            Found::Contributed(t) => Some(&t.input_schema),
        }
    }

    /// Serialised `tools/list` entries in order; with `ui_apps`, a tool that has an MCP Apps view
    /// points at it in `_meta` (the entry is then written anew, the others stay as serialised).
    pub fn descriptors(&self, structured: bool, ui_apps: bool) -> Vec<Cow<'_, str>> {
        let builtin = self
            .registry
            .tools
            .iter()
            .zip(self.registry.descriptors_all(structured))
            .filter(|(t, _)| self.builtin_allowed(t))
            .map(move |(t, d)| match t.ui.filter(|_| ui_apps) {
                Some(uri) => Cow::Owned(format!("{{\"_meta\":{},{}", crate::apps::tool_meta(uri), &d[1..])),
                None => Cow::Borrowed(d.as_str()),
            });
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
        let mut kept: Vec<&str> = crate::tools::builtin().tools.iter().map(|t| t.name).collect();
        kept.retain(|n| *n != "matomo_site_search");
        kept.extend(["acme_hello", "bad name", "no_description", "acme_kept"]);
        let f = facts(json!({"kept": kept, "not_tools": 1, "contributed": [
            {"name": "acme_hello", "description": "Says hello.", "inputSchema": {"type": "object", "properties": []}},
            {"name": "matomo_site_get", "description": "Impostor.", "inputSchema": {"type": "object"}},
            {"name": "acme_hello", "description": "Second of that name.", "inputSchema": {"type": "object"}},
            {"name": "bad name", "description": "x", "inputSchema": {"type": "object"}},
            {"name": "no_description", "description": " ", "inputSchema": {"type": "object"}},
            {"name": "no_description", "description": "Valid, but a broken one came first.", "inputSchema": {"type": "object"}},
            {"name": "acme_kept", "description": "Kept by the filter.", "inputSchema": {"type": "object"}},
            {"name": "acme_filtered", "description": "Not in the kept list.", "inputSchema": {"type": "object"}},
        ]}));
        let set = ToolSet::new(crate::tools::builtin(), &Mode::None, &f);
        let names: Vec<String> = set
            .descriptors(true, false)
            .iter()
            .map(|d| {
                serde_json::from_str::<Value>(d).expect("json")["name"]
                    .as_str()
                    .unwrap_or("")
                    .to_string()
            })
            .collect();
        assert!(!names.contains(&"matomo_site_search".to_string()), "filtered out");
        assert_eq!(names[names.len() - 2..], ["acme_hello", "acme_kept"]);
        assert_eq!(names.iter().filter(|n| *n == "matomo_site_get").count(), 1);
        assert!(!names.iter().any(|n| n == "bad name" || n == "no_description"));
        let d: Value = serde_json::from_str(&set.descriptors(true, false)[names.len() - 2]).expect("json");
        assert_eq!(d["inputSchema"]["properties"], json!({}), "PHP's [] became {{}}");
        assert_eq!(d["annotations"]["destructiveHint"], true);
        assert!(matches!(set.find("matomo_site_get"), Some(Found::Builtin(_))));
        assert!(set.find("matomo_site_search").is_none());
        assert!(matches!(set.find("acme_hello"), Some(Found::Contributed(_))));
        assert!(set.find("acme_kept").is_some());
        assert!(
            set.find("acme_filtered").is_none(),
            "McpServer.filterTools removes contributed tools too"
        );
        assert!(
            set.find("no_description").is_none(),
            "the plugin would run the broken first one"
        );
        let Some(Found::Contributed(first)) = set.find("acme_hello") else {
            panic!("acme_hello")
        };
        assert_eq!(first.description, "Says hello.", "the first tool of a name wins");
        let skipped = set.skipped().join("\n");
        for expected in [
            "an entry is not an McpTool and was skipped",
            "tool 'matomo_site_get' was skipped: a tool of that name already exists",
            "tool 'acme_hello' was skipped: a tool of that name already exists",
            "tool 'bad name' was skipped: its name must be",
            "tool 'no_description' was skipped: it has no description",
        ] {
            assert!(skipped.contains(expected), "{expected} in {skipped}");
        }
    }

    #[test]
    fn a_filter_that_breaks_its_list_keeps_every_tool() {
        for kept in [json!(null), json!("matomo_site_get"), json!({"a": 1})] {
            let f = facts(json!({"kept": kept, "contributed": [
                {"name": "acme_hello", "description": "Says hello.", "inputSchema": {"type": "object"}}]}));
            let set = ToolSet::new(crate::tools::builtin(), &Mode::None, &f);
            assert!(set.find("matomo_site_search").is_some(), "{kept}");
            assert!(set.find("acme_hello").is_some(), "{kept}");
        }
    }
}
