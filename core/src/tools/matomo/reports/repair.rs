//! The report tools' repairs of their arguments (`Tool::repair`): dotted report ids, trimmed
//! selectors, report parameters sent at the wrong level, camel-case paging names.

use crate::tools::ToolError;
use crate::tools::kit::tolerance::{conflict, object_field, rename, same};
use serde_json::{Map, Value};

/// Keys a report call may carry at the top level that belong in `apiParameters`.
const REPORT_PARAMS_MISPLACED: [&str; 4] = ["expanded", "flat", "filter_sort_column", "filter_sort_order"];

/// `Actions.getPageUrls` -> `Actions_getPageUrls`; trimmed selectors.
fn selector(args: &mut Map<String, Value>) {
    for key in ["reportUniqueId", "apiModule", "apiAction"] {
        if let Some(Value::String(s)) = args.get_mut(key) {
            *s = s.trim().to_string();
        }
    }
    if let Some(Value::String(id)) = args.get_mut("reportUniqueId")
        && let Some((module, rest)) = id.split_once('.')
        && !module.is_empty()
        && !rest.is_empty()
        && !module.contains(['_', ' '])
    {
        *id = format!("{module}_{rest}");
    }
}

/// Moves top-level report parameters into apiParameters and a segment out of it.
fn parameter_levels(args: &mut Map<String, Value>) -> Result<(), ToolError> {
    let mut api = match args.remove("apiParameters") {
        Some(Value::Object(m)) => m,
        Some(other) => {
            args.insert("apiParameters".into(), other); // left for the schema to refuse
            return Ok(());
        }
        None => Map::new(),
    };
    for key in REPORT_PARAMS_MISPLACED {
        if let Some(v) = args.remove(key) {
            match api.get(key) {
                Some(existing) if !same(existing, &v) => {
                    return Err(conflict(&format!("/{key}"), &format!("/apiParameters/{key}")));
                }
                _ => {
                    api.insert(key.to_string(), v);
                }
            }
        }
    }
    if let Some(segment) = api.remove("segment") {
        match args.get("segment") {
            Some(existing) if !same(existing, &segment) => return Err(conflict("/apiParameters/segment", "/segment")),
            _ => {
                args.insert("segment".into(), segment);
            }
        }
    }
    for alias in [("filterLimit", "filter_limit"), ("filterOffset", "filter_offset")] {
        if let Some(v) = api.remove(alias.0).or_else(|| api.remove(alias.1)) {
            match args.get(alias.1) {
                Some(existing) if !same(existing, &v) => {
                    return Err(conflict(
                        &format!("/apiParameters/{}", alias.1),
                        &format!("/{}", alias.1),
                    ));
                }
                _ => {
                    args.insert(alias.1.to_string(), v);
                }
            }
        }
    }
    if !api.is_empty() || args.contains_key("reportUniqueId") || args.contains_key("apiModule") {
        args.insert("apiParameters".into(), Value::Object(api));
    }
    if args
        .get("apiParameters")
        .is_some_and(|v| v.as_object().is_some_and(Map::is_empty))
    {
        args.remove("apiParameters");
    }
    Ok(())
}

/// `matomo_report_processed`.
pub fn processed_arguments(args: &mut Map<String, Value>) -> Result<(), ToolError> {
    rename(args, "filterLimit", "filter_limit", "")?;
    rename(args, "filterOffset", "filter_offset", "")?;
    rename(args, "maxBytes", "max_bytes", "")?;
    object_field(args, "apiParameters")?;
    selector(args);
    parameter_levels(args)
}

/// `matomo_report_metadata`.
pub fn metadata_arguments(args: &mut Map<String, Value>) -> Result<(), ToolError> {
    object_field(args, "apiParameters")?;
    selector(args);
    if args
        .get("apiParameters")
        .is_some_and(|v| v.as_object().is_some_and(Map::is_empty))
    {
        args.remove("apiParameters");
    }
    Ok(())
}
