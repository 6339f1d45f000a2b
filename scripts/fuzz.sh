#!/usr/bin/env bash
# Fuzzes the core (fuzz/: cargo fuzz targets over matomo_mcp_core) with the machine's stable
# toolchain (cargo fuzz needs nightly flags: RUSTC_BOOTSTRAP=1). Each target runs for SECONDS
# from its committed corpus, which grows with what it finds; a crash stops with the input saved
# in fuzz/artifacts/.
#   scripts/fuzz.sh SECONDS
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
seconds="${1:-600}"
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
cd "$root/fuzz"
export RUSTC_BOOTSTRAP=1
cargo fuzz build -O
for target in bridge_answers endpoint_body endpoint_headers tool_arguments; do
  mkdir -p "corpus/$target"
  cargo fuzz run -O "$target" "corpus/$target" -- -max_total_time="$seconds" -max_len=8192 -print_final_stats=1 2>&1 \
    | grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb|Done)|panicked|ERROR' | sed "s/^/$target: /"
done
