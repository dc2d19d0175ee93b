import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { precomputedDeck } from '../support/decks.js';

/** The reference deck on precomputed numbers: the tests edit its metrics.csv. */
const baseDeck = precomputedDeck();
const REFERENCE = baseDeck.dir;
afterAll(() => baseDeck.cleanup());
import { runUntil } from '../../src/pipeline.js';
import { loadTexts } from '../../src/compose/texts.js';
import { historyWith, readHistory, stableJson, HISTORY_FILE } from '../../src/review/history.js';
import { checkpointFrom, type Checkpoint } from '../../src/decide/checkpoint.js';
import { composeSinceLastCheckpoint } from '../../src/compose/since-checkpoint.js';
import { GonogoError } from '../../src/diagnostics.js';

const { texts } = loadTexts(undefined);

/** What a build with --checkpoint writes (with its other outputs). */
function appendCheckpoint(dir: string, entry: Checkpoint): void {
  writeFileSync(join(dir, HISTORY_FILE), stableJson(historyWith(dir, entry)));
}
const temp = precomputedDeck();
afterAll(() => temp.cleanup());

async function stateOf(dir: string) {
  const run = await runUntil('decide', dir);
  return { spec: run.load!.spec, results: run.analyze!, decision: run.decide! };
}

function setRow(dir: string, key: string, values: string): void {
  const file = join(dir, 'metrics.csv');
  writeFileSync(file, readFileSync(file, 'utf8').replace(new RegExp(`^${key},.*$`, 'm'), `${key},${values}`));
}

describe('checkpoint history', () => {
  it('starts empty, appends, replaces a checkpoint of the same name, and writes key-sorted pretty JSON', async () => {
    expect(readHistory(temp.dir)).toEqual({ version: 1, checkpoints: [] });
    const s = await stateOf(temp.dir);
    appendCheckpoint(temp.dir, checkpointFrom({ name: 'week-1', date: '2026-11-13', ...s }));
    appendCheckpoint(temp.dir, checkpointFrom({ name: 'week-1', date: '2026-11-14', ...s }));
    const h = readHistory(temp.dir);
    expect(h.checkpoints.map((c) => [c.name, c.date])).toEqual([['week-1', '2026-11-14']]);
    const c = h.checkpoints[0];
    expect(c.verdict).toEqual({ criterion: 'go_partial', label: 'Go (partial) — 50% in the top-5 categories', option: 'B' });
    expect(Object.keys(c.headline).sort()).toEqual(['hire_rate_7d', 'returning_pro_7d', 'spam_per_1000', 'support_per_100', 'ttfq_median']);
    expect(c.headline.ttfq_median).toEqual({ estimate: -0.119048, ci: { lo: -0.133198, hi: -0.104666 }, scale: 'relative' });
    expect(c.headline.hire_rate_7d.scale).toBe('absolute');
    expect(c.gaps).toContainEqual({ id: 'missing_variant', status: 'mitigated', missing_share: 0.06 });
    const raw = readFileSync(join(temp.dir, HISTORY_FILE), 'utf8');
    expect(raw.endsWith('}\n')).toBe(true);
    expect(raw.indexOf('"checkpoints"')).toBeLessThan(raw.indexOf('"version"'));
    expect(raw.indexOf('"counts"')).toBeLessThan(raw.indexOf('"name"'));
    expect(c.counts).toEqual({ met: 7, not_met: 1, triggered: 0, not_triggered: 2, not_clear: 0, no_data: 0 });
    expect(c.criteria).toContainEqual({ id: 'no_go', status: 'not_met', polarity: 'stop' });
  });

  it('reads an entry written before rules had polarity (pass / fail / inconclusive) as met / not met', () => {
    const old = precomputedDeck();
    try {
      const entry = { name: 'w0', date: '2026-11-01', verdict: { criterion: 'go_partial', label: 'Go' }, counts: { pass: 7, fail: 2, inconclusive: 1 }, criteria: [{ id: 'go_full', status: 'inconclusive' }], headline: {}, gaps: [] };
      writeFileSync(join(old.dir, HISTORY_FILE), JSON.stringify({ version: 1, checkpoints: [entry] }));
      const [c] = readHistory(old.dir).checkpoints;
      expect(c.counts).toEqual({ met: 7, not_met: 3, triggered: 0, not_triggered: 0, not_clear: 0, no_data: 0 });
      expect(c.criteria).toEqual([{ id: 'go_full', status: 'not_met', polarity: 'go' }]);
    } finally {
      old.cleanup();
    }
  });

  it('rejects a history that is not one, pointing at the file', () => {
    const bad = precomputedDeck();
    try {
      writeFileSync(join(bad.dir, HISTORY_FILE), '{"checkpoints": 3}');
      expect(() => readHistory(bad.dir)).toThrow(GonogoError);
      const err = (() => {
        try {
          readHistory(bad.dir, bad.dir);
        } catch (e) {
          return e as GonogoError;
        }
      })();
      expect(err?.diagnostics[0]).toMatchObject({ code: 'history/type', field: 'checkpoints', pos: { file: 'checkpoints.json', line: 1, col: 17 } });
      expect(err?.message).toMatch(/checkpoints should be a list/);
    } finally {
      bad.cleanup();
    }
  });
});

