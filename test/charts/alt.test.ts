// Alt text states the right number, unit and direction, in one sentence.
import { describe, expect, it } from 'vitest';
import { defaultTheme } from '../../src/deck/theme.js';
import { forestChart, guardrailsChart, powerChart, scenariosChart, timeSeriesChart, distributionChart, tradeoffChart } from '../../src/charts/index.js';
import { distributionInput, forestInput, guardrailsInput, powerInput, scenariosInput, timeSeriesInput, tradeoffInput } from './fixtures.js';

const M = '\u2212';
const single = { ...forestInput, rows: [forestInput.rows[0]] };

describe('forest alt text', () => {
  it('reads a drop in a lower-is-better metric as "lowers … by 12%", then each row with its mark', () => {
    expect(forestChart(single, defaultTheme).alt).toBe(
      `Treatment lowers median time to first quote by 12% (90% CI ${M}15% to ${M}8%); against “Median time to first quote: change ≤ −10%”: Overall ✓ met.`,
    );
  });

  it('reads a rise as "raises", and says nothing of a bar when no rule grades the metric', () => {
    const up = { ...single, better: 'higher' as const, format: { kind: 'pp' as const }, thresholds: undefined, rule: undefined, rows: [{ label: 'Overall', estimate: 0.004, lo: -0.003, hi: 0.011, tone: 'inconclusive' as const }] };
    expect(forestChart(up, defaultTheme).alt).toBe(`Treatment raises median time to first quote by 0.4pp (90% CI ${M}0.3pp to +1.1pp).`);
  });

  it('lists every row with the mark the chart shows', () => {
    expect(forestChart(forestInput, defaultTheme).alt).toMatch(/: Overall ✓ met, Home cleaning ✓ met, Plumbing ✗ not met, Moving ✗ not met, Tutoring \(new pros\) ✓ met\.$/);
  });

  it('says "unchanged" for a zero estimate', () => {
    const flat = { ...single, thresholds: undefined, rows: [{ label: 'Overall', estimate: 0, lo: -0.02, hi: 0.02, tone: 'inconclusive' as const }] };
    expect(forestChart(flat, defaultTheme).alt).toMatch(/^Treatment leaves median time to first quote unchanged/);
  });

  it('uses the metric unit for raw-unit changes', () => {
    const raw = { ...single, format: { kind: 'unit' as const, unit: 'min' }, thresholds: undefined, rule: undefined, rows: [{ label: 'Overall', estimate: -1.9, lo: -2.6, hi: -1.1, tone: 'pass' as const }] };
    expect(forestChart(raw, defaultTheme).alt).toBe(`Treatment lowers median time to first quote by 1.9 min (90% CI ${M}2.6 min to ${M}1.1 min).`);
  });
});

describe('other charts', () => {
  it('distribution: medians and P90s per arm with the unit', () => {
    expect(distributionChart(distributionInput, defaultTheme).alt).toMatch(/^Treatment time to first quote has a median of [\d.]+ min and a P90 of [\d.]+ min, against [\d.]+ min and [\d.]+ min for control\.$/);
  });

  it('time series: span, averages and markers', () => {
    expect(timeSeriesChart(timeSeriesInput, defaultTheme).alt).toMatch(/^Over 28 days \(2026-03-02 to 2026-03-29\), .* min against .* min for control; rollout on 2026-03-09; 3 checkpoints marked\.$/);
  });

  it('trade-off: how many points lie in the acceptable region, each mark, and where the others lie', () => {
    expect(tradeoffChart(tradeoffInput, defaultTheme).alt).toBe(
      `3 of 5 options lie in the shaded region (acceptable: ≥ 5% faster, hire rate ≥ −1.0pp); Home cleaning ✓ met, Plumbing ✓ met, Moving ✗ not met, Tutoring ✗ not met, Landscaping ✓ met; outside it: Moving (speed gain in time to first quote +3%, change in 7-day hire rate +0.1pp); Tutoring (speed gain in time to first quote +14%, change in 7-day hire rate ${M}1.3pp).`,
    );
  });

  it('guardrails: each mark, and the breached ones against their limits', () => {
    expect(guardrailsChart(guardrailsInput, defaultTheme).alt).toBe(
      `7-day hire rate ✓ not triggered, Support tickets per 100 requests ✗ triggered, Spam reports ✓ not triggered, Quote acceptance ✗ triggered; past the limit: support tickets per 100 requests at +6% (90% CI +1% to +12%) against a limit of +10%; quote acceptance at ${M}1.5pp (90% CI ${M}2.0pp to ${M}1.1pp) against a limit of ${M}1.0pp.`,
    );
  });

  it('guardrails: with none breached, the one closest to its limit', () => {
    const rows = guardrailsInput.rows.filter((r) => !r.breached);
    expect(guardrailsChart({ ...guardrailsInput, rows }, defaultTheme).alt).toMatch(/; closest to its limit is spam reports at \+2% /);
  });

  it('scenarios: base with worst and best, and the mark of the rule in each', () => {
    expect(scenariosChart(scenariosInput, defaultTheme).alt).toContain(`lowers median time to first quote by 12% (worst ${M}6%, best ${M}15%), against its rule: best ✓ met, base ✓ met, worst ✗ not met`);
  });

  it('power: sample per arm with and without the design effect (n ≈ 7.84·0.32/δ² = 2,788 at 3pp)', () => {
    expect(powerChart(powerInput, defaultTheme).alt).toBe(
      'To detect a 3.0pp change, each arm needs about 4,400 opportunities with the design effect of 1.58, against about 2,800 without it.',
    );
  });
});
