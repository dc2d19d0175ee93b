// README's "Your first deck", step by step, as a new user meets it: the package made by `npm pack`,
// installed into a temporary global prefix (no dev dependencies, nothing from this checkout on the module
// path), then used in a separate git repository. Every command run here appears verbatim in README.md.
// Slow by nature (a pack and two installs, ≈ 1 min): the package is made once for the whole file, and the
// second install runs while the walkthrough builds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, sep } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const PKG = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; scripts: Record<string, string>; devDependencies: Record<string, string> };
const SLOW = { timeout: 240_000 };

let tmp: string;
let tarball: string;
let prefix: string;
let env: NodeJS.ProcessEnv;
/** The per-repository install, run in the background while the walkthrough builds (it is mostly disk writes). */
let localInstall: Promise<number | null>;
let installer: ReturnType<typeof spawn> | undefined;

/** npm's own variables from `npm test` would steer the inner npm; keep only the shared cache and registry. */
function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k) || /^npm_config_(cache|registry)$/i.test(k)) out[k] = v;
  delete out.NODE_PATH;
  delete out.NODE_OPTIONS;
  return { ...out, ...extra };
}

function run(cmd: string, args: string[], cwd: string, e: NodeJS.ProcessEnv = env): SpawnSyncReturns<string> {
  return spawnSync(cmd, args, { cwd, env: e, encoding: 'utf8', maxBuffer: 1 << 26 });
}

