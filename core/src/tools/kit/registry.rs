//! A set of tools with their `tools/list` entries serialised once for each protocol generation
//! (the built-in set is built once per PHP process: it never changes between requests).

use crate::tools::Tool;

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
