use crate::host::{ApiError, ApiErrorKind};
use crate::testing::FakeHost;
use crate::tools::kit::access::{Category, Mode};
use crate::tools::kit::schema;
use crate::tools::{ToolContext, ToolResult};
use serde_json::{Value, json};

fn catalog() -> Vec<Value> {
    let param = |name: &str, required: bool| json!({"name": name, "type": null, "required": required, "allowsNull": false, "hasDefault": !required, "defaultValue": if required { Value::Null } else { json!(false) }});
    vec![
        json!({"module": "UsersManager", "action": "getUsers", "parameters": [param("userLogins", false)]}),
        json!({"module": "UsersManager", "action": "deleteUser", "parameters": [param("userLogin", true)]}),
        json!({"module": "UsersManager", "action": "addUser", "parameters": [param("userLogin", true)]}),
        json!({"module": "ScheduledReports", "action": "sendReport", "parameters": [param("idReport", true)]}),
        json!({"module": "API", "action": "getBulkRequest", "parameters": [param("urls", true)]}),
        json!({"module": "Live", "action": "getLastVisitsDetails", "parameters": [param("idSite", true)]}),
        json!({"module": "Old", "action": "getThing", "parameters": [], "deprecated": true}),
        json!({"module": "Secret", "action": "getThing", "parameters": [], "internal": true}),
    ]
}

fn host() -> FakeHost {
    let h = FakeHost::with_api(|method, params| match method {
        "UsersManager.getUsers" => Ok(json!([{"login": "viewer", "avatar": "https://x/?token_auth=a1b2c3d4"}])),
        "Live.getLastVisitsDetails" if params.get("idSite") == Some(&json!(3)) => Err(ApiError {
            kind: ApiErrorKind::NoAccess,
            message: "You can't access this resource".into(),
        }),
        "Live.getLastVisitsDetails" => Err(ApiError {
            kind: ApiErrorKind::Rejected,
            message: "SQLSTATE[42S22]: Column not found in /var/www/core/Db.php".into(),
        }),
        "UsersManager.addUser" => Err(ApiError {
            kind: ApiErrorKind::Rejected,
            message: "The login must be between 2 and 100 characters long.".into(),
        }),
        _ => Ok(json!(true)),
    });
    *h.catalog.borrow_mut() = catalog();
    h
}

fn run(name: &str, h: &FakeHost, mode: &Mode, args: Value) -> ToolResult {
    let tool = crate::tools::builtin().find(name).expect("tool");
    let args = args.as_object().cloned().expect("object");
    assert!(
        schema::validate(&tool.input_schema, &Value::Object(args.clone())).is_empty(),
        "{name} args"
    );
    let out = (tool.handler)(
        &ToolContext {
            host: h,
            tool_name: tool.name,
            raw_api: mode,
        },
        &args,
    );
    if let Ok(v) = &out {
        assert!(
            schema::validate(&tool.output_schema, v).is_empty(),
            "{name} output schema"
        );
    }
    out
}

#[test]
fn api_list_offers_only_allowed_methods() {
    let h = host();
    let read_only = Mode::Partial(vec![Category::Read]);
    let listed = run("matomo_api_list", &h, &read_only, json!({})).expect("list");
    let methods: Vec<&str> = listed["methods"]
        .as_array()
        .expect("methods")
        .iter()
        .filter_map(|m| m["method"].as_str())
        .collect();
    assert_eq!(methods, ["Live.getLastVisitsDetails", "UsersManager.getUsers"]);
    let full = run("matomo_api_list", &h, &Mode::Full, json!({"sort": "method_asc"})).expect("list");
    let methods: Vec<&str> = full["methods"]
        .as_array()
        .expect("methods")
        .iter()
        .filter_map(|m| m["method"].as_str())
        .collect();
    assert_eq!(
        methods,
        [
            "UsersManager.addUser",
            "UsersManager.deleteUser",
            "Live.getLastVisitsDetails",
            "UsersManager.getUsers",
            "ScheduledReports.sendReport"
        ]
    );
    let filtered = run("matomo_api_list", &h, &Mode::Full, json!({"category": "uncategorized"})).expect("list");
    assert_eq!(filtered["methods"][0]["method"], "ScheduledReports.sendReport");
    let module = run(
        "matomo_api_list",
        &h,
        &Mode::Full,
        json!({"module": "usersmanager", "search": "get_users"}),
    )
    .expect("list");
    assert_eq!(module["total_rows"], 1);
    assert_eq!(
        module["methods"][0]["parameters"][0],
        json!({"name": "userLogins", "type": null, "required": false, "allowsNull": false, "hasDefault": true, "defaultValue": false})
    );
}

