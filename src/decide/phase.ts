// Phases of a pilot (seed: pilot-instead-of-mandate). At interim nothing downstream may see an efficacy
// read: the reads of primary and secondary metrics are removed here, before decide and compose, so no
// slide, table, chart, note or template can leak a delta, an interval or a direction.
import type { Spec } from '../spec/normalized.js';
import { isComplianceMetric, isEfficacyMetric } from '../spec/schema.js';
import type { Results } from '../stats/results.js';
import type { Decision, Verdict } from './types.js';

/** Interim: efficacy reads removed; operational and dose reads keep their arm levels only (no between-arm change). */
export function interimView(spec: Spec, results: Results): Results {
  const reads = results.reads
    .filter((r) => !spec.metrics.some((m) => m.id === r.metric && isEfficacyMetric(m)))
    .map((r) => {
      const m = spec.metrics.find((x) => x.id === r.metric);
      return m && isComplianceMetric(m) ? { ...r, absolute: null, relative: null } : r;
    });
  return { ...results, reads, adjustment: undefined };
}

/** Design and interim decks decide nothing yet: the verdict names the phase (compose words it). */
export function phaseVerdict(spec: Spec): Verdict | undefined {
  if (spec.phase === 'final') return undefined;
  return { criterion: spec.phase, label: '', decidedBy: { by: 'phase', phase: spec.phase }, fallback: true, blockers: [] };
}

/** A decision for design and interim phases: guardrails only, no criteria, no scenarios. */
export function phaseDecision(verdict: Verdict, guardrails: Decision['guardrails']): Decision {
  return { verdict, criteria: [], guardrails, scenarios: [], counts: { met: 0, not_met: 0, triggered: 0, not_triggered: 0, not_clear: 0, no_data: 0 } };
}
