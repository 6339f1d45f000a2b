//! Matomo's error messages are passed to the model only when they cannot leak internals: no
//! SQL, file paths, class names, tokens or session details.

use crate::policy::INTERNAL_PHRASES;

fn looks_like_path(message: &str) -> bool {
    message.split_whitespace().any(|w| {
        let w = w.trim_matches(|c: char| matches!(c, '\'' | '"' | '(' | ')' | ',' | ':'));
        (w.starts_with('/') && w[1..].contains('/')) || (w.len() > 3 && w.as_bytes()[1] == b':' && w.contains('\\'))
    })
}

fn looks_like_class(message: &str) -> bool {
    message.split_whitespace().any(|w| {
        let parts: Vec<&str> = w
            .trim_matches(|c: char| !c.is_alphanumeric() && c != '\\')
            .split('\\')
            .filter(|p| !p.is_empty())
            .collect();
        parts.len() >= 2 && parts.iter().all(|p| p.chars().next().is_some_and(char::is_alphabetic))
    })
}

fn looks_like_sql(lower: &str) -> bool {
    (lower.contains("select") && lower.contains(" from "))
        || (lower.contains("update ") && lower.contains(" set "))
        || lower.contains(" where ")
}

fn decode_entities(s: &str) -> String {
    s.replace("&gt;", ">")
        .replace("&lt;", "<")
        .replace("&quot;", "\"")
        .replace("&#039;", "'")
        .replace("&amp;", "&")
}

/// The message fit for a model, or `None` when it might leak internals.
pub fn safe_detail(message: &str) -> Option<String> {
    let text = decode_entities(message);
    let collapsed: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let lower = collapsed.to_ascii_lowercase();
    if collapsed.is_empty()
        || collapsed.len() > 500
        || INTERNAL_PHRASES.iter().any(|s| lower.contains(s))
        || looks_like_sql(&lower)
        || looks_like_path(&collapsed)
        || looks_like_class(&collapsed)
    {
        return None;
    }
    Some(collapsed.trim_end_matches('.').to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_matomo_messages_pass() {
        assert_eq!(
            safe_detail("The plugin Nonexistent is not enabled. You can activate the plugin on Settings &gt; Plugins page in Matomo.").as_deref(),
            Some("The plugin Nonexistent is not enabled. You can activate the plugin on Settings > Plugins page in Matomo")
        );
        assert_eq!(
            safe_detail("Please specify a value for  'idSite'.").as_deref(),
            Some("Please specify a value for 'idSite'")
        );
    }

    #[test]
    fn internals_are_held_back() {
        for m in [
            "SQLSTATE[42S02]: Base table or view not found",
            "Error in /var/www/matomo/core/Db.php on line 12",
            "Class Piwik\\Plugins\\Foo\\Bar not found",
            "Unable to authenticate with token_auth abc",
            "You have an error near 'SELECT idsite FROM matomo_site WHERE 1'",
            "Call to undefined method Foo::bar()",
            "",
        ] {
            assert_eq!(safe_detail(m), None, "{m}");
        }
    }
}
