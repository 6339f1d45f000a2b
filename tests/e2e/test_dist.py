"""make dist: the release artefacts, inspected as an administrator would receive them."""

import json
import re
import subprocess
import zipfile

import pytest

from standin import ROOT

DIST = ROOT / "dist"


@pytest.fixture(scope="module")
def dist():
    out = subprocess.run(["bash", str(ROOT / "scripts/dist.sh")], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stdout + out.stderr
    return DIST


def test_plugin_zip_layout_and_metadata(dist):
    version = json.loads((ROOT / "php/McpServer/plugin.json").read_text())["version"]
    with zipfile.ZipFile(dist / f"McpServer-{version}.zip") as z:
        names = z.namelist()
        assert all(n.startswith("McpServer/") for n in names)
        stray = [n for n in names if re.search(r"(^|/)\.|__pycache__|\.pyc$|/tests?/|\.orig$|~$", n)]
        assert stray == []
        for required in ["McpServer/plugin.json", "McpServer/McpServer.php", "McpServer/API.php", "McpServer/Renderer/Mcp.php",
                         "McpServer/SystemSettings.php", "McpServer/lang/en.json", "McpServer/LICENSE",
                         "McpServer/templates/connect.twig", "McpServer/data/connect-snippets.json", "McpServer/docs/faq.md"]:
            assert required in names, required
        meta = json.loads(z.read("McpServer/plugin.json"))
        json.loads(z.read("McpServer/lang/en.json"))
    assert meta["name"] == "McpServer" and meta["version"] == version
    assert meta["license"] == "GPL-3.0+"
    assert meta["require"] == {"matomo": ">=5.0.0,<6.0.0-b1", "php": ">=8.1.0"}
    assert meta["description"] and "mcp" in meta["keywords"]


def test_extension_is_named_for_its_php_and_checksummed(dist):
    api = subprocess.run(["php-config", "--phpapi"], capture_output=True, text=True, check=True).stdout.strip()
    sos = list(dist.glob("matomo_mcp-*.so"))
    assert len(sos) == 1 and f"-api{api}-" in sos[0].name and "-nts-" in sos[0].name
    check = subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=dist, capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    listed = {line.split()[1] for line in (dist / "SHA256SUMS").read_text().splitlines()}
    assert listed == {p.name for p in dist.iterdir() if p.name != "SHA256SUMS"}


def test_install_script_refuses_a_build_for_another_php(dist, tmp_path):
    so = next(dist.glob("matomo_mcp-*.so"))
    wrong = tmp_path / re.sub(r"-api\d+-", "-api20000101-", so.name)
    wrong.write_bytes(so.read_bytes())
    out = subprocess.run(["bash", str(dist / "install-extension.sh"), str(wrong)], capture_output=True, text=True)
    assert out.returncode == 1
    assert "built for another PHP API" in out.stderr
