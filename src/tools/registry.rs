//! The built-in tools, built once per PHP process (they never change between requests), with
//! their `tools/list` entries serialised once for each protocol generation.

use super::{Tool, sites};
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

    pub fn descriptors(&self, structured: bool) -> &[String] {
        &self.descriptors[usize::from(structured)]
    }
}

pub static BUILTIN: Lazy<Registry> = Lazy::new(|| Registry::new(sites::tools()));

pub fn builtin() -> &'static Registry {
    &BUILTIN
}
