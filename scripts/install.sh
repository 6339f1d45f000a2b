#!/usr/bin/env bash
# make install MATOMO_DIR=/path/to/matomo
# Installs the built extension into this machine's PHP (CLI and FPM, through mods-available +
# phpenmod), copies the plugin into MATOMO_DIR/plugins/McpServer and activates it.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
matomo="${1:-${MATOMO_DIR:-}}"
so="$root/target/release/libmatomo_mcp.so"
[[ -f "$so" ]] || { echo "build first: cargo build --release" >&2; exit 1; }
sudo=""; [[ "$(id -u)" == 0 ]] || sudo="sudo"

php_version="$(php -r 'echo PHP_MAJOR_VERSION, ".", PHP_MINOR_VERSION;')"
bash "$root/packaging/install-extension.sh" "$so"

if [[ -z "$matomo" ]]; then
  echo "no MATOMO_DIR given: the plugin was not installed" >&2
  exit 0
fi
[[ -d "$matomo/plugins" ]] || { echo "$matomo does not look like a Matomo directory (no plugins/)" >&2; exit 1; }
owner="$(stat -c %U "$matomo/plugins")"
$sudo rm -rf "$matomo/plugins/McpServer.new"
$sudo cp -r "$root/php/McpServer" "$matomo/plugins/McpServer.new"
$sudo rm -rf "$matomo/plugins/McpServer"
$sudo mv "$matomo/plugins/McpServer.new" "$matomo/plugins/McpServer"
$sudo chown -R "$owner" "$matomo/plugins/McpServer"
echo "plugin: $matomo/plugins/McpServer"

if [[ -f "$matomo/console" ]]; then
  as_owner=(); [[ "$(id -un)" == "$owner" ]] || as_owner=($sudo -u "$owner")
  "${as_owner[@]}" php "$matomo/console" plugin:activate McpServer
fi
cat <<TXT
Next: Administration > System > General settings > McpServer > "Enable MCP Server", then point an
MCP client at <your Matomo>/index.php?module=API&method=McpServer.mcp&format=mcp with the header
"Authorization: Bearer <token_auth>". Reload php-fpm/Apache if it was not reloaded above.
TXT
