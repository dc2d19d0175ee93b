import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { precomputedDeck } from '../support/decks.js';
import { runUntil } from '../../src/pipeline.js';
import { isIgnored, watchDeck, type BuildOutcome } from '../../src/review/watch.js';
import { makeWatchCommand } from '../../src/cli/watch.js';
import { runCli } from '../support/cli.js';

/** A fake build over the real pipeline (up to compose), recording each call; no PPTX is written. */
function fakeBuild() {
  const calls: string[] = [];
  const build = async (dir: string): Promise<BuildOutcome> => {
    calls.push(dir);
    const run = await runUntil('compose', dir);
    return { decision: run.decide!, slideCount: run.compose!.slides.length, pptxPath: 'out/deck.pptx', ms: 12, diagnostics: run.diagnostics };
  };
  return { build, calls };
}

/** Resolves on the n-th build result. */
function nthBuild(n: number) {
  const results: { ok: boolean }[] = [];
  let resolve!: () => void;
  const reached = new Promise<void>((r) => (resolve = r));
  return { results, reached, onBuild: (r: { ok: boolean }) => void (results.push(r), results.length === n && resolve()) };
}

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

describe('watchDeck', () => {
  it('builds at start, rebuilds on change, survives an invalid edit and recovers', async () => {
    const deck = precomputedDeck();
    cleanups.push(deck.cleanup);
    const spec = join(deck.dir, 'gonogo.yaml');
    const good = readFileSync(spec, 'utf8');
    const { build, calls } = fakeBuild();
    const ac = new AbortController();
    const out: string[] = [];
    const err: string[] = [];
    let step = nthBuild(1);
    const done = watchDeck(deck.dir, { build, signal: ac.signal, debounceMs: 20, log: (l) => out.push(l), error: (t) => err.push(t), onBuild: (r) => step.onBuild(r) });
    await step.reached;
    expect(step.results).toEqual([expect.objectContaining({ ok: true })]);

    step = nthBuild(1);
    writeFileSync(spec, good.replace('confidence: 0.90', 'confidence: ninety'));
    await step.reached;
    expect(step.results[0].ok).toBe(false);
    expect(err.join('')).toContain('gonogo.yaml');

    step = nthBuild(1);
    writeFileSync(spec, good.replace('deck:\n  title: New quoting workflow', 'deck:\n  title: Quoting workflow v2'));
    await step.reached;
    expect(step.results[0].ok).toBe(true);
    ac.abort();
    await done;

    expect(out[0]).toBe(`Watching ${deck.dir} (Ctrl-C to stop)`);
    expect(out.filter((l) => l.startsWith('✓ Go (partial) — 50% in the top-5 categories · '))).toHaveLength(2);
    expect(out).toContain('✗ build failed; the last good deck stays. Watching for the next change…');
    expect(out[1]).toMatch(/^✓ .* · \d+ slides → out\/deck\.pptx in 12 ms$/);
    expect(calls.length).toBe(3);
  });

  it('ignores outputs, the history file and editor droppings', () => {
    for (const p of ['out/deck.pptx', 'out', 'checkpoints.json', '.gonogo.yaml.swp', 'gonogo.yaml~', '.#gonogo.yaml', '.git/index', 'checkpoints.json.123.tmp']) expect(isIgnored(p)).toBe(true);
    for (const p of ['gonogo.yaml', 'metrics.csv', 'templates/exec-title.hbs', 'metrics.lock.json', 'queries/ttfq.sql', 'outline.md']) expect(isIgnored(p)).toBe(false);
  });

  it('does not schedule a build for writes to outputs or the history file', async () => {
    const deck = precomputedDeck();
    cleanups.push(deck.cleanup);
    mkdirSync(join(deck.dir, 'out'));
    const { build, calls } = fakeBuild();
    const ac = new AbortController();
    const step = nthBuild(2);
    const seen: [string, boolean][] = [];
    let sawCsv!: () => void;
    const csvSeen = new Promise<void>((r) => (sawCsv = r));
    const done = watchDeck(deck.dir, {
      build,
      signal: ac.signal,
      debounceMs: 20,
      log: () => undefined,
      error: () => undefined,
      onBuild: (r) => step.onBuild(r),
      onChange: (p, ignored) => {
        seen.push([p, ignored]);
        if (p === 'metrics.csv') sawCsv();
      },
    });
    writeFileSync(join(deck.dir, 'out', 'deck.pptx'), 'x');
    writeFileSync(join(deck.dir, 'checkpoints.json'), '{}');
    writeFileSync(join(deck.dir, 'metrics.csv'), readFileSync(join(deck.dir, 'metrics.csv'), 'utf8') + '\n');
    await csvSeen;
    await step.reached;
    ac.abort();
    await done;
    expect(seen.filter(([p]) => p.startsWith('out') || p === 'checkpoints.json').every(([, ignored]) => ignored)).toBe(true);
    expect(seen.some(([p]) => p === 'checkpoints.json')).toBe(true);
    expect(seen.find(([p]) => p === 'metrics.csv')![1]).toBe(false);
    expect(calls.length).toBe(2);
  });
});

