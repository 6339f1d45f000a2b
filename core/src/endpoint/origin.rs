//! DNS-rebinding protection: a browser-sent `Origin` must name one of Matomo's trusted hosts.

/// Reduces `https://Example.org:8443/`, `example.org.` or `example.org:80` to `example.org`.
/// Bracketed IPv6 literals keep their brackets (`[::1]`).
pub fn host_key(value: &str) -> Option<String> {
    let v = value.trim();
    let rest = match v.find("://") {
        Some(i) => &v[i + 3..],
        None => v,
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let authority = authority.rsplit('@').next().unwrap_or(""); // drop userinfo
    let host = if authority.starts_with('[') {
        let end = authority.find(']')?;
        &authority[..=end]
    } else {
        authority.split(':').next().unwrap_or("")
    };
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    (!host.is_empty()).then_some(host)
}

/// Exact host match, ports ignored. An empty allow-list trusts no Origin (fail closed).
pub fn origin_is_trusted(origin: &str, trusted_hosts: &[String]) -> bool {
    let Some(key) = host_key(origin) else {
        return false;
    };
    trusted_hosts.iter().filter_map(|h| host_key(h)).any(|h| h == key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_keys_drop_scheme_port_case_and_dot() {
        assert_eq!(
            host_key("https://Matomo.Example.org:8443/x").as_deref(),
            Some("matomo.example.org")
        );
        assert_eq!(host_key("matomo.example.org.").as_deref(), Some("matomo.example.org"));
        assert_eq!(host_key("127.0.0.1:8080").as_deref(), Some("127.0.0.1"));
        assert_eq!(host_key("http://[::1]:9000").as_deref(), Some("[::1]"));
        assert_eq!(host_key("null"), Some("null".into()));
        assert_eq!(host_key(""), None);
        assert_eq!(host_key("http://"), None);
    }

    #[test]
    fn origins_must_match_exactly() {
        let trusted = vec!["matomo.example.org".to_string(), "localhost:8080".to_string()];
        assert!(origin_is_trusted("https://matomo.example.org", &trusted));
        assert!(origin_is_trusted("http://localhost:3000", &trusted));
        assert!(!origin_is_trusted("https://evil.matomo.example.org", &trusted));
        assert!(!origin_is_trusted("https://matomo.example.org.evil.com", &trusted));
        assert!(!origin_is_trusted("null", &trusted));
        assert!(!origin_is_trusted("https://matomo.example.org", &[]));
    }
}
