#!/usr/bin/env bash
# make bench: every benchmark in one run, ratios against their floors (absolute times drift on
# shared machines). A private stand-in serves the HTTP benchmarks and is stopped afterwards.
#   scripts/bench.sh [--short]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
so="$root/target/release/libmatomo_mcp.so"
short="${1:-}"
if [[ "$short" == "--short" ]]; then
  # the CI's smoke run: each benchmark works, in seconds
  bash "$root/benches/huge_report.sh" 20000 1
  php -n -d "extension=$so" "$root/benches/core.php" 200
  exit 0
fi

echo "== huge report (100,000 rows): endpoint vs Matomo's own format=json export"
bash "$root/benches/huge_report.sh" 100000 5
echo
echo "== time inside the extension per request, vs json_encode of the answer"
php -n -d "extension=$so" "$root/benches/core.php"
echo
data="$(mktemp -d)"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
MCP_STANDIN_DATA="$data" PHP_INI_SCAN_DIR="$(bash "$root/scripts/php-ini-without-mcp.sh" php "$data/php-cli.d")" \
  php -d "extension=$so" "$root/standin/console.php" setup --trusted-host="127.0.0.1:$port" --enable >/dev/null
"$root/scripts/standin-server.sh" start --port "$port" --data "$data" --extension "$so" --workers 2
trap '"$root/scripts/standin-server.sh" stop --data "$data"' EXIT
echo "== latency over HTTP vs the stack's floor"
python3 "$root/benches/latency.py" --port "$port"
echo
echo "== answer sizes next to the incumbent's"
python3 "$root/benches/answer_sizes.py" --port "$port"