describe('watchDeck and builds that write into the deck folder', () => {
  it('does not rebuild when a build rewrites the lock with the same content, or a file is saved unchanged', async () => {
    const deck = precomputedDeck();
    cleanups.push(deck.cleanup);
    const lock = join(deck.dir, 'metrics.lock.json');
    writeFileSync(lock, '{"rows": []}\n');
    const { build, calls } = fakeBuild();
    const ac = new AbortController();
    const events: [string, boolean][] = [];
    let lockEvents!: () => void;
    const twoLockEvents = new Promise<void>((r) => (lockEvents = r));
    const done = watchDeck(deck.dir, {
      // Like `build` writing metrics.lock.json beside the spec, with unchanged content.
      build: async (dir) => {
        const r = await build(dir);
        writeFileSync(lock, '{"rows": []}\n');
        writeFileSync(join(dir, 'metrics.csv'), readFileSync(join(dir, 'metrics.csv')));
        return r;
      },
      signal: ac.signal,
      debounceMs: 20,
      log: () => undefined,
      error: () => undefined,
      onChange: (p, ignored) => {
        events.push([p, ignored]);
        if (events.some(([q]) => q === 'metrics.lock.json') && events.some(([q]) => q === 'metrics.csv')) lockEvents();
      },
    });
    await twoLockEvents;
    ac.abort();
    await done;
    expect(events.filter(([p]) => p === 'metrics.lock.json' || p === 'metrics.csv').every(([, ignored]) => ignored)).toBe(true);
    expect(calls.length).toBe(1);
  });
});

describe('gonogo watch (CLI) with an injected build', () => {
  it('prints the verdict of each build and exits 0 when stopped', async () => {
    const deck = precomputedDeck();
    cleanups.push(deck.cleanup);
    const ac = new AbortController();
    const { build } = fakeBuild();
    const cmd = makeWatchCommand(async () => async (dir) => {
      const r = await build(dir);
      ac.abort(); // stop after the first build
      return r;
    }, () => ac.signal);
    let stdout = '';
    const code = await cmd.run({ deck: deck.dir, debounce: 10 }, { stdout: (t) => void (stdout += t), stderr: () => undefined, cwd: process.cwd(), env: process.env, isTTY: false });
    expect(code).toBe(0);
    expect(stdout).toContain('✓ Go (partial) — 50% in the top-5 categories');
  });

  it('is registered as a verb, and a missing deck folder is a usage error', async () => {
    const { commands } = await import('../../src/cli/commands.js');
    expect(commands.map((c) => c.name.split(' ')[0])).toEqual(expect.arrayContaining(['init', 'watch', 'diff', 'textconv']));
    expect((await runCli(['watch'])).code).toBe(2);
  });
});