#[test]
fn api_get_resolves_case_insensitively_within_the_policy() {
    let h = host();
    let read_only = Mode::Partial(vec![Category::Read]);
    assert_eq!(
        run(
            "matomo_api_get",
            &h,
            &read_only,
            json!({"method": "usersmanager.GETUSERS"})
        )
        .expect("get")["method"],
        "UsersManager.getUsers"
    );
    assert_eq!(
        run(
            "matomo_api_get",
            &h,
            &read_only,
            json!({"module": "UsersManager", "action": "getUsers"})
        )
        .expect("get")["action"],
        "getUsers"
    );
    for hidden in [
        "UsersManager.deleteUser",
        "API.getBulkRequest",
        "Old.getThing",
        "Secret.getThing",
    ] {
        assert_eq!(
            run("matomo_api_get", &h, &Mode::Full, json!({"method": hidden}))
                .err()
                .map(|e| e.0)
                .unwrap_or_default()
                .is_empty(),
            hidden == "UsersManager.deleteUser",
            "{hidden}"
        );
    }
    assert!(
        run(
            "matomo_api_get",
            &h,
            &read_only,
            json!({"method": "UsersManager.deleteUser"})
        )
        .is_err()
    );
    assert!(
        run("matomo_api_get", &h, &read_only, json!({"method": "getUsers"}))
            .unwrap_err()
            .0
            .contains("Module.action")
    );
    assert!(
        run(
            "matomo_api_get",
            &h,
            &read_only,
            json!({"method": "UsersManager.getUsers", "module": "SitesManager"})
        )
        .is_err()
    );
}

#[test]
fn crud_tools_call_only_their_category() {
    let h = host();
    let mode = Mode::Partial(vec![Category::Read, Category::Delete]);
    let out = run(
        "matomo_api_call_read",
        &h,
        &mode,
        json!({"method": "UsersManager.getUsers", "parameters": {"userLogins": "viewer"}}),
    )
    .expect("call");
    assert_eq!(out["resolvedMethod"]["method"], "UsersManager.getUsers");
    assert!(out["result"].is_array());
    assert_eq!(
        run(
            "matomo_api_call_read",
            &h,
            &mode,
            json!({"method": "UsersManager.deleteUser"})
        )
        .unwrap_err()
        .0,
        "API method not found or unavailable."
    );
    assert!(
        run(
            "matomo_api_call_delete",
            &h,
            &mode,
            json!({"method": "UsersManager.deleteUser", "parameters": {"userLogin": "x"}})
        )
        .is_ok()
    );
    assert_eq!(
        run(
            "matomo_api_call_full",
            &h,
            &Mode::Full,
            json!({"method": "ScheduledReports.sendReport", "parameters": {"idReport": 1}})
        )
        .expect("full")["result"],
        true
    );
}

#[test]
fn reserved_parameters_and_error_messages() {
    let h = host();
    let mode = Mode::Full;
    let err = run(
        "matomo_api_call_read",
        &h,
        &mode,
        json!({"method": "UsersManager.getUsers", "parameters": {"Token_Auth": "x"}}),
    )
    .unwrap_err();
    assert_eq!(err.0, "Unsupported parameters key 'Token_Auth'.");
    assert_eq!(
        run(
            "matomo_api_call_read",
            &h,
            &mode,
            json!({"method": "Live.getLastVisitsDetails", "parameters": {"idSite": 3}})
        )
        .unwrap_err()
        .0,
        "No access to API method."
    );
    assert_eq!(
        run(
            "matomo_api_call_read",
            &h,
            &mode,
            json!({"method": "Live.getLastVisitsDetails", "parameters": {"idSite": 1}})
        )
        .unwrap_err()
        .0,
        "Matomo API request failed."
    );
    assert_eq!(
        run(
            "matomo_api_call_create",
            &h,
            &mode,
            json!({"method": "UsersManager.addUser", "parameters": {"userLogin": "x"}})
        )
        .unwrap_err()
        .0,
        "Matomo API request failed: The login must be between 2 and 100 characters long."
    );
}
