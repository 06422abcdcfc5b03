#!/usr/bin/env python3
"""Answers the benchmark's co-star pairs with NetworkX and igraph on the same cast graph.

Reads cast.tsv (person id, film id) and pairs.tsv (from, to, FilmGraph's length) written by
`filmgraph-bench chains ... --export DIR`, times each peer per pair, and checks that every length agrees.
Run with Debian's interpreter, which has the packages: /usr/bin/python3 bench/peers/peers.py DIR
"""
import statistics
import sys
import time

import networkx as nx

try:
    import igraph
except ImportError:  # NetworkX is the peer the targets name; igraph is reported when installed.
    igraph = None


def main(directory):
    edges = [line.rstrip("\n").split("\t") for line in open(f"{directory}/cast.tsv", encoding="utf-8")]
    pairs = [line.rstrip("\n").split("\t") for line in open(f"{directory}/pairs.tsv", encoding="utf-8")]

    g = nx.Graph()
    g.add_edges_from(("p:" + p, "f:" + f) for p, f in edges)

    if igraph is not None:
        names = sorted(set(g.nodes))
        index = {name: i for i, name in enumerate(names)}
        ig = igraph.Graph(n=len(names), edges=[(index["p:" + p], index["f:" + f]) for p, f in edges])

    # Each peer answers every pair in a loop of its own: igraph's search reads the whole graph, and between two NetworkX
    # searches it would leave NetworkX's data out of the processor's caches (NetworkX timed about twice as slow so).
    nx_times, nx_lengths = [], []
    for a, b, _ in pairs:
        start = time.perf_counter()
        path = nx.bidirectional_shortest_path(g, "p:" + a, "p:" + b)
        nx_times.append(time.perf_counter() - start)
        nx_lengths.append((len(path) - 1) // 2)

    ig_times, ig_lengths = [], nx_lengths
    if igraph is not None:
        ig_lengths = []
        for a, b, _ in pairs:
            start = time.perf_counter()
            ig_path = ig.get_shortest_paths(index["p:" + a], to=index["p:" + b], output="vpath")[0]
            ig_times.append(time.perf_counter() - start)
            ig_lengths.append((len(ig_path) - 1) // 2)

    mismatches = 0
    for (a, b, length), nx_len, ig_len in zip(pairs, nx_lengths, ig_lengths):
        if not (nx_len == ig_len == int(length)):
            mismatches += 1
            print(f"length mismatch {a} -> {b}: filmgraph {length}, networkx {nx_len}, igraph {ig_len}")

    def ms(values, q):
        values = sorted(values)
        return 1000 * values[min(len(values) - 1, int(q * len(values)))]

    print(f"pairs: {len(pairs)}")
    print(f"networkx_bidirectional_p50_ms: {ms(nx_times, 0.5):.3f}")
    print(f"networkx_bidirectional_p99_ms: {ms(nx_times, 0.99):.3f}")
    by_films = {}
    for (_, _, length), seconds in zip(pairs, nx_times):
        by_films.setdefault(int(length), []).append(seconds)
    print("networkx_p50_ms_by_films: " + ", ".join(
        f"{films}: {ms(times, 0.5):.4f} ({len(times)} pairs)" for films, times in sorted(by_films.items())))
    if igraph is not None:
        print(f"igraph_p50_ms: {ms(ig_times, 0.5):.3f}")
        print(f"igraph_p99_ms: {ms(ig_times, 0.99):.3f}")
    else:
        print("igraph: not installed")
    print(f"length_mismatches: {mismatches}")
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
