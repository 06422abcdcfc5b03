#!/usr/bin/env bash
# A bounded load run on loopback: the API (Release) over a freshly generated synthetic graph, then wrk with a mix of
# person lookups, searches, coStarChains and a query the API must refuse (bench/http/mixed.lua). Prints requests/s,
# latency p50/p99/max, the answers that were not as expected (non-2xx, errors other than the refusal, socket errors)
# and the API's resident memory before and after, with the commit and the load average. Exits 1 when any answer was
# unexpected. Usage: bench/http/load.sh [SIZE] [SECONDS] [CONNECTIONS]   (defaults: M 60 64; SIZE is S, M, L or XL)
# Needs wrk (apt-get install -y wrk). WARMUP=seconds (default 10) runs the same mix first, unmeasured.
set -euo pipefail
size=${1:-M}
seconds=${2:-60}
connections=${3:-64}
warmup=${WARMUP:-10}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
port=${PORT:-5081}
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install -y wrk)" >&2; exit 2; }

work=$(mktemp -d /tmp/filmgraph-load-XXXXXX)
api=""
cleanup() {
  if [ -n "$api" ]; then kill "$api" 2>/dev/null || true; wait "$api" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

rss_mb() { awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }

echo "commit: $(git -C "$root" rev-parse --short HEAD)$(git -C "$root" diff --quiet HEAD -- 2>/dev/null || echo ' (with uncommitted changes)')"
echo "uptime: $(uptime)"
echo "size: $size, wrk -t2 -c$connections -d${seconds}s, warm-up ${warmup}s"

dotnet build -c Release "$root/api" -v q --nologo >/dev/null
dotnet run -c Release --project "$root/bench/FilmGraph.Bench" -- load "$size" "$work/store.db" | grep -E "relationships_written|load_seconds"
people=$(dotnet run -c Release --project "$root/bench/FilmGraph.Bench" --no-build -- open "$work/store.db" | awk -F': ' '/^people:/ { print $2 }')

FilmGraph__Embedded__Path="$work/store.db" FilmGraph__Seed__Enabled=false FilmGraph__Embedded__ExternalChangePoll=00:00:00 \
  dotnet "$root/api/bin/Release/net10.0/FilmGraph.Api.dll" --urls "http://127.0.0.1:$port" --contentRoot "$root" >"$work/api.log" 2>&1 &
api=$!
for _ in $(seq 1 600); do
  curl -sf "http://127.0.0.1:$port/readyz" >/dev/null && break
  kill -0 "$api" 2>/dev/null || { echo "the API exited:" >&2; cat "$work/api.log" >&2; exit 1; }
  sleep 0.1
done
curl -sf "http://127.0.0.1:$port/readyz" >/dev/null || { echo "the API was not ready within 60 s" >&2; exit 1; }
echo "rss_at_ready_mb: $(rss_mb "$api")"

url="http://127.0.0.1:$port/graphql"
if [ "$warmup" -gt 0 ]; then
  PEOPLE=$people wrk -t2 -c"$connections" -d"${warmup}s" -s "$here/mixed.lua" "$url" >/dev/null 2>&1
  echo "rss_after_warmup_mb: $(rss_mb "$api")"
fi
PEOPLE=$people wrk -t2 -c"$connections" -d"${seconds}s" --timeout 10s -s "$here/mixed.lua" "$url" | tee "$work/wrk.txt" \
  | grep -E "^(requests|requests_per_second|latency_[a-z0-9_]+|refused_as_expected|unexpected_answers|non_2xx|socket_errors):"
echo "rss_after_run_mb: $(rss_mb "$api")"
echo "uptime_after: $(uptime)"

unexpected=$(awk -F': ' '/^unexpected_answers:/ { print $2 }' "$work/wrk.txt")
non2xx=$(awk -F': ' '/^non_2xx:/ { print $2 }' "$work/wrk.txt")
sockets=$(awk -F': ' '/^socket_errors:/ { gsub(/[a-z,]/, "", $2); n = split($2, a, " "); s = 0; for (i = 1; i <= n; i++) s += a[i]; print s }' "$work/wrk.txt")
refused=$(awk -F': ' '/^refused_as_expected:/ { print $2 }' "$work/wrk.txt")
if [ "${unexpected:-1}" != 0 ] || [ "${non2xx:-1}" != 0 ] || [ "${sockets:-1}" != 0 ] || [ "${refused:-0}" = 0 ]; then
  echo "FAILED: unexpected answers $unexpected, non-2xx $non2xx, socket errors $sockets, refusals seen $refused"
  exit 1
fi
echo "ok: every answer was an answer or the expected refusal"
