#!/usr/bin/env bash
# Installs the matomo_mcp PHP extension next to this script (or the .so given as argument) into
# this machine's PHP: the extension directory, an ini file in mods-available, and phpenmod for
# every SAPI (CLI for Matomo's scheduled tasks, FPM or Apache for the web). Debian/Ubuntu layout.
#
#   sudo ./install-extension.sh [path/to/matomo_mcp-....so]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
so="${1:-$(ls "$here"/matomo_mcp-*.so 2>/dev/null | head -1)}"
[[ -f "$so" ]] || { echo "no matomo_mcp .so found (pass its path)" >&2; exit 1; }
command -v php-config >/dev/null || { echo "php-config missing: install the php<version>-dev package of the PHP that runs Matomo" >&2; exit 1; }
sudo=""; [[ "$(id -u)" == 0 ]] || sudo="sudo"

php_version="$(php -r 'echo PHP_MAJOR_VERSION, ".", PHP_MINOR_VERSION;')"
php_api="$(php-config --phpapi)"
# a release file names the PHP it was built for: refuse a mismatch instead of a broken load
case "$(basename "$so")" in
  matomo_mcp-*-api*)
    [[ "$(basename "$so")" == *"-api$php_api-"* ]] || {
      echo "$(basename "$so") was built for another PHP API than this PHP $php_version (API $php_api)." >&2
      echo "Download the build for PHP $php_version, or build from source (see README)." >&2
      exit 1
    } ;;
esac
ext_dir="$(php-config --extension-dir)"
# copy then rename: running php-fpm workers keep the old file mapped until they are reloaded
$sudo install -m 0644 "$so" "$ext_dir/.matomo_mcp.so.new"
$sudo mv -f "$ext_dir/.matomo_mcp.so.new" "$ext_dir/matomo_mcp.so"
printf '; Matomo MCP Server extension (McpServer plugin)\n; priority=20\nextension=matomo_mcp.so\n' \
  | $sudo tee "/etc/php/$php_version/mods-available/matomo_mcp.ini" >/dev/null
$sudo phpenmod -v "$php_version" matomo_mcp
# the module list is read whole first: `php -m | grep -q` under pipefail fails when grep stops
# reading early and php dies of SIGPIPE, although the extension is loaded
modules="$(env -u PHP_INI_SCAN_DIR php -m)"
grep -qx matomo_mcp <<<"$modules" || { echo "PHP CLI does not load matomo_mcp after phpenmod" >&2; exit 1; }
echo "matomo_mcp $(env -u PHP_INI_SCAN_DIR php -r 'echo phpversion("matomo_mcp");') installed for PHP $php_version (CLI, FPM, Apache)."
reloaded=""
for service in "php$php_version-fpm" apache2; do
  if systemctl is-active --quiet "$service" 2>/dev/null; then
    $sudo systemctl reload "$service" && reloaded="$reloaded $service"
  fi
done
if [[ -n "$reloaded" ]]; then
  echo "reloaded:$reloaded"
else
  echo "Now reload PHP-FPM or Apache so the web server loads it, e.g.: sudo systemctl reload php$php_version-fpm"
fi