function ok(r: SpawnSyncReturns<string>, what: string): string {
  if (r.status !== 0) throw new Error(`${what} exited ${r.status}\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/** README says this, whatever the line breaks. */
function readmeSays(text: string): void {
  const flat = (t: string) => t.replace(/\s+/g, ' ');
  expect(flat(README), `README.md says: ${text}`).toContain(flat(text));
}

/** A shell line from README, run as written. */
function step(line: string, cwd: string): SpawnSyncReturns<string> {
  expect(README, `README.md shows: ${line}`).toContain(line);
  return run('sh', ['-c', line], cwd);
}

beforeAll(() => {
  tmp = realpathSync(mkdtempSync(join(tmpdir(), 'gonogo-first-deck-')));
  // A clean copy of the checkout (no node_modules, dist or built decks), so the pack builds the bundle afresh
  // and leaves this checkout's dist/ alone; its node_modules is this one's (esbuild for the prepack build).
  const copy = join(tmp, 'gonogo');
  const skip = new Set(['node_modules', '.git', 'dist', 'out', '.vitest-cache']);
  cpSync(ROOT, copy, { recursive: true, filter: (p) => !skip.has(basename(p)) && !p.endsWith('.tgz') && !relative(ROOT, p).startsWith(`bench${sep}out`) });
  symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'));
  ok(run('npm', ['pack', '--pack-destination', tmp, '--silent'], copy, cleanEnv()), 'npm pack');
  tarball = join(tmp, `gonogo-${PKG.version}.tgz`);
  prefix = join(tmp, 'prefix');
  ok(run('npm', ['install', '-g', '--prefix', prefix, tarball, '--no-audit', '--no-fund', '--prefer-offline'], tmp, cleanEnv()), 'npm install -g');
  const other = join(tmp, 'other');
  mkdirSync(other);
  writeFileSync(join(other, 'package.json'), '{ "name": "team-analytics", "private": true }\n');
  const log = openSync(join(tmp, 'npm-install-D.log'), 'w');
  installer = spawn('npm', ['install', '-D', tarball, '--no-audit', '--no-fund', '--prefer-offline'], { cwd: other, env: cleanEnv(), stdio: ['ignore', log, log] });
  const child = installer;
  localInstall = new Promise((resolve) => child.on('close', resolve));
  writeFileSync(join(tmp, 'gitconfig'), '[user]\n\tname = A Lead\n\temail = lead@example.com\n[init]\n\tdefaultBranch = main\n');
  // A user's shell: the installed gonogo first on PATH, git without this machine's global or system config.
  env = cleanEnv({ PATH: [join(prefix, 'bin'), dirname(process.execPath), '/usr/local/bin', '/usr/bin', '/bin'].join(':'), GIT_CONFIG_GLOBAL: join(tmp, 'gitconfig'), GIT_CONFIG_NOSYSTEM: '1' });
}, 300_000);

afterAll(async () => {
  if (installer && installer.exitCode === null && installer.signalCode === null) {
    installer.kill();
    await localInstall;
  }
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('the package', () => {
  it('ships the built bundle, assets, templates and starter — no sources, tests, benchmarks, decks or maps', () => {
    const files = ok(run('tar', ['tzf', tarball], tmp), 'tar').split('\n').filter(Boolean).map((f) => f.replace(/^package\//, ''));
    for (const f of ['bin/gonogo.js', 'bin/code-cache.cjs', 'dist/gonogo.cjs', 'dist/chart-worker.cjs', 'dist/THIRD-PARTY-LICENSES.txt', 'assets/theme.yaml', 'assets/fonts/Carlito-OFL.txt', 'assets/fonts/LiberationSans-OFL.txt', 'assets/fonts/Inter-OFL.txt', 'templates/exec-title.hbs', 'templates/starter/gonogo.yaml', 'templates/starter/metrics.csv', 'README.md', 'package.json'])
      expect(files).toContain(f);
    // no V8 code cache from the machine that packed it (each machine makes its own on first run)
    expect(files.filter((f) => f.startsWith('dist/.cache/'))).toEqual([]);
    expect(files.filter((f) => /^(src|test|bench|decks|scripts|node_modules)\//.test(f) || f.endsWith('.map') || f.endsWith('.ts'))).toEqual([]);
    // The bundle carries other packages' code: their licences ship with it.
    const licences = ok(run('tar', ['xzOf', tarball, 'package/dist/THIRD-PARTY-LICENSES.txt'], tmp), 'tar');
    for (const bundled of ['vega@', 'vega-lite@', 'pptxgenjs@', 'yargs@', 'zod@', 'handlebars@', 'fontkit@']) expect(licences).toContain(bundled);
  });

  it('needs no install script and installs no dev dependency', () => {
    const installed = join(prefix, 'lib', 'node_modules', 'gonogo');
    const pkg = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
    // `prepare` builds the bundle in a clone (npm ci) and before packing; npm never runs it for a package installed
    // from a tarball or the registry, which is what this installation is (it would fail here: scripts/ is not shipped).
    expect(Object.keys(pkg.scripts ?? {}).filter((s) => /^(pre|post)?install$/.test(s))).toEqual([]);
    const modules = readdirSync(join(installed, 'node_modules'));
    // The build tools and the bundled libraries (a dependency of a dependency may share a devDependency's name).
    for (const dev of ['esbuild', 'vitest', 'typescript', 'tsx', 'fast-check', 'vega', 'vega-lite', 'pptxgenjs', 'yargs', 'zod', 'handlebars', 'fontkit']) {
      expect(Object.keys(PKG.devDependencies)).toContain(dev);
      expect(existsSync(join(installed, 'node_modules', dev)), dev).toBe(false);
    }
    expect(modules).toEqual(expect.arrayContaining(['@duckdb', '@resvg']));
  });
});

describe("README: your first deck, in a new repository outside this one", () => {
  let repo: string;
  const deck = () => join(repo, 'checkout-flow');

  it('1–3: version, init (git set up as README says), build with raw and precomputed metrics', SLOW, () => {
    const version = step('gonogo --version', tmp);
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toBe(PKG.version);
    ok(step('mkdir decisions && cd decisions && git init', tmp), 'git init');
    repo = join(tmp, 'decisions');
    const init = step('gonogo init checkout-flow', repo);
    expect(init.status, init.stderr).toBe(0);
    expect(readdirSync(deck()).sort()).toEqual(['.gitattributes', '.gitignore', 'gonogo.schema.json', 'gonogo.yaml', 'metrics.csv']);
    // The driver names the installed gonogo by absolute path, never npx.
    const driver = ok(run('git', ['config', 'diff.gonogo.textconv'], repo), 'git config').trim();
    expect(driver).toContain(join(prefix, 'lib', 'node_modules', 'gonogo', 'bin', 'gonogo.js'));
    expect(driver).not.toMatch(/npx/);

    const build = step('gonogo build checkout-flow', repo);
    expect(build.status, build.stderr).toBe(0);
    expect(build.stdout).toMatch(/^Go — ship to 100% \(option A\)/);
    expect(existsSync(join(deck(), 'out', 'checkout-flow.pptx'))).toBe(true);
    // Both metric forms were read: intervals computed from raw aggregates, and precomputed ones taken as given.
    const outline = readFileSync(join(deck(), 'out', 'checkout-flow.md'), 'utf8');
    for (const method of ['Newcombe', 'Welch', 'Poisson', 'Precomputed (taken as supplied)']) expect(outline).toContain(method);
  });

  it('4–5: commit two versions; git diff reads the PPTX as text and gonogo diff names the verdict change', SLOW, () => {
    const ignore = join(deck(), '.gitignore');
    readmeSays('delete the line `out/` from `checkout-flow/.gitignore`');
    writeFileSync(ignore, readFileSync(ignore, 'utf8').replace(/^out\/\n/m, ''));
    ok(step('git add . && git commit -m "Checkout flow: first read"', repo), 'first commit');
    expect(ok(run('git', ['ls-files', 'checkout-flow/out'], repo), 'ls-files')).toContain('checkout-flow/out/checkout-flow.pptx');
    expect(ok(run('git', ['ls-files', 'checkout-flow/out/.cache'], repo), 'ls-files')).toBe('');

    const csv = join(deck(), 'metrics.csv');
    const row = 'support_contacts,treatment,all,,,,,2496,40100,,,';
    expect(readFileSync(csv, 'utf8')).toContain(row);
    readmeSays('change the events of the `support_contacts,treatment` row from `2496` to `2950`');
    writeFileSync(csv, readFileSync(csv, 'utf8').replace(row, row.replace('2496', '2950')));
    const rebuilt = step('gonogo build checkout-flow', repo);
    expect(rebuilt.status, rebuilt.stderr).toBe(0);
    expect(rebuilt.stdout).toMatch(/^No-go — hold and iterate \(option B\)/);

    const diff = step('git diff checkout-flow/out/checkout-flow.pptx', repo);
    expect(diff.status).toBe(0);
    expect(diff.stdout).not.toContain('Binary files');
    expect(diff.stdout).toContain('-Recommendation: Go — ship to 100% (option A).');
    expect(diff.stdout).toMatch(/^\+Recommendation: No-go — hold and iterate \(option B\)/m);
    expect(diff.stdout).toMatch(/^\+\+18\.7%$/m); // the support contacts' change on the summary slide

    ok(step('git commit -am "Checkout flow: support contacts up"', repo), 'second commit');
    const decision = step('gonogo diff checkout-flow --from HEAD~1', repo);
    expect(decision.status, decision.stderr).toBe(1); // diff(1): 1 means the decks differ
    expect(decision.stdout.split('\n')).toContain('Verdict changed: Go — ship to 100% → No-go — hold and iterate');
  });

  it('a fresh clone sets git up with gonogo git-setup and reads the committed history as text', SLOW, () => {
    ok(run('git', ['clone', '-q', repo, 'clone'], tmp), 'git clone');
    const clone = join(tmp, 'clone');
    expect(ok(run('git', ['diff', 'HEAD~1', '--', 'checkout-flow/out/checkout-flow.pptx'], clone), 'git diff')).toContain('Binary files');
    const setup = step('gonogo git-setup', clone);
    expect(setup.status, setup.stderr).toBe(0);
    const log = ok(run('git', ['log', '-p', '--format=%s', '--', 'checkout-flow/out/checkout-flow.pptx'], clone), 'git log -p');
    expect(log).toContain('+Recommendation: No-go — hold and iterate (option B).');
    expect(log).toContain('+Recommendation: Go — ship to 100% (option A).'); // the first commit, as added text
  });

  it('installed per repository as a devDependency, npx runs that installation', SLOW, async () => {
    const other = join(tmp, 'other');
    readmeSays('npm install -D /path/to/gonogo-0.1.0.tgz');
    const status = await localInstall;
    expect(status, readFileSync(join(tmp, 'npm-install-D.log'), 'utf8')).toBe(0);
    const localEnv = { ...env, PATH: [dirname(process.execPath), '/usr/local/bin', '/usr/bin', '/bin'].join(':') }; // no global gonogo
    const version = run('npx', ['--no-install', 'gonogo', '--version'], other, localEnv);
    expect(version.status, version.stderr).toBe(0);
    expect(version.stdout.trim()).toBe(PKG.version);
    cpSync(deck(), join(other, 'deck'), { recursive: true });
    const validate = run('npx', ['--no-install', 'gonogo', 'validate', 'deck'], other, localEnv);
    expect(validate.status, validate.stderr).toBe(0);

    // A metric by SQL: DuckDB (a native dependency) loads from this installation.
    const sqlDeck = join(other, 'sql-deck');
    mkdirSync(join(sqlDeck, 'data'), { recursive: true });
    const sessions = Array.from({ length: 4000 }, (_, i) => `${i},${i % 2 ? 'treatment' : 'control'},${(i >> 1) % 100 < (i % 2 ? 36 : 30) ? 1 : 0}`);
    writeFileSync(join(sqlDeck, 'data', 'sessions.csv'), ['session_id,arm,converted', ...sessions].join('\n') + '\n');
    writeFileSync(join(sqlDeck, 'gonogo.yaml'), [
      'version: 1',
      'deck: { title: Checkout by SQL, owner: A Lead, date: 2026-01-15 }',
      'decision: { question: Ship the new checkout?, options: [{ id: A, label: Ship }, { id: B, label: Hold }] }',
      'source: { engine: duckdb }',
      'metrics:',
      '  - id: conversion',
      '    label: Checkout conversion',
      '    kind: proportion',
      '    unit: share of sessions',
      '    better: higher',
      '    role: primary',
      `    from: { sql: "select arm, 'all' as segment, count(*) as n, sum(converted) as successes from sessions group by arm" }`,
      'criteria:',
      '  go: { label: Go, option: A, all: [{ metric: conversion, ci_lower: { at_least: 0pp } }] }',
      '  no_go: { label: No-go, option: B, any: [{ metric: conversion, ci_upper: { at_most: 0pp } }] }',
      '',
    ].join('\n'));
    const pull = run('npx', ['--no-install', 'gonogo', 'pull', 'sql-deck'], other, localEnv);
    expect(pull.status, pull.stderr).toBe(0);
    const lock = JSON.parse(readFileSync(join(sqlDeck, 'metrics.lock.json'), 'utf8'));
    expect(JSON.stringify(lock)).toContain('"successes":720'); // 36 of every 100 treatment sessions, of 2,000
    const build = run('npx', ['--no-install', 'gonogo', 'build', 'sql-deck'], other, localEnv);
    expect(build.status, build.stderr).toBe(0);
    expect(build.stdout).toMatch(/^Go \(option A\)/);
  });
});
