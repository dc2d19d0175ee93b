// Phases of a pilot (seed: pilot-instead-of-mandate). At interim nothing downstream may see an efficacy
// read: the reads of primary and secondary metrics are removed here, before decide and compose, so no
// slide, table, chart, note or template can leak a delta, an interval or a direction.
import { createHash } from 'node:crypto';
import { isComplianceMetric, isEfficacyMetric, type Spec } from '../spec/schema.js';
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

/** Why interim reports show no efficacy: the seed's reasoning, for messages and slides. */
export const NO_PEEKING =
  'Interim reports show participation, compliance, safety and data quality only. Early peeks at efficacy raise the false-positive risk: with a partial sample a swing of two or three won deals can flip the sign, and a directional "win" published mid-pilot is hard to take back. Efficacy is read once, at the pre-registered end (MDE reached or maximum duration).';

export function phaseVerdict(spec: Spec): Verdict | undefined {
  if (spec.phase === 'design') return { criterion: 'design', label: 'Pilot proposed: criteria pre-registered, no data read yet', decidedBy: 'phase: design', fallback: true, blockers: [] };
  if (spec.phase === 'interim') return { criterion: 'interim', label: 'Pilot in progress: no efficacy read before the final readout', decidedBy: 'phase: interim', fallback: true, blockers: [] };
  return undefined;
}

/** A decision for design and interim phases: guardrails only, no criteria, no scenarios. */
export function phaseDecision(verdict: Verdict, guardrails: Decision['guardrails']): Decision {
  return { verdict, criteria: [], guardrails, scenarios: [], counts: { pass: 0, fail: 0, inconclusive: 0 } };
}

/**
 * Arm names on slides. Blinded interim decks say Arm A / Arm B, and which arm is A follows a hash of the
 * deck's title and date rather than a convention, so the label itself implies nothing.
 */
export function armLabel(spec: Spec, arm: 'control' | 'treatment'): string {
  if (!(spec.blind && spec.phase === 'interim')) return arm === 'control' ? 'Control' : 'Treatment';
  const swap = createHash('sha256').update(`${spec.deck.title}\u0000${spec.deck.date}`).digest()[0] % 2 === 1;
  return (arm === 'control') !== swap ? 'Arm A' : 'Arm B';
}
