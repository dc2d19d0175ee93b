import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { runCli } from '../support/cli.js';
import { runUntil } from '../../src/pipeline.js';
import { specJsonSchema } from '../../src/spec/json-schema.js';
import { shellWord } from '../../src/cli/git-setup.js';

const ROOT = join(import.meta.dirname, '..', '..');
const root = mkdtempSync(join(tmpdir(), 'gonogo-init-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** git isolated from the machine's global and system config. */
function git(cwd: string, ...args: string[]) {
  return spawnSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' } });
}

describe('gonogo init', () => {
  it('creates a deck folder that passes validate, with the schema for editors and a .gitignore for built decks', async () => {
    const r = await runCli(['init', 'decks/new-deck'], { cwd: root });
    expect(r.code).toBe(0);
    const dir = join(root, 'decks', 'new-deck');
    expect(readdirSync(dir).sort()).toEqual(['.gitattributes', '.gitignore', 'gonogo.schema.json', 'gonogo.yaml', 'metrics.csv']);
    expect(readFileSync(join(dir, '.gitattributes'), 'utf8')).toContain('*.pptx diff=gonogo');
    const yaml = readFileSync(join(dir, 'gonogo.yaml'), 'utf8');
    expect(yaml.split('\n')[0]).toBe('# yaml-language-server: $schema=gonogo.schema.json');
    expect(JSON.parse(readFileSync(join(dir, 'gonogo.schema.json'), 'utf8'))).toEqual(specJsonSchema());
    // Outside a repository nothing is configured, and the message says what to run later.
    expect(r.stdout).toContain('gonogo git-setup');
    expect(r.stdout).not.toContain('npx gonogo textconv');
    const v = await runCli(['validate', 'decks/new-deck', '--json'], { cwd: root });
    expect(v.stderr).toBe('');
    expect(v.code).toBe(0);
    expect(JSON.parse(v.stdout)).toMatchObject({ ok: true, verdict: { criterion: 'go' } });
  });

  it('ignores out/.cache always and out/ until the user deletes that one line', async () => {
    const dir = join(root, 'ignored');
    expect((await runCli(['init', 'ignored'], { cwd: root })).code).toBe(0);
    expect(git(dir, 'init', '-q').status).toBe(0);
    const ignored = (p: string) => git(dir, 'check-ignore', '-q', p).status === 0;
    expect(ignored('out/ignored.pptx')).toBe(true);
    expect(ignored('out/.cache/chart.png')).toBe(true);
    const gi = join(dir, '.gitignore');
    writeFileSync(gi, readFileSync(gi, 'utf8').replace(/^out\/\n/m, ''));
    expect(ignored('out/ignored.pptx')).toBe(false);
    expect(ignored('out/.cache/chart.png')).toBe(true);
    expect(readFileSync(gi, 'utf8')).toMatch(/Delete the next line to commit them/);
  });

  it('starts with raw aggregates of every form and precomputed numbers, all read', async () => {
    const rows = parse(readFileSync(join(ROOT, 'templates', 'starter', 'metrics.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    const filled = (m: string, cols: string[]) => rows.filter((r) => r.metric === m).every((r) => cols.every((c) => r[c] !== ''));
    expect(filled('conversion', ['successes', 'n'])).toBe(true);
    expect(filled('order_value', ['n', 'mean', 'sd'])).toBe(true);
    expect(filled('support_contacts', ['events', 'exposure'])).toBe(true);
    expect(filled('refund_rate', ['estimate', 'ci_low', 'ci_high'])).toBe(true);
    expect(rows.filter((r) => r.metric === 'refund_rate').map((r) => r.arm)).toEqual(['control', 'treatment', 'abs_change', 'rel_change']);
    const run = await runUntil('analyze', join(ROOT, 'templates', 'starter'));
    expect(run.diagnostics).toEqual([]);
    const overall = new Map(run.analyze!.reads.filter((r) => r.segment === 'all').map((r) => [r.metric, r]));
    expect([...overall.keys()].sort()).toEqual(['conversion', 'order_value', 'refund_rate', 'support_contacts']);
    for (const read of overall.values()) expect(read.absolute?.ci, read.metric).toBeTruthy();
    // The computed ones name their methods; the precomputed one is taken as supplied.
    expect(overall.get('conversion')!.absolute!.method).toMatch(/Newcombe/);
    expect(overall.get('order_value')!.absolute!.method).toMatch(/Welch/);
    expect(overall.get('support_contacts')!.absolute!.method).toMatch(/Poisson/);
    expect(overall.get('refund_rate')!.absolute!.method).toMatch(/[Pp]recomputed/);
  });

  it('inside a git repository, sets the textconv driver to this installation, never npx', async () => {
    const repo = join(root, 'repo');
    mkdirSync(repo);
    expect(git(repo, 'init', '-q').status).toBe(0);
    const r = await runCli(['init', 'decks/first'], { cwd: repo });
    expect(r.code).toBe(0);
    const driver = git(repo, 'config', '--local', 'diff.gonogo.textconv').stdout.trim();
    expect(driver).toBe(`${shellWord(process.execPath)} ${shellWord(join(ROOT, 'bin', 'gonogo.js'))} textconv`);
    expect(git(repo, 'config', '--local', 'diff.gonogo.cachetextconv').stdout.trim()).toBe('true');
    expect(git(repo, 'check-attr', 'diff', '--', 'decks/first/out/first.pptx').stdout).toMatch(/diff: gonogo/);
    expect(r.stdout).toContain(`diff.gonogo.textconv = ${driver}`);
  });

  it('accepts an empty folder and refuses a non-empty one or a file (exit 2)', async () => {
    mkdirSync(join(root, 'empty'));
    expect((await runCli(['init', 'empty'], { cwd: root })).code).toBe(0);
    const again = await runCli(['init', 'empty'], { cwd: root });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('empty is not empty');
    writeFileSync(join(root, 'a-file'), 'x');
    expect((await runCli(['init', 'a-file'], { cwd: root })).code).toBe(2);
    expect(readFileSync(join(root, 'a-file'), 'utf8')).toBe('x');
  });
});

describe('gonogo git-setup', () => {
  it('configures the repository holding the folder and adds the diff attribute once', async () => {
    const repo = join(root, 'existing');
    mkdirSync(join(repo, 'decks'), { recursive: true });
    expect(git(repo, 'init', '-q').status).toBe(0);
    const first = await runCli(['git-setup', 'decks'], { cwd: repo });
    expect(first.code).toBe(0);
    expect(readFileSync(join(repo, '.gitattributes'), 'utf8')).toContain('*.pptx diff=gonogo');
    expect(git(repo, 'config', '--local', 'diff.gonogo.textconv').stdout).toContain(join(ROOT, 'bin', 'gonogo.js'));
    const again = await runCli(['git-setup'], { cwd: repo });
    expect(again.code).toBe(0);
    expect(again.stdout).not.toContain('added');
    expect(readFileSync(join(repo, '.gitattributes'), 'utf8').match(/diff=gonogo/g)).toHaveLength(1);
  });

  it('outside a repository: exit 2 with a hint', async () => {
    const r = await runCli(['git-setup', '.'], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not inside a git repository/);
    expect(r.stderr).toMatch(/git init/);
  });

  it('quotes paths for the shell git runs textconv through', () => {
    expect(shellWord('/usr/bin/node')).toBe('/usr/bin/node');
    expect(shellWord("/Users/o'neil/My Tools/gonogo.js")).toBe(`'/Users/o'\\''neil/My Tools/gonogo.js'`);
    const echoed = spawnSync('sh', ['-c', `printf %s ${shellWord("/a b/c'd $HOME")}`], { encoding: 'utf8' }).stdout;
    expect(echoed).toBe("/a b/c'd $HOME");
  });
});
