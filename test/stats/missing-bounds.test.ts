// Missing-data bounds: the rows of unknown arm added wholly to control, then wholly to treatment.
// Expected values are worked by hand from the aggregates (shown in each case).
import { describe, expect, it } from 'vitest';
import { parseSpecText } from '../../src/spec/load.js';
import { missingDataBounds } from '../../src/stats/missing-bounds.js';
import { scenarioReads } from '../../src/decide/scenarios.js';
import type { MetricsSnapshot } from '../../src/sources/snapshot.js';
import type { MetricRead } from '../../src/stats/results.js';

const spec = parseSpecText(
  `deck: {title: T, owner: O, date: 2026-01-02}
decision: {question: Q?, options: [{id: A, label: Go}]}
metrics:
  - {id: hire, label: Hire rate, kind: proportion, unit: share, better: higher, role: primary}
  - {id: spend, label: Spend, kind: mean, unit: USD, better: higher, role: primary}
  - {id: wait, label: Wait, kind: median, unit: minutes, better: lower, role: primary}
criteria:
  go: {label: Go, option: A, all: [{metric: hire, ci_lower: {at_least: -1pp}}]}
`,
  's.yaml',
  '/tmp',
).spec;

const snapshot: MetricsSnapshot = {
  provenance: {},
  quality: [],
  rows: [
    { metric: 'hire', arm: 'control', segment: 'all', successes: 100, n: 1000 },
    { metric: 'hire', arm: 'treatment', segment: 'all', successes: 120, n: 1000 },
    { metric: 'hire', arm: 'unassigned', segment: 'all', successes: 0, n: 100 },
    { metric: 'spend', arm: 'control', segment: 'all', n: 4, sum: 40, sum_sq: 420 },
    { metric: 'spend', arm: 'treatment', segment: 'all', n: 4, mean: 12, sd: 2 },
    { metric: 'spend', arm: 'unassigned', segment: 'all', n: 2, sum: 0, sum_sq: 0 },
    { metric: 'wait', arm: 'control', segment: 'all', value_counts: [[10, 1], [20, 1], [30, 1]] },
    { metric: 'wait', arm: 'treatment', segment: 'all', value_counts: [[8, 1], [16, 1], [24, 1]] },
    { metric: 'wait', arm: 'unassigned', segment: 'all', value_counts: [[100, 2]] },
  ],
};

describe('missingDataBounds', () => {
  const b = missingDataBounds(spec, snapshot);

  it('proportions: successes and n add up', () => {
    // to control: 120/1000 − 100/1100 = 0.12 − 0.090909… ; to treatment: 120/1100 − 100/1000 = 0.109090… − 0.1
    expect(b.hire.absolute![0]).toBeCloseTo(0.12 - 100 / 1100, 12);
    expect(b.hire.absolute![1]).toBeCloseTo(120 / 1100 - 0.1, 12);
    expect(b.hire.share).toBeCloseTo(100 / 2100, 12);
  });

  it('means: sums and sums of squares add up (a mean and sd row is converted first)', () => {
    // control 40/4 = 10 → with two zeros 40/6; treatment mean 12 → with two zeros 48/6 = 8
    expect(b.spend.absolute![0]).toBeCloseTo(12 - 40 / 6, 12);
    expect(b.spend.absolute![1]).toBeCloseTo(8 - 10, 12);
  });

  it('quantiles: raw values are pooled (R type 7 medians)', () => {
    // control + [100, 100] = [10, 20, 30, 100, 100] → median 30; treatment median 16 → −14
    // treatment + [100, 100] = [8, 16, 24, 100, 100] → median 24; control median 20 → +4
    expect(b.wait.absolute).toEqual([16 - 30, 24 - 20]);
  });

  it('push the best and worst scenarios by how far the bounds lie beyond the point estimate', () => {
    const read: MetricRead = {
      metric: 'hire', segment: 'all', control: null, treatment: null, exploratory: false, designEffect: 1, relative: null,
      absolute: { estimate: 0.02, ci: { lo: 0.0, hi: 0.04 }, method: 'test' },
    };
    const best = scenarioReads(spec, [read], 'best', b).reads[0].absolute!.estimate;
    const worst = scenarioReads(spec, [read], 'worst', b).reads[0].absolute!.estimate;
    // better = higher: best = 0.04 + (0.029091 − 0.02); worst = 0.0 − (0.02 − 0.009091)
    expect(best).toBeCloseTo(0.04 + (0.12 - 100 / 1100 - 0.02), 12);
    expect(worst).toBeCloseTo(0.0 - (0.02 - (120 / 1100 - 0.1)), 12);
  });
});
