//! The built-in tools, built once per PHP process (they never change between requests), with
//! their `tools/list` entries serialised once for each protocol generation.

use super::{Tool, dimensions, goals, processed, rawapi, reports, segments, sites};
use once_cell::sync::Lazy;

pub struct Registry {
    pub tools: Vec<Tool>,
    /// Serialised `tools/list` entries: `[0]` without, `[1]` with structured output.
    descriptors: [Vec<String>; 2],
}

impl Registry {
    pub fn new(tools: Vec<Tool>) -> Self {
        let render = |structured: bool| tools.iter().map(|t| t.descriptor(structured).to_string()).collect();
        let descriptors = [render(false), render(true)];
        Self { tools, descriptors }
    }

    pub fn find(&self, name: &str) -> Option<&Tool> {
        self.tools.iter().find(|t| t.name == name)
    }

    /// Every serialised entry, aligned with `tools`.
    pub fn descriptors_all(&self, structured: bool) -> &[String] {
        &self.descriptors[usize::from(structured)]
    }
}

/// Built-in tools in the incumbent's order (alphabetical by tool), which clients may rely on.
fn builtin_tools() -> Vec<Tool> {
    let mut tools: Vec<Tool> = [
        dimensions::tools(),
        goals::tools(),
        processed::tools(),
        rawapi::tools(),
        reports::tools(),
        segments::tools(),
        sites::tools(),
    ]
    .into_iter()
    .flatten()
    .collect();
    tools.sort_by_key(|t| t.name);
    tools
}

pub static BUILTIN: Lazy<Registry> = Lazy::new(|| Registry::new(builtin_tools()));

pub fn builtin() -> &'static Registry {
    &BUILTIN
}
