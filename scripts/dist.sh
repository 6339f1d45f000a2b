#!/usr/bin/env bash
# make dist: the release artefacts in dist/ - the plugin as a Marketplace-style zip (McpServer/
# at its root), the extension built for this PHP (named with version, PHP API, thread safety and
# architecture), the extension's install script, and SHA256SUMS.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
version="$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)"
plugin_version="$(php -r 'echo json_decode(file_get_contents("php/McpServer/plugin.json"), true)["version"];')"
[[ "$version" == "$plugin_version" ]] || { echo "Cargo.toml $version != plugin.json $plugin_version" >&2; exit 1; }
php_minor="$(php -r 'echo PHP_MAJOR_VERSION, ".", PHP_MINOR_VERSION;')"
php_api="$(php-config --phpapi)"
ts="$(php -r 'echo PHP_ZTS ? "zts" : "nts";')"
arch="$(uname -m)"
so_name="matomo_mcp-$version-php$php_minor-api$php_api-$ts-$arch.so"

rm -rf dist build/dist-stage
mkdir -p dist build/dist-stage
cp -r php/McpServer build/dist-stage/McpServer
cp LICENSE build/dist-stage/McpServer/LICENSE
find build/dist-stage -name '.*' -prune -exec rm -rf {} + 2>/dev/null || true
(cd build/dist-stage && zip -q -r -X "$root/dist/McpServer-$version.zip" McpServer)
install -m 0644 target/release/libmatomo_mcp.so "dist/$so_name"
install -m 0755 packaging/install-extension.sh dist/install-extension.sh
# list the files first: the sums file must not end up listing itself
(cd dist && files=(*) && sha256sum "${files[@]}" > ../build/SHA256SUMS.tmp) && mv build/SHA256SUMS.tmp dist/SHA256SUMS
ls -l dist
