//! The raw Matomo API tools, offered only as the administrator allows (settings
//! `raw_api_access_*`): discovery (`matomo_api_list`, `matomo_api_get`) and calls by category
//! (`matomo_api_call_read/_create/_update/_delete`) or any allowed method (`matomo_api_call_full`).
//! Every call runs in-process as the authenticated user, with that user's Matomo permissions.

mod bounded;
pub mod messages;
pub mod policy;

use crate::host::{ApiErrorKind, LogLevel};
use crate::tools::kit::access::Category;
use crate::tools::kit::pagination::{self, Sort};
use crate::tools::kit::values::text;
use crate::tools::{Annotations, Availability, Tool, ToolContext, ToolError, ToolResult};
use serde_json::{Map, Value, json};

const SORTS: [Sort; 4] = [
    Sort {
        token: "module_asc",
        fields: &["module", "action"],
        descending: false,
    },
    Sort {
        token: "module_desc",
        fields: &["module", "action"],
        descending: true,
    },
    Sort {
        token: "method_asc",
        fields: &["action", "module"],
        descending: false,
    },
    Sort {
        token: "method_desc",
        fields: &["action", "module"],
        descending: true,
    },
];
const NOT_AVAILABLE: &str = "API method not found or unavailable.";
const MAX_SELECTOR: usize = 256;

