// A dose metric (what the treatment changes by design) is compliance, not an outcome, in any decision: the
// quoting deck with quotes per request marked role: dose counts one metric fewer among those that improve.
import { describe, expect, it } from 'vitest';
import { runUntil } from '../../src/pipeline.js';
import { precomputedDeck } from '../support/decks.js';

async function composed(edit?: (y: string) => string) {
  const deck = precomputedDeck(edit);
  try {
    return (await runUntil('compose', deck.dir)).compose!;
  } finally {
    deck.cleanup();
  }
}

describe('role: dose', () => {
  it('moves the metric from the outcome table to the compliance slide and out of the improvement count', async () => {
    const before = await composed();
    const after = await composed((y) => y.replace(/(id: quotes_per_request[\s\S]*?role: )secondary/, '$1dose'));
    const overview = (deck: typeof before) => deck.slides.find((s) => s.id === 'metrics-overview')!;
    const count = (title: string) => /^(\d+) of (\d+) metrics clearly improve/.exec(title)!.slice(1).map(Number);
    const [betterBefore, totalBefore] = count(overview(before).title);
    const [betterAfter, totalAfter] = count(overview(after).title);
    expect(totalAfter).toBe(totalBefore - 1);
    expect(betterAfter).toBeLessThanOrEqual(betterBefore);
    expect(JSON.stringify(overview(after))).not.toContain('Quotes per request');
    expect(before.slides.some((s) => s.id === 'compliance')).toBe(false);
    const compliance = after.slides.find((s) => s.id === 'compliance')!;
    expect(compliance.title).toMatch(/^Quotes per request: the treatment arm at \d\.\d\d× the control arm$/);
    const table = compliance.blocks[0];
    expect(table.type === 'table' && table.header).toEqual(['Measure', 'Control', 'Treatment', 'Treatment ÷ Control', 'n']);
  });
});
