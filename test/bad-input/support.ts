// The bad-input harness: a case is the reference deck with named edits (or a fixture folder under cases/),
// run through the CLI; a refused case must exit 2 with one clear message and leave the folder untouched.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { expect } from 'vitest';
import { runCli, type CliRun } from '../support/cli.js';
import { writePrecomputedReference } from '../support/decks.js';
import { commands } from '../../src/cli/commands.js';

export const CASES_DIR = join(import.meta.dirname, 'cases');

/** A position given by a marker: the line holding `marker` (its n-th occurrence) and the marker's column. */
export interface At {
  file: string;
  marker: string;
  /** Which occurrence of the marker (1-based); default 1. */
  nth?: number;
  /** Offset added to the marker's column, to point inside it. */
  shift?: number;
}

export interface Expectation {
  /** The first error's message must contain this. */
  message: string | RegExp;
  code?: string;
  /** Where the first error points; `null` when the error has no position (e.g. a missing file). */
  at?: At | { file: string; line: number; col: number } | null;
  field?: string;
  expected?: string | RegExp;
  hint?: string | RegExp;
  /** At most this many error messages (default 1). */
  maxErrors?: number;
}

export interface BadCase {
  name: string;
  /** A fixture folder under cases/ instead of the reference deck. */
  fixture?: string;
  spec?: (yaml: string) => string;
  csv?: (csv: string) => string;
  /** Files to write into the deck folder (relative path → content); `null` deletes. */
  files?: Record<string, string | Buffer | null>;
  /** What to pass to the CLI, relative to the deck folder (default '.'). */
  target?: string;
  expect: Expectation;
}

/** Replaces exactly one occurrence, so an edit that no longer matches the reference deck fails loudly. */
export function sub(text: string, from: string, to: string): string {
  const i = text.indexOf(from);
  if (i < 0) throw new Error(`edit does not apply: ${JSON.stringify(from)} not found`);
  if (text.indexOf(from, i + 1) >= 0) throw new Error(`edit is ambiguous: ${JSON.stringify(from)} occurs twice`);
  return text.slice(0, i) + to + text.slice(i + from.length);
}

export function makeDeck(c: Pick<BadCase, 'fixture' | 'spec' | 'csv' | 'files'>): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'gonogo-bad-'));
  if (c.fixture) cpSync(join(CASES_DIR, c.fixture), dir, { recursive: true });
  else writePrecomputedReference(dir);
  const rewrite = (name: string, edit?: (s: string) => string) => {
    if (!edit) return;
    const file = join(dir, name);
    writeFileSync(file, edit(readFileSync(file, 'utf8')));
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
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Every file under dir with its hash: "nothing written" means this is unchanged. */
export function snapshotTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out[relative(dir, p)] = statSync(p).size > 4 << 20 ? `size:${statSync(p).size}` : createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

export function resolveAt(dir: string, at: At): { file: string; line: number; col: number } {
  const text = readFileSync(join(dir, at.file), 'utf8');
  let i = -1;
  for (let k = 0; k < (at.nth ?? 1); k++) {
    i = text.indexOf(at.marker, i + 1);
    if (i < 0) throw new Error(`marker ${JSON.stringify(at.marker)} not in ${at.file}`);
  }
  const before = text.slice(0, i).split('\n');
  return { file: at.file, line: before.length, col: before[before.length - 1].length + 1 + (at.shift ?? 0) };
}

/** Whether the build verb exists yet: refused cases then also run through it. */
export const HAS_BUILD = commands.some((c) => c.name.split(' ')[0] === 'build');

const match = (text: string | undefined, want: string | RegExp) => (typeof want === 'string' ? expect(text ?? '').toContain(want) : expect(text ?? '').toMatch(want));

/** Checks one refused run's stderr against the expectation. */
export function checkRefusal(r: CliRun, dir: string, e: Expectation): void {
  const context = `stderr was:\n${r.stderr}\nstdout was:\n${r.stdout}`;
  expect(r.code, context).toBe(2);
  expect(r.stdout, context).toBe('');
  // no stack trace: no "at fn (file)" frames, no TypeScript source paths, no internal-error banner
  expect(r.stderr, context).not.toMatch(/^\s+at .+[(:]/m);
  expect(r.stderr, context).not.toMatch(/\.ts:\d/);
  expect(r.stderr, context).not.toContain('internal error');
  const heads = r.stderr.split('\n').filter((l) => /(^|: )error: /.test(l) && !l.startsWith(' '));
  expect(heads.length, context).toBeGreaterThanOrEqual(1);
  expect(heads.length, context).toBeLessThanOrEqual(e.maxErrors ?? 1);
  const first = r.stderr.split(/\n(?=\S)/)[0];
  const head = first.split('\n')[0];
  match(head, e.message);
  if (e.at !== undefined) {
    if (e.at === null) expect(head, context).toMatch(/^error: /);
    else {
      const p = 'marker' in e.at ? resolveAt(dir, e.at) : e.at;
      expect(head, context).toMatch(new RegExp(`^${escape(p.file)}:${p.line}:${p.col}: error: `));
    }
  }
  // every refusal says what was expected and how to fix it
  expect(first, context).toMatch(/\n {2}expected: \S/);
  expect(first, context).toMatch(/\n {2}hint: \S/);
  if (e.field) expect(first, context).toContain(`  field: ${e.field}\n`);
  if (e.expected) match(/ {2}expected: (.*)/.exec(first)?.[1], e.expected);
  if (e.hint) match(/ {2}hint: (.*)/.exec(first)?.[1], e.hint);
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Runs `validate` (and `build`, once it exists) on a deck folder that must be refused: exit 2, one clear
 * message, no stack trace, nothing written, and a previous out/ left byte-identical.
 */
export async function expectRefused(dir: string, e: Expectation, target = '.'): Promise<void> {
  const before = snapshotTree(dir);
  checkRefusal(await runCli(['validate', target], { cwd: dir }), dir, e);
  expect(snapshotTree(dir)).toEqual(before);
  if (!HAS_BUILD) return;
  // A failed build never replaces the last good output: plant one and check it survives byte for byte.
  const out = join(dir, 'out');
  const planted = !existsSync(out);
  if (planted) {
    mkdirSync(out);
    writeFileSync(join(out, 'deck.pptx'), 'last good build');
  }
  const withOut = snapshotTree(dir);
  checkRefusal(await runCli(['build', target], { cwd: dir }), dir, e);
  expect(snapshotTree(dir)).toEqual(withOut);
  if (planted) rmSync(out, { recursive: true, force: true });
}

export async function expectAccepted(dir: string, target = '.'): Promise<CliRun> {
  const r = await runCli(['validate', target, '--json'], { cwd: dir });
  expect(r.code, r.stderr).toBe(0);
  expect(r.stderr).not.toMatch(/error: /);
  return r;
}