describe('the since-last-checkpoint slide', () => {
  let before: Awaited<ReturnType<typeof stateOf>>;
  let after: Awaited<ReturnType<typeof stateOf>>;
  const later = precomputedDeck((y) => y.replace(/missing_share: 6%\n    status: mitigated/, 'missing_share: 2%\n    status: mitigated').replace(/residual_risk: Refund effect known only at the 2-week review\n    status: open/, 'residual_risk: Refund effect known only at the 2-week review\n    status: closed'));
  afterAll(() => later.cleanup());

  beforeAll(async () => {
    before = await stateOf(REFERENCE);
    setRow(later.dir, 'ttfq_median,rel_change,all', '-0.08,-0.10,-0.06,');
    setRow(later.dir, 'hire_rate_7d,abs_change,all', '-0.001,-0.004,0.002,');
    after = await stateOf(later.dir);
  });

  it('is absent without an earlier checkpoint', () => {
    expect(composeSinceLastCheckpoint({ history: [], texts, ...after })).toBeUndefined();
    const only = checkpointFrom({ name: 'week-2', date: '2026-11-20', ...after });
    expect(composeSinceLastCheckpoint({ history: [only], texts, checkpoint: 'week-2', ...after })).toBeUndefined();
  });

  it('says what moved, what flipped and which gaps closed since the previous checkpoint', () => {
    const history = [checkpointFrom({ name: 'week-1', date: '2026-11-13', ...before }), checkpointFrom({ name: 'week-2', date: '2026-11-20', ...after })];
    const slide = composeSinceLastCheckpoint({ history, texts, checkpoint: 'week-2', ...after })!;
    expect(slide).toMatchObject({ id: 'since-last-checkpoint', kind: 'bullets', section: 'Summary' });
    expect(slide.title).toBe('Since week-1 (2026-11-13): the verdict moved to No-go — hold and instrument; 2 headline metrics moved');
    const lines = slide.blocks[0].type === 'bullets' ? slide.blocks[0].items.map((i) => i.text) : [];
    expect(lines[0]).toBe('Verdict changed from Go (partial) — 50% in the top-5 categories to No-go — hold and instrument. Rules: 6 met, 2 not met, 2 not triggered (was 7 met, 1 not met, 2 not triggered).');
    expect(lines).toContain('Go (partial) — 50% in the top-5 categories flipped from ✓ met to ✗ not met.');
    expect(lines).toContain('Median time to first quote: −11.9% → −8.0%, 3.9 pp worse; now 90% CI −10.0% to −6.0%.');
    expect(lines).toContain('7-day hire rate: −0.20 pp → −0.10 pp, 0.10 pp better; now 90% CI −0.40 pp to +0.20 pp.');
    expect(lines).toContain('Unchanged: Support tickets per 100 requests +3.1%; Spam flags per 1,000 quotes +2.0%; 7-day returning pro rate −0.30 pp.');
    expect(lines).toContain('1 data gap closed: Refunds and disputes mature over 14 days; the last two weeks are incomplete.');
    expect(lines).toContain('Quotes missing their experiment variant in the event log: missing share 6% → 2%.');
    expect(slide.notes[0]).toContain('week-1, 2026-11-13');
  });

  it('compares with the latest checkpoint when building without a checkpoint name', () => {
    const history = [checkpointFrom({ name: 'week-1', date: '2026-11-13', ...before })];
    const slide = composeSinceLastCheckpoint({ history: { version: 1, checkpoints: history }, texts, ...before })!;
    expect(slide.title).toBe('Since week-1 (2026-11-13): the verdict holds at Go (partial) — 50% in the top-5 categories');
  });
});
