// Alt text states the right number, unit and direction, in one sentence.
import { describe, expect, it } from 'vitest';
import { defaultTheme } from '../../src/deck/theme.js';
import { forestChart, guardrailsChart, powerChart, scenariosChart, timeSeriesChart, distributionChart, tradeoffChart } from '../../src/charts/index.js';
import { distributionInput, forestInput, guardrailsInput, powerInput, scenariosInput, timeSeriesInput, tradeoffInput } from './fixtures.js';

const M = '\u2212';
const single = { ...forestInput, rows: [forestInput.rows[0]] };

describe('forest alt text', () => {
  it('reads a drop in a lower-is-better metric as "lowers … by 12%", past the threshold', () => {
    expect(forestChart(single, defaultTheme).alt).toBe(
      `Treatment lowers median time to first quote by 12% (90% CI ${M}15% to ${M}8%), past the ${M}10% threshold.`,
    );
  });

  it('reads a rise as "raises" and an estimate on the wrong side as "short of"', () => {
    const up = { ...single, better: 'higher' as const, format: { kind: 'pp' as const }, threshold: { value: 0.01 }, rows: [{ label: 'Overall', estimate: 0.004, lo: -0.003, hi: 0.011, status: 'inconclusive' as const }] };
    expect(forestChart(up, defaultTheme).alt).toBe(`Treatment raises median time to first quote by 0.4pp (90% CI ${M}0.3pp to +1.1pp), short of the +1.0pp threshold.`);
  });

  it('counts the segment statuses after the headline', () => {
    expect(forestChart(forestInput, defaultTheme).alt).toMatch(/; 2 of 4 other rows pass, 1 fails, 1 is inconclusive\.$/);
  });

  it('says "unchanged" for a zero estimate', () => {
    const flat = { ...single, threshold: undefined, rows: [{ label: 'Overall', estimate: 0, lo: -0.02, hi: 0.02, status: 'inconclusive' as const }] };
    expect(forestChart(flat, defaultTheme).alt).toMatch(/^Treatment leaves median time to first quote unchanged/);
  });

  it('uses the metric unit for raw-unit changes', () => {
    const raw = { ...single, format: { kind: 'unit' as const, unit: 'min' }, threshold: undefined, rows: [{ label: 'Overall', estimate: -1.9, lo: -2.6, hi: -1.1, status: 'pass' as const }] };
    expect(forestChart(raw, defaultTheme).alt).toBe(`Treatment lowers median time to first quote by 1.9 min (90% CI ${M}2.6 min to ${M}1.1 min).`);
  });
});

describe('other charts', () => {
  it('distribution: medians and P90s per arm with the unit', () => {
    expect(distributionChart(distributionInput, defaultTheme).alt).toMatch(/^Treatment time to first quote has a median of [\d.]+ min and a P90 of [\d.]+ min, against [\d.]+ min and [\d.]+ min for control\.$/);
  });

  it('time series: span, averages and markers', () => {
    expect(timeSeriesChart(timeSeriesInput, defaultTheme).alt).toMatch(/^Over 28 days \(Mar 2 to Mar 29\), .* min against .* min for control; rollout on Mar 9; 3 checkpoints marked\.$/);
  });

  it('trade-off: how many points lie in the acceptable region', () => {
    expect(tradeoffChart(tradeoffInput, defaultTheme).alt).toBe(
      `3 of 5 options lie in the acceptable region; outside it: Moving (speed gain in time to first quote +3%, change in 7-day hire rate +0.1pp); Tutoring (speed gain in time to first quote +14%, change in 7-day hire rate ${M}1.3pp).`,
    );
  });

  it('guardrails: counts and the one closest to its limit', () => {
    expect(guardrailsChart(guardrailsInput, defaultTheme).alt).toBe(
      `2 of 4 guardrails pass, 1 fails, 1 is inconclusive; closest to its limit is quote acceptance at ${M}1.5pp (90% CI ${M}2.0pp to ${M}1.1pp) against a limit of ${M}1.0pp.`,
    );
  });

  it('scenarios: base with worst and best, against each criterion', () => {
    expect(scenariosChart(scenariosInput, defaultTheme).alt).toContain(`lowers median time to first quote by 12% (worst ${M}6%, best ${M}15%), past the ${M}10% criterion`);
  });

  it('power: sample per arm with and without the design effect (n ≈ 7.84·0.32/δ² = 2,788 at 3pp)', () => {
    expect(powerChart(powerInput, defaultTheme).alt).toBe(
      'To detect a 3.0pp change, each arm needs about 4,400 opportunities with the design effect of 1.58, against about 2,800 without it.',
    );
  });
});
