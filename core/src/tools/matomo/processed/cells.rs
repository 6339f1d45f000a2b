//! Metric cells as JSON numbers. `API.getProcessedReport` formats metrics for people ("24%",
//! "00:01:55", "€1,557.20") and mixes `"16"` with `16` in one column (flattened subtables); a
//! model sorting or comparing `structuredContent` needs numbers, with the unit said once.

use serde_json::{Number, Value};

/// Columns that describe a row rather than measure it: never converted.
pub const NOT_METRICS: [&str; 5] = ["label", "segment", "url", "idsubdatatable", "period"];

/// What a formatted value was, so the answer can name the unit once per column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unit {
    /// A plain count or ratio.
    None,
    /// Percent points: "24%" became 24.
    Percent,
    /// Seconds: "00:01:55" became 115.
    Seconds,
    /// Money in the currency written next to it ("€", "$", "CHF").
    Currency(String),
}

impl Unit {
    pub fn name(&self) -> Option<String> {
        match self {
            Unit::None => None,
            Unit::Percent => Some("percent".into()),
            Unit::Seconds => Some("seconds".into()),
            Unit::Currency(symbol) => Some(format!("currency {symbol}")),
        }
    }
}

/// A metric cell as a number (with its unit) when Matomo's text is one; `None` leaves it as is.
pub fn number(value: &Value) -> Option<(Value, Unit)> {
    match value {
        Value::Number(_) => Some((value.clone(), Unit::None)),
        // Matomo answers `false` for a metric it has no value for (max_event_value)
        Value::Bool(false) => Some((Value::Null, Unit::None)),
        Value::String(s) => from_text(s.trim()),
        _ => None,
    }
}

fn from_text(s: &str) -> Option<(Value, Unit)> {
    if s.is_empty() {
        return None;
    }
    if let Some(p) = s.strip_suffix('%') {
        return plain(p.trim()).map(|n| (n, Unit::Percent));
    }
    if let Some(seconds) = duration(s) {
        return Some((seconds, Unit::Seconds));
    }
    if let Some(n) = plain(s) {
        return Some((n, Unit::None));
    }
    money(s)
}

/// "1,234.5", "1.234,5", "16", "-3": English or continental grouping, as Matomo's number
/// formatter writes them for the user's language.
fn plain(s: &str) -> Option<Value> {
    let (sign, digits) = match s.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", s),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit() || b == b',' || b == b'.') {
        return None;
    }
    let normal = match (digits.rfind(','), digits.rfind('.')) {
        (Some(c), Some(d)) if c > d => digits.replace('.', "").replace(',', "."),
        (Some(_), Some(_)) => digits.replace(',', ""),
        (Some(_), None) if grouped(digits, ',') => digits.replace(',', ""),
        (Some(_), None) => digits.replace(',', "."),
        // Matomo writes at most two decimals in formatted metrics: three after a dot is grouping
        (None, Some(_)) if grouped(digits, '.') => digits.replace('.', ""),
        _ => digits.to_string(),
    };
    parse_number(&format!("{sign}{normal}"))
}

/// "1,234,567" with `sep` as thousands separator.
fn grouped(s: &str, sep: char) -> bool {
    let mut parts = s.split(sep);
    let first = parts.next().unwrap_or("");
    (1..=3).contains(&first.len()) && parts.clone().count() > 0 && parts.all(|p| p.len() == 3)
}

fn parse_number(s: &str) -> Option<Value> {
    if let Ok(i) = s.parse::<i64>() {
        return Some(Value::from(i));
    }
    let f = s.parse::<f64>().ok().filter(|f| f.is_finite())?;
    Number::from_f64(f).map(Value::Number)
}

/// "00:01:55", "00:00:01.96", "1 days 02:00:00" (Matomo's time formatter) in seconds.
fn duration(s: &str) -> Option<Value> {
    let (days, clock) = match s.split_once(' ') {
        Some((d, rest)) => {
            let rest = rest.trim_start();
            let clock = rest.split_once(' ').map(|(_, c)| c)?;
            (d.parse::<u64>().ok()?, clock)
        }
        None => (0, s),
    };
    let parts: Vec<&str> = clock.split(':').collect();
    let [h, m, sec] = parts.as_slice() else {
        return None;
    };
    if m.len() != 2 || !h.bytes().all(|b| b.is_ascii_digit()) || !m.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (h, m) = (h.parse::<u64>().ok()?, m.parse::<u64>().ok()?);
    let whole = (days * 24 + h) * 3600 + m * 60;
    if sec.bytes().all(|b| b.is_ascii_digit()) && sec.len() == 2 {
        return Some(Value::from(whole + sec.parse::<u64>().ok()?));
    }
    let fraction = sec.parse::<f64>().ok().filter(|f| f.is_finite() && *f < 60.0)?;
    Number::from_f64(whole as f64 + fraction).map(Value::Number)
}

/// "€1,557.20", "$0", "1.557,20 €", "CHF 12": a number with a currency symbol on one side.
fn money(s: &str) -> Option<(Value, Unit)> {
    let is_num = |c: char| c.is_ascii_digit() || c == ',' || c == '.' || c == '-';
    let start = s.find(|c: char| c.is_ascii_digit() || c == '-')?;
    let end = s.rfind(|c: char| c.is_ascii_digit())? + 1;
    let (before, amount, after) = (s[..start].trim(), &s[start..end], s[end..].trim());
    if !amount.chars().all(is_num) {
        return None;
    }
    let symbol = match (before.is_empty(), after.is_empty()) {
        (false, true) => before,
        (true, false) => after,
        _ => return None,
    };
    if symbol.chars().any(|c| c.is_ascii_digit() || c == '%' || c == ':') || symbol.chars().count() > 4 {
        return None;
    }
    plain(amount).map(|n| (n, Unit::Currency(symbol.to_string())))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn n(s: &str) -> Option<(Value, Unit)> {
        number(&json!(s))
    }

    #[test]
    fn matomo_formatted_metrics_become_numbers() {
        assert_eq!(n("16"), Some((json!(16), Unit::None)));
        assert_eq!(n("24%"), Some((json!(24), Unit::Percent)));
        assert_eq!(n("66.67%"), Some((json!(66.67), Unit::Percent)));
        assert_eq!(n("1,373.2%"), Some((json!(1373.2), Unit::Percent)));
        assert_eq!(n("00:01:55"), Some((json!(115), Unit::Seconds)));
        assert_eq!(n("00:00:01.96"), Some((json!(1.96), Unit::Seconds)));
        assert_eq!(n("1 days 02:00:00"), Some((json!(93600), Unit::Seconds)));
        assert_eq!(n("€1,557.20"), Some((json!(1557.2), Unit::Currency("€".into()))));
        assert_eq!(n("$0"), Some((json!(0), Unit::Currency("$".into()))));
        assert_eq!(n("1.557,20 €"), Some((json!(1557.2), Unit::Currency("€".into()))));
        assert_eq!(n("1.557 €"), Some((json!(1557), Unit::Currency("€".into()))));
        assert_eq!(number(&json!(2.5)), Some((json!(2.5), Unit::None)));
        assert_eq!(number(&json!(false)), Some((Value::Null, Unit::None)));
    }

    #[test]
    fn text_that_is_no_number_stays() {
        for s in ["", "n/a", "/index", "12:3", "€", "1 2 3", "abc%", "ab 12 cd"] {
            assert_eq!(n(s), None, "{s}");
        }
    }
}
