// The pilot-design deck (phase: design): why the correlation is not causal, the pilot that would tell,
// its guardrails, definitions, instrumentation, power and the pre-registered decision criteria.
import { inSentence } from '../model/words.js';
import type { Block, Slide, TableCell } from '../deck/types.js';
import type { Ctx } from './context.js';
import { guardrailText, ruleText } from './rule-words.js';
import type { Spec } from '../spec/normalized.js';
import { composePowerSlide, powerPlan } from './power.js';
import { fmtCount } from '../deck/format.js';

export function composePilotDesign(ctx: Ctx): Slide[] {
  const p = ctx.spec.pilot;
  if (!p) return [];
  const t = ctx.t;
  const slides: Slide[] = [];
  slides.push({
    id: 'pilot-finding',
    kind: 'bullets',
    section: 'Context',
    title: t('pilot-finding-title', { confounders: shortNames(p.confounders) }),
    blocks: [
      { type: 'text', role: 'lead', text: t('pilot-finding-lead', { finding: p.finding }) },
      { type: 'bullets', items: p.confounders.map((c) => ({ text: t('pilot-confounder', { confounder: c }) })) },
      ...(p.risk_of_mandate ? [{ type: 'text' as const, role: 'body' as const, text: t('pilot-risk', { risk: p.risk_of_mandate }) }] : []),
    ],
    notes: [t('pilot-finding-notes', {})],
  });
  slides.push({
    id: 'pilot-proposal',
    kind: 'comparison',
    section: 'Pilot design',
    title: t('pilot-proposal-title', { unit: inSentence(p.randomisation.unit), proposal: p.proposal }),
    blocks: [
      { type: 'text', role: 'lead', text: p.proposal },
      {
        type: 'columns',
        columns: [
          { heading: 'Who is in', blocks: [{ type: 'bullets', items: p.eligibility.map((e) => ({ text: e })) }, ...(p.exclusions.length ? [{ type: 'text' as const, role: 'caption' as const, text: t('pilot-exclusions', { exclusions: p.exclusions }) }] : [])] },
          { heading: 'How arms are assigned', blocks: [{ type: 'text', role: 'body', text: t('pilot-randomisation', { unit: inSentence(p.randomisation.unit), strata: p.randomisation.strata, hasStrata: p.randomisation.strata.length > 0, note: p.randomisation.note ?? '' }) }] },
          { heading: 'Treatment vs control', tone: 'accent', blocks: [{ type: 'bullets', items: [{ text: `Treatment: ${p.treatment}` }, { text: `Control: ${p.control}` }, ...(p.quota_neutral ? [{ text: `Quota-neutral: ${p.quota_neutral}` }] : [])] }] },
        ],
      },
    ],
    notes: p.written_summary?.length ? [t('pilot-written-summary', { lines: p.written_summary })] : [],
  });
  const guardrails = ctx.decision.guardrails;
  if (p.pause_rules.length || guardrails.length) {
    const blocks: Block[] = [];
    if (p.pause_rules.length)
      blocks.push({ type: 'table', header: ['Signal', 'Pause when', 'Action'], rows: p.pause_rules.map((r) => [{ text: r.signal }, { text: r.threshold }, { text: r.action }]), widths: [3, 3.5, 3] });
    if (guardrails.length) blocks.push({ type: 'text', role: 'caption', text: t('pilot-guardrails', { guardrails: guardrails.map((g) => guardrailText(ctx, g)) }) });
    slides.push({ id: 'pilot-guardrails', kind: 'table', section: 'Pilot design', title: t('pilot-guardrails-title', { count: p.pause_rules.length }), blocks, notes: [] });
  }
  if (p.definitions.length)
    slides.push({
      id: 'pilot-definitions',
      kind: 'table',
      section: 'Pilot design',
      title: t('pilot-definitions-title', { count: p.definitions.length }),
      blocks: [{ type: 'table', header: ['Term', 'Locked definition'], rows: p.definitions.map((d) => [{ text: d.term, bold: true }, { text: d.definition }]), widths: [2, 8] }],
      notes: [],
    });
  const checks = instrumentationAsOf(ctx.spec);
  if (checks.length)
    slides.push({
      id: 'pilot-instrumentation',
      kind: 'table',
      section: 'Pilot design',
      title: t('pilot-instrumentation-title', { count: checks.length, passed: checks.filter((i) => i.status === 'passed').length, failed: checks.filter((i) => i.status === 'failed').length }),
      blocks: [{ type: 'table', header: ['Check before launch', 'Status'], rows: checks.map((i) => [{ text: i.check }, { text: i.status, tone: i.status === 'passed' ? 'pass' : i.status === 'failed' ? 'fail' : 'neutral' }]), widths: [8, 2] }],
      notes: [],
    });
  slides.push(...composePowerSlide(ctx));
  slides.push(...composeCriteriaPlan(ctx));
  if (p.reporting)
    slides.push({
      id: 'pilot-reporting',
      kind: 'bullets',
      section: 'Pilot design',
      title: t('pilot-reporting-title', { sla: p.reporting.sla, cadence: p.reporting.cadence }),
      blocks: [
        {
          type: 'bullets',
          items: [
            { text: t('pilot-reporting-cadence', { cadence: p.reporting.cadence, shows: p.reporting.interim_shows ?? ['participation', 'compliance', 'safety', 'data quality'] }) },
            { text: t('pilot-no-peeking', {}) },
            ...(p.reporting.final_readout ? [{ text: t('pilot-final-readout', { when: p.reporting.final_readout, sla: p.reporting.sla }) }] : []),
          ],
        },
      ],
      notes: [t('pilot-reporting-notes', {})],
    });
  return slides;
}

