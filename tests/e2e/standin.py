"""Drives the Matomo stand-in served by nginx + php-fpm with the real plugin and extension."""

from __future__ import annotations

import http.client
import json
import os
import socket
import subprocess
import tempfile
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
ENDPOINT_QUERY = "/index.php?module=API&method=McpServer.mcp&format=mcp"

# every tool tools/list offers with the default settings, in the order it lists them
ALL_TOOLS = [
    "matomo_dimension_get", "matomo_dimension_list", "matomo_goal_get", "matomo_goal_list",
    "matomo_report_list", "matomo_report_metadata", "matomo_report_processed",
    "matomo_segment_get", "matomo_segment_list", "matomo_site_get", "matomo_site_list", "matomo_site_search",
]

TOKENS = {
    "viewer": "a1b2c3d4e5f60718293a4b5c6d7e8f90",
    "writer": "7e7e7e7e7e7e7e7e7e7e7e7e7e7e7e7e",
    "siteadmin": "adadadadadadadadadadadadadadadad",
    "superuser": "5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e",
    "nobody": "0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b",
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def extension_path() -> Path:
    explicit = os.environ.get("MCP_EXTENSION")
    if explicit:
        return Path(explicit)
    for profile in ("release", "debug"):
        so = ROOT / "target" / profile / "libmatomo_mcp.so"
        if so.exists():
            return so
    raise RuntimeError("build the extension first (make build)")


@dataclass
class Response:
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def json(self) -> Any:
        return json.loads(self.body)

    def header(self, name: str) -> str | None:
        return self.headers.get(name.lower())


@dataclass
class StandIn:
    port: int
    data: Path
    workers: int = 3
    log_offset: int = field(default=0)
    # pins the stand-in's clock (an ISO time in UTC) so that "today" and the demo's data are fixed
    today: str | None = None

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def url(self) -> str:
        return self.base + ENDPOINT_QUERY

    def env(self) -> dict[str, str]:
        env = dict(os.environ, MCP_STANDIN_DATA=str(self.data))
        if self.today:
            env["MCP_STANDIN_TODAY"] = self.today
        return env

    def start(self) -> None:
        env = self.env()
        subprocess.run(
            ["php", str(ROOT / "standin/console.php"), "setup", f"--trusted-host=127.0.0.1:{self.port}", "--enable"],
            env=env, check=True, capture_output=True,
        )
        subprocess.run(
            [str(ROOT / "scripts/standin-server.sh"), "start", "--port", str(self.port), "--data", str(self.data),
             "--extension", str(extension_path()), "--workers", str(self.workers)],
            check=True, env=env,
        )

    def stop(self) -> None:
        subprocess.run([str(ROOT / "scripts/standin-server.sh"), "stop", "--data", str(self.data)], check=False)

    def console(self, *args: str) -> str:
        env = self.env()
        out = subprocess.run(["php", "-d", f"extension={extension_path()}", str(ROOT / "standin/console.php"), *args],
                             env=env, check=True, capture_output=True, text=True)
        return out.stdout

    def setting(self, name: str, value: str) -> None:
        self.console("settings:set", name, value)

    def config(self, section: str, key: str, value: str) -> None:
        self.console("config:set", section, key, value)

    def request(self, method: str, path: str, body: bytes | str | None = None, headers: dict[str, str] | None = None) -> Response:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        data = body.encode() if isinstance(body, str) else body
        conn.request(method, path, body=data, headers=headers or {})
        r = conn.getresponse()
        raw = r.read()
        hdrs = {k.lower(): v for k, v in r.getheaders()}
        # keep repeated headers countable
        hdrs["__all__"] = json.dumps(r.getheaders())
        conn.close()
        return Response(r.status, hdrs, raw)

    def mcp(self, message: Any = None, *, token: str | None = "viewer", session: str | None = None,
            headers: dict[str, str] | None = None, method: str = "POST", path: str = ENDPOINT_QUERY,
            raw: bytes | str | None = None) -> Response:
        h = {"Content-Type": "application/json", "Accept": "application/json, text/event-stream"}
        if token is not None:
            h["Authorization"] = f"Bearer {TOKENS.get(token, token)}"
        if session is not None:
            h["Mcp-Session-Id"] = session
        h.update(headers or {})
        body = raw if raw is not None else (json.dumps(message) if message is not None else None)
        return self.request(method, path, body, h)

    def initialize(self, token: str = "viewer", version: str = "2025-11-25") -> str:
        r = self.mcp({"jsonrpc": "2.0", "id": 1, "method": "initialize",
                      "params": {"protocolVersion": version, "capabilities": {}, "clientInfo": {"name": "e2e", "version": "1"}}},
                     token=token)
        assert r.status == 200, r.body
        sid = r.header("mcp-session-id")
        assert sid
        return sid

    def call(self, session: str, method: str, params: Any = None, token: str = "viewer", rid: Any = 7) -> Response:
        msg = {"jsonrpc": "2.0", "id": rid, "method": method}
        if params is not None:
            msg["params"] = params
        return self.mcp(msg, token=token, session=session, headers={"MCP-Protocol-Version": "2025-11-25"})

    def tool(self, session: str, name: str, arguments: dict | None = None, token: str = "viewer") -> Any:
        r = self.call(session, "tools/call", {"name": name, "arguments": arguments or {}}, token=token)
        assert r.status == 200, r.body
        return r.json

    def api(self, method: str, token: str = "viewer", **params: Any) -> Any:
        """Matomo's own Reporting API (format=json) of the stand-in: what a tool's numbers must equal."""
        query = urllib.parse.urlencode({"module": "API", "method": method, "format": "json",
                                        "token_auth": TOKENS.get(token, token), **params})
        r = self.request("GET", "/index.php?" + query)
        assert r.status == 200, r.body
        return json.loads(r.body)

    def log_text(self) -> str:
        path = self.data / "matomo.log"
        return path.read_text() if path.exists() else ""

    def server_logs(self) -> str:
        run = self.data / "run"
        return "\n".join(p.read_text(errors="replace") for p in sorted(run.glob("*.log")))


def new_standin(workers: int = 3, today: str | None = None) -> StandIn:
    data = Path(tempfile.mkdtemp(prefix="mcp-standin-"))
    s = StandIn(port=free_port(), data=data, workers=workers, today=today)
    s.start()
    return s


def structured(answer: Any, output_schema: dict | None = None) -> Any:
    """The structured content of a successful tool result, after checking that the text block
    repeats it as compact JSON and (when given) that it matches the tool's output schema."""
    result = answer["result"]
    assert result["isError"] is False, result
    text = result["content"][0]["text"]
    assert json.loads(text) == result["structuredContent"], "the text block repeats the structured content"
    assert "\n" not in text, "compact JSON"
    if output_schema is not None:
        import jsonschema

        jsonschema.validate(result["structuredContent"], output_schema)
    return result["structuredContent"]


def error_text(answer: Any) -> str:
    """The message of a tool result with isError."""
    assert answer["result"]["isError"] is True, answer
    return answer["result"]["content"][0]["text"]
