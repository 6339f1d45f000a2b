#!/usr/bin/env bash
# Serves the Matomo stand-in (standin/) with the real McpServer plugin and the matomo_mcp
# extension through nginx and a private php-fpm pool of several workers, on 127.0.0.1 only.
#
#   standin-server.sh start --port P --data DIR --extension SO [--workers N]   (returns once serving)
#   standin-server.sh stop --data DIR
#
# Everything (config, sockets, logs, pids) lives in DIR/run; no system service is touched.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cmd="${1:-}"; shift || true
port="" data="" so="" workers=3
while [[ $# -gt 0 ]]; do
  case "$1" in
    --port) port="$2"; shift 2 ;;
    --data) data="$2"; shift 2 ;;
    --extension) so="$2"; shift 2 ;;
    --workers) workers="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[[ -n "$data" ]] || { echo "--data is required" >&2; exit 2; }
run="$data/run"

stop() {
  for name in nginx php-fpm; do
    if [[ -f "$run/$name.pid" ]]; then
      kill "$(cat "$run/$name.pid")" 2>/dev/null || true
      rm -f "$run/$name.pid"
    fi
  done
}

case "$cmd" in
  stop) stop; exit 0 ;;
  start) ;;
  *) echo "usage: $0 start --port P --data DIR --extension SO [--workers N] | stop --data DIR" >&2; exit 2 ;;
esac
[[ -n "$port" && -f "$so" ]] || { echo "start needs --port and an existing --extension file" >&2; exit 2; }
mkdir -p "$run"
fpm_bin="$(command -v php-fpm8.2 || command -v php-fpm || ls /usr/sbin/php-fpm* 2>/dev/null | head -1)"
as_root=(); [[ "$(id -u)" == 0 ]] && as_root=(-R)
user_line=""; [[ "$(id -u)" == 0 ]] && user_line="user root;"

cat > "$run/php-fpm.conf" <<CONF
[global]
pid = $run/php-fpm.pid
error_log = $run/php-fpm.log
daemonize = yes

[mcp]
listen = $run/php-fpm.sock
listen.mode = 0666
pm = static
pm.max_children = $workers
catch_workers_output = yes
decorate_workers_output = no
clear_env = yes
env[MCP_STANDIN_DATA] = $data
env[MCP_PLUGIN_DIR] = ${MCP_PLUGIN_DIR:-$root/php/McpServer}
${MCP_STANDIN_TODAY:+env[MCP_STANDIN_TODAY] = $MCP_STANDIN_TODAY}
php_admin_value[error_log] = $run/php-errors.log
php_admin_flag[log_errors] = on
php_admin_flag[display_errors] = off
CONF

cat > "$run/nginx.conf" <<CONF
$user_line
daemon on;
pid $run/nginx.pid;
error_log $run/nginx-error.log warn;
events { worker_connections 256; }
http {
  access_log $run/nginx-access.log;
  client_body_temp_path $run/body;
  fastcgi_temp_path $run/fastcgi;
  proxy_temp_path $run/proxy;
  uwsgi_temp_path $run/uwsgi;
  scgi_temp_path $run/scgi;
  # larger than the MCP limit (4 MiB) so the endpoint itself answers 413 with a JSON-RPC error
  client_max_body_size 16m;
  server {
    listen 127.0.0.1:$port;
    root $root/standin;
    location = /index.php {
      include /etc/nginx/fastcgi_params;
      # Debian passes \$host (port dropped); Matomo builds its own URLs from the Host as sent
      fastcgi_param HTTP_HOST \$http_host;
      fastcgi_param SCRIPT_FILENAME \$document_root/index.php;
      fastcgi_pass unix:$run/php-fpm.sock;
    }
    location / { return 404; }
  }
}
CONF

stop
# the pool loads the extension given here, never one installed into the system PHP as well
PHP_INI_SCAN_DIR="$(bash "$root/scripts/php-ini-without-mcp.sh" "$fpm_bin" "$run/conf.d")" \
  "$fpm_bin" "${as_root[@]}" -d "extension=$so" -y "$run/php-fpm.conf"
nginx -c "$run/nginx.conf" -e "$run/nginx-error.log"
for _ in $(seq 1 100); do
  if curl -s -o /dev/null "http://127.0.0.1:$port/index.php"; then exit 0; fi
  sleep 0.1
done
echo "the stand-in did not start; see $run/*.log" >&2
exit 1
