#!/usr/bin/env bash
# make bench: every benchmark in one run, ratios against their floors (absolute times drift on
# shared machines). A private stand-in serves the HTTP benchmarks and is stopped afterwards.
#   scripts/bench.sh [--short]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
so="$root/target/release/libmatomo_mcp.so"
short="${1:-}"
data="$(mktemp -d)"
clean_ini="$(bash "$root/scripts/php-ini-without-mcp.sh" php "$data/php-cli.d")"
MCP_STANDIN_DATA="$data" PHP_INI_SCAN_DIR="$clean_ini" \
  php -d "extension=$so" "$root/standin/console.php" setup --trusted-host="127.0.0.1" --enable >/dev/null
bridge_calls() {
  MCP_STANDIN_DATA="$data" PHP_INI_SCAN_DIR="$clean_ini" php -d "extension=$so" "$root/benches/bridge_calls.php"
}
if [[ "$short" == "--short" ]]; then
  # the CI's run: every benchmark works, in seconds, without thresholds
  bash "$root/benches/huge_report.sh" 20000 1
  php -n -d "extension=$so" "$root/benches/core.php" 200
  bridge_calls
  exit 0
fi

echo "== Matomo API calls and bytes crossing the bridge per tool call (the demo's data)"
bridge_calls
echo

echo "== huge report (100,000 rows): endpoint vs Matomo's own format=json export"
bash "$root/benches/huge_report.sh" 100000 5
echo
echo "== time inside the extension per request, vs json_encode of the answer"
php -n -d "extension=$so" "$root/benches/core.php"
echo
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
MCP_STANDIN_DATA="$data" PHP_INI_SCAN_DIR="$clean_ini" \
  php -d "extension=$so" "$root/standin/console.php" setup --trusted-host="127.0.0.1:$port" --enable >/dev/null
"$root/scripts/standin-server.sh" start --port "$port" --data "$data" --extension "$so" --workers 4
trap '"$root/scripts/standin-server.sh" stop --data "$data"' EXIT
echo "== latency over HTTP vs the stack's floor, and a report next to the stand-in's own API call for it"
echo "   (left out: the same ratios on a real Matomo, whose archive reads the stand-in does not imitate)"
python3 "$root/benches/latency.py" --port "$port"
echo
echo "== answer sizes next to the incumbent's"
python3 "$root/benches/answer_sizes.py" --port "$port"
echo
echo "== load: 16 clients on 4 php-fpm workers for 60 s, with session churn"
python3 "$root/benches/load.py" --port "$port" --clients 16 --seconds "${LOAD_SECONDS:-60}"
