//! Reading Matomo's loosely typed answers (ids and flags may arrive as strings from the DB).

use serde_json::Value;

pub fn int(v: Option<&Value>) -> Option<i64> {
    match v? {
        Value::Number(n) => n
            .as_i64()
            .or_else(|| n.as_f64().filter(|f| f.fract() == 0.0).map(|f| f as i64)),
        Value::String(s) => s.trim().parse().ok(),
        Value::Bool(b) => Some(i64::from(*b)),
        _ => None,
    }
}

pub fn flag(v: Option<&Value>) -> bool {
    match v {
        Some(Value::Bool(b)) => *b,
        Some(Value::String(s)) => matches!(s.trim(), "1" | "true"),
        Some(other) => int(Some(other)).is_some_and(|n| n != 0),
        None => false,
    }
}

pub fn text(v: Option<&Value>) -> String {
    match v {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Null) | None => String::new(),
        Some(other) => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn loose_values() {
        assert_eq!(int(Some(&json!("12"))), Some(12));
        assert_eq!(int(Some(&json!(12.0))), Some(12));
        assert_eq!(int(Some(&json!("x"))), None);
        assert!(flag(Some(&json!("1"))) && flag(Some(&json!(1))) && flag(Some(&json!(true))));
        assert!(!flag(Some(&json!("0"))) && !flag(Some(&json!(0))) && !flag(None));
        assert_eq!(text(Some(&json!(5))), "5");
        assert_eq!(text(None), "");
    }
}
