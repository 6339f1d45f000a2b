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
ext_dir="$(php-config --extension-dir)"
# copy then rename: running php-fpm workers keep the old file mapped until they are reloaded
$sudo install -m 0644 "$so" "$ext_dir/.matomo_mcp.so.new"
$sudo mv -f "$ext_dir/.matomo_mcp.so.new" "$ext_dir/matomo_mcp.so"
printf '; Matomo MCP Server extension (McpServer plugin)\n; priority=20\nextension=matomo_mcp.so\n' \
  | $sudo tee "/etc/php/$php_version/mods-available/matomo_mcp.ini" >/dev/null
$sudo phpenmod -v "$php_version" matomo_mcp
php -m | grep -qx matomo_mcp || { echo "PHP CLI does not load matomo_mcp after phpenmod" >&2; exit 1; }
echo "extension: $ext_dir/matomo_mcp.so, enabled for PHP $php_version (CLI, FPM, Apache)"

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

for service in "php$php_version-fpm" apache2; do
  if systemctl is-active --quiet "$service" 2>/dev/null; then
    $sudo systemctl reload "$service" && echo "reloaded $service"
  fi
done
if [[ -f "$matomo/console" ]]; then
  as_owner=(); [[ "$(id -un)" == "$owner" ]] || as_owner=($sudo -u "$owner")
  "${as_owner[@]}" php "$matomo/console" plugin:activate McpServer
fi
cat <<TXT
Next: Administration > System > General settings > McpServer > "Enable MCP Server", then point an
MCP client at <your Matomo>/index.php?module=API&method=McpServer.mcp&format=mcp with the header
"Authorization: Bearer <token_auth>". Reload php-fpm/Apache if it was not reloaded above.
TXT
