// Fixed inputs for every chart kind (the TTFQ quoting-workflow deck and the pilot of the seeds).
import type { Theme } from '../../src/deck/theme.js';
import type { ChartSpec } from '../../src/deck/types.js';
import { forestChart, distributionChart, timeSeriesChart, tradeoffChart, guardrailsChart, scenariosChart, powerChart } from '../../src/charts/index.js';
import type { ScenariosInput } from '../../src/charts/scenarios.js';
import type { PowerInput } from '../../src/charts/power.js';
import type { GuardrailsInput } from '../../src/charts/guardrails.js';
import type { TradeoffInput } from '../../src/charts/tradeoff.js';
import type { TimeSeriesInput } from '../../src/charts/timeseries.js';
import type { DistributionInput } from '../../src/charts/distribution.js';
import type { ForestInput } from '../../src/charts/forest.js';
import { countValues } from '../../src/stats/sample.js';

export const forestInput: ForestInput = {
  id: 'ttfq_median',
  metric: 'Median time to first quote',
  better: 'lower',
  format: { kind: 'percent' },
  confidence: 0.9,
  thresholds: [{ value: -0.1, label: 'change ≤ −10%' }],
  rule: 'Median time to first quote: change ≤ −10%',
  rows: [
    { label: 'Overall', estimate: -0.12, lo: -0.15, hi: -0.08, tone: 'pass', mark: '✓ met' },
    { label: 'Home cleaning', estimate: -0.16, lo: -0.21, hi: -0.11, tone: 'pass', mark: '✓ met' },
    { label: 'Plumbing', estimate: -0.09, lo: -0.14, hi: -0.04, tone: 'fail', mark: '✗ not met' },
    { label: 'Moving', estimate: -0.03, lo: -0.09, hi: 0.03, tone: 'fail', mark: '✗ not met' },
    { label: 'Tutoring (new pros)', estimate: -0.14, lo: -0.2, hi: -0.07, tone: 'pass', mark: '✓ met' },
  ],
};

/** Deterministic pseudo-random numbers (mulberry32), so fixtures need no Math.random. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function lognormal(rand: () => number, n: number, median: number, sigma: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const z = Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
    out.push(Math.round(median * Math.exp(sigma * z) * 10) / 10);
  }
  return out;
}

const rand = seeded(42);
export const distributionInput: DistributionInput = {
  id: 'ttfq',
  metric: 'Time to first quote',
  unit: 'min',
  values: { control: countValues(lognormal(rand, 2000, 16, 0.7)), treatment: countValues(lognormal(rand, 2000, 14, 0.65)) },
};

function day(offset: number): string {
  return new Date(Date.UTC(2026, 2, 2 + offset)).toISOString().slice(0, 10);
}
const trand = seeded(7);
export const timeSeriesInput: TimeSeriesInput = {
  id: 'ttfq',
  metric: 'Median time to first quote',
  format: { kind: 'unit', unit: 'min' },
  points: Array.from({ length: 28 }, (_, i) => [
    { date: day(i), arm: 'control' as const, value: Math.round((16 + 1.2 * Math.sin(i / 2) + trand()) * 10) / 10 },
    { date: day(i), arm: 'treatment' as const, value: Math.round(((i < 7 ? 16 : 14) + 1.2 * Math.sin(i / 2) + trand()) * 10) / 10 },
  ]).flat(),
  rollout: { date: day(7), label: 'Rollout 50%' },
  checkpoints: [
    { date: day(14), label: 'Checkpoint 1' },
    { date: day(17), label: 'Safety check' },
    { date: day(24), label: 'Final read' },
  ],
};

export const tradeoffInput: TradeoffInput = {
  id: 'speed-vs-hire',
  x: { label: 'Speed gain in time to first quote', format: { kind: 'percent' } },
  y: { label: 'Change in 7-day hire rate', format: { kind: 'pp' } },
  acceptable: { xMin: 0.05, yMin: -0.01, label: 'Acceptable: ≥ 5% faster, hire rate ≥ −1.0pp' },
  points: [
    { label: 'Home cleaning', x: 0.16, y: -0.002, tone: 'pass', mark: '✓ met' },
    { label: 'Plumbing', x: 0.09, y: -0.006, tone: 'pass', mark: '✓ met' },
    { label: 'Moving', x: 0.03, y: 0.001, tone: 'fail', mark: '✗ not met' },
    { label: 'Tutoring', x: 0.14, y: -0.013, tone: 'fail', mark: '✗ not met' },
    { label: 'Landscaping', x: 0.11, y: 0.004, tone: 'pass', mark: '✓ met' },
  ],
};

export const guardrailsInput: GuardrailsInput = {
  confidence: 0.9,
  rows: [
    { label: '7-day hire rate', estimate: -0.002, lo: -0.006, hi: 0.001, limit: 0.01, format: { kind: 'pp' }, better: 'higher', tone: 'pass', mark: '✓ not triggered', breached: false },
    { label: 'Support tickets per 100 requests', estimate: 0.06, lo: 0.01, hi: 0.12, limit: 0.1, format: { kind: 'percent' }, better: 'lower', tone: 'fail', mark: '✗ triggered', breached: true },
    { label: 'Spam reports', estimate: 0.02, lo: -0.01, hi: 0.04, limit: 0.05, format: { kind: 'percent' }, better: 'lower', tone: 'pass', mark: '✓ not triggered', breached: false },
    { label: 'Quote acceptance', estimate: -0.015, lo: -0.02, hi: -0.011, limit: 0.01, format: { kind: 'pp' }, better: 'higher', tone: 'fail', mark: '✗ triggered', breached: true },
  ],
};

export const scenariosInput: ScenariosInput = {
  rows: [
    { label: 'Median time to first quote', format: { kind: 'percent' }, better: 'lower', best: -0.15, base: -0.12, worst: -0.06, criterion: -0.1, marks: { best: '✓ met', base: '✓ met', worst: '✗ not met' } },
    { label: '7-day hire rate', format: { kind: 'pp' }, better: 'higher', best: 0.001, base: -0.002, worst: -0.008, criterion: -0.01 },
  ],
};

// n ≈ (z_{0.975} + z_{0.8})² · 2·p0(1−p0) / δ², p0 = 20% (the pilot seed's example).
export const powerInput: PowerInput = {
  // The baseline-variance formula δ = 2.8·√(2p₀q₀/n), so the clustered line is the same at n/1.58.
  curve: [200, 300, 500, 800, 1200, 1600, 2000, 3000, 4000].map((n) => ({ n, mde: Math.sqrt((7.84 * 0.32) / n), mdeClustered: Math.sqrt((7.84 * 0.32 * 1.58) / n) })),
  designEffect: 1.58,
  format: { kind: 'pp' },
  target: { mde: 0.03, label: 'Target +3pp win rate' },
  plannedN: 1400,
  unitName: 'opportunities',
};

/** One chart of every kind (and the ECDF variant), built from the fixed inputs above. */
export function allCharts(theme: Theme): ChartSpec[] {
  return [
    forestChart(forestInput, theme),
    distributionChart(distributionInput, theme),
    distributionChart({ ...distributionInput, id: 'ttfq-ecdf', mode: 'ecdf' }, theme),
    timeSeriesChart(timeSeriesInput, theme),
    tradeoffChart(tradeoffInput, theme),
    guardrailsChart(guardrailsInput, theme),
    scenariosChart(scenariosInput, theme),
    powerChart(powerInput, theme),
  ];
}
