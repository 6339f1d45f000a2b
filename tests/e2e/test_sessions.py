"""Sessions shared by several php-fpm workers through Matomo's database."""

import time

PING = {"jsonrpc": "2.0", "id": 9, "method": "ping"}


def test_a_session_is_served_by_every_worker(standin):
    from concurrent.futures import ThreadPoolExecutor

    sid = standin.initialize()
    # concurrent requests occupy several php-fpm workers at once, so more than one serves the session
    with ThreadPoolExecutor(max_workers=3) as pool:
        answers = list(pool.map(lambda _: standin.mcp(PING, session=sid), range(30)))
    assert all(r.status == 200 for r in answers), [r.body for r in answers if r.status != 200]
    workers = {r.header("x-standin-worker") for r in answers}
    assert len(workers) >= 2, "requests should have landed on different php-fpm workers"


def test_delete_ends_the_session_everywhere(standin):
    sid = standin.initialize()
    r = standin.mcp(method="DELETE", session=sid)
    assert r.status == 200
    for _ in range(6):
        assert standin.mcp(PING, session=sid).status == 404
    assert standin.mcp(method="DELETE", session=sid).status == 404


def test_another_users_session_is_not_found(standin):
    sid = standin.initialize(token="viewer")
    r = standin.mcp(PING, session=sid, token="superuser")
    assert r.status == 404
    assert standin.mcp(method="DELETE", session=sid, token="siteadmin").status == 404
    assert standin.mcp(PING, session=sid, token="viewer").status == 200


def test_sessions_slide_and_expire(fresh_standin):
    s = fresh_standin
    s.config("McpServer", "session_ttl", "3")
    sid = s.initialize()
    for _ in range(3):
        time.sleep(1.5)
        assert s.mcp(PING, session=sid).status == 200, "each use extends the session"
    time.sleep(4.5)
    assert s.mcp(PING, session=sid).status == 404


def test_scheduled_task_removes_expired_sessions(fresh_standin):
    s = fresh_standin
    s.config("McpServer", "session_ttl", "1")
    for _ in range(3):
        s.initialize()
    time.sleep(2.2)
    s.config("McpServer", "session_ttl", "3600")
    live = s.initialize()
    s.console("tasks:run")
    import sqlite3
    rows = sqlite3.connect(s.data / "matomo.sqlite").execute("SELECT id FROM matomo_mcp_session").fetchall()
    assert rows == [(live,)]


def test_uninstall_removes_the_session_table_options_and_settings(fresh_standin):
    import sqlite3

    s = fresh_standin
    s.initialize()
    s.setting("maximum_mcp_access_level", "view")
    db = sqlite3.connect(s.data / "matomo.sqlite")
    assert db.execute("SELECT COUNT(*) FROM matomo_option WHERE option_name LIKE 'McpServer%'").fetchone()[0] == 1
    s.console("plugin:uninstall")
    tables = db.execute("SELECT name FROM sqlite_master WHERE type='table'").fetchall()
    assert ("matomo_mcp_session",) not in tables
    assert db.execute("SELECT COUNT(*) FROM matomo_option WHERE option_name LIKE 'McpServer%'").fetchone()[0] == 0
    assert db.execute("SELECT COUNT(*) FROM matomo_plugin_setting WHERE plugin_name = 'McpServer'").fetchone()[0] == 0
