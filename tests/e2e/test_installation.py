"""The plugin without its extension, and the stand-in's data against the shared fixtures."""

import filecmp
import os
import subprocess
import time
import urllib.request
from pathlib import Path

from standin import ROOT, StandIn, free_port


def test_endpoint_without_the_extension_answers_500_for_the_administrator(tmp_path):
    port = free_port()
    env = dict(os.environ, MCP_STANDIN_DATA=str(tmp_path))
    subprocess.run(["php", str(ROOT / "standin/console.php"), "setup", f"--trusted-host=127.0.0.1:{port}", "--enable"],
                   env=env, check=True, capture_output=True)
    # php -S without the extension: the plugin is there, matomo_mcp is not
    server = subprocess.Popen(["php", "-n", "-d", "extension=pdo", "-d", "extension=pdo_sqlite", "-S", f"127.0.0.1:{port}", str(ROOT / "standin/index.php")],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        s = StandIn(port=port, data=tmp_path)
        for _ in range(100):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/index.php", timeout=1)
                break
            except Exception:  # noqa: BLE001 - not up yet (or a 404, which also means up)
                if server.poll() is not None:
                    raise
                time.sleep(0.05)
        r = s.mcp({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {}})
        assert r.status == 500
        error = r.json["error"]
        assert error["code"] == -32603
        assert "matomo_mcp PHP extension is not loaded" in error["message"]
        assert "matomo_mcp PHP extension is not loaded" in s.log_text()
    finally:
        server.terminate()
        server.wait()


def test_bundled_fixtures_are_an_unchanged_copy_of_the_shared_ones():
    shared = ROOT.parent / "shared" / "fixtures" / "matomo-5.1.2"
    bundled = ROOT / "standin" / "fixtures" / "matomo-5.1.2"
    if not shared.exists():
        # a clone without the shared folder beside it: nothing to compare with
        assert any(bundled.iterdir())
        return
    names = sorted(p.name for p in shared.iterdir())
    assert sorted(p.name for p in bundled.iterdir()) == names
    match, mismatch, errors = filecmp.cmpfiles(shared, bundled, names, shallow=False)
    assert (mismatch, errors) == ([], [])
