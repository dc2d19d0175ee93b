// The checked-in reference data tells the seed's story when pulled with the reference queries.
import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseSpecText } from '../../src/spec/load.js';
import { pullMetrics } from '../../src/sources/pull.js';
import type { MetricRow } from '../../src/model/rows.js';

const deckDir = join(import.meta.dirname, '../../decks/quoting-workflow');
const fixture = join(import.meta.dirname, 'fixtures/quoting-workflow.yaml');

function median(values: number[]): number {
  const n = values.length;
  return n % 2 ? values[(n - 1) / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

/** The sorted list of one value per unit (this test checks the data, independently of stats/sample.ts). */
const expand = (r: MetricRow): number[] => r.value_counts!.flatMap(([v, c]) => Array<number>(c).fill(v));

describe('decks/quoting-workflow data', () => {
  it('shows TTFQ −12%, hire rate −0.2 pp, support +3%, spam +2%, returning pros flat', async () => {
    const { spec } = parseSpecText(await readFile(fixture, 'utf8'), 'quoting-workflow.yaml', deckDir);
    const { snapshot, diagnostics } = await pullMetrics(spec, deckDir, { pulledAt: 'x' });
    expect(diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    const row = (metric: string, arm: string, segment = 'all') =>
      snapshot.rows.find((r) => r.metric === metric && r.arm === arm && r.segment === segment) as MetricRow;
    const p = (r: MetricRow) => r.successes! / r.n!;
    const rate = (r: MetricRow) => r.events! / r.exposure!;

    const ttfq = median(expand(row('ttfq_median', 'treatment'))) / median(expand(row('ttfq_median', 'control'))) - 1;
    expect(ttfq).toBeGreaterThan(-0.14);
    expect(ttfq).toBeLessThan(-0.1);
    const hire = p(row('hire_rate_7d', 'treatment')) - p(row('hire_rate_7d', 'control'));
    expect(hire).toBeGreaterThan(-0.003);
    expect(hire).toBeLessThan(-0.001);
    const support = rate(row('support_per_100', 'treatment')) / rate(row('support_per_100', 'control')) - 1;
    expect(support).toBeGreaterThan(0.01);
    expect(support).toBeLessThan(0.05);
    const spam = rate(row('spam_per_1000', 'treatment')) / rate(row('spam_per_1000', 'control')) - 1;
    expect(spam).toBeGreaterThan(0.005);
    expect(spam).toBeLessThan(0.04);
    expect(Math.abs(p(row('returning_pro_7d', 'treatment')) - p(row('returning_pro_7d', 'control')))).toBeLessThan(0.01);
    // the long tail is where quality is worse: a larger hire-rate drop than overall
    const tail = p(row('hire_rate_7d', 'treatment', 'category=Other')) - p(row('hire_rate_7d', 'control', 'category=Other'));
    expect(tail).toBeLessThan(hire);
    // every metric has the overall read and the six category reads, both arms, plus the requests of unknown arm
    for (const m of spec.metrics) {
      expect(snapshot.rows.filter((r) => r.metric === m.id && r.arm !== 'unassigned').length).toBe(14);
      expect(snapshot.rows.filter((r) => r.metric === m.id && r.arm === 'unassigned' && r.segment === 'all').length).toBe(1);
    }
    expect(snapshot.quality.find((q) => q.id === 'quotes_variant')).toMatchObject({ status: 'pass' });
  });
});
