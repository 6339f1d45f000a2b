#!/usr/bin/env bash
# The huge-report bench: each mode several times in a process of its own, medians and ratios.
#   benches/huge_report.sh [rows] [runs]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
rows="${1:-100000}"
runs="${2:-5}"
so="$root/target/release/libmatomo_mcp.so"
for mode in export endpoint; do
  for _ in $(seq 1 "$runs"); do
    php -n -d memory_limit=-1 -d "extension=$so" "$root/benches/huge_report.php" "$mode" "$rows"
  done
done | python3 "$root/benches/huge_report_summary.py"
