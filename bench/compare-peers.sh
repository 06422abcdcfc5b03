#!/usr/bin/env bash
# One run, same pairs, same graph: FilmGraph's in-process coStarChain against NetworkX's bidirectional search and
# igraph, with every length cross-checked. Usage: bench/compare-peers.sh STORE.db [PAIRS]
# Needs Debian's python3-networkx (apt-get install python3-networkx); python3-igraph is timed too when installed.
set -euo pipefail
store=$1
pairs=${2:-1000}
here=$(cd "$(dirname "$0")" && pwd)
out=$(mktemp -d)
dotnet build -c Release "$here/FilmGraph.Bench" -v q --nologo >/dev/null
"$here/FilmGraph.Bench/bin/Release/net10.0/filmgraph-bench" chains "$store" --pairs "$pairs" --export "$out" | tee "$out/filmgraph.txt"
/usr/bin/python3 "$here/peers/peers.py" "$out" | tee "$out/peers.txt"
fg=$(sed -n 's/^chain_p50_ms: //p' "$out/filmgraph.txt")
nx=$(sed -n 's/^networkx_bidirectional_p50_ms: //p' "$out/peers.txt")
ig=$(sed -n 's/^igraph_p50_ms: //p' "$out/peers.txt")
awk -v fg="$fg" -v nx="$nx" -v ig="$ig" 'BEGIN { printf "speedup_vs_networkx_p50: %.1fx\n", nx / fg; if (ig != "") printf "speedup_vs_igraph_p50: %.1fx\n", ig / fg }'
rm -rf "$out"