/// One API method as the tools describe it.
fn item(method: &Value) -> Option<Value> {
    let module = method.get("module")?.as_str()?;
    let action = method.get("action")?.as_str()?;
    let parameters: Vec<Value> = method
        .get("parameters")
        .and_then(Value::as_array)
        .map(|ps| {
            ps.iter()
                .map(|p| {
                    json!({
                        "name": text(p.get("name")),
                        "type": p.get("type").filter(|t| t.is_string()).cloned().unwrap_or(Value::Null),
                        "required": p.get("required").and_then(Value::as_bool).unwrap_or(false),
                        "allowsNull": p.get("allowsNull").and_then(Value::as_bool).unwrap_or(false),
                        "hasDefault": p.get("hasDefault").and_then(Value::as_bool).unwrap_or(false),
                        "defaultValue": p.get("defaultValue").cloned().unwrap_or(Value::Null),
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    Some(json!({"module": module, "action": action, "method": format!("{module}.{action}"), "parameters": parameters}))
}

/// The allowed methods, from Matomo's own API metadata (deprecated and internal ones left out).
fn catalog(ctx: &ToolContext) -> Result<Vec<Value>, ToolError> {
    let all = ctx.host.api_catalog().map_err(|e| {
        ctx.host.log(
            LogLevel::Warning,
            &format!("{}: API catalogue unavailable: {}", ctx.tool_name, e.0),
        );
        ToolError::new("API catalogue retrieval failed.")
    })?;
    Ok(all
        .iter()
        .filter(|m| !m.get("deprecated").and_then(Value::as_bool).unwrap_or(false))
        .filter(|m| !m.get("internal").and_then(Value::as_bool).unwrap_or(false))
        .filter(|m| policy::allows_method(ctx.raw_api, &text(m.get("module")), &text(m.get("action"))))
        .filter_map(item)
        .collect())
}

fn category_of(item: &Value) -> Option<Category> {
    policy::classify(&text(item.get("action")))
}

fn category_name(c: Option<Category>) -> &'static str {
    c.map_or("uncategorized", Category::name)
}

/// `method` ("Module.action") or `module` + `action`; redundant equal parts are fine.
fn selector(args: &Map<String, Value>) -> Result<(String, String), ToolError> {
    let get = |k: &str| {
        args.get(k)
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|s| !s.is_empty())
    };
    let bad = |m: &str| ToolError(m.to_string());
    let from_method = match get("method") {
        Some(m) if m.len() > MAX_SELECTOR => return Err(bad("Argument /method is too long.")),
        Some(m) => match m.split_once('.') {
            Some((module, action))
                if !module.is_empty()
                    && !action.is_empty()
                    && !action.contains('.')
                    && !m.contains(char::is_whitespace) =>
            {
                Some((module.to_string(), action.to_string()))
            }
            _ => {
                return Err(bad(
                    "Argument /method must look like Module.action, e.g. UsersManager.getUsers.",
                ));
            }
        },
        None => None,
    };
    match (from_method, get("module"), get("action")) {
        (Some((m, a)), module, action) => {
            if module.is_some_and(|x| !x.eq_ignore_ascii_case(&m))
                || action.is_some_and(|x| !x.eq_ignore_ascii_case(&a))
            {
                return Err(bad(
                    "Arguments /method and /module or /action disagree: send method alone.",
                ));
            }
            Ok((m, a))
        }
        (None, Some(module), Some(action)) if module.len() <= MAX_SELECTOR && action.len() <= MAX_SELECTOR => {
            Ok((module.to_string(), action.to_string()))
        }
        _ => Err(bad("Provide method (Module.action), or module together with action.")),
    }
}

/// Case-insensitive lookup in the allowed catalogue.
fn resolve(ctx: &ToolContext, args: &Map<String, Value>) -> Result<Value, ToolError> {
    let (module, action) = selector(args)?;
    catalog(ctx)?
        .into_iter()
        .find(|m| {
            text(m.get("module")).eq_ignore_ascii_case(&module) && text(m.get("action")).eq_ignore_ascii_case(&action)
        })
        .ok_or_else(|| ToolError::new(NOT_AVAILABLE))
}

fn api_list(ctx: &ToolContext, args: &Map<String, Value>) -> ToolResult {
    let page = pagination::page_args(args, &SORTS)?;
    let module = args.get("module").and_then(Value::as_str).map(str::trim).unwrap_or("");
    let search = args
        .get("search")
        .and_then(Value::as_str)
        .map(crate::tools::matomo::reports::search_key)
        .unwrap_or_default();
    let category = args.get("category").and_then(Value::as_str).unwrap_or("");
    let rows: Vec<Value> = catalog(ctx)?
        .into_iter()
        .filter(|m| module.is_empty() || text(m.get("module")).eq_ignore_ascii_case(module))
        .filter(|m| {
            search.is_empty() || crate::tools::matomo::reports::search_key(&text(m.get("method"))).contains(&search)
        })
        .filter(|m| category.is_empty() || category_name(category_of(m)) == category)
        .collect();
    let scope = json!({"module": module.to_ascii_lowercase(), "search": search, "category": category});
    pagination::paginate("methods", rows, &page, &pagination::context(ctx.tool_name, scope))
}

fn api_get(ctx: &ToolContext, args: &Map<String, Value>) -> ToolResult {
    resolve(ctx, args)
}

/// Runs an allowed method; `only` restricts it to one category (the CRUD tools).
fn call(ctx: &ToolContext, args: &Map<String, Value>, only: Option<Category>) -> ToolResult {
    let method = resolve(ctx, args)?;
    if let Some(c) = only
        && category_of(&method) != Some(c)
    {
        return Err(ToolError::new(NOT_AVAILABLE));
    }
    let parameters = match args.get("parameters") {
        None => Map::new(),
        Some(p) => {
            crate::policy::php_map(p).ok_or_else(|| ToolError::new("Argument /parameters must be an object."))?
        }
    };
    if let Some(key) = parameters.keys().find(|k| crate::policy::is_reserved_parameter(k)) {
        return Err(ToolError(format!(
            "Unsupported parameters key '{}'.",
            crate::util::printable(key)
        )));
    }
    let mut parameters = parameters;
    let window = bounded::ask_one_more(&mut parameters, args.get("max_bytes"))?;
    let name = text(method.get("method"));
    match ctx.host.call_api(&name, &parameters) {
        Ok(result) => bounded::answer(result, method, window, &name),
        Err(e) if e.kind == ApiErrorKind::NoAccess => Err(ToolError::new("No access to API method.")),
        Err(e) if e.kind == ApiErrorKind::TooLarge => Err(ToolError(e.message)),
        Err(e) if e.kind == ApiErrorKind::Internal => {
            ctx.host.log(
                LogLevel::Warning,
                &format!("{}: {name} failed: {}", ctx.tool_name, e.message),
            );
            Err(ToolError::new("Matomo API request failed."))
        }
        Err(e) => Err(ToolError(match messages::safe_detail(&e.message) {
            Some(detail) => format!("Matomo API request failed: {detail}."),
            None => "Matomo API request failed.".to_string(),
        })),
    }
}

fn call_read(ctx: &ToolContext, args: &Map<String, Value>) -> ToolResult {
    call(ctx, args, Some(Category::Read))
}
fn call_create(ctx: &ToolContext, args: &Map<String, Value>) -> ToolResult {
    call(ctx, args, Some(Category::Create))
}
fn call_update(ctx: &ToolContext, args: &Map<String, Value>) -> ToolResult {
    call(ctx, args, Some(Category::Update))
}
fn call_delete(ctx: &ToolContext, args: &Map<String, Value>) -> ToolResult {
    call(ctx, args, Some(Category::Delete))
}
fn call_full(ctx: &ToolContext, args: &Map<String, Value>) -> ToolResult {
    call(ctx, args, None)
}

fn item_schema() -> Value {
    let param = crate::tools::matomo::common::record_schema(json!({
        "name": {"type": "string"},
        "type": {"type": ["string", "null"]},
        "required": {"type": "boolean"},
        "allowsNull": {"type": "boolean"},
        "hasDefault": {"type": "boolean"},
        "defaultValue": {},
    }));
    crate::tools::matomo::common::record_schema(json!({
        "module": {"type": "string"},
        "action": {"type": "string"},
        "method": {"type": "string"},
        "parameters": {"type": "array", "items": param},
    }))
}

fn selector_properties() -> Map<String, Value> {
    let v = json!({
        // mirrored in an Mcp-Param-Method header (2026-07-28), so that a gateway in front of
        // Matomo can see, and refuse, the API method a model calls without reading the body
        "method": {"type": "string", "minLength": 1, "maxLength": MAX_SELECTOR, "x-mcp-header": "Method", "description": "Module.action, e.g. UsersManager.getUsers (see matomo_api_list)."},
        "module": {"type": "string", "minLength": 1, "maxLength": MAX_SELECTOR, "description": "API module, with action (instead of method)."},
        "action": {"type": "string", "minLength": 1, "maxLength": MAX_SELECTOR, "description": "API action, with module."},
    });
    v.as_object().cloned().unwrap_or_default()
}

fn selector_schema(extra: Map<String, Value>) -> Value {
    let mut props = selector_properties();
    props.extend(extra);
    json!({
        "type": "object",
        "properties": props,
        "additionalProperties": false,
        "anyOf": [{"required": ["method"]}, {"required": ["module", "action"]}],
        "x-anyOf-message": "needs method, or module together with action",
    })
}

/// The method's parameters may arrive as a JSON string or as PHP's `[]`.
fn raw_call_arguments(args: &mut Map<String, Value>) -> Result<(), ToolError> {
    crate::tools::kit::tolerance::object_field(args, "parameters")
}

fn call_tool(
    name: &'static str,
    title: &'static str,
    description: &'static str,
    annotations: Annotations,
    available: Availability,
    handler: crate::tools::Handler,
) -> Tool {
    let mut extra = Map::new();
    extra.insert("parameters".into(), json!({"type": "object", "additionalProperties": true, "description": "The method's parameters by name (see matomo_api_get), e.g. {\"idSite\": 1}. Lists come in pages: filter_limit rows (default 100, at most 1000) from filter_offset; pass pagination.next_filter_offset as filter_offset for the next page."}));
    extra.insert("max_bytes".into(), json!({"type": "integer", "minimum": crate::tools::matomo::processed::MIN_MAX_BYTES, "maximum": crate::tools::matomo::processed::MAX_MAX_BYTES, "default": crate::tools::matomo::processed::DEFAULT_MAX_BYTES, "description": "Size budget of the answer in bytes of JSON; whole rows are left for the next page to stay within it."}));
    Tool {
        name,
        title,
        description,
        input_schema: selector_schema(extra),
        output_schema: json!({
            "type": "object",
            "properties": {
                "result": {"description": "Matomo's answer."},
                "resolvedMethod": item_schema(),
                "pagination": {"type": "object", "description": "Present when the answer is a list of rows.", "properties": {
                    "filter_limit": {"type": "integer"}, "filter_offset": {"type": "integer"},
                    "returned_rows": {"type": "integer"}, "total_rows": {"type": ["integer", "null"]},
                    "has_more": {"type": "boolean"}, "next_filter_offset": {"type": ["integer", "null"]},
                    "trimmed_to_max_bytes": {"type": "boolean"}, "max_bytes": {"type": "integer"},
                }, "required": ["returned_rows", "total_rows", "has_more", "next_filter_offset"]},
            },
            "required": ["result", "resolvedMethod"],
        }),
        annotations,
        available,
        handler,
        repair: raw_call_arguments,
        ui: None,
    }
}

const WRITE: Annotations = Annotations {
    read_only: false,
    destructive: false,
    idempotent: false,
    open_world: false,
};
const DESTRUCTIVE: Annotations = Annotations {
    read_only: false,
    destructive: true,
    idempotent: false,
    open_world: false,
};

pub fn tools() -> Vec<Tool> {
    let mut list_props = pagination::schema_properties(&SORTS);
    list_props["module"] =
        json!({"type": "string", "minLength": 1, "description": "Only this API module (case-insensitive)."});
    list_props["search"] = json!({"type": "string", "minLength": 1, "description": "Part of Module.action; case, dots, dashes and underscores are ignored."});
    list_props["category"] = json!({"type": "string", "enum": ["read", "create", "update", "delete", "uncategorized"]});
    vec![
        call_tool(
            "matomo_api_call_create",
            "Call a create API method",
            "Use when: the user asks to create something in Matomo (a goal, a site, a user...) and the method is known.\n\
                Purpose: runs one allowed create-category method (add*, create*...) with the user's permissions.\n\
                Next: check the result; read it back with matomo_api_call_read.",
            WRITE,
            Availability::RawApiCategory(Category::Create),
            call_create,
        ),
        call_tool(
            "matomo_api_call_delete",
            "Call a delete API method",
            "Use when: the user explicitly asks to delete something in Matomo. Deletions cannot be undone.\n\
                Purpose: runs one allowed delete-category method (delete*, remove*) with the user's permissions.",
            DESTRUCTIVE,
            Availability::RawApiCategory(Category::Delete),
            call_delete,
        ),
        call_tool(
            "matomo_api_call_full",
            "Call any allowed API method",
            "Use when: no other tool fits and the method is not read/create/update/delete shaped (e.g. ScheduledReports.sendReport).\n\
                Purpose: runs any allowed Matomo API method with the user's permissions; it may change or delete data.",
            DESTRUCTIVE,
            Availability::RawApiFull,
            call_full,
        ),
        call_tool(
            "matomo_api_call_read",
            "Call a read API method",
            "Use when: the data you need is not covered by the site, goal, segment, dimension or report tools (e.g. Live.getLastVisitsDetails, UsersManager.getUsers).\n\
                Purpose: runs one allowed read-category method (get*, is*...) with the user's permissions.\n\
                Next: matomo_api_get shows a method's parameters first if unsure.",
            Annotations::READ_ONLY,
            Availability::RawApiCategory(Category::Read),
            call_read,
        ),
        call_tool(
            "matomo_api_call_update",
            "Call an update API method",
            "Use when: the user asks to change something in Matomo (update*, set*...) and the method is known.\n\
                Purpose: runs one allowed update-category method with the user's permissions.",
            WRITE,
            Availability::RawApiCategory(Category::Update),
            call_update,
        ),
        Tool {
            name: "matomo_api_get",
            title: "Describe an API method",
            description: "Use when: you know a Matomo API method's name and need its parameters.\n\
                Purpose: returns one allowed method with its parameters (name, type, required, default).\n\
                Next: the matching matomo_api_call_* tool.",
            input_schema: selector_schema(Map::new()),
            output_schema: item_schema(),
            annotations: Annotations::READ_ONLY,
            available: Availability::RawApi,
            handler: api_get,
            repair: crate::tools::kit::tolerance::nothing,
            ui: None,
        },
        Tool {
            name: "matomo_api_list",
            title: "List API methods",
            description: "Use when: no analytics tool fits and you need to find a Matomo API method.\n\
                Purpose: lists the Matomo API methods this server may call, with parameters; filter by module, search or category. Paginated.\n\
                Next: matomo_api_get, then a matomo_api_call_* tool.",
            input_schema: json!({"type": "object", "properties": list_props, "additionalProperties": false}),
            output_schema: pagination::envelope_schema("methods", item_schema()),
            annotations: Annotations::READ_ONLY,
            available: Availability::RawApi,
            handler: api_list,
            repair: crate::tools::kit::tolerance::nothing,
            ui: None,
        },
    ]
}

#[cfg(test)]
mod tests;
