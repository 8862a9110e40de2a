#!/usr/bin/env bash
# Server response time of the back-office pages on demo data (docs/benchmarks.md).
#
#   bench/pages.sh [BASE_URL] [ROUNDS]     # defaults: http://localhost:8080, 20 rounds
#
# Needs a running Parvis in demo mode (./mvnw spring-boot:run or java -jar target/parvis.jar).
# Logs in as the demo administrator, requests every page once to warm up, then ROUNDS times, and
# prints the median and maximum time per page (curl's time_total on loopback: server time plus a
# few tenths of a millisecond of transfer). The goal of docs/architecture.md: no page over 300 ms.
set -euo pipefail

BASE="${1:-http://localhost:8080}"
ROUNDS="${2:-20}"
PAGES=(/ /strategie /parametres/collectivite /parametres/utilisateurs /parametres/services
    /parametres/delegations /parametres/jetons /parametres/journal "/parametres/journal?action=member.added"
    /compte /api/v1/me)
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
JAR="$WORK/cookies"

curl -sf -c "$JAR" -b "$JAR" "$BASE/connexion" -o "$WORK/login.html"
CSRF=$(grep -o 'name="_csrf" value="[^"]*"' "$WORK/login.html" | head -1 | sed 's/.*value="//;s/"//')
STATUS=$(curl -s -o /dev/null -w '%{http_code}' -c "$JAR" -b "$JAR" -X POST "$BASE/connexion" \
    --data-urlencode "email=admin@ville-demo.example" --data-urlencode "password=demo-parvis-2026" \
    --data-urlencode "_csrf=$CSRF")
[[ "$STATUS" == 302 ]] || { echo "pages: login failed ($STATUS)" >&2; exit 1; }

for page in "${PAGES[@]}"; do
    curl -s -o /dev/null -b "$JAR" "$BASE$page"
done
for ((round = 1; round <= ROUNDS; round++)); do
    for page in "${PAGES[@]}"; do
        curl -s -o /dev/null -b "$JAR" -w "$page %{http_code} %{time_total}\n" "$BASE$page"
    done
done > "$WORK/times"

if grep -qv ' 200 ' "$WORK/times"; then
    echo "pages: some requests did not answer 200:" >&2
    grep -v ' 200 ' "$WORK/times" | sort -u >&2
    exit 1
fi
printf '%-42s %10s %10s\n' page median_ms max_ms
for page in "${PAGES[@]}"; do
    awk -v p="$page" '$1 == p { print $3 * 1000 }' "$WORK/times" | sort -n | awk -v p="$page" '
        { v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2;
        printf "%-42s %10.1f %10.1f\n", p, m, v[NR] }'
done
