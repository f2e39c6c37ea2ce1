#!/usr/bin/env python3
"""Build-time benchmark: lore beside Hugo, Hugo + Pagefind and Zola, on the same generated pages.

    python3 bench/run.py                 # 1,000 and 10,000 pages, 1 warm-up + 3 timed runs each
    python3 bench/run.py --huge          # ... and 100,000 pages
    python3 bench/run.py --quick         # CI smoke: 1,000 pages, 1 run, no warm-up, no installs
    ZOLA=/path/to/zola python3 bench/run.py    # adds Zola, with and without its search index

Options: --sizes 1000,10000 (instead of the defaults), --runs N (timed runs, default 3),
--warmup N (default 1), --tools lore,lore-noindex,hugo,pagefind,zola,zola-index (a subset),
--bench-dir DIR (the folder holding gen_corpus.py and peers/; default bench/ itself, e.g.
../shared/bench to run another copy), --lore BIN (use this binary instead of `cargo build --release`),
--no-install (never apt-get/npm install a missing peer), --timeout S (per build, default 3600),
--results DIR (default bench/results; --quick defaults to bench/work/quick-results).

What it does, per size: generates the corpus once with gen_corpus.py (seed 42) into bench/work/
(kept and reused while the generator, seed and size are unchanged); lays it out as a lore site
(site.yaml + content/) and as a lore site with `search: {enabled: false}`; builds the release
binary once; then, after the warm-up, runs every tool once per round, alternating the tools round
by round, each full build into a fresh, empty output (Hugo and Zola get a fresh copy of their site
per run: Hugo slows when rebuilt in the same folder). Pagefind indexes a fresh copy of Hugo's
output each run. Each build's wall time is measured around the process, its peak RSS comes from
os.wait4 (the largest resident set of the process and of every descendant it waited for), its
output size is bytes and files under its output folder. lore runs with --timings, so the last
timed run also gives its per-stage times.

Writes bench/results/<date>-<pages>.json per size, bench/results/latest.md (one table per size,
the newest JSON of each size) and copies that summary into bench/README.md. Exit status: 0 unless
a tool crashed (non-zero exit or timeout) or a corpus could not be made; a peer that is not
installed is skipped with a note; timings never fail the run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time

BENCH = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(BENCH)
WORK = os.path.join(BENCH, "work")
SEED = 42
BASE_URL = "https://bench.example.org"
# Where the corpus's tool files are said to live: another host than the site, so that lore's link
# check (which refuses own-site links to nothing built) has nothing to say about them.
TOOL_HOST = "https://files.example.net"
ALL_TOOLS = ["lore", "lore-noindex", "hugo", "pagefind", "zola", "zola-index"]
LABELS = {
    "lore": "lore (search index on)",
    "lore-noindex": "lore, search index off",
    "hugo": "Hugo",
    "pagefind": "Pagefind on Hugo's output",
    "hugo+pagefind": "Hugo + Pagefind",
    "zola": "Zola, no index",
    "zola-index": "Zola with index",
}
README_BEGIN = "<!-- bench:latest:begin (written by bench/run.py) -->"
README_END = "<!-- bench:latest:end -->"


def log(msg: str) -> None:
    print(f"[bench] {msg}", file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------------------------
# processes


class Result:
    def __init__(self, ok: bool, wall: float, cpu: float, rss_kib: int, code: int | None, stderr_tail: str):
        self.ok, self.wall, self.cpu, self.rss_kib, self.code, self.stderr_tail = ok, wall, cpu, rss_kib, code, stderr_tail


def run_measured(cmd: list[str], cwd: str, log_path: str, timeout: float, env: dict | None = None) -> Result:
    """Runs cmd; wall time around the process, peak RSS (KiB) of it and its waited-for descendants."""
    with open(log_path, "wb") as out:
        t0 = time.perf_counter()
        p = subprocess.Popen(cmd, cwd=cwd, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                             env=env, start_new_session=True)
        timed_out = threading.Event()

        def kill() -> None:
            timed_out.set()
            try:
                os.killpg(p.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass

        timer = threading.Timer(timeout, kill)
        timer.start()
        try:
            _, status, ru = os.wait4(p.pid, 0)
        finally:
            timer.cancel()
        wall = time.perf_counter() - t0
        p.returncode = code = os.waitstatus_to_exitcode(status)
    with open(log_path, "rb") as f:
        text = f.read().decode("utf-8", "replace")
    tail = "\n".join(text.strip().splitlines()[-40:])
    if timed_out.is_set():
        tail = f"timed out after {timeout:.0f} s\n" + tail
    return Result(code == 0 and not timed_out.is_set(), wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss, code, tail)


def capture(cmd: list[str], cwd: str | None = None) -> str:
    try:
        p = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=60)
        return (p.stdout.strip() or p.stderr.strip()).splitlines()[0] if (p.stdout or p.stderr) else ""
    except (OSError, subprocess.SubprocessError) as e:
        return f"unknown ({e})"


def file_system(path: str) -> str:
    """The type of the file system holding path, from /proc/self/mounts; for ext4, whether it
    has a journal (without one, ext4 rescans recently freed inodes on every file created, which
    makes file creation after a large delete much slower: see bench/README.md, "The file
    system")."""
    path = os.path.realpath(path)
    best = ("", "?", "")
    try:
        with open("/proc/self/mounts") as f:
            for line in f:
                dev, mount, kind = line.split()[:3]
                mount = mount.replace("\\040", " ")
                inside = path == mount or path.startswith(mount.rstrip("/") + "/")
                if inside and len(mount) > len(best[0]):
                    best = (mount, kind, dev)
    except OSError:
        return capture(["stat", "-f", "-c", "%T", path]) or "?"
    _, kind, dev = best
    if kind == "ext4":
        name = os.path.basename(dev)
        journal = any(j.startswith(name + "-") for j in os.listdir("/proc/fs/jbd2")) \
            if os.path.isdir("/proc/fs/jbd2") else False
        return "ext4 (with a journal)" if journal else "ext4 (without a journal)"
    return kind


def tree_size(path: str) -> tuple[int, int]:
    """(bytes, files) under path, symlinks not followed."""
    total = files = 0
    for root, _, names in os.walk(path):
        for n in names:
            try:
                total += os.lstat(os.path.join(root, n)).st_size
                files += 1
            except OSError:
                pass
    return total, files


def rmtree(path: str) -> None:
    if os.path.islink(path) or os.path.isfile(path):
        os.remove(path)
    elif os.path.lexists(path):
        shutil.rmtree(path, ignore_errors=True)
        if os.path.lexists(path):  # a second try, loudly
            shutil.rmtree(path)


def link_tree(src: str, dst: str) -> None:
    """Copies a tree as hard links (cheap, and the tools only read their input); plain copies otherwise."""
    def link_or_copy(s: str, d: str) -> None:
        try:
            os.link(s, d)
        except OSError:
            shutil.copy2(s, d)
    shutil.copytree(src, dst, copy_function=link_or_copy, dirs_exist_ok=True)


# ---------------------------------------------------------------------------------------------
# tools


def machine_info() -> dict:
    mem = model = ""
    try:
        with open("/proc/meminfo") as f:
            kib = int(re.search(r"MemTotal:\s+(\d+)", f.read()).group(1))
            mem = f"{kib / 1024 / 1024:.1f} GiB"
    except (OSError, AttributeError):
        pass
    try:
        with open("/proc/cpuinfo") as f:
            m = re.search(r"model name\s*:\s*(.*)", f.read())
            model = m.group(1).strip() if m else ""
    except OSError:
        pass
    return {"cores": os.cpu_count(), "memory": mem, "cpu": model, "kernel": platform.release(),
            "python": platform.python_version(), "load_at_start": os.getloadavg()[0]}


def ensure_lore(args) -> tuple[str | None, str]:
    if args.lore:
        return os.path.abspath(args.lore), ""
    log("cargo build --release")
    p = subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=REPO)
    if p.returncode != 0:
        return None, f"cargo build --release failed (exit {p.returncode})"
    target = os.environ.get("CARGO_TARGET_DIR") or os.path.join(REPO, "target")
    exe = os.path.join(target, "release", "lore")
    if not os.path.exists(exe):
        return None, f"no binary at {exe}"
    # A private copy: another cargo build in the same target folder must not swap it mid-run.
    os.makedirs(os.path.join(WORK, "bin"), exist_ok=True)
    copy = os.path.join(WORK, "bin", "lore")
    shutil.copy2(exe, copy + ".tmp")
    os.replace(copy + ".tmp", copy)
    return copy, ""


