#!/usr/bin/env python3
"""Live-preview benchmark: `lore serve` on a generated site, edit to reload message.

    python3 bench/serve.py                    # 10,000 pages, 15 body edits
    python3 bench/serve.py --pages 1000 --edits 5 --lore target/release/lore

What it does: generates (or reuses) the corpus with bench/gen_corpus.py (seed 42) and lays
it out as a lore site with bench/run.py's own helpers (bench/work/sites/lore-<pages>, the corpus
hard-linked as content/), plus a copy of the built-in layouts/base.html as the site's own layout.
It builds the release binary once (or takes --lore), measures one clean `lore build` of the site
(wall time and peak RSS, os.wait4), then starts `lore serve --port 0` and listens to its reload
channel (Server-Sent Events at /__lore/events). Then:

  (a) --edits times: rewrite one page with one more sentence, the way editors save (a temporary
      file renamed over the page, which also leaves the hard-linked corpus untouched), and time
      from the rename to the reload message; before the next edit it waits for the search index
      to catch up (serve rebuilds it once edits pause) so every edit starts from the same state;
  (b) a busy editor (issue 22): --busy-edits body edits of the same page, each saved --cadence
      seconds (default 1) after the previous save, as an editor's auto-save does, without
      waiting for the search index; each timed from the rename to the reload message, then
      the time from the last save until the search index caught up;
  (c) full-path edits at the same cadence: the page's title, then its tags, a new page, that
      page deleted (--full-rounds times), each timed from the save (or deletion) to the reload;
  (d) the same as (a) for the layout base.html, which every page extends, compared with the
      clean build;
  (e) the serve process's peak RSS (VmHWM in /proc/PID/status) at the end, compared with the
      clean build's.

Writes bench/results/serve-<date>.json and .md. Targets: (a) median < 150 ms (issue 8); (b)
median <= 150 ms and p90 <= 300 ms, (c) <= 300 ms (issue 22); (d) under the clean build's time,
(e) serve's peak RSS at most 1.5 x the build's (issue 8). Timings never fail the run; the exit
status is non-zero only if serve or the build fails. Python 3.11 standard library only.
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import json
import os
import queue
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import run as bench  # noqa: E402  (the build benchmark's helpers: corpus, site, binary, timing)

RESULTS = os.path.join(bench.BENCH, "results")


class Serve:
    """A running `lore serve`, with its stderr lines and reload messages timestamped."""

    def __init__(self, exe: str, site: str):
        self.proc = subprocess.Popen([exe, "serve", "--root", site, "--port", "0", "--timings"], cwd=site,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                                     start_new_session=True)
        self.lines: queue.Queue[tuple[float, str]] = queue.Queue()
        self.events: queue.Queue[tuple[float, dict]] = queue.Queue()
        self.log: list[str] = []
        threading.Thread(target=self._read_stderr, daemon=True).start()
        self.url = self.wait_line(r"serving the site at (\S+?)/? ", timeout=1800).group(1)
        threading.Thread(target=self._listen, daemon=True).start()

    def _read_stderr(self) -> None:
        for line in self.proc.stderr:
            self.log.append(line.rstrip())
            self.lines.put((time.perf_counter(), line.rstrip()))

    def _listen(self) -> None:
        u = urllib.parse.urlparse(self.url)
        conn = http.client.HTTPConnection(u.hostname, u.port, timeout=3600)
        conn.request("GET", "/__lore/events")
        resp = conn.getresponse()
        self.connected.set()
        for raw in resp:
            line = raw.decode("utf-8", "replace").strip()
            if line.startswith("data:"):
                self.events.put((time.perf_counter(), json.loads(line[5:])))

    connected = threading.Event()

    def wait_line(self, pattern: str, timeout: float) -> re.Match:
        deadline = time.perf_counter() + timeout
        while True:
            left = deadline - time.perf_counter()
            if left <= 0 or self.proc.poll() is not None:
                raise RuntimeError(f"no line matching {pattern!r}; serve said:\n" + "\n".join(self.log[-30:]))
            try:
                _, line = self.lines.get(timeout=min(left, 1))
            except queue.Empty:
                continue
            m = re.search(pattern, line)
            if m:
                return m

    def wait_reload(self, timeout: float) -> tuple[float, dict]:
        deadline = time.perf_counter() + timeout
        while True:
            t, msg = self.events.get(timeout=max(0.01, deadline - time.perf_counter()))
            if msg.get("kind") == "reload":
                return t, msg
            raise RuntimeError(f"the rebuild failed: {msg}")

    def drain_lines(self) -> None:
        while not self.lines.empty():
            self.lines.get_nowait()

    def peak_rss_kib(self) -> int:
        with open(f"/proc/{self.proc.pid}/status") as f:
            return int(re.search(r"VmHWM:\s+(\d+)", f.read()).group(1))

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def save_as_editor(path: str, text: str) -> float:
    """Writes a temporary file and renames it over `path`; returns the time of the rename."""
    tmp = os.path.join(os.path.dirname(path), "." + os.path.basename(path) + ".tmp")
    with open(tmp, "w") as f:
        f.write(text)
    t = time.perf_counter()
    os.replace(tmp, path)
    return t


def remove_now(path: str) -> float:
    t = time.perf_counter()
    os.remove(path)
    return t


def pick_page(site: str) -> str:
    """The first guide page by name: a page with tags, themes, related pages and backlinks."""
    guides = os.path.join(site, "content", "guides")
    for root, dirs, names in os.walk(guides):
        dirs.sort()
        pages = sorted(n for n in names if n.endswith(".md") and not n.startswith("_"))
        if pages:
            return os.path.join(root, pages[0])
    raise RuntimeError("no guide page in the corpus")


def busy_editor(serve: Serve, saves: list, cadence: float) -> list[float]:
    """Runs each of `saves` (a function saving a change and returning the time of the save)
    `cadence` seconds after the previous save, or as soon as the previous reload came when that
    is later (so that each reload is matched with its save); returns each save-to-reload time
    in ms."""
    out = []
    next_at = time.perf_counter()
    for save in saves:
        time.sleep(max(0.0, next_at - time.perf_counter()))
        t_write = save()
        next_at = t_write + cadence
        t_reload, _ = serve.wait_reload(600)
        out.append((t_reload - t_write) * 1000)
    return out


def with_title(text: str, suffix: str) -> str:
    return re.sub(r'^title: "(.*)"$', lambda m: f'title: "{m.group(1)} {suffix}"', text, count=1, flags=re.M)


def with_tag(text: str, tag: str) -> str:
    return re.sub(r'^tags: \[', f'tags: ["{tag}", ', text, count=1, flags=re.M)


def percentile(xs: list[float], q: float) -> float:
    """The q-quantile of xs, interpolated between the nearest ranks (statistics' "inclusive")."""
    if len(xs) == 1:
        return xs[0]
    return statistics.quantiles(xs, n=100, method="inclusive")[round(q * 100) - 1]


def summary(xs: list[float]) -> dict:
    return {"median": statistics.median(xs), "p90": percentile(xs, 0.9), "min": min(xs), "max": max(xs),
            "samples": [round(x, 1) for x in xs]}


def timing_lines(serve: Serve, since: int) -> list[str]:
    return [line.strip() for line in serve.log[since:] if not line.startswith("serving")]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    ap.add_argument("--pages", type=int, default=10000)
    ap.add_argument("--edits", type=int, default=15)
    ap.add_argument("--busy-edits", type=int, default=12, help="body edits of the busy editor (default 12)")
    ap.add_argument("--cadence", type=float, default=1.0, help="seconds between the busy editor's saves")
    ap.add_argument("--full-rounds", type=int, default=2,
                    help="rounds of full-path edits (title, tags, new page, page deleted)")
    ap.add_argument("--bench-dir", default=bench.BENCH, help="folder holding gen_corpus.py (default: bench/)")
    ap.add_argument("--lore", help="a lore binary (default: cargo build --release)")
    ap.add_argument("--results", default=RESULTS)
    args = ap.parse_args()

    machine = bench.machine_info()
    exe, why = bench.ensure_lore(args)
    if not exe:
        bench.log(why)
        return 1
    corpus_dir, why = bench.corpus(os.path.abspath(args.bench_dir), args.pages)
    if not corpus_dir:
        bench.log(why)
        return 1
    site = bench.lore_site(corpus_dir, args.pages, search=True)
    os.makedirs(os.path.join(site, "layouts"))
    shutil.copy(os.path.join(bench.REPO, "layouts", "base.html"), os.path.join(site, "layouts", "base.html"))
    os.makedirs(os.path.join(bench.WORK, "runs"), exist_ok=True)

    bench.log(f"clean lore build of {args.pages} pages")
    out = os.path.join(bench.WORK, "runs", f"serve-build-{args.pages}")
    bench.rmtree(out)
    load_before = os.getloadavg()[0]
    build = bench.run_measured([exe, "build", "--root", site, "--out", out], site,
                               os.path.join(bench.WORK, "runs", "serve-build.log"), 3600)
    bench.rmtree(out)
    if not build.ok:
        bench.log(f"lore build failed:\n{build.stderr_tail}")
        return 1
    bench.log(f"clean build {build.wall:.2f} s, peak RSS {bench.fmt_rss(build.rss_kib)}")

    bench.log("starting lore serve")
    t0 = time.perf_counter()
    serve = Serve(exe, site)
    try:
        startup = time.perf_counter() - t0
        if not serve.connected.wait(30):
            raise RuntimeError("could not connect to the reload channel")
        # The first build and its search index are done before serve prints its address.
        time.sleep(1)
        page = pick_page(site)
        original = open(page).read()
        body_ms = []
        for i in range(args.edits):
            serve.drain_lines()
            t_write = save_as_editor(page, original + f"\nOne more sentence, edit {i}, about farmer learning.\n")
            t_reload, _ = serve.wait_reload(600)
            body_ms.append((t_reload - t_write) * 1000)
            serve.wait_line(r"search index updated", timeout=600)
            bench.log(f"edit {i + 1}: {body_ms[-1]:.0f} ms to reload")

        busy_ms, busy_catch_up, busy_stopped = [], None, 0
        if args.busy_edits > 0:
            bench.log(f"busy editor: {args.busy_edits} body edits {args.cadence:g} s apart")
            serve.drain_lines()
            busy_since = len(serve.log)
            saves = [lambda i=i: save_as_editor(page, original + f"\nBusy edit {i}, about farmer learning.\n")
                     for i in range(args.busy_edits)]
            busy_ms = busy_editor(serve, saves, args.cadence)
            t_last = time.perf_counter() - busy_ms[-1] / 1000
            serve.wait_line(r"search index updated", timeout=600)
            busy_catch_up = time.perf_counter() - t_last
            busy_stopped = sum("search index given up" in x for x in serve.log[busy_since:])
            bench.log(f"busy editor: {', '.join(f'{x:.0f}' for x in busy_ms)} ms; search caught up "
                      f"{busy_catch_up:.2f} s after the last save")

        bench.log(f"full-path edits: {args.full_rounds} rounds of title, tags, new page, deletion")
        serve.drain_lines()
        full_since = len(serve.log)
        new_page = os.path.join(os.path.dirname(page), "zz-bench-new-page.md")
        full_saves, full_kinds = [], []
        for r in range(args.full_rounds):
            full_saves += [
                lambda r=r: save_as_editor(page, with_title(original, f"(title {r})")),
                lambda r=r: save_as_editor(page, with_tag(original, f"bench-tag-{r}")),
                lambda r=r: save_as_editor(new_page, with_title(original, f"(new page {r})")),
                lambda: remove_now(new_page),
            ]
            full_kinds += ["title", "tags", "new page", "page deleted"]
        full_ms = busy_editor(serve, full_saves, args.cadence)
        serve.wait_line(r"search index updated", timeout=600)
        bench.log("full-path edits: " + ", ".join(f"{k} {x:.0f}" for k, x in zip(full_kinds, full_ms)) + " ms")
        full_lines = timing_lines(serve, full_since)
        # Back to the original text before the layout edit.
        save_as_editor(page, original)
        serve.wait_reload(600)
        serve.wait_line(r"search index updated", timeout=600)
        since = len(serve.log)
        layout = os.path.join(site, "layouts", "base.html")
        text = open(layout).read()
        serve.drain_lines()
        t_write = save_as_editor(layout, text.replace("</body>", "<!-- benchmark edit -->\n</body>"))
        t_reload, _ = serve.wait_reload(3600)
        layout_s = t_reload - t_write
        # Layouts do not change the search index: no catch-up follows.
        serve.wait_line(r"^built ", timeout=60)
        bench.log(f"layout edit: {layout_s:.2f} s to reload (clean build {build.wall:.2f} s)")
        time.sleep(1)
        serve_rss = serve.peak_rss_kib()
        lines = timing_lines(serve, 0)
        layout_lines = timing_lines(serve, since)
    finally:
        serve.stop()
        # The hard-linked corpus is untouched (edits replaced the links); restore the page anyway.
        try:
            save_as_editor(page, original)
        except (NameError, OSError):
            pass
    load_after = os.getloadavg()[0]

    rec = {
        "pages": args.pages, "seed": bench.SEED, "edits": args.edits, "full_rounds": args.full_rounds,
        "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "machine": machine, "load_before": load_before, "load_after": load_after,
        "commit": bench.capture(["git", "rev-parse", "--short", "HEAD"], cwd=bench.REPO),
        "edited_page": os.path.relpath(page, site),
        "body_edit_ms": summary(body_ms),
        "cadence_s": args.cadence,
        "busy_body_edit_ms": summary(busy_ms) if busy_ms else None, "busy_search_catch_up_s": busy_catch_up,
        "busy_search_given_up": busy_stopped,
        "full_path_edit_ms": summary(full_ms) | {"kinds": full_kinds},
        "full_path_edit_median_ms": {k: statistics.median(x for kind, x in zip(full_kinds, full_ms) if kind == k)
                                     for k in dict.fromkeys(full_kinds)},
        "layout_edit_s": layout_s, "clean_build_s": build.wall,
        "serve_startup_s": startup,
        "serve_peak_rss_kib": serve_rss, "build_peak_rss_kib": build.rss_kib,
        "serve_log": lines[-60:], "full_path_log": full_lines, "layout_log": layout_lines,
    }
    md = report(rec)
    os.makedirs(args.results, exist_ok=True)
    stem = os.path.join(args.results, f"serve-{rec['date'][:10]}")
    with open(stem + ".json", "w") as f:
        json.dump(rec, f, indent=1)
    with open(stem + ".md", "w") as f:
        f.write(md + "\n")
    print(md)
    return 0


def report(r: dict) -> str:
    b, busy, full = r["body_edit_ms"], r["busy_body_edit_ms"], r["full_path_edit_ms"]
    rss_ratio = r["serve_peak_rss_kib"] / r["build_peak_rss_kib"]
    m = r["machine"]
    return "\n".join([
        f"## `lore serve` benchmark, {r['pages']:,} pages ({r['date'][:16].replace('T', ' ')})", "",
        f"Machine: {m['cores']} cores, {m['memory']}, {m['cpu']}; load average {r['load_before']:.1f} before, "
        f"{r['load_after']:.1f} after. lore {r['commit']}. Command: `python3 bench/serve.py --pages {r['pages']} "
        f"--edits {r['edits']} --busy-edits {len(busy['samples']) if busy else 0} --full-rounds {r['full_rounds']}`.", "",
        "| measure | figure | target |",
        "| --- | ---: | --- |",
        f"| one page's body edited, write to reload message (median of {r['edits']}) | {b['median']:.0f} ms "
        f"(min {b['min']:.0f}, max {b['max']:.0f}) | < 150 ms |",
        *([f"| busy editor: {len(busy['samples'])} body edits {r['cadence_s']:g} s apart, save to reload, median / p90 "
           f"| {busy['median']:.0f} / {busy['p90']:.0f} ms (max {busy['max']:.0f}) | ≤ 150 / ≤ 300 ms |",
           f"| busy editor: last save to the search index caught up ({r['busy_search_given_up']} indexes given up "
           f"meanwhile) | {r['busy_search_catch_up_s']:.2f} s | — |"] if busy else []),
        f"| full-path edits {r['cadence_s']:g} s apart (title, tags, new page, deletion), median / max "
        f"| {full['median']:.0f} / {full['max']:.0f} ms | ≤ 300 ms |",
        *[f"| full-path edit: {k}, median of {full['kinds'].count(k)} | {x:.0f} ms | ≤ 300 ms |"
          for k, x in r["full_path_edit_median_ms"].items()],
        f"| layout used by every page edited, write to reload message | {r['layout_edit_s']:.2f} s | "
        f"< clean build ({r['clean_build_s']:.2f} s) |",
        f"| peak RSS: serve (whole session) / clean build | {bench.fmt_rss(r['serve_peak_rss_kib'])} / "
        f"{bench.fmt_rss(r['build_peak_rss_kib'])} = {rss_ratio:.2f} | ≤ 1.5 |",
        f"| serve start-up (first build, search index included) | {r['serve_startup_s']:.2f} s | — |", "",
        f"Edited page: `{r['edited_page']}`. "
        + ("Busy editor, each edit in ms: " + ", ".join(f"{x:.0f}" for x in busy["samples"]) + ". " if busy else "")
        + "Full-path edits in ms: "
        + ", ".join(f"{k} {x:.0f}" for k, x in zip(full["kinds"], full["samples"])) + ". serve's own report of the layout edit (`--timings`): "
        + "; ".join(f"`{x}`" for x in r["layout_log"] if not x.startswith("peak")) + ".",
    ])


if __name__ == "__main__":
    sys.exit(main())
