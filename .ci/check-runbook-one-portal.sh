#!/usr/bin/env bash
# docs/runbook.md's "One portal on its own, end to end", run from the runbook's own blocks (each one that follows a
# "<!-- CI runs this block -->" line), in this checkout, against the PostgreSQL server at 127.0.0.1:$PGPORT (a
# superuser "postgres" without password) and Debian's nginx. Only the site values are CI's own. Then, as a person
# would: health through the proxy, and a sign-in over HTTPS with the password add-user printed.
#
# Usage: PGPORT=55432 .ci/check-runbook-one-portal.sh   (needs nginx, openssl, curl; leaves no process and no .env)
set -euo pipefail
cd "$(dirname "$0")/.."
: "${PGPORT:?PGPORT must name the port of the PostgreSQL server to deploy against}"
say() { printf '[runbook] %s\n' "$*"; }

work=$(mktemp -d /tmp/lotbridge-runbook.XXXXXX)
chmod 755 "$work"
portal_pid=""
nginx_pid=""
cleanup() {
  [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null || true
  [ -n "$portal_pid" ] && kill -INT -- "-$portal_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -f apps/buyer-portal/.env
}
trap cleanup EXIT

# The marked blocks, in order: 1 database, 2 install and build, 3 configuration, 4 migrate and first account,
# 5 start, 6 nginx, 7 prove.
awk -v dir="$work" '
  /^<!-- CI runs this block -->$/ { armed = 1; next }
  armed && /^```/ && !inside { inside = 1; n++; file = sprintf("%s/block-%d", dir, n); next }
  inside && /^```/ { inside = 0; armed = 0; close(file); next }
  inside { print > file }
' docs/runbook.md
count=$(find "$work" -name 'block-*' | wc -l)
[ "$count" -eq 7 ] || { say "expected 7 marked blocks in docs/runbook.md, found $count"; exit 1; }

# The site's values (the runbook's first block, with CI's database, addresses and operator).
export POSTGRES_ADMIN_URL="postgres://postgres@127.0.0.1:$PGPORT/postgres"
export DB_HOST="127.0.0.1:$PGPORT"
export DB_PASSWORD BUYER_URL="https://localhost:8443" PRODUCER_URL="https://producer.invalid"
export WEBHOOK_SECRET API_KEY OPERATOR_EMAIL="ops@northfield.example"
DB_PASSWORD=$(openssl rand -hex 24)
WEBHOOK_SECRET="whsec_$(openssl rand -base64 32)"
API_KEY="lbk_$(openssl rand -hex 24)"

step() {
  say "block $1: $2"
  sed 's/^/    /' "$work/block-$1"
}

step 1 "the database"
bash -euo pipefail "$work/block-1"
step 2 "install and build"
bash -euo pipefail "$work/block-2"
step 3 "configuration"
bash -euo pipefail "$work/block-3"
step 4 "migrations and the first account"
bash -euo pipefail "$work/block-4" | tee "$work/add-user.log"
password=$(sed -n 's/^Password (shown once; hand it over securely): //p' "$work/add-user.log")
[ -n "$password" ] || { say "add-user printed no password"; exit 1; }

step 5 "start, bound to loopback"
setsid bash -euo pipefail "$work/block-5" >"$work/portal.log" 2>&1 &
portal_pid=$!
for _ in $(seq 1 120); do
  curl -fsS -o /dev/null http://127.0.0.1:3000/api/health 2>/dev/null && break
  kill -0 "$portal_pid" 2>/dev/null || { cat "$work/portal.log"; say "the portal ended"; exit 1; }
  sleep 1
done
curl -fsS -o /dev/null http://127.0.0.1:3000/api/health || { cat "$work/portal.log"; say "not healthy in 2 min"; exit 1; }
# Listening on 127.0.0.1:3000 only (0100007F:0BB8 in /proc/net/tcp, state 0A), not on every interface.
grep -qE '^ *[0-9]+: 0100007F:0BB8 [0-9A-F:]+ 0A ' /proc/net/tcp || { say "nothing listens on 127.0.0.1:3000"; exit 1; }
if grep -qE '^ *[0-9]+: 00000000:0BB8 [0-9A-F:]+ 0A ' /proc/net/tcp /proc/net/tcp6 2>/dev/null ||
  grep -qE '^ *[0-9]+: 0{32}:0BB8 [0-9A-F:]+ 0A ' /proc/net/tcp6 2>/dev/null; then
  say "the portal listens on every interface, not only on 127.0.0.1"
  exit 1
fi

step 6 "nginx in front (CI's own port and certificate)"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=localhost -addext subjectAltName=DNS:localhost \
  -keyout "$work/tls.key" -out "$work/tls.crt" 2>/dev/null
sed -e 's|^\( *\)listen 443 ssl;|\1listen 127.0.0.1:8443 ssl;|' \
  -e "s|^\\( *\\)ssl_certificate .*|\\1ssl_certificate $work/tls.crt;|" \
  -e "s|^\\( *\\)ssl_certificate_key .*|\\1ssl_certificate_key $work/tls.key;|" "$work/block-6" >"$work/site.conf"
mkdir -p "$work/nginx"
cat >"$work/nginx.conf" <<EOF
daemon off;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log;
events {}
http {
    access_log $work/nginx/access.log;
    client_body_temp_path $work/nginx/body;
    proxy_temp_path $work/nginx/proxy;
    fastcgi_temp_path $work/nginx/fastcgi;
    uwsgi_temp_path $work/nginx/uwsgi;
    scgi_temp_path $work/nginx/scgi;
    include $work/site.conf;
}
EOF
nginx -p "$work/nginx" -c "$work/nginx.conf" &
nginx_pid=$!
export CURL_CA_BUNDLE="$work/tls.crt"
for _ in $(seq 1 30); do curl -fsS -o /dev/null "$BUYER_URL/api/health" 2>/dev/null && break; sleep 0.5; done

step 7 "prove it"
bash -euo pipefail "$work/block-7" | tee "$work/health.json"
echo
grep -q '"status":"ok"' "$work/health.json" || { say "health through the proxy is not ok"; exit 1; }

say "sign in through the proxy as $OPERATOR_EMAIL with the printed password"
curl -fsS -D "$work/sign-in.headers" -c "$work/cookies" -o /dev/null -H 'content-type: application/json' \
  -H "origin: $BUYER_URL" --data "{\"email\":\"$OPERATOR_EMAIL\",\"password\":\"$password\"}" \
  "$BUYER_URL/api/auth/sign-in/email"
grep -qi '^set-cookie: .*; Secure' "$work/sign-in.headers" || { say "the session cookie is not Secure behind HTTPS"; exit 1; }
curl -fsS -b "$work/cookies" "$BUYER_URL/api/me" | tee "$work/me.json"
echo
grep -q "\"email\":\"$OPERATOR_EMAIL\"" "$work/me.json" || { say "/api/me does not name $OPERATOR_EMAIL"; exit 1; }

say "stop (SIGINT, as the supervisor's stop would send SIGTERM)"
kill -INT -- "-$portal_pid"
wait "$portal_pid" || true
portal_pid=""
say "passed: built, migrated, first account, bound to 127.0.0.1, healthy and signed in through nginx over HTTPS"
