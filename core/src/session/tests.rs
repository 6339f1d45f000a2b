use super::*;
use crate::testing::FakeHost;

fn state() -> SessionState {
    SessionState {
        protocol_version: "2025-11-25".into(),
        client_name: "c".into(),
        client_version: "1".into(),
        ui_apps: false,
    }
}

#[test]
fn created_sessions_resume_for_their_owner_only() {
    let host = FakeHost::new();
    let s = create(&host, "viewer", 3600, state()).expect("create");
    assert_eq!(s.id.len(), 64);
    let resumed = resume(&host, &s.id, "viewer", 3600).expect("load").expect("live");
    assert_eq!(resumed.state, state());
    assert_eq!(resume(&host, &s.id, "superuser", 3600).expect("load"), None);
    // the other user's attempt did not delete it
    assert!(resume(&host, &s.id, "viewer", 3600).expect("load").is_some());
}

#[test]
fn ttl_slides_with_each_use_and_expired_sessions_are_removed() {
    let host = FakeHost::new();
    let s = create(&host, "u", 100, state()).expect("create");
    for _ in 0..5 {
        host.advance(60);
        assert!(
            resume(&host, &s.id, "u", 100).expect("load").is_some(),
            "use within the TTL slides it"
        );
    }
    host.advance(101);
    assert_eq!(resume(&host, &s.id, "u", 100).expect("load"), None);
    assert!(
        host.sessions.borrow().is_empty(),
        "an expired session is deleted on read"
    );
}

#[test]
fn busy_clients_do_not_write_on_every_request() {
    let host = FakeHost::new();
    let s = create(&host, "u", 3600, state()).expect("create");
    let writes = host.writes.get();
    for _ in 0..10 {
        host.advance(1);
        resume(&host, &s.id, "u", 3600).expect("load");
    }
    assert_eq!(host.writes.get(), writes, "no touch within the first minute");
    host.advance(60);
    resume(&host, &s.id, "u", 3600).expect("load");
    assert_eq!(host.writes.get(), writes + 1);
    assert_eq!(host.sessions.borrow()[&s.id].expires_at, host.now() + 3600);
}

#[test]
fn end_deletes_and_then_404s() {
    let host = FakeHost::new();
    let s = create(&host, "u", 3600, state()).expect("create");
    assert!(!end(&host, &s.id, "other", 3600).expect("end"));
    assert!(end(&host, &s.id, "u", 3600).expect("end"));
    assert!(!end(&host, &s.id, "u", 3600).expect("end"));
    assert_eq!(resume(&host, &s.id, "u", 3600).expect("load"), None);
}

#[test]
fn implausible_ids_are_never_looked_up() {
    let host = FakeHost::new();
    assert_eq!(resume(&host, "", "u", 60).expect("load"), None);
    assert_eq!(resume(&host, "has space", "u", 60).expect("load"), None);
    assert_eq!(resume(&host, &"x".repeat(200), "u", 60).expect("load"), None);
}

#[test]
fn garbage_collection_removes_only_expired_rows() {
    let host = FakeHost::new();
    let old = create(&host, "u", 10, state()).expect("create");
    host.advance(5);
    let young = create(&host, "u", 10, state()).expect("create");
    host.advance(6);
    assert_eq!(collect_expired(&host).expect("gc"), 1);
    assert!(!host.sessions.borrow().contains_key(&old.id));
    assert!(host.sessions.borrow().contains_key(&young.id));
}
