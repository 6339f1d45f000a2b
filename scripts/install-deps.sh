#!/usr/bin/env bash
# Installs what building, serving and testing need on Debian 12 (idempotent): PHP 8.2 with its
# development files, php-fpm and the embed SAPI (for the PHP-value fuzz target), libclang
# (bindgen), nginx, Node.js/npm (for the test clients), Python venv support, and a Rust
# toolchain if none is present.
set -euo pipefail
sudo=""; [[ "$(id -u)" == 0 ]] || sudo="sudo"
packages=(php8.2-cli php8.2-dev php8.2-fpm php8.2-sqlite3 php8.2-mbstring php-codesniffer php-twig libphp8.2-embed libclang-dev nginx curl gcc make zip unzip chromium)
command -v node >/dev/null && command -v npm >/dev/null || packages+=(nodejs npm)
python3 -c 'import venv, ensurepip' 2>/dev/null || packages+=(python3 python3-venv)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [[ ${#missing[@]} -gt 0 ]]; then
  echo "installing: ${missing[*]}"
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
# the Debian packages start system nginx/php-fpm services; the project never uses them
if ! command -v cargo >/dev/null; then
  if [[ -x "$HOME/.cargo/bin/cargo" ]]; then
    echo "Rust is installed in ~/.cargo/bin: add it to PATH (source ~/.cargo/env) and run again." >&2
  else
    echo "No Rust toolchain found. Install one with rustup (https://rustup.rs), then run again:" >&2
    echo "  curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y && source ~/.cargo/env" >&2
  fi
  exit 1
fi