def ensure_hugo(install: bool) -> tuple[str | None, str]:
    exe = shutil.which("hugo")
    if exe or not install:
        return exe, "" if exe else "hugo is not installed (apt-get install hugo): skipped"
    if shutil.which("apt-get") and os.geteuid() == 0:
        log("apt-get install -y hugo")
        subprocess.run(["apt-get", "install", "-y", "-q", "hugo"], stdout=subprocess.DEVNULL)
        exe = shutil.which("hugo")
    return exe, "" if exe else "hugo could not be installed: skipped"


def ensure_pagefind(install: bool) -> tuple[str | None, str]:
    exe = os.path.join(WORK, "node_modules", ".bin", "pagefind")
    if os.path.exists(exe):
        return exe, ""
    if install and shutil.which("npm"):
        log("npm i pagefind (into bench/work)")
        os.makedirs(WORK, exist_ok=True)
        # Without a package.json of its own, npm walks up to the repository's and adds
        # pagefind to the project's dependencies (and installs it there, not here).
        manifest = os.path.join(WORK, "package.json")
        if not os.path.exists(manifest):
            with open(manifest, "w") as f:
                f.write('{"private": true, "description": "peers for bench/run.py"}\n')
        subprocess.run(["npm", "i", "--no-audit", "--no-fund", "--silent", "pagefind"], cwd=WORK)
        if os.path.exists(exe):
            return exe, ""
    other = shutil.which("pagefind")
    return other, "" if other else "pagefind is not installed (npm i pagefind in bench/work): skipped"


