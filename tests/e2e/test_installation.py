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


def php_version() -> str:
    return subprocess.run(["php", "-r", 'echo PHP_MAJOR_VERSION, ".", PHP_MINOR_VERSION;'],
                          capture_output=True, text=True, check=True).stdout


def test_make_install_into_this_machines_php_and_a_matomo_directory(tmp_path):
    """Changes the system PHP, so it runs where that is allowed (CI sets MCP_SYSTEM_INSTALL_TEST=1)
    and puts everything back afterwards."""
    import pytest

    if os.environ.get("MCP_SYSTEM_INSTALL_TEST") != "1":
        pytest.skip("set MCP_SYSTEM_INSTALL_TEST=1 to let this test install into the system PHP")
    matomo = tmp_path / "matomo"
    (matomo / "plugins").mkdir(parents=True)
    calls = tmp_path / "console-calls.txt"
    (matomo / "console").write_text(f"<?php file_put_contents('{calls}', implode(' ', array_slice($argv, 1)) . \"\\n\", FILE_APPEND);\n")
    version = php_version()
    ext_dir = subprocess.run(["php-config", "--extension-dir"], capture_output=True, text=True, check=True).stdout.strip()
    # an administrator's shell: the system PHP's own configuration, not the tests' (which leave an
    # installed matomo_mcp out so that they load their own build)
    admin = {k: v for k, v in os.environ.items() if k != "PHP_INI_SCAN_DIR"}
    try:
        out = subprocess.run(["make", "install", f"MATOMO_DIR={matomo}"], cwd=ROOT, capture_output=True, text=True,
                             timeout=600, env=admin)
        assert out.returncode == 0, out.stdout + out.stderr
        modules = subprocess.run(["php", "-m"], capture_output=True, text=True, check=True, env=admin).stdout.split()
        assert "matomo_mcp" in modules
        assert Path(ext_dir, "matomo_mcp.so").exists()
        assert "extension=matomo_mcp.so" in Path(f"/etc/php/{version}/mods-available/matomo_mcp.ini").read_text()
        assert Path(f"/etc/php/{version}/fpm/conf.d/20-matomo_mcp.ini").exists(), "enabled for php-fpm too"
        assert filecmp.cmp(ROOT / "php/McpServer/API.php", matomo / "plugins/McpServer/API.php", shallow=False)
        assert calls.read_text().strip() == "plugin:activate McpServer"
    finally:
        subprocess.run(["phpdismod", "-v", version, "matomo_mcp"], check=False)
        Path(f"/etc/php/{version}/mods-available/matomo_mcp.ini").unlink(missing_ok=True)
        Path(ext_dir, "matomo_mcp.so").unlink(missing_ok=True)
