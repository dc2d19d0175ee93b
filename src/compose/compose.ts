// all of it → the Deck tree. The order here is the storyline (seed: 1-page summary, context, deep-dives,
// trade-offs, scenarios, recommendation, registers, plan, rollback, pre-wire appendix).
import type { Deck, DeckRule, Slide } from '../deck/types.js';
import { marked } from './marks.js';
import { guardrailReason, guardrailText, reasonText, ruleText } from './rule-words.js';
import { verdictBecause } from './verdict-words.js';
import { errorDiag, type Diagnostic } from '../diagnostics.js';
import { Ctx, type ComposeInput } from './context.js';
import { composeTitle, coverSubtitle } from './title.js';
import { composeExecSummary } from './exec-summary.js';
import { composeContextMethod } from './context-method.js';
import { composeDeepDives } from './deep-dive.js';
import { composeMetricsOverview } from './metrics-overview.js';
import { composeTradeoffs } from './tradeoffs.js';
import { composeScenarios } from './scenarios.js';
import { composeRecommendation } from './recommendation.js';
import { composeDataGaps, composeRisks } from './registers.js';
import { afterDecision, composePlan, composeRaci, composeRollback } from './plan.js';
import { thinDataClaims } from './risk-sizes.js';
import { composePrewire } from './prewire.js';
import { composeDesignSummary, composePilotDesign } from './pilot-design.js';
import { composeInterim } from './interim.js';
import { composeCompliance } from './compliance.js';
import { composeSinceLastCheckpoint } from './since-checkpoint.js';
import { composeGuardrails } from './guardrails.js';
import { composeSegmentAppendix } from './appendix.js';
import { composeDistribution, composeFrontier, composeTrends } from './chart-slides.js';

type Composer = (ctx: Ctx) => Slide[];

/** "Since the last checkpoint", after the exec summary, when the deck folder keeps a history. */
const composeSince: Composer = (ctx) => {
  const slide = ctx.input.history?.length
    ? composeSinceLastCheckpoint({ history: ctx.input.history, spec: ctx.spec, results: ctx.results, decision: ctx.decision, texts: ctx.t, checkpoint: ctx.input.checkpoint })
    : undefined;
  return slide ? [slide] : [];
};

const FINAL: Composer[] = [
  composeTitle,
  composeExecSummary,
  composeSince,
  composeContextMethod,
  composeCompliance,
  composeDeepDives,
  composeDistribution,
  composeTrends,
  composeGuardrails,
  composeMetricsOverview,
  composeFrontier,
  composeTradeoffs,
  composeScenarios,
  composeRecommendation,
  composeDataGaps,
  composeRisks,
  composeRaci,
  composePlan,
  composeRollback,
  composePrewire,
  composeSegmentAppendix,
];

const DESIGN: Composer[] = [composeTitle, composeDesignSummary, composePilotDesign, composeRisks, composeRaci, composePlan, composePrewire];

/** Interim: only participation, compliance, safety and data quality; no pre-wire (it carries north-star reads). */
const INTERIM: Composer[] = [composeTitle, composeInterim, composePlan];

const BY_PHASE = { design: DESIGN, interim: INTERIM, final: FINAL } as const;

/** Every criterion rule and guardrail check with its words and mark, for diff and review. */
function deckRules(ctx: Ctx): DeckRule[] {
  return [
    ...ctx.decision.criteria.flatMap((c) => c.rules.map((r) => ({ id: r.rule.id, criterion: c.id, text: ruleText(ctx, r.rule), reason: reasonText(ctx, r), mark: marked(r).mark }))),
    ...ctx.decision.guardrails.map((g) => ({ id: `guardrail:${g.metric}`, criterion: 'guardrails', text: guardrailText(ctx, g), reason: guardrailReason(ctx, g), mark: marked(g).mark })),
  ];
}

export function composeDeck(input: ComposeInput): { deck: Deck; diagnostics: Diagnostic[] } {
  const ctx = new Ctx(input);
  const slides = BY_PHASE[input.spec.phase].flatMap((c) => c(ctx));
  const d = input.spec.deck;
  return {
    deck: {
      meta: { title: d.title, subtitle: coverSubtitle(ctx), owner: d.owner, audience: d.audience, date: d.date, confidentiality: d.confidentiality, checkpoint: input.checkpoint, phase: input.spec.phase, verdict: ctx.verdict, because: verdictBecause(ctx) },
      slides,
      rules: deckRules(ctx),
    },
    diagnostics: [...readoutWithoutPlan(ctx), ...riskSizes(ctx)],
  };
}

/** The risks the deck shows, checked against the segment sizes; the field path names where they are written. */
function riskSizes(ctx: Ctx): Diagnostic[] {
  const after = afterDecision(ctx);
  const k = ctx.spec.decision.options.findIndex((o) => o.id === after.option && o.risks);
  return thinDataClaims(ctx, after.risks, k >= 0 ? `decision.options[${k}].risks` : 'risks');
}

/** A pilot's readout recommends an option: without that option's rollout, monitoring and rollback it ends on nothing to do. */
function readoutWithoutPlan(ctx: Ctx): Diagnostic[] {
  const { spec } = ctx;
  if (spec.phase !== 'final' || !spec.pilot) return [];
  const id = ctx.decision.verdict.option;
  const i = spec.decision.options.findIndex((o) => o.id === id);
  if (i < 0) return [];
  const missing = (['rollout', 'monitoring', 'rollback'] as const).filter((k) => !spec.decision.options[i][k]);
  if (!missing.length) return [];
  return [
    errorDiag('final/no-plan', `the readout recommends option ${id}, which states no ${missing.join(', ')}`, {
      severity: 'warning',
      field: `decision.options[${i}]`,
      expected: 'rollout:, monitoring: and rollback: on each option a readout may recommend',
      hint: "in a pilot the spec's own timeline, risks and RACI are the pilot's; the readout shows the recommended option's plan",
    }),
  ];
}
