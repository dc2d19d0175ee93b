// Which scenarios change the verdict, in which direction, to which outcome, and the rule that turns it: the
// structured reading every scenario sentence (exec summary, scenario slides, notes) is written from.
import type { CriterionOutcome, RuleOutcome, ScenarioName, ScenarioOutcome, Verdict } from '../decide/types.js';
import { MARK_WORD, markOf } from '../model/outcomes.js';
import { OVERALL, segmentValue } from '../model/rows.js';
import type { Ctx } from './context.js';
import { inSentence } from '../model/words.js';

export interface ScenarioFlip {
  name: ScenarioName;
  verdict: string;
  fallback: boolean;
  /** up: towards a go (or a higher-ranked go); down: towards a stop or the fallback. */
  direction: 'up' | 'down';
  /** The rule whose outcome differs from the base case and so turns the verdict. */
  cause?: RuleOutcome;
  /** What that rule reads, in the deck's own labels (a metric, the guardrails it finds past their limit, a gap). */
  causeNames: string[];
  causeType?: RuleOutcome['type'];
  /** For a segments rule: the metrics its pattern reads. */
  causeMetrics: string[];
  /** The cause's outcome in this scenario, in words ("not met", "triggered"). */
  causeMark: string;
  /** A guardrails cause whose named guardrails come within their limits here (they were not in the base case). */
  causeWithin: boolean;
}

export function scenarioFlips(ctx: Ctx): ScenarioFlip[] {
  const { decision } = ctx;
  const base = decision.verdict;
  return decision.scenarios.filter((s) => s.flips).map((s) => flipOf(ctx, base, s));
}

function flipOf(ctx: Ctx, base: Verdict, s: ScenarioOutcome): ScenarioFlip {
  const criteria = ctx.decision.criteria;
  const rank = (v: Verdict) => (v.fallback ? criteria.length : criteria.findIndex((c) => c.id === v.criterion));
  const polarity = (v: Verdict) => (v.fallback ? 'stop' : (criteria.find((c) => c.id === v.criterion)?.polarity ?? 'stop'));
  const up = polarity(s.verdict) !== polarity(base) ? polarity(s.verdict) === 'go' : rank(s.verdict) < rank(base);
  // Moving up, the scenario's own criterion now holds: its first rule that was not met in the base case.
  // Otherwise the base verdict's criterion no longer holds there: its first rule whose outcome differs.
  const id = rank(s.verdict) < rank(base) ? s.verdict.criterion : base.criterion;
  const { cause, before } = firstDiffering(criteria.find((c) => c.id === id), s.criteria.find((c) => c.id === id));
  const names = cause ? causeNames(ctx, cause, before) : { names: [], within: false };
  return {
    name: s.name,
    verdict: s.verdict.label,
    fallback: s.verdict.fallback,
    direction: up ? 'up' : 'down',
    ...(cause ? { cause, causeType: cause.type } : {}),
    causeNames: names.names.map(inSentence),
    causeMetrics: cause?.type === 'segments' ? [...new Set(cause.rule.pattern.map((p) => inSentence(ctx.metric(p.metric).label)))] : [],
    causeMark: cause ? MARK_WORD[markOf(cause.status, cause.polarity)] : '',
    causeWithin: names.within,
  };
}

/** The scenario's first rule whose outcome differs from the base case's (`cause`), with the base's (`before`). */
function firstDiffering(base: CriterionOutcome | undefined, there: CriterionOutcome | undefined): { cause?: RuleOutcome; before?: RuleOutcome } {
  const at = base && there ? there.rules.findIndex((r, i) => r.status !== base.rules[i]?.status) : -1;
  return at < 0 ? {} : { cause: there!.rules[at], before: base!.rules[at] };
}

/**
 * What the cause reads, named. A guardrails rule names the guardrails past (or not yet clear of) their limits there;
 * with none, those that were in the base case and come within their limits here (`within`).
 */
function causeNames(ctx: Ctx, o: RuleOutcome, before: RuleOutcome | undefined): { names: string[]; within: boolean } {
  const label = (id: string) => ctx.metric(id).label;
  switch (o.type) {
    case 'metric':
      return { names: [o.rule.segment && o.rule.segment !== OVERALL ? `${label(o.rule.metric)} (${segmentValue(o.rule.segment)})` : label(o.rule.metric)], within: false };
    case 'guardrails': {
      const past = [...o.breached, ...o.unclear];
      if (past.length || before?.type !== 'guardrails') return { names: past.map(label), within: false };
      return { names: [...before.breached, ...before.unclear].filter((id) => o.within.includes(id)).map(label), within: true };
    }
    case 'segments':
      return { names: o.offenders.map(segmentValue), within: false };
    case 'data_gap':
      return { names: [ctx.spec.data_gaps.find((g) => g.id === o.rule.gap)?.description ?? o.rule.gap], within: false };
  }
}

/** The template data for one flip: plain values a template can branch on. */
export function flipData(f: ScenarioFlip): Record<string, unknown> {
  return {
    name: f.name,
    verdict: f.verdict,
    fallback: f.fallback,
    up: f.direction === 'up',
    hasCause: Boolean(f.cause),
    causeType: f.causeType ?? '',
    causeNames: f.causeNames,
    causeCount: f.causeNames.length,
    causeMetrics: f.causeMetrics,
    causeMark: f.causeMark,
    causeWithin: f.causeWithin,
  };
}
