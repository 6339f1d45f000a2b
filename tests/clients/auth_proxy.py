#!/usr/bin/env python3
"""Loopback HTTP proxy that adds `Authorization: Bearer <token>` to every request.

The official conformance suite cannot send headers; it talks to this proxy, which forwards to the
MCP endpoint. A Host header naming the proxy itself is replaced by the upstream's host (a client
of the proxy addresses the proxy); any other Host and every Origin pass unchanged, so the suite's
DNS-rebinding checks still reach the server.

With --mcp-path, requests to that path (whatever their query) go to the Matomo endpoint URL, as
a web server's rewrite rule would send them: some conformance scenarios drop the query string of
the URL they are given.

usage: auth_proxy.py --listen PORT --upstream-port PORT --token TOKEN [--mcp-path /mcp]
"""

from __future__ import annotations

import argparse
import http.client
import http.server

ENDPOINT = "/index.php?module=API&method=McpServer.mcp&format=mcp"
HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "te", "trailer", "upgrade", "proxy-connection", "content-length"}


def make_handler(listen_port: int, upstream_port: int, token: str, mcp_path: str | None):
    own_hosts = {f"127.0.0.1:{listen_port}", f"localhost:{listen_port}"}

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format, *args):  # noqa: A002 - quiet
            pass

        def forward(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else None
            headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_BY_HOP and k.lower() != "host"}
            host = self.headers.get("Host", "")  # case-insensitive lookup
            headers["Host"] = f"127.0.0.1:{upstream_port}" if host in own_hosts else host
            headers["Authorization"] = f"Bearer {token}"
            upstream = http.client.HTTPConnection("127.0.0.1", upstream_port, timeout=60)
            path = ENDPOINT if mcp_path and self.path.split("?")[0] == mcp_path else self.path
            upstream.request(self.command, path, body=body, headers=headers)
            answer = upstream.getresponse()
            data = answer.read()
            # send_response would add this proxy's own Server and Date headers
            self.send_response_only(answer.status)
            for name, value in answer.getheaders():
                if name.lower() not in HOP_BY_HOP:
                    self.send_header(name, value)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
            upstream.close()

        do_GET = do_POST = do_DELETE = do_PUT = do_OPTIONS = forward

    return Handler


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--listen", type=int, required=True)
    p.add_argument("--upstream-port", type=int, required=True)
    p.add_argument("--token", required=True)
    p.add_argument("--mcp-path")
    ns = p.parse_args()
    handler = make_handler(ns.listen, ns.upstream_port, ns.token, ns.mcp_path)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", ns.listen), handler)
    server.serve_forever()


if __name__ == "__main__":
    main()
