#!/usr/bin/env bash
# Every embedded-store figure BENCHMARKS.md records, for one size, in one run:
#   bench/run-all.sh L [WORKDIR]
# generate the files, import them end to end with filmgraph-import (IMDb TSV), open the store cold (building the
# index from the file, then from the snapshot beside it), time the API's start, time chains
# in process against NetworkX and igraph on the same pairs, reach, then HTTP with wrk.
# Needs: python3-networkx python3-igraph wrk (Debian packages).
set -euo pipefail
size=${1:-M}
work=${2:-/tmp/filmgraph-bench-$size}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
mkdir -p "$work"
dotnet build -c Release "$here/FilmGraph.Bench" -v q --nologo >/dev/null
dotnet build -c Release "$root/importer" -v q --nologo >/dev/null
bench="$here/FilmGraph.Bench/bin/Release/net10.0/filmgraph-bench"
import="$root/importer/bin/Release/net10.0/filmgraph-import"
store="$work/store.db"

echo "== machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== generate $size"
[ -f "$work/files/imdb/title.principals.tsv" ] || "$bench" generate "$size" "$work/files"
echo "== import (filmgraph-import, IMDb TSV, end to end)"
rm -f "$store" "$store-wal" "$store-shm"
# Into an empty store the importer takes the bulk path by itself (--bulk auto); the peak is the whole process's.
/usr/bin/time -f "import_seconds: %e\nimport_cpu_seconds: %U user %S sys\nimport_peak_rss_kb: %M" "$import" --store "$store" \
  "$work/files/imdb/name.basics.tsv" "$work/files/imdb/title.basics.tsv" "$work/files/imdb/title.principals.tsv" 2>&1 | tail -25 | tee "$work/import.log"
python3 - "$store" "$work/import.log" <<'PY'
import re, sqlite3, sys
edges = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True).execute("SELECT count(*) FROM edges").fetchone()[0]
seconds = float(re.search(r"import_seconds: ([0-9.]+)", open(sys.argv[2]).read()).group(1))
print(f"import_relationships: {edges}\nimport_relationships_per_second: {edges / seconds:,.0f}")
PY
echo "== cold start: index built from the file (the close saves the snapshot), then read from the snapshot"
rm -f "$store.index"
"$bench" open "$store"
"$bench" open "$store"
echo "== API ready (process start to /readyz 200) and its peak working set, from the snapshot"
"$here/http/ready.sh" "$store" 3
echo "== chains in process vs peers"
"$here/compare-peers.sh" "$store" 1000
echo "== reach"
"$bench" reach "$store" --count 30
echo "== centres (top 1,000 of the 5,000 best-connected; writes $store.centres, so the API below opens with them current)"
"$bench" centres "$store"
echo "== HTTP"
"$bench" chains "$store" --pairs 1000 --export "$work/export" >/dev/null
"$here/http/run.sh" "$store" "$work/export/pairs.tsv" 20 32
