// Property: whatever a slip of the keyboard does to the reference deck (a line dropped, duplicated, indented,
// truncated; a character inserted; a CSV cell changed), validate either accepts it or refuses it as the
// user's mistake — exit 0 or 2, never an internal error, never a stack trace — and a refusal names a position.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../support/cli.js';
import { precomputedDeck } from '../support/decks.js';

// The reference deck on precomputed numbers: mutations hit the spec and its metrics file.
const base = precomputedDeck();
const SPEC = readFileSync(join(base.dir, 'gonogo.yaml'), 'utf8');
const CSV = readFileSync(join(base.dir, 'metrics.csv'), 'utf8');
base.cleanup();
const NOISE = [':', ' ', '\t', '-', '[', ']', '{', '}', '"', "'", '#', '&', '*', '!', '|', '>', '%', ',', '\u0007', '\u00e9', '🚀', '\n', '0', 'x'];

type Mutation = (lines: string[]) => string[];

const lineMutation = (n: number): fc.Arbitrary<Mutation> =>
  fc.oneof(
    fc.nat(n - 1).map((i) => (ls: string[]) => ls.filter((_, k) => k !== i)),
    fc.nat(n - 1).map((i) => (ls: string[]) => [...ls.slice(0, i + 1), ls[i], ...ls.slice(i + 1)]),
    fc.tuple(fc.nat(n - 1), fc.integer({ min: 1, max: 3 })).map(([i, k]) => (ls: string[]) => ls.map((l, j) => (j === i ? ' '.repeat(k) + l : l))),
    fc.tuple(fc.nat(n - 1), fc.nat(80)).map(([i, k]) => (ls: string[]) => ls.map((l, j) => (j === i ? l.slice(0, k) : l))),
    fc.tuple(fc.nat(n - 1), fc.nat(80), fc.constantFrom(...NOISE)).map(([i, k, c]) => (ls: string[]) => ls.map((l, j) => (j === i ? l.slice(0, k) + c + l.slice(k) : l))),
  );

/** One deck folder per test, its two files rewritten for each generated case. */
async function check(dir: string, spec: string, data: string, dataFile = 'metrics.csv'): Promise<void> {
  writeFileSync(join(dir, 'gonogo.yaml'), spec);
  writeFileSync(join(dir, dataFile), data);
  const r = await runCli(['validate', '.'], { cwd: dir });
  const context = `exit ${r.code}\n${r.stderr}`;
  expect([0, 2], context).toContain(r.code);
  expect(r.stderr, context).not.toMatch(/internal error|^\s+at .+[(:]|\.ts:\d/m);
  if (r.code === 2) expect(r.stderr, context).toMatch(/^(\S+:\d+:\d+: )?error: .+/m);
}

describe('property: a mutated reference deck is accepted or refused cleanly', () => {
  const specLines = SPEC.split('\n');
  const csvLines = CSV.split('\n');

  it('holds for 100 mutations of the spec', async () => {
    const deck = precomputedDeck();
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(lineMutation(specLines.length), { minLength: 1, maxLength: 3 }), async (muts) => {
          await check(deck.dir, muts.reduce((ls, m) => m(ls).filter((l) => l !== undefined), specLines).join('\n'), CSV);
        }),
        { numRuns: 100, seed: 424242 },
      );
    } finally {
      deck.cleanup();
    }
  });

  it('holds for 60 mutations of the metrics CSV', async () => {
    const deck = precomputedDeck();
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(lineMutation(csvLines.length), { minLength: 1, maxLength: 3 }), async (muts) => {
          await check(deck.dir, SPEC, muts.reduce((ls, m) => m(ls).filter((l) => l !== undefined), csvLines).join('\n'));
        }),
        { numRuns: 60, seed: 4242 },
      );
    } finally {
      deck.cleanup();
    }
  });

  it('holds for 60 mutations of JSON metrics', async () => {
    // the reference CSV as pretty JSON, one field per line, so line mutations hit keys, values and brackets
    const [header, ...rows] = CSV.trim().split('\n').map((l) => l.split(','));
    const json = JSON.stringify(rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] === '' ? null : i > 2 ? Number(r[i]) : r[i]]))), null, 2);
    const spec = SPEC.replace('metrics_file: metrics.csv', 'metrics_file: metrics.json');
    const jsonLines = json.split('\n');
    const deck = precomputedDeck();
    try {
      await check(deck.dir, spec, json, 'metrics.json');
      expect((await runCli(['validate', '.'], { cwd: deck.dir })).code).toBe(0); // the unmutated JSON is accepted
      await fc.assert(
        fc.asyncProperty(fc.array(lineMutation(jsonLines.length), { minLength: 1, maxLength: 3 }), async (muts) => {
          await check(deck.dir, spec, muts.reduce((ls, m) => m(ls).filter((l) => l !== undefined), jsonLines).join('\n'), 'metrics.json');
        }),
        { numRuns: 60, seed: 99 },
      );
    } finally {
      deck.cleanup();
    }
  });
});
