#!/bin/sh
# Runs real nginx with webapp-config/nginx-ankiconnect.conf in front of a running server.
#
#   scripts/nginx-check.sh start LISTEN_PORT UPSTREAM_HOST:PORT CONTEXT_PATH WORK_DIR
#   scripts/nginx-check.sh stop WORK_DIR
#
# CONTEXT_PATH is where the WAR is deployed ("/" or e.g. "/ankiconnect/"). nginx is installed from
# the Debian packages when missing (needs root, as in CI), and binds to 127.0.0.1 only.
# Used by ReverseProxyIT; also handy by hand.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
cmd="${1:-}"
case "$cmd" in
  start)
    listen="$2"; upstream="$3"; context="$4"; work="$5"
    if ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; then
      echo "nginx-check: installing nginx from Debian packages" >&2
      (apt-get install -y -qq nginx >/dev/null 2>&1) || (apt-get update -qq && apt-get install -y -qq nginx) >&2
    fi
    nginx=$(command -v nginx || echo /usr/sbin/nginx)
    mkdir -p "$work/logs" "$work/tmp"
    # Workers run as an unprivileged user when nginx starts as root: they buffer bodies here.
    chmod 0777 "$work/tmp"
    chmod 0755 "$work"
    # The example file, with its addresses and context path replaced: what is tested is what ships.
    sed -e "s#listen 127.0.0.1:8765;#listen 127.0.0.1:$listen;#" \
        -e "s#server 127.0.0.1:8080;#server $upstream;#" \
        -e "s#proxy_pass http://ankiconnect_server/;#proxy_pass http://ankiconnect_server$context;#" \
        -e "s#proxy_pass http://ankiconnect_server/_health;#proxy_pass http://ankiconnect_server${context}_health;#" \
        "$here/webapp-config/nginx-ankiconnect.conf" > "$work/ankiconnect.conf"
    cat > "$work/nginx.conf" <<CONF
worker_processes 1;
daemon on;
pid $work/nginx.pid;
error_log $work/logs/error.log warn;
events { worker_connections 64; }
http {
    access_log $work/logs/access.log;
    client_body_temp_path $work/tmp/body;
    proxy_temp_path $work/tmp/proxy;
    fastcgi_temp_path $work/tmp/fastcgi;
    uwsgi_temp_path $work/tmp/uwsgi;
    scgi_temp_path $work/tmp/scgi;
    include $work/ankiconnect.conf;
}
CONF
    "$nginx" -t -p "$work" -c "$work/nginx.conf" >/dev/null 2>&1 || "$nginx" -t -p "$work" -c "$work/nginx.conf"
    "$nginx" -p "$work" -c "$work/nginx.conf"
    echo "nginx-check: nginx on 127.0.0.1:$listen -> $upstream$context (config $work/ankiconnect.conf)"
    ;;
  stop)
    work="$2"
    nginx=$(command -v nginx || echo /usr/sbin/nginx)
    if [ -f "$work/nginx.pid" ]; then
      "$nginx" -p "$work" -c "$work/nginx.conf" -s stop || true
    fi
    ;;
  *)
    echo "usage: $0 start LISTEN_PORT UPSTREAM_HOST:PORT CONTEXT_PATH WORK_DIR | stop WORK_DIR" >&2
    exit 2
    ;;
esac
