// Results + Spec → Decision: every criterion pass/fail/inconclusive, the verdict (the first criterion,
// in spec order, whose rules hold), the rule that decided, and the verdict under best/base/worst scenarios.
import type { Spec, Rule } from '../spec/schema.js';
import type { MetricRead, Results } from '../stats/results.js';
import type { QualityCheck } from '../sources/snapshot.js';
import type { CriterionOutcome, Decision, RuleOutcome, Status, Verdict } from './types.js';
import { combine, evalDataGapRule, evalGuardrail, evalGuardrailsRule, evalMetricRule, evalSegmentRule, type RuleContext } from './rules.js';
import { scenarioReads } from './scenarios.js';
import { phaseDecision, phaseVerdict } from './phase.js';
import type { ScenarioName, ScenarioOutcome } from './types.js';

export function decide(spec: Spec, results: Results, quality: QualityCheck[] = []): Decision {
  const phase = phaseVerdict(spec);
  if (phase) return phaseDecision(phase, evaluate(spec, results.reads, quality).guardrails);
  const base = evaluate(spec, results.reads, quality);
  const scenarios: ScenarioOutcome[] = (['best', 'base', 'worst'] as ScenarioName[]).map((name) => {
    const { reads, changes } = scenarioReads(spec, results.reads, name, results.missingBounds);
    const outcome = name === 'base' ? base : evaluate(spec, reads, quality);
    return {
      name,
      assumption: spec.scenarios?.[name]?.assumption ?? DEFAULT_ASSUMPTION[name],
      verdict: outcome.verdict,
      criteria: outcome.criteria,
      changes,
      flips: outcome.verdict.criterion !== base.verdict.criterion,
    };
  });
  const counts: Record<Status, number> = { pass: 0, fail: 0, inconclusive: 0 };
  for (const c of base.criteria) for (const r of c.rules) counts[r.status]++;
  return { verdict: base.verdict, criteria: base.criteria, guardrails: base.guardrails, scenarios, counts };
}

const DEFAULT_ASSUMPTION: Record<ScenarioName, string> = {
  best: 'Every change at the favourable end of its interval',
  base: 'Point estimates',
  worst: 'Every change at the unfavourable end of its interval',
};

function evaluate(spec: Spec, reads: MetricRead[], quality: QualityCheck[]): { verdict: Verdict; criteria: CriterionOutcome[]; guardrails: RuleOutcome[] } {
  const byKey = new Map(reads.map((r) => [`${r.metric}\u0000${r.segment}`, r]));
  const metrics = new Map(spec.metrics.map((m) => [m.id, m]));
  const partial = { spec, metrics, read: (m: string, s: string) => byKey.get(`${m}\u0000${s}`), quality };
  const guardrails = spec.metrics.filter((m) => m.role === 'guardrail').flatMap((m) => evalGuardrail(m, partial) ?? []);
  const ctx: RuleContext = { ...partial, guardrails };
  const segments = [...new Set(reads.map((r) => r.segment))].sort();

  const evalRule = (rule: Rule): RuleOutcome => {
    if ('metric' in rule) return evalMetricRule(rule, ctx);
    if ('no_segment' in rule) return evalSegmentRule(rule, ctx, segments);
    if ('guardrails' in rule) return evalGuardrailsRule(rule, ctx);
    return evalDataGapRule(rule, ctx);
  };

  if (spec.phase !== 'final') return { verdict: phaseVerdict(spec)!, criteria: [], guardrails };
  const criteria: CriterionOutcome[] = Object.entries(spec.criteria).map(([id, c]) => {
    const mode = c.all ? 'all' : 'any';
    const rules = (c.all ?? c.any ?? []).map((r) => {
      const o = evalRule(r);
      return 'note' in r && r.note && !('no_segment' in r) && !('data_gap' in r) ? { ...o, text: r.note } : o;
    });
    const statuses = rules.map((r) => r.status);
    const holds = mode === 'all' ? statuses.every((s) => s === 'pass') : statuses.some((s) => s === 'pass');
    const status: Status = mode === 'all' ? combine(statuses) : holds ? 'pass' : statuses.every((s) => s === 'fail') ? 'fail' : 'inconclusive';
    return { id, label: c.label, option: c.option, mode, holds, status, rules };
  });

  return { verdict: verdictOf(spec, criteria), criteria, guardrails };
}

function verdictOf(spec: Spec, criteria: CriterionOutcome[]): Verdict {
  const winner = criteria.find((c) => c.holds);
  if (winner) {
    const decidedBy =
      winner.mode === 'all'
        ? `all ${winner.rules.length} rules of "${winner.label}" hold`
        : `"${winner.rules.find((r) => r.status === 'pass')!.text}" holds`;
    return { criterion: winner.id, label: winner.label, option: winner.option, decidedBy, fallback: false, blockers: blockersOf(criteria.slice(0, criteria.indexOf(winner))) };
  }
  const id = spec.decision.fallback ?? criteria[criteria.length - 1].id;
  const c = criteria.find((x) => x.id === id)!;
  return { criterion: c.id, label: c.label, option: c.option, decidedBy: `no criterion holds, so the fallback "${c.label}" applies`, fallback: true, blockers: blockersOf(criteria.filter((x) => x.id !== id)) };
}

function blockersOf(criteria: CriterionOutcome[]): Verdict['blockers'] {
  return criteria.flatMap((c) => {
    const r = c.mode === 'all' ? c.rules.find((x) => x.status !== 'pass') : c.rules[0];
    return r ? [{ criterion: c.id, label: c.label, rule: r.text, status: r.status, reason: r.reason }] : [];
  });
}