# ---------------------------------------------------------------------------------------------
# corpora and sites


def corpus(bench_dir: str, pages: int) -> tuple[str | None, str]:
    gen = os.path.join(bench_dir, "gen_corpus.py")
    if not os.path.exists(gen):
        return None, f"no {gen} (pass --bench-dir DIR)"
    with open(gen, "rb") as f:
        stamp = f"{hashlib.sha256(f.read()).hexdigest()} seed={SEED} pages={pages}"
    out = os.path.join(WORK, "corpus", str(pages))
    stamp_file = out + ".stamp"
    if os.path.isdir(out) and os.path.exists(stamp_file) and open(stamp_file).read() == stamp:
        return out, ""
    log(f"generating {pages} pages (seed {SEED})")
    os.makedirs(os.path.dirname(out), exist_ok=True)
    rmtree(out)
    if os.path.exists(stamp_file):
        os.remove(stamp_file)
    p = subprocess.run([sys.executable, gen, out, "--pages", str(pages), "--seed", str(SEED)],
                       capture_output=True, text=True)
    if p.returncode != 0:
        return None, f"gen_corpus.py failed: {p.stderr.strip()[-2000:]}"
    log(p.stdout.strip())
    with open(stamp_file, "w") as f:
        f.write(stamp)
    return out, ""


def lore_site(corpus_dir: str, pages: int, search: bool) -> str:
    site = os.path.join(WORK, "sites", f"lore-{pages}" + ("" if search else "-noindex"))
    rmtree(site)
    os.makedirs(site)
    yaml = (f"title: \"lore benchmark, {pages} pages\"\nbase_url: {BASE_URL}\n"
            "languages:\n  - code: en\n    name: English\n")
    if not search:
        yaml += "search:\n  enabled: false\n"
    with open(os.path.join(site, "site.yaml"), "w") as f:
        f.write(yaml)
    link_tree(corpus_dir, os.path.join(site, "content"))
    tools_as_addresses(os.path.join(site, "content", "toolkits"))
    return site


def tools_as_addresses(toolkits: str) -> None:
    """The corpus's tools name files it does not write (`file: "/files/x.pdf"`), which lore
    refuses to publish, as `lore check` always did; a link to `/files/x.pdf` on the site itself
    is refused too (nothing built answers it). For lore they become addresses on another host
    (`url: "https://files.example.net/files/x.pdf"`), which builds the same page with the same
    work. The files are hard links into the corpus: each is replaced, never written through."""
    for root, _, files in os.walk(toolkits):
        for name in files:
            path = os.path.join(root, name)
            with open(path, encoding="utf-8") as f:
                text = f.read()
            if "\n    file: " not in text:
                continue
            os.remove(path)
            with open(path, "w", encoding="utf-8") as f:
                f.write(text.replace('\n    file: "/files/', f'\n    url: "{TOOL_HOST}/files/'))


def zola_content(bench_dir: str, corpus_dir: str, pages: int) -> tuple[str | None, str]:
    dst = os.path.join(WORK, "sites", f"zola-content-{pages}")
    rmtree(dst)
    p = subprocess.run([sys.executable, os.path.join(bench_dir, "peers", "adapt_zola.py"), corpus_dir, dst],
                       capture_output=True, text=True)
    if p.returncode != 0:
        return None, f"adapt_zola.py failed (it needs PyYAML: apt-get install python3-yaml): {p.stderr.strip()[-500:]}"
    return dst, ""


