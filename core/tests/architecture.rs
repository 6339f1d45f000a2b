//! The core's shape, checked: no PHP in its dependencies, and no module that imports one that
//! imports it back (the folders read in a request's order).

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

const SRC: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/src");

#[test]
fn the_core_builds_without_php() {
    let manifest = fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.toml")).expect("Cargo.toml");
    assert!(
        !manifest.contains("ext-php-rs"),
        "the core must not depend on ext-php-rs"
    );
}

fn sources(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).expect("src").flatten() {
        let path = entry.path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Top-level module -> the top-level modules its non-test code names with `crate::`.
fn module_graph() -> BTreeMap<String, BTreeSet<String>> {
    let mut files = Vec::new();
    sources(Path::new(SRC), &mut files);
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in files {
        let relative = file.strip_prefix(SRC).expect("under src");
        let module = relative
            .iter()
            .next()
            .and_then(|c| c.to_str())
            .map(|c| c.trim_end_matches(".rs").to_string())
            .expect("a module");
        if module == "lib" || module == "testing" || relative.ends_with("tests.rs") {
            continue;
        }
        let text = fs::read_to_string(&file).expect("source");
        let code = text.split("#[cfg(test)]").next().unwrap_or_default();
        let deps = graph.entry(module.clone()).or_default();
        for (i, _) in code.match_indices("crate::") {
            let name: String = code[i + 7..]
                .chars()
                .take_while(|c| c.is_ascii_lowercase() || *c == '_')
                .collect();
            if !name.is_empty() && name != module {
                deps.insert(name);
            }
        }
    }
    graph
}

#[test]
fn no_module_imports_one_that_imports_it_back() {
    let graph = module_graph();
    assert!(graph.len() > 8, "modules found: {graph:?}");
    // depth-first search for a path back to the start
    for start in graph.keys() {
        let mut stack: Vec<(String, Vec<String>)> = vec![(start.clone(), vec![start.clone()])];
        let mut seen = BTreeSet::new();
        while let Some((node, path)) = stack.pop() {
            for next in graph.get(&node).into_iter().flatten() {
                if next == start {
                    panic!("module cycle: {} -> {start}", path.join(" -> "));
                }
                if seen.insert(next.clone()) {
                    let mut longer = path.clone();
                    longer.push(next.clone());
                    stack.push((next.clone(), longer));
                }
            }
        }
    }
}

/// The tool kit knows no Matomo tool: tools are added in `tools/matomo/`, one folder each.
#[test]
fn the_tool_kit_does_not_reach_into_the_matomo_tools() {
    let mut files = Vec::new();
    sources(&Path::new(SRC).join("tools/kit"), &mut files);
    assert!(files.len() > 8, "{files:?}");
    for file in files {
        if file.ends_with("tests.rs") {
            continue;
        }
        let text = fs::read_to_string(&file).expect("source");
        let code = text.split("#[cfg(test)]").next().unwrap_or_default();
        assert!(!code.contains("tools::matomo"), "{} uses a Matomo tool", file.display());
        assert!(!code.contains("\"matomo_"), "{} names a Matomo tool", file.display());
    }
}
