// Fixed inputs for every chart kind (the TTFQ quoting-workflow deck of the seeds).
import type { ForestInput } from '../../src/charts/forest.js';

export const forestInput: ForestInput = {
  id: 'ttfq_median',
  metric: 'Median time to first quote',
  better: 'lower',
  format: { kind: 'percent' },
  confidence: 0.9,
  threshold: { value: -0.1, label: 'Go threshold −10%' },
  rows: [
    { label: 'Overall', estimate: -0.12, lo: -0.15, hi: -0.08, status: 'pass' },
    { label: 'Home cleaning', estimate: -0.16, lo: -0.21, hi: -0.11, status: 'pass' },
    { label: 'Plumbing', estimate: -0.09, lo: -0.14, hi: -0.04, status: 'inconclusive' },
    { label: 'Moving', estimate: -0.03, lo: -0.09, hi: 0.03, status: 'fail' },
    { label: 'Tutoring (new pros)', estimate: -0.14, lo: -0.2, hi: -0.07, status: 'pass' },
  ],
};