# ---------------------------------------------------------------------------------------------
# one size


def bench_size(pages: int, args, tools: dict, bench_dir: str) -> dict:
    """Runs every available tool on a corpus of `pages` pages; returns the JSON record."""
    rec: dict = {"pages": pages, "seed": SEED, "runs": args.runs, "warmup": args.warmup,
                 "date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
                 "load_before": os.getloadavg()[0],
                 "tools": {}, "notes": [], "crashed": []}
    corpus_dir, why = corpus(bench_dir, pages)
    if not corpus_dir:
        rec["notes"].append(why)
        rec["crashed"].append("gen_corpus")
        return rec
    rec["corpus"] = {"bytes": tree_size(corpus_dir)[0], "files": tree_size(corpus_dir)[1]}
    run_dir = os.path.join(args.scratch or WORK, "runs", str(pages))
    rec["output_fs"] = file_system(args.scratch or WORK)
    rmtree(run_dir)
    os.makedirs(run_dir)
    peers = os.path.join(bench_dir, "peers")

    # Each run writes into a folder of its own, and a size's outputs are removed once it is done:
    # removing the last output just before a run would time the file system's handling of the
    # deletion too (ext4 without a journal skips every inode freed in the last minutes, reading
    # each, on every file it creates; see bench/README.md, "The file system"). Where the disk
    # cannot hold every run's output, each run removes the one before it, and the report says so.
    fresh = {"on": True}

    def round_path(name: str, i: int) -> str:
        """Where round i of `name` writes: a folder per round, or one reused by every round."""
        return os.path.join(run_dir, f"{name}-{i}" if fresh["on"] else name)

    def run_folder(name: str, i: int) -> str:
        d = round_path(name, i)
        rmtree(d)
        return d

    # Per-tool preparation (untimed) and the command to time. Each prepare(i) returns (cmd, cwd, out_dir).
    plan: dict[str, tuple] = {}
    if "lore" in tools:
        for name, search in (("lore", True), ("lore-noindex", False)):
            if name not in args.tools:
                continue
            site = lore_site(corpus_dir, pages, search)

            def prep(i, site=site, name=name):
                out = run_folder(f"{name}-out", i)
                # --timings only adds a few lines to stderr: the stages come from the timed runs themselves
                return [tools["lore"], "build", "--timings", "--root", site, "--out", out], site, out
            plan[name] = prep
    if "hugo" in tools and ("hugo" in args.tools or "pagefind" in args.tools):
        def prep_hugo(i):
            d = run_folder("hugo", i)
            shutil.copytree(os.path.join(peers, "hugo"), d)
            link_tree(corpus_dir, os.path.join(d, "content"))
            return [tools["hugo"], "--quiet"], d, os.path.join(d, "public")
        plan["hugo"] = prep_hugo
        if "pagefind" in tools and "pagefind" in args.tools:
            def prep_pf(i):
                src = os.path.join(round_path("hugo", i), "public")
                d = run_folder("pagefind", i)
                link_tree(src, os.path.join(d, "public"))
                return [tools["pagefind"], "--site", "public"], d, os.path.join(d, "public", "pagefind")
            plan["pagefind"] = prep_pf
    if "zola" in tools and ({"zola", "zola-index"} & set(args.tools)):
        zc, why = zola_content(bench_dir, corpus_dir, pages)
        if not zc:
            rec["notes"].append("Zola skipped: " + why)
        else:
            for name, index in (("zola", False), ("zola-index", True)):
                if name not in args.tools:
                    continue

                def prep_zola(i, name=name, index=index):
                    d = run_folder(name, i)
                    shutil.copytree(os.path.join(peers, "zola"), d)
                    link_tree(zc, os.path.join(d, "content"))
                    if index:
                        cfg = os.path.join(d, "config.toml")
                        text = open(cfg).read()
                        text, n = re.subn(r"(?m)^build_search_index\s*=\s*false", "build_search_index = true", text)
                        if n == 0:
                            text = "build_search_index = true\n" + text
                        with open(cfg, "w") as f:
                            f.write(text)
                    return [tools["zola"], "build"], d, os.path.join(d, "public")
                plan[name] = prep_zola

    samples: dict[str, list[dict]] = {name: [] for name in plan}
    failed: dict[str, str] = {}
    rounds = args.warmup + args.runs
    before = os.statvfs(run_dir)
    for r in range(rounds):
        warm = r < args.warmup
        for name, prep in plan.items():
            if name in failed:
                continue
            hugo_out = os.path.join(round_path("hugo", r), "public")
            if name == "pagefind" and ("hugo" in failed or not os.path.isdir(hugo_out)):
                continue
            cmd, cwd, out = prep(r)
            res = run_measured(cmd, cwd, os.path.join(run_dir, f"{name}.log"), args.timeout)
            tag = "warm-up" if warm else f"run {r - args.warmup + 1}/{args.runs}"
            if not res.ok:
                failed[name] = (f"`{' '.join(cmd)}` exited {res.code} after {res.wall:.0f} s "
                                f"(CPU {res.cpu:.0f} s, peak RSS {fmt_rss(res.rss_kib)})"
                                + (f":\n{res.stderr_tail}" if res.stderr_tail.strip() else ", printing nothing"))
                log(f"{pages:>7} {name:<13} {tag}: FAILED (exit {res.code})\n{res.stderr_tail}")
                continue
            size, files = tree_size(out)
            log(f"{pages:>7} {name:<13} {tag}: {res.wall:7.2f} s  (CPU {res.cpu:7.2f} s)  {res.rss_kib / 1024:8.1f} MiB  "
                f"{size / 1e6:8.1f} MB  {files} files")
            if name == "lore" and not warm:
                rec["lore_stages"] = parse_stages(res.stderr_tail)
                rec["lore_stages_text"] = res.stderr_tail
            if not warm:
                samples[name].append({"wall_s": round(res.wall, 4), "cpu_s": round(res.cpu, 3), "peak_rss_kib": res.rss_kib,
                                      "bytes": size, "files": files})
        if r == 0 and fresh["on"] and rounds > 1:
            # What one round used, bytes and inodes (its inputs' hard-linked trees need inodes too).
            after = os.statvfs(run_dir)
            used_bytes = (before.f_bavail - after.f_bavail) * after.f_frsize
            used_files = before.f_favail - after.f_favail
            left = rounds - 1
            if after.f_bavail * after.f_frsize < left * used_bytes * 1.5 + 1e9 or after.f_favail < left * used_files * 1.5 + 10000:
                fresh["on"] = False
                rec["notes"].append(
                    f"Each run removed the previous run's output just before it: the file system could not hold "
                    f"{rounds} rounds of {fmt_bytes(used_bytes)} in {used_files:,} files. On ext4 without a journal "
                    "that slows the file creation of the run that follows.")
                for name in os.listdir(run_dir):
                    if not name.endswith(".log"):
                        rmtree(os.path.join(run_dir, name))
        # the last round's outputs stay for inspection only at small sizes
    for name, why in failed.items():
        rec["crashed"].append(name)
        rec["notes"].append(f"{LABELS.get(name, name)} failed: {why}")
    for name, s in samples.items():
        if s and name not in failed:
            rec["tools"][name] = summarize(s)
    # Hugo + Pagefind, run by run
    if "hugo" in rec["tools"] and "pagefind" in rec["tools"]:
        h, p = samples["hugo"], samples["pagefind"]
        rec["tools"]["hugo+pagefind"] = summarize([
            {"wall_s": round(a["wall_s"] + b["wall_s"], 4), "cpu_s": round(a["cpu_s"] + b["cpu_s"], 3), "peak_rss_kib": max(a["peak_rss_kib"], b["peak_rss_kib"]),
             "bytes": a["bytes"] + b["bytes"], "files": a["files"] + b["files"]} for a, b in zip(h, p)])
        rec["tools"]["hugo+pagefind"]["derived"] = "sum of Hugo's and Pagefind's wall times run by run; the larger peak RSS"

    rec["load_after"] = os.getloadavg()[0]
    rec["outputs"] = "one folder per run, removed after the size" if fresh["on"] else "each run removed the one before"
    if pages > 1000:  # outputs are large: keep only the logs (a stopped lore leaves its staging folder too)
        for name in os.listdir(run_dir):
            if not name.endswith(".log"):
                rmtree(os.path.join(run_dir, name))
    return rec


