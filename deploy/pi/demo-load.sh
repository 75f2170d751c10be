#!/usr/bin/env bash
# A light load for memory measurements, with curl only: each round logs in every demo employee
# (form login with the login page's CSRF token) and opens list pages. The application renders the
# view on that GET (vaadin.eagerServerLoad), so each page runs its queries and keeps a UI in the
# session: after a run the node holds 6 x ROUNDS sessions of up to 8 UIs each. A page the user may
# not open answers 404 and is counted as "other".
#
#   deploy/pi/demo-load.sh [BASE_URL] [ROUNDS]     default: http://127.0.0.1:8080 3
#   NEXO_DEMO_PASSWORD: the demo users' password (default Demo-2026!)
# Run several at once for concurrent requests (the Pi's pool has 5 database connections).
set -euo pipefail

base=${1:-http://127.0.0.1:8080}
rounds=${2:-3}
password=${NEXO_DEMO_PASSWORD:-Demo-2026!}
users=(admin ventas compras consulta produccion contenidos)
pages=(/ /accounts /articles /sales/orders /sales/invoices /purchasing/orders /production/orders /stock)
ok=0 other=0 logins=0
cookies=$(mktemp)
trap 'rm -f "$cookies"' EXIT

for ((round = 1; round <= rounds; round++)); do
    for user in "${users[@]}"; do
        : > "$cookies"
        csrf=$(curl -s -c "$cookies" -b "$cookies" "$base/login" \
            | grep -oE 'name="_csrf" content="[^"]+"' | sed -E 's/.*content="([^"]+)"/\1/')
        code=$(curl -s -o /dev/null -w '%{http_code}' -c "$cookies" -b "$cookies" \
            --data-urlencode "username=$user@demo.nexo" --data-urlencode "password=$password" \
            --data-urlencode "_csrf=$csrf" "$base/login")
        # A successful form login redirects to the start page; a failed one to /login?error.
        [ "$code" = 302 ] && logins=$((logins + 1))
        for page in "${pages[@]}"; do
            code=$(curl -s -o /dev/null -w '%{http_code}' -c "$cookies" -b "$cookies" "$base$page")
            if [ "$code" = 200 ]; then ok=$((ok + 1)); else other=$((other + 1)); fi
        done
    done
done
echo "logins: $logins, pages 200: $ok, other: $other"
