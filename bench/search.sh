#!/usr/bin/env bash
# Search benchmark: lore against Pagefind on the same generated corpus, measured by the search
# harness in bench/search/ (headless Chromium, gzip, bytes and round trips per query, MRR@10),
# plus lore's index build time and query time in Node.
#
#   bench/search.sh [PAGES] [WORK]        defaults: 10000 pages, bench/work/search
#   LORE_BIN=path/to/lore RTT_MS=150 bench/search.sh      (a given binary; added latency)
#   LORE_BENCH=DIR bench/search.sh        (another copy of gen_corpus.py and search/, e.g. ../shared/bench)
#   ENGINES=lore bench/search.sh          (lore's side only: no Pagefind, no network; the report
#                                          then has lore's figures and the layouts' replay alone)
#
# Needs: cargo, python3 with markdown + pyyaml (for the harness), node, Debian's chromium,
# `npm ci` at the repository root (playwright-core), and network for `npm i pagefind` the first time.
# Writes bench/results/search-<date>.json and .md.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
pages=${1:-10000}
work=${2:-$here/bench/work/search}
bench=${LORE_BENCH:-$here/bench}
if [ ! -d "$here/node_modules/playwright-core" ]; then
  (cd "$here" && npm ci --silent --no-audit --no-fund)