def summarize(samples: list[dict]) -> dict:
    walls = [s["wall_s"] for s in samples]
    rss = [s["peak_rss_kib"] for s in samples]
    cpu = [s.get("cpu_s", 0.0) for s in samples]
    return {"median_s": round(statistics.median(walls), 4), "min_s": min(walls), "max_s": max(walls),
            "median_cpu_s": round(statistics.median(cpu), 3),
            "peak_rss_kib": max(rss), "median_rss_kib": int(statistics.median(rss)),
            "bytes": samples[-1]["bytes"], "files": samples[-1]["files"], "samples": samples}


def parse_stages(text: str) -> dict:
    stages = {}
    for line in text.splitlines():
        # "  markdown   2935.2 ms   312.4 MB" (wall, memory after), "  peak memory   454.8 MB", or
        # "  render   2200.0 ms   240.1 MB   (beside search index)" for stages run side by side
        m = re.match(r"\s*(\S.*?)\s+([\d.]+) (ms|MB)(?:\s+([\d.]+) MB)?(?:\s+\(beside ([^)]*)\))?\s*$", line)
        if m:
            stages[m.group(1).strip() + (" (MB)" if m.group(3) == "MB" else " (ms)")] = float(m.group(2))
            if m.group(4):
                stages[m.group(1).strip() + " (MB after)"] = float(m.group(4))
            if m.group(5):
                stages[m.group(1).strip() + " (beside)"] = m.group(5)
    return stages


