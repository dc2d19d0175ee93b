// A metric's trend (its daily values per arm) travels through the lock, and editing its SQL makes the lock stale.
import { describe, expect, it } from 'vitest';
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSpec } from '../../src/spec/load.js';
import { readLock } from '../../src/sources/lock.js';
import { GonogoError } from '../../src/diagnostics.js';
import { REFERENCE, tempDeck } from '../support/decks.js';

describe('trends in the lock', () => {
  it('reads the reference deck’s daily median per arm for every cohort day', async () => {
    const { spec, dir } = await loadSpec(REFERENCE);
    const snap = await readLock(dir, spec);
    const points = snap.trends!.ttfq_median;
    expect(points.length).toBe(2 * 21);
    expect(new Set(points.map((p) => p.arm))).toEqual(new Set(['control', 'treatment']));
    expect(points[0].date).toBe('2026-10-19');
    // treatment is faster every day in the generated data (the effect is built in at about −12%)
    for (let i = 0; i < points.length; i += 2) expect(points[i + 1].value).toBeLessThan(points[i].value);
  });

  it('is stale once the trend SQL changes', async () => {
    const deck = tempDeck();
    try {
      appendFileSync(join(deck.dir, 'queries', 'ttfq_median_daily.sql'), '\n-- edited\n');
      const { spec, dir } = await loadSpec(deck.dir);
      const err = await readLock(dir, spec).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(GonogoError);
      expect((err as GonogoError).message).toContain('trend queries/ttfq_median_daily.sql');
    } finally {
      deck.cleanup();
    }
  });
});
