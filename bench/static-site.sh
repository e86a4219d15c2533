# Shared by the benchmarks: serves a generated static site on 127.0.0.1 with nginx (installed from Debian when
# missing and run as root), python3's http.server otherwise. Source it, then: serve_static "$WORK" (the site in
# $WORK/site); it sets PORT, SERVER (what serves) and SERVER_PID, and returns once index.html answers.
serve_static() {
  local WORK="$1"
  PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
  SERVER="nginx"
  if ! command -v nginx >/dev/null 2>&1 && [ -x /usr/sbin/nginx ]; then PATH="$PATH:/usr/sbin"; fi
  if ! command -v nginx >/dev/null 2>&1 && [ "$(id -u)" -eq 0 ]; then
    echo "== installing nginx-light from Debian"
    (apt-get install -y -qq nginx-light >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq nginx-light)) \
      >/dev/null 2>&1 || true
  fi
  if command -v nginx >/dev/null 2>&1; then
    mkdir -p "$WORK/nginx"
    cat > "$WORK/nginx/nginx.conf" <<CONF
daemon off;
worker_processes 1;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $WORK/nginx/body;
  proxy_temp_path $WORK/nginx/proxy;
  fastcgi_temp_path $WORK/nginx/fastcgi;
  uwsgi_temp_path $WORK/nginx/uwsgi;
  scgi_temp_path $WORK/nginx/scgi;
  keepalive_requests 100000;
  types { text/html html; image/png png; application/pdf pdf; application/msword doc;
          application/vnd.ms-excel xls; application/zip zip docx; }
  server { listen 127.0.0.1:$PORT; root $WORK/site; }
}
CONF
    nginx -c "$WORK/nginx/nginx.conf" &
    SERVER_PID=$!
  else
    SERVER="python3 -m http.server (nginx could not be installed)"
    (cd "$WORK/site" && exec python3 -m http.server "$PORT" --bind 127.0.0.1 >/dev/null 2>&1) &
    SERVER_PID=$!
  fi
  for _ in $(seq 50); do curl -fs "http://127.0.0.1:$PORT/index.html" >/dev/null 2>&1 && break; sleep 0.2; done
}
