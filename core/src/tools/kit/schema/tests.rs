use super::*;
use serde_json::json;

fn pointers(schema: &Value, v: &Value) -> Vec<(String, String)> {
    validate(schema, v)
        .into_iter()
        .map(|e| (e.pointer, e.message))
        .collect()
}

#[test]
fn objects_required_and_additional_properties() {
    let s = json!({"type":"object","properties":{"idSite":{"type":"integer","minimum":1}},"required":["idSite"],"additionalProperties":false});
    assert!(is_valid(&s, &json!({"idSite": 1})));
    assert_eq!(pointers(&s, &json!({})), vec![("/idSite".into(), "is required".into())]);
    assert_eq!(
        pointers(&s, &json!({"idSite": 0})),
        vec![("/idSite".into(), "must be >= 1".into())]
    );
    assert_eq!(
        pointers(&s, &json!({"idSite": "1"})),
        vec![("/idSite".into(), "must be of type integer".into())]
    );
    assert_eq!(
        pointers(&s, &json!({"idSite": 1, "x/y": 2})),
        vec![("/x~1y".into(), "is not allowed".into())]
    );
    assert_eq!(
        pointers(&s, &json!([])),
        vec![("".into(), "must be of type object".into())]
    );
}

#[test]
fn integers_include_whole_floats_but_not_fractions() {
    let s = json!({"type":"integer"});
    assert!(is_valid(&s, &json!(3)));
    assert!(is_valid(&s, &json!(3.0)));
    assert!(!is_valid(&s, &json!(3.5)));
    assert!(is_valid(&json!({"type":"number"}), &json!(3)));
}

#[test]
fn strings_enums_and_lengths() {
    let s = json!({"type":"string","minLength":1,"maxLength":3});
    assert!(!is_valid(&s, &json!("")));
    assert!(is_valid(&s, &json!("äöü")), "length counts characters, not bytes");
    assert!(!is_valid(&s, &json!("abcd")));
    let e = json!({"type":"string","enum":["name_asc","id_asc"]});
    assert_eq!(
        pointers(&e, &json!("x")),
        vec![("".into(), "must be one of: name_asc, id_asc".into())]
    );
}

#[test]
fn arrays_and_nested_pointers() {
    let s = json!({"type":"object","properties":{"ids":{"type":"array","items":{"type":"integer","minimum":1},"maxItems":2}}});
    assert_eq!(
        pointers(&s, &json!({"ids":[1,0]})),
        vec![("/ids/1".into(), "must be >= 1".into())]
    );
    assert_eq!(
        pointers(&s, &json!({"ids":[1,2,3]})),
        vec![("/ids".into(), "must have at most 2 items".into())]
    );
    assert!(!is_valid(&json!({"uniqueItems":true}), &json!([1, 1])));
}

#[test]
fn combinators() {
    let one = json!({"oneOf":[{"type":"integer"},{"type":"string"}]});
    assert!(is_valid(&one, &json!(1)) && is_valid(&one, &json!("a")) && !is_valid(&one, &json!(true)));
    let selector = json!({"type":"object","not":{"required":["a","b"]}});
    assert!(is_valid(&selector, &json!({"a":1})));
    assert!(!is_valid(&selector, &json!({"a":1,"b":2})));
    let any = json!({"anyOf":[{"required":["a"]},{"required":["b"]}]});
    assert!(!is_valid(&any, &json!({})));
    assert!(is_valid(
        &json!({"allOf":[{"type":"integer"},{"minimum":2}]}),
        &json!(2)
    ));
    assert!(!is_valid(&json!(false), &json!(1)));
    assert!(is_valid(&json!({"x-unknown-keyword": 1}), &json!(1)));
}

#[test]
fn messages_never_contain_the_value() {
    let s = json!({"type":"object","properties":{"search":{"type":"string","maxLength":2}}});
    for e in validate(&s, &json!({"search":"secret-value"})) {
        assert!(!e.message.contains("secret"));
    }
}
