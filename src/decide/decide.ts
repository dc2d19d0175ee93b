// Results + Spec → Decision: each rule's one outcome (per metric and segment), each criterion's, the
// verdict (the first criterion, in spec order, whose rules hold; else the fallback), and the verdict again
// under best / base / worst scenarios. Structured only: compose words all of it.
import type { Spec } from '../spec/normalized.js';
import type { MetricRead, Results } from '../stats/results.js';
import type { QualityCheck } from '../sources/snapshot.js';
import { OVERALL } from '../model/rows.js';
import { MARKS, allOf, anyOf, markOf, type Mark } from '../model/outcomes.js';
import type { CriterionOutcome, Decision, GuardrailOutcome, ScenarioName, ScenarioOutcome, Verdict } from './types.js';
import { evalGuardrail, evalRule, type EvalContext } from './evaluate.js';
import { scenarioReads } from './scenarios.js';
import { phaseDecision, phaseVerdict } from './phase.js';

export function decide(spec: Spec, results: Results, quality: QualityCheck[] = []): Decision {
  const phase = phaseVerdict(spec);
  if (phase) return phaseDecision(phase, evaluate(spec, results.reads, quality).guardrails);
  const base = evaluate(spec, results.reads, quality);
  const scenarios: ScenarioOutcome[] = (['best', 'base', 'worst'] as ScenarioName[]).map((name) => {
    const { reads, changes } = scenarioReads(spec, results.reads, name, results.missingBounds);
    const outcome = name === 'base' ? base : evaluate(spec, reads, quality);
    const assumption = spec.scenarios?.[name]?.assumption;
    return { name, ...(assumption ? { assumption } : {}), verdict: outcome.verdict, criteria: outcome.criteria, changes, flips: outcome.verdict.criterion !== base.verdict.criterion };
  });
  const counts = Object.fromEntries(MARKS.map((m) => [m, 0])) as Record<Mark, number>;
  for (const c of base.criteria) for (const r of c.rules) counts[markOf(r.status, r.polarity)]++;
  return { verdict: base.verdict, criteria: base.criteria, guardrails: base.guardrails, scenarios, ...(spec.decision.target ? { target: spec.decision.target } : {}), counts };
}

function evaluate(spec: Spec, reads: MetricRead[], quality: QualityCheck[]): { verdict: Verdict; criteria: CriterionOutcome[]; guardrails: GuardrailOutcome[] } {
  const byKey = new Map(reads.map((r) => [`${r.metric}\u0000${r.segment}`, r]));
  const segmentsOf = new Map<string, string[]>();
  for (const r of reads) if (r.segment !== OVERALL) segmentsOf.set(r.metric, [...(segmentsOf.get(r.metric) ?? []), r.segment]);
  const metrics = new Map(spec.metrics.map((m) => [m.id, m]));
  const read = (m: string, s: string) => byKey.get(`${m}\u0000${s}`);
  const guardrails = spec.metrics.filter((m) => m.role === 'guardrail').flatMap((m) => evalGuardrail(m, { read }) ?? []);
  const ctx: EvalContext = { spec, metric: (id) => metrics.get(id)!, read, segments: (m) => segmentsOf.get(m) ?? [], quality, guardrails };

  if (spec.phase !== 'final') return { verdict: phaseVerdict(spec)!, criteria: [], guardrails };
  const criteria: CriterionOutcome[] = spec.criteria.map((c) => {
    const rules = c.rules.map((r) => evalRule(r, ctx, { criterion: c.id, polarity: c.polarity }));
    const status = (c.mode === 'all' ? allOf : anyOf)(rules.map((r) => r.status));
    return { id: c.id, label: c.label, ...(c.option ? { option: c.option } : {}), polarity: c.polarity, mode: c.mode, holds: status === 'met', status, rules };
  });
  return { verdict: verdictOf(spec, criteria), criteria, guardrails };
}

function verdictOf(spec: Spec, criteria: CriterionOutcome[]): Verdict {
  const winner = criteria.find((c) => c.holds);
  if (winner) {
    const decidedBy: Verdict['decidedBy'] = winner.mode === 'all' ? { by: 'all', criterion: winner.id } : { by: 'rule', criterion: winner.id, rule: winner.rules.find((r) => r.status === 'met')! };
    return { criterion: winner.id, label: winner.label, ...(winner.option ? { option: winner.option } : {}), decidedBy, fallback: false, blockers: blockersOf(criteria.slice(0, criteria.indexOf(winner))) };
  }
  const f = spec.decision.fallback;
  return { criterion: f.id, label: f.label, ...(f.option ? { option: f.option } : {}), decidedBy: { by: 'fallback' }, fallback: true, blockers: blockersOf(criteria.filter((c) => c.id !== f.id)) };
}

function blockersOf(criteria: CriterionOutcome[]): Verdict['blockers'] {
  return criteria.map((c) => {
    const rule = c.mode === 'all' ? c.rules.find((r) => r.status !== 'met') : undefined;
    return rule ? { criterion: c, rule } : { criterion: c };
  });
}
