#!/usr/bin/env python3
"""The image stage of `lore build`, measured: a site of N pages each showing one picture of
2 to 4 megapixels, built once with an empty image cache (every picture decoded, resized and
encoded) and once more with the cache the first build left (no image work).

    python3 bench/images.py                  # 100 pictures, release binary (built if missing)
    python3 bench/images.py --count 20 --lore target/release/lore --keep /tmp/img-site

Python 3 standard library only. The pictures are generated (PNG, a landscape of gradients,
hills and fine noise, so that they compress as photographs do rather than as flat drawings);
`example_picture()` made the example site's pictures under content/:

    python3 -c "import sys; sys.path.insert(0, 'bench'); import images; \\
        images.example_picture('content/guides/joint-learning-events/field-visit.png', 1200, 800, 2); \\
        images.example_picture('content/guides/communities-of-practice/hills-at-dusk.png', 1000, 700, 5)"
"""

import argparse
import os
import random
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def png(width, height, rows):
    """A PNG file (8-bit RGB) from `rows`, each `width * 3` bytes."""
    raw = b"".join(b"\x00" + r for r in rows)

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 6)) + chunk(b"IEND", b"")


def picture(width, height, seed, noise=24):
    """A landscape: sky gradient, two rows of hills, a sun; with `noise` (0-255) of grain.

    Each pixel channel holds a class (sky, far hill, near hill, sun: R, G or B), updated as
    the rows go down; a row's bytes are its classes through that row's colour table
    (`bytes.translate`), and the grain is added as one big integer per row (no carries: the
    colours stay below 256 - noise). That keeps 4 megapixels to about a second."""
    import math

    rnd = random.Random(seed)
    cap = 255 - noise
    sky_top = (rnd.randrange(60, 120), rnd.randrange(120, 170), rnd.randrange(180, 230))
    sky_low = (rnd.randrange(200, 230), rnd.randrange(190, 220), rnd.randrange(150, 200))
    hill = (rnd.randrange(40, 90), rnd.randrange(110, 160), rnd.randrange(40, 80))
    far = tuple(min(cap, c + 50) for c in hill)
    sun = (cap, cap - 10, min(cap, 200))
    phase = rnd.random() * 6.28
    starts = {}
    for x in range(width):
        far_y = int(height * (0.55 + 0.08 * math.sin(x / width * 7 + phase)))
        near_y = int(height * (0.72 + 0.06 * math.sin(x / width * 11 + phase * 2)))
        starts.setdefault(far_y, []).append((x, b"\x03\x04\x05"))
        starts.setdefault(near_y, []).append((x, b"\x06\x07\x08"))
    sun_x, sun_y, sun_r = int(width * rnd.uniform(0.2, 0.8)), int(height * 0.22), max(4, height // 12)
    classes = bytearray(b"\x00\x01\x02" * width)
    grain_table = bytes(i * noise // 256 for i in range(256))
    rows = []
    for y in range(height):
        t = y / height
        for x, cls in sorted(starts.get(y, [])):
            classes[3 * x : 3 * x + 3] = cls
        sky = [min(cap, int(a + (b - a) * t)) for a, b in zip(sky_top, sky_low)]
        near = [max(0, c - int(40 * t)) for c in hill]
        table = bytes(sky + list(far) + near + list(sun)) + bytes(244)
        row_classes = classes
        dy = y - sun_y
        if abs(dy) < sun_r:
            half = int((sun_r * sun_r - dy * dy) ** 0.5)
            a, b = max(0, sun_x - half), min(width, sun_x + half)
            row_classes = bytearray(classes)
            for x in range(a, b):
                if row_classes[3 * x] == 0:
                    row_classes[3 * x : 3 * x + 3] = b"\x09\x0a\x0b"
        row = bytes(row_classes).translate(table)
        if noise:
            grain = os.urandom(3 * width).translate(grain_table)
            row = (int.from_bytes(row, "big") + int.from_bytes(grain, "big")).to_bytes(3 * width, "big")
        rows.append(row)
    return png(width, height, rows)


def example_picture(path, width, height, seed):
    """A small picture for the example site."""
    Path(path).write_bytes(picture(width, height, seed, noise=0))


SITE_YAML = "title: Image benchmark\nbase_url: https://bench.example.org\n"


def make_site(root, count):
    """A site of `count` pages, each with one picture of 2 to 4 megapixels."""
    rnd = random.Random(1)
    for i in range(count):
        mp = rnd.uniform(2.0, 4.0) * 1e6
        w = int((mp * 1.5) ** 0.5)
        h = int(mp / w)
        folder = root / "content" / "photos" / f"p{i:03}"
        folder.mkdir(parents=True)
        (folder / "picture.png").write_bytes(picture(w, h, seed=i))
        (folder / "index.md").write_text(
            f"---\ntitle: Picture {i}\n---\n\nA field, seen from the road.\n\n![Hills under a {w}×{h} sky](picture.png)\n"
        )
    (root / "site.yaml").write_text(SITE_YAML)


def timed_build(lore, root, out):
    """Wall seconds, CPU seconds (user + sys: less disturbed than wall time on a shared machine)
    and peak RSS in MiB of one build."""
    start = time.perf_counter()
    proc = subprocess.Popen([lore, "build", "--root", str(root), "--out", str(out)], stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"lore build failed on {root}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--count", type=int, default=100)
    ap.add_argument("--lore", default=str(REPO / "target/release/lore"))
    ap.add_argument("--keep", help="build the site here and keep it")
    args = ap.parse_args()
    if not Path(args.lore).exists():
        subprocess.run(["cargo", "build", "--release"], cwd=REPO, check=True)
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="lore-images-"))
    if work.exists() and args.keep:
        shutil.rmtree(work)
    work.mkdir(parents=True, exist_ok=True)
    root = work / "site"
    start = time.perf_counter()
    make_site(root, args.count)
    source_mb = sum(f.stat().st_size for f in (root / "content").rglob("*.png")) / 1e6
    print(f"{args.count} pictures generated ({source_mb:.0f} MB of PNG) in {time.perf_counter() - start:.0f} s")
    first = timed_build(args.lore, root, work / "public")
    second = timed_build(args.lore, root, work / "public")
    out = work / "public"
    webp = sum(f.stat().st_size for f in out.rglob("*.webp"))
    variants = len(list(out.rglob("*w.webp")))
    for name, (wall, cpu, rss) in (("first build (empty image cache)", first), ("second build (cached images)   ", second)):
        print(f"{name}: {wall:.1f} s wall, {cpu:.1f} s CPU, peak RSS {rss:.0f} MiB")
    print(f"{variants} WebP variants, {webp / 1e6:.1f} MB; cores: {os.cpu_count()}, load average {os.getloadavg()[0]:.1f}")
    if not args.keep:
        shutil.rmtree(work)


if __name__ == "__main__":
    sys.exit(main())
