// The hardening harness: a case starts from a deck folder named `deck` that already holds a real last good build
// (out/deck.pptx and the rest), gets one hostile edit, and is run through validate and build. A refusal must be
// exit 2, one message that names file:line:col or the field (or, for an output problem, the path), no stack trace,
// under 4 KB of stderr — and every file of the folder, the last good PPTX first, byte-identical afterwards.
import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import { runCli } from '../support/cli.js';
import { writePrecomputedReference } from '../support/decks.js';
import { CASES_DIR, checkRefusal, snapshotTree, type BadCase } from './support.js';

export type Base = 'minimal' | 'reference';

export interface HardCase extends Omit<BadCase, 'fixture'> {
  base?: Base;
  /** Arguments after `build .` (validate runs without them). */
  args?: string[];
  /** Only a build meets the problem (the output folder, --checkpoint): validate must pass. */
  buildOnly?: boolean;
  /** Prepares what files cannot say (symlinks, an immutable folder); returns how to undo it. */
  setup?: (dir: string) => (() => void) | void;
  /** The message names this path (output problems have no line or field). */
  names?: string;
  /** Text of a file the deck should not have read, which no message may echo. */
  mustNotPrint?: string;
}

/** A folder per base with its last good build, made once per test file. */
export class GoodBuilds {
  private readonly root = mkdtempSync(join(tmpdir(), 'gonogo-hard-good-'));
  private readonly made = new Map<Base, string>();

  async deck(base: Base): Promise<string> {
    let dir = this.made.get(base);
    if (dir) return dir;
    dir = join(this.root, base, 'deck');
    mkdirSync(dir, { recursive: true });
    writeBase(dir, base);
    const r = await runCli(['build', '.', '--quiet'], { cwd: dir, env: {} });
    expect(r.code, r.stderr).toBe(0);
    this.made.set(base, dir);
    return dir;
  }

  cleanup(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

export function writeBase(dir: string, base: Base): void {
  if (base === 'reference') writePrecomputedReference(dir);
  else cpSync(join(CASES_DIR, 'minimal'), dir, { recursive: true });
}

/** A copy of the good deck (last good out/ included) in a fresh folder, still named `deck`, with the case's edits. */
export function caseDeck(good: string, c: HardCase): { dir: string; cleanup: () => void } {
  const parent = mkdtempSync(join(tmpdir(), 'gonogo-hard-'));
  const dir = join(parent, 'deck');
  cpSync(good, dir, { recursive: true });
  const rewrite = (name: string, edit?: (s: string) => string) => {
    if (edit) writeFileSync(join(dir, name), edit(readFileSync(join(dir, name), 'utf8')));
  };
  rewrite('gonogo.yaml', c.spec);
  rewrite('metrics.csv', c.csv);
  for (const [name, content] of Object.entries(c.files ?? {})) {
    const file = join(dir, name);
    if (content === null) rmSync(file, { recursive: true, force: true });
    else {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, content);
    }
  }
  const undo = c.setup?.(dir);
  return {
    dir,
    cleanup: () => {
      undo?.();
      rmSync(parent, { recursive: true, force: true });
    },
  };
}

export async function expectHardRefusal(dir: string, c: HardCase): Promise<void> {
  const before = snapshotTree(dir);
  const check = (r: { code: number; stdout: string; stderr: string }) => {
    checkRefusal(r, dir, c.expect);
    expect(Buffer.byteLength(r.stderr), r.stderr).toBeLessThan(4096);
    if (c.names) expect(r.stderr.split('\n')[0]).toContain(c.names);
    if (c.mustNotPrint) expect(r.stderr).not.toContain(c.mustNotPrint);
    // Nothing a terminal would act on (escape sequences, bells) reaches it.
    expect(r.stderr).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F]/);
    // The first message is located: file:line:col, a field, or (output problems) the path it names.
    const first = r.stderr.split(/\n(?=\S)/)[0];
    expect(/^[^\s:]+:\d+:\d+: error: /.test(first) || /\n {2}field: \S/.test(first) || Boolean(c.names), first).toBe(true);
    expect(snapshotTree(dir)).toEqual(before);
  };
  if (c.buildOnly) {
    const v = await runCli(['validate', '.'], { cwd: dir, env: {} });
    expect(v.code, v.stderr).toBe(0);
  } else check(await runCli(['validate', c.target ?? '.'], { cwd: dir, env: {} }));
  check(await runCli(['build', c.target ?? '.', ...(c.args ?? [])], { cwd: dir, env: {} }));
}

/** Makes a folder unwritable even for root (chattr +i); elsewhere chmod does. Returns the undo. */
export function makeReadOnly(path: string): () => void {
  if (process.getuid?.() === 0) {
    execFileSync('chattr', ['+i', path]);
    return () => execFileSync('chattr', ['-i', path]);
  }
  chmodSync(path, 0o555);
  return () => chmodSync(path, 0o755);
}

/** The minimal deck reading its metrics from metrics.lock.json (as after gonogo pull) instead of metrics.csv. */
export function lockDeck(yaml: string): string {
  return yaml.replace('metrics_file: metrics.csv\n', '').replace('role: primary}', 'role: primary, from: {sql: "select 1"}}');
}

/** A lock for the minimal deck, pretty-printed so positions are lines; `edit` spoils one thing. */
export function lockText(edit: (lock: Record<string, unknown> & { metrics: { conv: Record<string, unknown> & { rows: unknown[] } } }) => void): string {
  const lock = {
    version: 1,
    engine: 'duckdb',
    pulledAt: '2026-01-02T00:00:00Z',
    checkedAt: '2026-01-02T23:59:59Z',
    checksHash: 'sha256:0',
    metrics: {
      conv: {
        engine: 'duckdb',
        rows: [
          { metric: 'conv', arm: 'control', segment: 'all', n: 1000, successes: 100 },
          { metric: 'conv', arm: 'treatment', segment: 'all', n: 1000, successes: 120 },
        ] as unknown[],
      },
    },
    quality: [],
  };
  edit(lock);
  return JSON.stringify(lock, null, 2) + '\n';
}