/** The design deck's first page: the ask is to approve a pilot instead of a mandate. */
export function composeDesignSummary(ctx: Ctx): Slide[] {
  const p = ctx.spec.pilot;
  if (!p) return [];
  const plan = powerPlan(ctx);
  const data = {
    question: ctx.spec.decision.question,
    proposal: p.proposal,
    confounders: shortNames(p.confounders),
    hasPlan: Boolean(plan),
    perArm: plan ? fmtCount(plan.perArm) : '',
    unit: inSentence(plan?.unitName ?? ''),
    weeks: plan?.weeks ?? 0,
    hasWeeks: Boolean(plan?.weeks),
    criteria: ctx.spec.criteria.map((c) => c.label),
    sla: p.reporting?.sla ?? '',
    cadence: inSentence(p.reporting?.cadence ?? ''),
  };
  return [
    {
      id: 'design-summary',
      kind: 'exec-summary',
      section: 'Summary',
      title: ctx.t('design-title', data),
      blocks: [
        { type: 'text', role: 'lead', text: ctx.t('design-lead', data) },
        {
          type: 'bullets',
          items: [
            { text: ctx.t('design-finding', data) },
            { text: ctx.t('design-proposal', data) },
            ...(plan ? [{ text: ctx.t('design-sample', data) }] : []),
            { text: ctx.t('design-criteria', data) },
            ...(p.reporting ? [{ text: ctx.t('design-reporting', data) }] : []),
          ],
        },
      ],
      notes: p.talk_track?.length ? p.talk_track : [],
    },
  ];
}

/** The pre-registered decision rules, written out before any data exists. */
function composeCriteriaPlan(ctx: Ctx): Slide[] {
  const rows: TableCell[][] = ctx.spec.criteria.map((c) => [
    { text: c.label, bold: true },
    { text: ctx.t('pilot-criterion-rules', { mode: c.mode, rules: c.rules.map((r) => ruleText(ctx, r)) }) },
    { text: c.description ?? '—' },
  ]);
  return [
    {
      id: 'pilot-criteria',
      kind: 'table',
      section: 'Decision criteria',
      title: ctx.t('pilot-criteria-title', { count: rows.length, names: ctx.spec.criteria.map((c) => leadingName(c.label)) }),
      blocks: [
        { type: 'table', header: ['Decision', 'Pre-registered rule', 'What it means'], rows, widths: [2, 5, 3.5] },
        { type: 'text', role: 'caption', text: ctx.t('pilot-criteria-caption', { confidence: ctx.confidence }) },
      ],
      notes: [],
    },
  ];
}

/** Each pre-launch check as of the deck's date: a check that passed after that date still reads as planned. */
export function instrumentationAsOf(spec: Spec): { check: string; status: 'planned' | 'passed' | 'failed' }[] {
  return (spec.pilot?.instrumentation ?? []).map((i) => ({ check: i.check, status: i.status === 'passed' && i.passed_on && i.passed_on > spec.deck.date ? 'planned' : i.status }));
}

/** "Scale — roll 2× calls out" → "Scale": the name before a dash or colon, as written. */
function leadingName(text: string): string {
  return text.split(/\s[\u2014\u2013-]\s|:\s/)[0];
}

/** "Deal stage — late-stage deals…" → "deal stage", for use inside a sentence. */
function shortNames(items: string[]): string[] {
  return items.map((c) => inSentence(leadingName(c)));
}

