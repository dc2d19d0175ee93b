// Which rule grades a metric wherever the deck shows the metric on its own (exec cards, deep-dive, forest
// chart, segment table, trade-off chart, metrics table, scenarios): the first rule on the metric's overall
// read in the target criterion (the one the spec names, else the first go criterion), never the winning
// one, so a metric keeps its mark whatever the verdict. A guardrail metric without such a rule is graded
// by its own guardrail check.
import { kindOf, type Scale } from '../model/metric-kinds.js';
import { OVERALL } from '../model/rows.js';
import type { MetricRule, Spec } from '../spec/normalized.js';
import type { Decision, GuardrailOutcome, MetricRuleOutcome } from './types.js';

function targetRule(spec: Spec, metricId: string): MetricRule | undefined {
  const target = spec.criteria.find((c) => c.id === spec.decision.target);
  return target?.rules.find((r): r is MetricRule => r.type === 'metric' && r.metric === metricId && r.segment === OVERALL);
}

/** The scale a metric is shown on: its target rule's, else its kind's default. */
export function headlineScale(spec: Spec, metricId: string): Scale {
  const m = spec.metrics.find((x) => x.id === metricId)!;
  return targetRule(spec, metricId)?.scale ?? m.max_worsening?.scale ?? kindOf(m.kind).defaultScale;
}

/** The outcome that grades a metric: its target rule's, else its guardrail check's. */
export function headlineOutcome(decision: Decision, metricId: string): MetricRuleOutcome | GuardrailOutcome | undefined {
  const target = decision.criteria.find((c) => c.id === decision.target);
  const rule = target?.rules.find((r): r is MetricRuleOutcome => r.type === 'metric' && r.rule.metric === metricId && r.rule.segment === OVERALL);
  return rule ?? decision.guardrails.find((g) => g.metric === metricId);
}
