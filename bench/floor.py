#!/usr/bin/env python3
"""The floor under a build: read every source, write every output file, nothing in between.

    python3 bench/floor.py SITE OUTPUT [--runs 3] [--threads 2] [--scratch DIR]

SITE is a site lore builds (its content/ is read); OUTPUT is a folder lore built from it (its files
are read into memory first and are not timed). Each run then, timed:

1. reads every file under SITE/content (from the page cache: run a build first, as the benchmark
   does, so both start warm);
2. writes OUTPUT's files, same folders, names and bytes, into a new folder under --scratch
   (default: beside OUTPUT, so on the same file system), with --threads threads.

It prints the median wall time of the two together and of each: what no generator can go under on
this machine and file system, with the same files. Python's own cost per file (~5 µs) is in the
figure, so the true floor is slightly lower. Standard library only.
"""

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor


def files_under(root):
    for folder, _dirs, names in os.walk(root):
        for name in names:
            yield os.path.join(folder, name)


def read_all(paths, threads):
    def read(chunk):
        total = 0
        for path in chunk:
            with open(path, "rb") as f:
                total += len(f.read())
        return total

    chunks = [paths[i::threads] for i in range(threads)]
    with ThreadPoolExecutor(threads) as pool:
        return sum(pool.map(read, chunks))


def write_all(dest, tree, folders, threads):
    for folder in folders:
        os.makedirs(os.path.join(dest, folder), exist_ok=True)

    def write(chunk):
        for rel, data in chunk:
            with open(os.path.join(dest, rel), "wb") as f:
                f.write(data)

    chunks = [tree[i::threads] for i in range(threads)]
    with ThreadPoolExecutor(threads) as pool:
        list(pool.map(write, chunks))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("site")
    ap.add_argument("output")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--scratch", help="folder to write the copies in (default: beside OUTPUT)")
    args = ap.parse_args()

    sources = list(files_under(os.path.join(args.site, "content")))
    tree, folders = [], set()
    for path in files_under(args.output):
        rel = os.path.relpath(path, args.output)
        with open(path, "rb") as f:
            tree.append((rel, f.read()))
        folders.add(os.path.dirname(rel))
    folders = sorted(folders)
    out_bytes = sum(len(d) for _, d in tree)
    scratch = args.scratch or os.path.dirname(os.path.abspath(args.output))

    reads, writes, totals = [], [], []
    for run in range(args.runs):
        dest = tempfile.mkdtemp(prefix="floor-", dir=scratch)
        start = time.perf_counter()
        in_bytes = read_all(sources, args.threads)
        middle = time.perf_counter()
        write_all(dest, tree, folders, args.threads)
        end = time.perf_counter()
        reads.append(middle - start)
        writes.append(end - middle)
        totals.append(end - start)
        # Keep every run's copy until the end: removing a tree just before writing the next one
        # makes file creation slower on some file systems (bench/README.md, "The file system").
    for path in os.listdir(scratch):
        if path.startswith("floor-"):
            shutil.rmtree(os.path.join(scratch, path), ignore_errors=True)

    med = statistics.median
    print(f"read {len(sources):,} sources ({in_bytes / 1e6:.1f} MB): median {med(reads):.2f} s")
    print(f"write {len(tree):,} files ({out_bytes / 1e6:.1f} MB) in {len(folders):,} folders: "
          f"median {med(writes):.2f} s")
    print(f"floor: median {med(totals):.2f} s (min {min(totals):.2f}, max {max(totals):.2f}) "
          f"over {args.runs} runs, {args.threads} threads, load average {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
