//! MCP prompts: the question families Matomo's own guide promises, as ready-made analyses. Each
//! prompt takes a site and, where it fits, a period and date; `prompts/get` checks them against
//! the user's Matomo (the site must be theirs, the date must be one Matomo reads) and writes the
//! steps with the exact tool calls, the site's facts and the days the period covers.

mod catalogue;

use crate::host::Host;
use crate::jsonrpc::{INTERNAL_ERROR, INVALID_PARAMS, RpcError};
use crate::tools::matomo::dates::{self, Resolved};
use crate::tools::matomo::lookup::{self, Site};
use crate::util::printable;
use serde_json::{Map, Value, json};

pub struct Argument {
    pub name: &'static str,
    pub description: &'static str,
    pub required: bool,
}

pub struct Prompt {
    pub name: &'static str,
    pub title: &'static str,
    pub description: &'static str,
    pub arguments: &'static [Argument],
    /// The period and date used when the client gives none.
    pub default_period: &'static str,
    pub default_date: &'static str,
    pub write: fn(&Brief) -> String,
}

/// What a prompt's text is written from.
pub struct Brief<'a> {
    pub site: &'a Site,
    pub id_site: i64,
    pub period: &'a str,
    pub date: &'a str,
    /// The period and date resolved to the site's days.
    pub resolved: Resolved,
    /// The other arguments, as the client gave them.
    pub args: &'a Map<String, Value>,
}

impl Brief<'_> {
    pub fn arg(&self, name: &str) -> Option<&str> {
        self.args
            .get(name)
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|s| !s.is_empty())
    }
}

pub fn catalogue() -> &'static [Prompt] {
    catalogue::PROMPTS
}

pub fn find(name: &str) -> Option<&'static Prompt> {
    catalogue().iter().find(|p| p.name == name)
}

fn invalid(message: impl Into<String>) -> RpcError {
    RpcError::new(INVALID_PARAMS, message)
}

fn descriptor(p: &Prompt) -> Value {
    let arguments: Vec<Value> = p
        .arguments
        .iter()
        .map(|a| json!({"name": a.name, "description": a.description, "required": a.required}))
        .collect();
    json!({"name": p.name, "title": p.title, "description": p.description, "arguments": arguments})
}

/// `prompts/list`: four prompts, one page (a cursor can only be a client's mistake).
pub fn list(params: Option<&Value>) -> Result<String, RpcError> {
    if params.and_then(|p| p.get("cursor")).is_some_and(|c| !c.is_null()) {
        return Err(invalid(
            "Invalid cursor: prompts/list has a single page; call it without a cursor.",
        ));
    }
    let prompts: Vec<Value> = catalogue().iter().map(descriptor).collect();
    Ok(json!({"prompts": prompts}).to_string())
}

/// The client's arguments: an object of strings (PHP-minded clients may send `[]` for none).
fn arguments_of(prompt: &Prompt, params: &Map<String, Value>) -> Result<Map<String, Value>, RpcError> {
    let args = match params.get("arguments") {
        None | Some(Value::Null) => Map::new(),
        Some(a) => crate::policy::php_map(a)
            .ok_or_else(|| invalid("Invalid params: prompts/get arguments must be an object of strings."))?,
    };
    let names: Vec<&str> = prompt.arguments.iter().map(|a| a.name).collect();
    for (key, value) in &args {
        if !names.contains(&key.as_str()) {
            return Err(invalid(format!(
                "Unknown argument '{}' for prompt '{}'; it takes {}.",
                printable(key),
                prompt.name,
                names.join(", ")
            )));
        }
        if !value.is_string() {
            return Err(invalid(format!(
                "Argument '{key}' must be a string (prompt arguments are text)."
            )));
        }
    }
    for a in prompt.arguments.iter().filter(|a| a.required) {
        if args
            .get(a.name)
            .and_then(Value::as_str)
            .is_none_or(|v| v.trim().is_empty())
        {
            return Err(invalid(format!(
                "Missing required argument '{}' for prompt '{}': {}",
                a.name, prompt.name, a.description
            )));
        }
    }
    Ok(args)
}

/// `idSite` as a site this user can see.
fn site_of(host: &dyn Host, args: &Map<String, Value>) -> Result<(i64, Site), RpcError> {
    let raw = args.get("idSite").and_then(Value::as_str).unwrap_or("").trim();
    let id = raw.parse::<i64>().ok().filter(|n| *n >= 1).ok_or_else(|| {
        invalid(format!(
            "idSite must be a site id such as \"1\", not '{}'.",
            printable(raw)
        ))
    })?;
    match lookup::site(host, id) {
        Ok(Some(site)) => Ok((id, site)),
        Ok(None) => Err(invalid(format!(
            "Site {id} not found or access denied. matomo_site_list (or completion/complete on idSite) names the sites of this user."
        ))),
        Err(e) => Err(RpcError::new(INTERNAL_ERROR, e.0)),
    }
}

/// `prompts/get`.
pub fn get(host: &dyn Host, params: Option<&Value>) -> Result<String, RpcError> {
    let params = params
        .and_then(Value::as_object)
        .ok_or_else(|| invalid("Invalid params: prompts/get needs an object with a prompt name."))?;
    let name = params.get("name").and_then(Value::as_str).unwrap_or("");
    let prompt = find(name).ok_or_else(|| {
        let names: Vec<&str> = catalogue().iter().map(|p| p.name).collect();
        invalid(format!(
            "Unknown prompt '{}'. This server's prompts are {}.",
            printable(name),
            names.join(", ")
        ))
    })?;
    let args = arguments_of(prompt, params)?;
    let (id_site, site) = site_of(host, &args)?;
    let text = |k: &str, default: &'static str| {
        args.get(k)
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .unwrap_or(default)
            .to_string()
    };
    let period = text("period", prompt.default_period).to_ascii_lowercase();
    let date = dates::expand_shorthand(&period, &text("date", prompt.default_date));
    let resolved = dates::resolve(&period, &date, site.today).ok_or_else(|| {
        invalid(format!(
            "period '{}' with date '{}' is not a Matomo period: period is day, week, month, year or range; date is YYYY-MM-DD, today, yesterday, lastN, previousN or start,end (range needs lastN, previousN or start,end).",
            printable(&period),
            printable(&date)
        ))
    })?;
    let brief = Brief {
        site: &site,
        id_site,
        period: &period,
        date: &date,
        resolved,
        args: &args,
    };
    let message = json!({"role": "user", "content": {"type": "text", "text": (prompt.write)(&brief)}});
    Ok(json!({"description": prompt.description, "messages": [message]}).to_string())
}

#[cfg(test)]
mod tests;