# ---------------------------------------------------------------------------------------------
# report


def fmt_bytes(n: float) -> str:
    for unit, k in (("GB", 1e9), ("MB", 1e6), ("kB", 1e3)):
        if n >= k:
            return f"{n / k:.1f} {unit}"
    return f"{n:.0f} B"


def fmt_rss(kib: float) -> str:
    return f"{kib / 1024 / 1024:.2f} GiB" if kib >= 1024 * 1024 else f"{kib / 1024:.0f} MiB"


def table(rec: dict) -> list[str]:
    t = rec["tools"]
    lore = t.get("lore")
    lines = [f"### {rec['pages']:,} pages",
             "",
             f"{rec['date'][:16].replace('T', ' ')}; lore {rec.get('commit', '?')}"
             f"{' + uncommitted src/' if rec.get('src_dirty') else ''}; median of {rec['runs']} full build(s) after "
             f"{rec['warmup']} warm-up; corpus {fmt_bytes(rec.get('corpus', {}).get('bytes', 0))} in "
             f"{rec.get('corpus', {}).get('files', 0):,} files; load average {rec.get('load_before', 0):.1f} "
             f"before, {rec.get('load_after', 0):.1f} after (on {rec.get('machine', {}).get('cores', '?')} cores); "
             f"outputs written to a file system of type {rec.get('output_fs', '?')}"
             f"{', ' + rec['outputs'] if rec.get('outputs') else ''}. "
             "Ratios are lore's figure over the tool's "
             "(below 1.0: lore is faster or smaller); CPU is the median user + sys time of the "
             "process and its children, less disturbed than wall time when the machine is shared.",
             "",
             "| tool | median | min | max | CPU (user+sys) | peak RSS | output | files | lore/tool time | lore/tool min | lore/tool CPU | lore/tool RSS |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for name in ("lore", "lore-noindex", "hugo", "pagefind", "hugo+pagefind", "zola", "zola-index"):
        if name not in t:
            continue
        x = t[name]
        def ratio(key: str) -> str:
            return f"{lore[key] / x[key]:.2f}" if lore and name != "lore" and x.get(key) and key in lore else "—"
        cpu = f"{x['median_cpu_s']:.2f} s" if "median_cpu_s" in x else "—"
        lines.append(f"| {LABELS[name]} | {x['median_s']:.2f} s | {x['min_s']:.2f} s | {x['max_s']:.2f} s | {cpu} | "
                     f"{fmt_rss(x['peak_rss_kib'])} | {fmt_bytes(x['bytes'])} | {x['files']:,} | {ratio('median_s')} | "
                     f"{ratio('min_s')} | {ratio('median_cpu_s')} | {ratio('peak_rss_kib')} |")
    lines.append("")
    if lore and "lore-noindex" in t:
        base = t["lore-noindex"]["median_s"]
        line = (f"- lore's search index adds {100 * (lore['median_s'] - base) / base:+.0f}% to its build time "
                f"({lore['median_s']:.2f} s vs {base:.2f} s with `search: {{enabled: false}}`; target < 25%)")
        cpu0 = t["lore-noindex"].get("median_cpu_s")
        if cpu0 and lore.get("median_cpu_s"):
            line += f"; {100 * (lore['median_cpu_s'] - cpu0) / cpu0:+.0f}% by CPU time"
        stage = rec.get("lore_stages", {}).get("search index (ms)")
        if stage is not None:
            line += f"; the `search index` stage itself took {stage / 1000:.2f} s in `--timings`"
        lines.append(line + ".")
    if lore and "hugo" in t:
        h = t["hugo"]
        lines.append(f"- lore/Hugo time {lore['median_s'] / h['median_s']:.2f} (target ≤ 1.0 at 10,000 pages); "
                     f"lore/Hugo peak RSS {lore['peak_rss_kib'] / h['peak_rss_kib']:.2f} (target ≤ 0.5).")
    if lore and "hugo+pagefind" in t:
        lines.append(f"- lore/(Hugo + Pagefind) time {lore['median_s'] / t['hugo+pagefind']['median_s']:.2f} "
                     "(target ≤ 0.25).")
    stages = {k: v for k, v in rec.get("lore_stages", {}).items() if k.endswith("(ms)")}
    if stages:
        # Stages run side by side overlap: their span counts once, as the longer of them.
        beside = {k[:-len(" (beside)")]: v for k, v in rec["lore_stages"].items() if k.endswith(" (beside)")}
        spans = [v for k, v in stages.items() if k[:-5] in beside]
        total = sum(v for k, v in stages.items() if k[:-5] not in beside) + max(spans, default=0.0)
        parts = ", ".join(f"{k[:-5]} {v / 1000:.2f} s ({100 * v / total:.0f}%"
                          + (f", beside {beside[k[:-5]]})" if k[:-5] in beside else ")") for k, v in stages.items())
        mem = rec["lore_stages"].get("peak memory (MB)")
        lines.append(f"- lore stages (`lore build --timings`, last timed run): {parts}"
                     + (f"; peak memory {mem:.0f} MB" if mem else "") + ".")
    for n in rec["notes"]:
        first, _, rest = n.partition("\n")
        lines.append(f"- {first}")
        if rest:
            lines += ["", "  ```", *("  " + l for l in rest.splitlines()[-25:]), "  ```", ""]
    lines.append("")
    return lines


def report(results_dir: str, meta: dict) -> str:
    newest: dict[int, dict] = {}
    for name in sorted(os.listdir(results_dir)):
        m = re.match(r"(\d{4}-\d{2}-\d{2}(?:T[\d-]+)?)-(\d+)\.json$", name)
        if m:
            with open(os.path.join(results_dir, name)) as f:
                rec = json.load(f)
            if int(m.group(2)) not in newest or rec["date"] >= newest[int(m.group(2))]["date"]:
                newest[int(m.group(2))] = rec
    lines = ["## Build benchmark: latest results", "",
             f"Machine: {meta['machine']['cores']} cores, {meta['machine']['memory']} memory"
             + (f", {meta['machine']['cpu']}" if meta['machine']['cpu'] else "")
             + f", Linux {meta['machine']['kernel']}.",
             f"lore built from commit {meta.get('commit', '?')}"
             + (" with uncommitted changes in src/ (the working tree as it was)" if meta.get("src_dirty") else "") + ".",
             "Tools: " + "; ".join(f"{k}: `{v}`" for k, v in meta["versions"].items()) + ".",
             f"Corpus: `gen_corpus.py --seed {SEED}`. Peak RSS is the largest resident set of the build process "
             "or any process it waited for (os.wait4). Command: `python3 bench/run.py` (see bench/README.md).", ""]
    for pages in sorted(newest):
        lines += table(newest[pages])
    if 10000 in newest and 100000 in newest:
        a, b = newest[10000]["tools"].get("lore"), newest[100000]["tools"].get("lore")
        if a and b:
            lines += [f"10k → 100k: lore's build time × {b['median_s'] / a['median_s']:.1f} (target near 10); "
                      f"peak RSS at 100,000 pages {fmt_rss(b['peak_rss_kib'])} (target < 2 GiB).", ""]
    return "\n".join(lines)


def update_readme(summary: str) -> None:
    path = os.path.join(BENCH, "README.md")
    if not os.path.exists(path):
        return
    text = open(path, encoding="utf-8").read()
    if README_BEGIN not in text or README_END not in text:
        return
    head, _, rest = text.partition(README_BEGIN)
    _, _, tail = rest.partition(README_END)
    with open(path, "w", encoding="utf-8") as f:
        f.write(head + README_BEGIN + "\n\n" + summary.replace("## Build", "### Build", 1).strip()
                .replace("\n### ", "\n#### ") + "\n\n" + README_END + tail)


# ---------------------------------------------------------------------------------------------


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    ap.add_argument("--sizes", help="comma-separated page counts (default 1000,10000)")
    ap.add_argument("--huge", action="store_true", help="add 100,000 pages")
    ap.add_argument("--quick", action="store_true", help="CI smoke: 1,000 pages, 1 run, no warm-up, no installs")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--warmup", type=int, default=1)
    ap.add_argument("--tools", default=",".join(ALL_TOOLS))
    ap.add_argument("--bench-dir", default=BENCH, help="folder holding gen_corpus.py and peers/ (default: bench/)")
    ap.add_argument("--lore", help="a lore binary (default: cargo build --release)")
    ap.add_argument("--no-install", action="store_true")
    ap.add_argument("--timeout", type=float, default=3600)
    ap.add_argument("--results")
    ap.add_argument("--scratch", help="folder for every tool's output (default bench/work); e.g. /dev/shm to leave "
                    "the disk's file-creation costs out (see bench/README.md)")
    args = ap.parse_args()
    if args.quick:
        args.runs, args.warmup, args.no_install = 1, 0, True
        sizes = [1000]
    else:
        sizes = [int(s.replace("_", "").replace(",", "")) for s in (args.sizes or "1000,10000").split(",") if s]
        if args.huge and 100000 not in sizes:
            sizes.append(100000)
    if args.sizes and args.quick:
        sizes = [int(s) for s in args.sizes.split(",")]
    args.tools = [t.strip() for t in args.tools.split(",") if t.strip()]
    unknown = set(args.tools) - set(ALL_TOOLS)
    if unknown:
        ap.error(f"unknown tools: {', '.join(sorted(unknown))} (choose from {', '.join(ALL_TOOLS)})")
    if args.runs < 1:
        ap.error("--runs must be at least 1")
    results_dir = os.path.abspath(args.results or os.path.join(WORK, "quick-results") if args.quick
                                  else args.results or os.path.join(BENCH, "results"))
    bench_dir = os.path.abspath(args.bench_dir)
    os.makedirs(WORK, exist_ok=True)
    os.makedirs(results_dir, exist_ok=True)

    notes: list[str] = []
    tools: dict[str, str] = {}
    crashed = False
    if {"lore", "lore-noindex"} & set(args.tools):
        exe, why = ensure_lore(args)
        if exe:
            tools["lore"] = exe
        else:
            notes.append(why)
            crashed = True
    if {"hugo", "pagefind"} & set(args.tools):
        exe, why = ensure_hugo(not args.no_install)
        if exe:
            tools["hugo"] = exe
        else:
            notes.append(why)
    if "pagefind" in args.tools:
        exe, why = ensure_pagefind(not args.no_install)
        if exe:
            tools["pagefind"] = exe
        else:
            notes.append(why)
    if {"zola", "zola-index"} & set(args.tools):
        z = os.environ.get("ZOLA")
        if z and os.access(z, os.X_OK):
            tools["zola"] = os.path.abspath(z)
        else:
            notes.append("Zola skipped: set ZOLA=/path/to/zola" + (f" ({z} is not executable)" if z else ""))

    versions = {}
    if "lore" in tools:
        versions["lore"] = capture([tools["lore"], "--version"])
    if "hugo" in tools:
        versions["hugo"] = capture([tools["hugo"], "version"])
    if "pagefind" in tools:
        versions["pagefind"] = capture([tools["pagefind"], "--version"])
    if "zola" in tools:
        versions["zola"] = capture([tools["zola"], "--version"])
    meta = {"machine": machine_info(), "versions": versions,
            "commit": capture(["git", "rev-parse", "--short", "HEAD"], cwd=REPO),
            "src_dirty": bool(capture(["git", "status", "--porcelain", "--", "src", "Cargo.toml", "Cargo.lock"], cwd=REPO))}
    for n in notes:
        log("note: " + n)
    log(f"sizes {sizes}, {args.warmup} warm-up + {args.runs} run(s); tools: {', '.join(sorted(tools))}")

    stamp = dt.datetime.now().strftime("%Y-%m-%d")
    for pages in sizes:
        rec = bench_size(pages, args, tools, bench_dir)
        rec.update(meta)
        rec["notes"] = notes + rec["notes"]
        crashed |= bool(rec["crashed"])
        path = os.path.join(results_dir, f"{stamp}-{pages}.json")
        with open(path, "w") as f:
            json.dump(rec, f, indent=2)
            f.write("\n")
        log(f"wrote {os.path.relpath(path, REPO)}")
        summary = report(results_dir, meta)
        with open(os.path.join(results_dir, "latest.md"), "w") as f:
            f.write(summary + "\n")
        if not args.quick and not args.results:
            update_readme(summary)
    print(summary)
    if crashed:
        log("a tool crashed or could not be built: see the notes above")
    return 1 if crashed else 0


if __name__ == "__main__":
    sys.exit(main())
