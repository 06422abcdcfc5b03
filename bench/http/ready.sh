#!/usr/bin/env bash
# Time to ready: the API (Release) started on an existing store, from process start to /readyz answering 200, and the
# whole process's peak resident set (VmHWM) at that moment. Usage: bench/http/ready.sh STORE.db [RUNS]
# The store's index snapshot (STORE.db.index) is used when it is current; delete it to time a start that builds the
# index from the file (the API then saves a new one when it stops).
set -euo pipefail
store=$(realpath "$1")
runs=${2:-3}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
port=${PORT:-5080}
dotnet build -c Release "$root/api" -v q --nologo >/dev/null
for run in $(seq "$runs"); do
  start=$(date +%s.%N)
  FilmGraph__Embedded__Path=$store FilmGraph__Seed__Enabled=false FilmGraph__Embedded__ExternalChangePoll=00:00:00 \
    dotnet "$root/api/bin/Release/net10.0/FilmGraph.Api.dll" --urls "http://127.0.0.1:$port" --contentRoot "$root" >"/tmp/filmgraph-ready-$port.log" 2>&1 &
  api=$!
  trap 'kill $api 2>/dev/null || true' EXIT
  until curl -sf "http://127.0.0.1:$port/readyz" >/dev/null; do
    kill -0 $api 2>/dev/null || { echo "the API exited; see /tmp/filmgraph-ready-$port.log" >&2; exit 1; }
    sleep 0.02
  done
  ready=$(date +%s.%N)
  hwm=$(awk '/VmHWM/ { print int($2 / 1024) }' "/proc/$api/status")
  awk -v s="$start" -v e="$ready" -v m="$hwm" -v r="$run" 'BEGIN { printf "run %d: api_ready_seconds: %.2f, api_peak_working_set_mb: %d\n", r, e - s, m }'
  kill -TERM $api
  wait $api 2>/dev/null || true
done
grep -m1 "Graph store open" "/tmp/filmgraph-ready-$port.log" | sed 's/^ *//' || true
