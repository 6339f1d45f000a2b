#!/usr/bin/env bash
# Fuzzes with the machine's stable toolchain (cargo fuzz needs nightly flags: RUSTC_BOOTSTRAP=1).
# fuzz/ holds the targets over the pure-Rust core; fuzz/php_values/ the extension's conversion of
# PHP values inside a real PHP (the embed SAPI, libphp8.2-embed). Each target runs for SECONDS
# from its committed corpus, which grows with what it finds; a crash stops with the input saved
# in the target's artifacts/ folder.
#   scripts/fuzz.sh SECONDS [TARGET...]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
seconds="${1:-600}"
shift || true
core_targets=(jsonrpc_classifier endpoint_body endpoint_headers tool_arguments cursors redaction bridge_answers)
targets=("$@")
[[ ${#targets[@]} -gt 0 ]] || targets=("${core_targets[@]}" php_values)
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
export RUSTC_BOOTSTRAP=1
# PHP's startup allocations live as long as the engine (see fuzz/php_values/lsan.supp)
export LSAN_OPTIONS="suppressions=$root/fuzz/php_values/lsan.supp"

run() { # dir target max_len
  local dir="$1" target="$2" max_len="$3" log
  mkdir -p "$root/fuzz/corpus/$target"
  log="$(mktemp)"
  if ! (cd "$dir" && cargo fuzz run --fuzz-dir . -O "$target" "$root/fuzz/corpus/$target" -- \
      -max_total_time="$seconds" -max_len="$max_len" -print_final_stats=1) >"$log" 2>&1; then
    grep -aE 'panicked|ERROR|SUMMARY|Failing input|artifacts/' "$log" | sed "s/^/$target: /" >&2 || true
    rm -f "$log"
    echo "$target: FAILED" >&2
    return 1
  fi
  grep -aE '^(stat::number_of_executed_units|stat::average_exec_per_sec|stat::peak_rss_mb)' "$log" | sed "s/^/$target: /" || true
  rm -f "$log"
}

for target in "${targets[@]}"; do
  if [[ "$target" == php_values ]]; then
    run "$root/fuzz/php_values" php_values 4096
  else
    run "$root/fuzz" "$target" 8192
  fi
done
