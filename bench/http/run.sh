#!/usr/bin/env bash
# HTTP throughput on loopback: the API (Release) on an existing store, then wrk with the chain and the person
# queries. Usage: bench/http/run.sh STORE.db PAIRS.tsv [SECONDS] [CONNECTIONS]
# PAIRS.tsv comes from `filmgraph-bench chains STORE.db --export DIR`. Needs wrk (apt-get install wrk).
set -euo pipefail
store=$1
pairs=$(realpath "$2")
seconds=${3:-20}
connections=${4:-32}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
port=5080
dotnet build -c Release "$root/api" -v q --nologo >/dev/null
FilmGraph__Embedded__Path=$(realpath "$store") FilmGraph__Seed__Enabled=false FilmGraph__Embedded__ExternalChangePoll=00:00:00 \
  dotnet "$root/api/bin/Release/net10.0/FilmGraph.Api.dll" --urls "http://127.0.0.1:$port" --contentRoot "$root" >/dev/null 2>&1 &
api=$!
trap 'kill $api 2>/dev/null' EXIT
start=$(date +%s.%N)
until curl -sf "http://127.0.0.1:$port/readyz" >/dev/null; do sleep 0.05; done
awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "api_ready_seconds: %.2f\n", e - s }'
for mode in ${MODES:-chain person}; do
  # A warm-up long enough for tiered compilation to finish, so that the measured run sees optimised code.
  MODE=$mode PAIRS=$pairs wrk -t"$(( connections < 2 ? 1 : 2 ))" -c"$connections" -d10s -s "$here/graphql.lua" "http://127.0.0.1:$port/graphql" >/dev/null
  echo "== $mode"
  # The API's own CPU time over the measured run, per request: on a shared host it moves much less than requests/s,
  # which also depend on what wrk and the neighbours get of the cores (utime + stime, in clock ticks, from /proc).
  cpu_before=$(awk '{ print $14 + $15 }' "/proc/$api/stat")
  out=$(MODE=$mode PAIRS=$pairs wrk -t"$(( connections < 2 ? 1 : 2 ))" -c"$connections" -d"${seconds}s" -s "$here/graphql.lua" "http://127.0.0.1:$port/graphql")
  cpu_after=$(awk '{ print $14 + $15 }' "/proc/$api/stat")
  echo "$out" | grep -E "Requests/sec|Non-2xx|Socket errors|graphql_errors|latency_p"
  echo "$out" | awk -v ticks="$(( cpu_after - cpu_before ))" -v hz="$(getconf CLK_TCK)" -v s="$seconds" \
    '/Requests\/sec/ { printf "api_cpu_us_per_request: %.1f\n", ticks / hz * 1e6 / ($2 * s) }'
done
