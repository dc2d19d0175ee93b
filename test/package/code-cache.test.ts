// V8's code cache (bin/code-cache.cjs) for the CLI and for the chart-drawing threads: the first run of a kind
// writes it, later runs read it (V8 accepts it: the file is not written again), and output bytes are the same.
// Run on a copy of the built package's files, so this checkout's dist/.cache is not touched.
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');
const { loadCached } = createRequire(import.meta.url)(join(ROOT, 'bin', 'code-cache.cjs')) as {
  loadCached: (file: string, kind: string) => { exports: Record<string, unknown>; save: () => void };
};

let tmp: string;
beforeAll(() => {
  tmp = realpathSync(mkdtempSync(join(tmpdir(), 'gonogo-code-cache-')));
  return () => rmSync(tmp, { recursive: true, force: true });
});

const cacheFiles = (dir: string) => readdirSync(join(dir, '.cache')).sort();

describe('loadCached', () => {
  it('compiles and saves on the first run, reads the cache on later runs, and clears what a cut-short save left', () => {
    const dir = join(tmp, 'script');
    mkdirSync(dir);
    const file = join(dir, 'answer.cjs');
    writeFileSync(file, 'exports.answer = () => 6 * 7;\n');
    const first = loadCached(file, 'test');
    expect((first.exports.answer as () => number)()).toBe(42);
    first.save();
    const [saved] = cacheFiles(dir);
    expect(saved).toMatch(/^answer\.cjs-test-v\d+.*\.v8$/);
    const written = statSync(join(dir, '.cache', saved)).mtimeMs;

    const second = loadCached(file, 'test');
    expect((second.exports.answer as () => number)()).toBe(42);
    second.save(); // accepted by V8: nothing to write
    expect(statSync(join(dir, '.cache', saved)).mtimeMs).toBe(written);

    // the script changes: its cache is replaced, and a temporary file of an exited save is removed with the old one
    writeFileSync(join(dir, '.cache', `${saved}.123-4.tmp`), 'half');
    writeFileSync(file, 'exports.answer = () => 43 - 1;\n');
    const third = loadCached(file, 'test');
    expect((third.exports.answer as () => number)()).toBe(42);
    third.save();
    expect(cacheFiles(dir)).toHaveLength(1);
    expect(cacheFiles(dir)[0]).not.toBe(saved);
  });
});

describe('the bundled CLI and its chart-drawing threads', () => {
  it('each save a code cache on a first build, and a second cold build reads both and writes the same deck', () => {
    // the package's runtime files; dependencies from this checkout
    const pkg = join(tmp, 'package');
    for (const d of ['bin', 'assets', 'templates']) cpSync(join(ROOT, d), join(pkg, d), { recursive: true });
    mkdirSync(join(pkg, 'dist'));
    for (const f of ['gonogo.cjs', 'chart-worker.cjs']) cpSync(join(ROOT, 'dist', f), join(pkg, 'dist', f));
    cpSync(join(ROOT, 'package.json'), join(pkg, 'package.json'));
    symlinkSync(join(ROOT, 'node_modules'), join(pkg, 'node_modules'));
    const deck = join(tmp, 'quoting-workflow');
    cpSync(join(ROOT, 'decks', 'quoting-workflow'), deck, { recursive: true, filter: (p) => !p.endsWith('/out') });

    const buildCold = () => {
      rmSync(join(deck, 'out'), { recursive: true, force: true });
      const r = spawnSync(process.execPath, [join(pkg, 'bin', 'gonogo.js'), 'build', deck, '--quiet'], { encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      return readFileSync(join(deck, 'out', 'quoting-workflow.pptx'));
    };
    const first = buildCold();
    const caches = cacheFiles(join(pkg, 'dist'));
    // the reference deck has enough charts for a drawing thread
    expect(caches.map((f) => f.replace(/-v\d.*$/, ''))).toEqual(['chart-worker.cjs-draw', 'gonogo.cjs-build']);
    const times = caches.map((f) => statSync(join(pkg, 'dist', '.cache', f)).mtimeMs);

    expect(buildCold().equals(first)).toBe(true);
    expect(cacheFiles(join(pkg, 'dist'))).toEqual(caches);
    expect(caches.map((f) => statSync(join(pkg, 'dist', '.cache', f)).mtimeMs)).toEqual(times);
  });
});