fi
# The harness runs from a copy in WORK, beside a link to the repository's packages, so that a
# harness from elsewhere (LORE_BENCH) finds playwright-core too.
harness=$work/harness
mkdir -p "$harness"
cp "$bench"/search/*.py "$bench"/search/*.mjs "$harness/"
ln -sfn "$here/node_modules" "$harness/node_modules"
rtt=${RTT_MS:-150}
# The harness needs the `markdown` and `yaml` modules: take the first Python that has them.
if [ -z "${PYTHON:-}" ]; then
  for candidate in python3 /usr/bin/python3; do
    if "$candidate" -c 'import markdown, yaml' 2> /dev/null; then PYTHON=$candidate; break; fi
  done
fi
py=${PYTHON:-python3}
date=$(date -u +%Y-%m-%d)
results=$here/bench/results
mkdir -p "$work" "$results"

step() { printf '\n== %s\n' "$*" >&2; }

step "lore binary"
if [ -z "${LORE_BIN:-}" ]; then
  (cd "$here" && cargo build --release --quiet)
fi
lore=${LORE_BIN:-$here/target/release/lore}
commit=$(cd "$here" && git rev-parse --short HEAD)

corpus=$work/corpus-$pages
if [ ! -f "$corpus/_index.md" ]; then
  step "corpus: $pages pages, seed 7"
  "$py" "$bench/gen_corpus.py" "$corpus" --pages "$pages" --seed 7
fi
"$py" "$harness/make_queries.py" "$corpus" --n 200 --seed 3 --out "$work/queries.jsonl"
"$py" "$harness/make_typos.py" "$work/queries.jsonl" "$work/typos.jsonl" 11

step "lore builds, without and with the search index"
site=$work/lore-site
mkdir -p "$site"
# The corpus as content, the way bench/run.py lays it out: hard links, its tools' files as
# addresses on another host, and a site host of its own (the corpus links to example.org, which
# lore's link check would otherwise hold to the pages it builds).
rm -rf "$site/content"
"$py" -c 'import sys; sys.path.insert(0, sys.argv[1]); import run; run.link_tree(sys.argv[2], sys.argv[3]); run.tools_as_addresses(sys.argv[3] + "/toolkits")' \
  "$here/bench" "$corpus" "$site/content"
write_config() {
  cat > "$site/site.yaml" <<EOF
title: Search benchmark
base_url: https://bench.example.org
languages:
  - code: en
    name: English
search:
  enabled: $1
EOF
}
timed_build() { # out-dir -> wall seconds on stdout, timings in out-dir.log
  local start end
  # A fresh output folder, as in CI: replacing an old one would add its deletion to the time.
  rm -rf "$1"
  start=$(date +%s.%N)
  "$lore" build --root "$site" --out "$1" --timings > "$1.log" 2>&1
  end=$(date +%s.%N)
  awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f\n", b - a }'
}
min() { awk -v a="$1" -v b="$2" 'BEGIN { print (a < b ? a : b) }'; }
# Each build twice, the faster kept: a shared machine adds noise.
write_config false
wall_without=$(min "$(timed_build "$work/lore-public-nosearch")" "$(timed_build "$work/lore-public-nosearch")")
write_config true
first=$(timed_build "$work/lore-public")
stage1=$(awk '/search index/ {print $3}' "$work/lore-public.log")
second=$(timed_build "$work/lore-public")
stage2=$(awk '/search index/ {print $3}' "$work/lore-public.log")
wall_with=$(min "$first" "$second")
stage_ms=$(min "$stage1" "$stage2")
total_ms=$(awk '/ in [0-9.]+ s/ {for (i=1;i<=NF;i++) if ($i=="in") print $(i+1)*1000}' "$work/lore-public.log" | tail -1)
rm -rf "$work/lore-public-nosearch"

engines=${ENGINES:-lore pagefind}
if [ "$engines" != lore ]; then
step "Pagefind on the same pages"
if [ ! -x "$work/pagefind/node_modules/@pagefind/linux-x64/bin/pagefind_extended" ]; then
  # A package.json of its own, or npm would install into the repository's.
  mkdir -p "$work/pagefind" && (cd "$work/pagefind" && echo '{"private": true}' > package.json &&
    npm i --no-audit --no-fund pagefind@1.6 >/dev/null)
fi
pf_version=$(node -p "require('$work/pagefind/node_modules/pagefind/package.json').version")
rm -rf "$work/pf-site"
"$py" "$harness/html_site.py" "$corpus" "$work/pf-site" > /dev/null
"$work/pagefind/node_modules/@pagefind/linux-x64/bin/pagefind_extended" --site "$work/pf-site" > "$work/pagefind.log" 2>&1
fi

step "harness runs (RTT $rtt ms per response)"
for engine in $engines; do
  dir=$([ "$engine" = lore ] && echo "$work/lore-public" || echo "$work/pf-site")
  for set in queries typos; do
    node "$harness/search_eval.mjs" --site "$dir" --engine "$engine" --queries "$work/$set.jsonl" \
      --rtt-ms "$rtt" --out "$work/$engine-$set.json" > "$work/$engine-$set.txt"
    cat "$work/$engine-$set.txt" >&2
  done
done

step "lore query time in Node, files already loaded"
node --input-type=module - "$work/lore-public" "$work/queries.jsonl" "$work/typos.jsonl" > "$work/node-query.json" <<'EOF'
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
const [site, ...files] = process.argv.slice(2);
const m = await import(pathToFileURL(`${site}/search/search.js`).href);
const out = {};
for (const f of files) {
  const qs = fs.readFileSync(f, 'utf8').trim().split('\n').map(JSON.parse);
  const ms = [];
  for (const q of qs) {
    await m.search(q.q, { lang: q.lang });
    const t0 = performance.now();
    await m.search(q.q, { lang: q.lang });
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  const at = (p) => ms[Math.min(ms.length - 1, Math.floor(p * ms.length))];
  out[f.split('/').pop()] = { median_ms: at(0.5), p95_ms: at(0.95), max_ms: ms[ms.length - 1] };
}
console.log(JSON.stringify(out));
EOF

step "the same requests replayed under other index layouts (bench/index_layouts.mjs)"
node "$here/bench/index_layouts.mjs" "$work/lore-public" "$work/lore-queries.json" "$work/lore-typos.json" > "$work/layouts.md"
cat "$work/layouts.md" >&2
if [ "$engines" = lore ]; then
  # shellcheck disable=SC2016 # Markdown's backticks, not a command
  {
    printf '# Search benchmark, lore only, %s (lore %s, %s pages, %s ms added per response)\n\n' "$date" "$commit" "$pages" "$rtt"
    printf 'Made by `ENGINES=lore bench/search.sh`.\n\n## 200 known-item queries\n\n```\n'
    cat "$work/lore-queries.txt"
    printf '```\n\n## The same with one typo\n\n```\n'
    cat "$work/lore-typos.txt"
    printf '```\n\n## Other index layouts, the same requests replayed\n\n'
    cat "$work/layouts.md"
  } > "$results/search-$date-lore.md"
  echo "lore only: wrote $results/search-$date-lore.md" >&2
  exit 0
fi

step "report"
node --input-type=module - "$work" "$results/search-$date" "$commit" "$pages" "$rtt" "$wall_without" "$wall_with" "$stage_ms" "$total_ms" "$pf_version" <<'EOF'
import fs from 'node:fs';
const [work, out, commit, pages, rtt, wallWithout, wallWith, stageMs, totalMs, pfVersion] = process.argv.slice(2);
const load = (f) => JSON.parse(fs.readFileSync(`${work}/${f}`, 'utf8'));
const pick = (r) => ({
  mrr10: r.metrics['mrr@10'], recall1: r.metrics['recall@1'], recall10: r.metrics['recall@10'],
  cold_bytes: r.metrics.bytes.cold[0], cold_requests: r.metrics.bytes.cold_requests[0], cold_chain: r.metrics.bytes.cold_chain[0],
  cold_ms: r.metrics.latency_ms.cold[0], warm_median_bytes: r.metrics.bytes.warm_median, warm_p95_bytes: r.metrics.bytes.warm_p95,
  warm_median_chain: r.metrics.bytes.warm_median_chain, warm_median_ms: r.metrics.latency_ms.warm_median,
  index_served_bytes: r.index_size.without_ui?.served_bytes ?? r.index_size.served_bytes, index_files: r.index_size.files,
});
const report = {
  date: new Date().toISOString(), lore_commit: commit, pages: Number(pages), rtt_ms: Number(rtt),
  env: load('lore-queries.json').env, pagefind_version: pfVersion,
  build: { wall_s_without_search: Number(wallWithout), wall_s_with_search: Number(wallWith), search_stage_ms: Number(stageMs), reported_total_ms: Number(totalMs) },
  node_query: load('node-query.json'),
  lore: { queries: pick(load('lore-queries.json')), typos: pick(load('lore-typos.json')) },
  pagefind: { queries: pick(load('pagefind-queries.json')), typos: pick(load('pagefind-typos.json')) },
};
fs.writeFileSync(`${out}.json`, JSON.stringify(report, null, 2) + '\n');
const kb = (b) => `${(b / 1000).toFixed(1)} kB`;
const b = report.build;
const row = (name, f) => `| ${name} | ${f(report.lore)} | ${f(report.pagefind)} |`;
const md = `# Search benchmark, ${report.date.slice(0, 10)} (lore ${commit}, ${pages} pages, Pagefind ${pfVersion})

Made by \`bench/search.sh\` with the harness in bench/search, ${rtt} ms added per response,
${report.env.cpus} CPUs, ${report.env.chromium}. 200 known-item queries (make_queries.py seed 3), the same with one typo (make_typos.py seed 11).

| | lore | Pagefind |
| --- | --- | --- |
${row('MRR@10', (e) => e.queries.mrr10.toFixed(3))}
${row('MRR@10, one typo', (e) => e.typos.mrr10.toFixed(3))}
${row('recall@1 / @10', (e) => `${e.queries.recall1.toFixed(3)} / ${e.queries.recall10.toFixed(3)}`)}
${row('first search: bytes (requests)', (e) => `${kb(e.queries.cold_bytes)} (${e.queries.cold_requests})`)}
${row('first search: sequential round trips', (e) => e.queries.cold_chain)}
${row('first search: time', (e) => `${Math.round(e.queries.cold_ms)} ms`)}
${row('later searches: median / p95 bytes', (e) => `${kb(e.queries.warm_median_bytes)} / ${kb(e.queries.warm_p95_bytes)}`)}
${row('later searches: median round trips, time', (e) => `${e.queries.warm_median_chain}, ${Math.round(e.queries.warm_median_ms)} ms`)}
${row('first search with a typo: bytes, round trips', (e) => `${kb(e.typos.cold_bytes)}, ${e.typos.cold_chain}`)}
${row('index as served (files)', (e) => `${kb(e.queries.index_served_bytes)} (${e.queries.index_files})`)}

First search, lore / Pagefind bytes: ${(report.lore.queries.cold_bytes / report.pagefind.queries.cold_bytes).toFixed(2)}.

lore build: ${b.wall_s_without_search.toFixed(1)} s without the search index, ${b.wall_s_with_search.toFixed(1)} s with it
(search index stage ${(b.search_stage_ms / 1000).toFixed(1)} s, ${((100 * b.search_stage_ms) / (b.wall_s_with_search * 1000 - b.search_stage_ms)).toFixed(0)} % of the rest of the build; the wall-time difference is
${((100 * (b.wall_s_with_search - b.wall_s_without_search)) / b.wall_s_without_search).toFixed(0)} %, which also counts the other stages' run-to-run noise). Each build ran twice into a fresh folder; the faster run is kept.

Query time in Node once a query's files are loaded: ${Object.entries(report.node_query).map(([k, v]) => `${k} median ${v.median_ms.toFixed(1)} ms, p95 ${v.p95_ms.toFixed(1)} ms`).join('; ')}.
`;
fs.writeFileSync(`${out}.md`, md);
console.log(md);
EOF
