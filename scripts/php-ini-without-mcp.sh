#!/usr/bin/env bash
# Prints a directory to use as PHP_INI_SCAN_DIR: the given PHP binary's own ini directory, without
# any file that loads matomo_mcp. Tests and lint load the freshly built extension themselves;
# an extension an administrator installed into the system PHP (make install) must not be loaded
# twice, nor make the stub's declarations clash.
#   php-ini-without-mcp.sh PHP_BINARY OUT_DIR
set -euo pipefail
php_bin="$1"
out="$2"
scan="$(env -u PHP_INI_SCAN_DIR "$php_bin" -i 2>/dev/null | sed -n 's/^Scan this dir for additional .ini files => //p' | head -1)"
mkdir -p "$out"
rm -f "$out"/*.ini
if [[ -n "$scan" && "$scan" != "(none)" ]]; then
  for ini in "$scan"/*.ini; do
    [[ -e "$ini" ]] || continue
    [[ "$(basename "$ini")" == *matomo_mcp* ]] && continue
    grep -qi 'matomo_mcp' "$ini" && continue
    ln -s "$ini" "$out/$(basename "$ini")"
  done
fi
cd "$out" && pwd
