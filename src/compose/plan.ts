// RACI, the plan with monitoring, and the rollback runbook: who does what after the decision.
// A final deck shows the plan of the option it recommends when the option states one; in a pilot the spec's own
// timeline, risks, RACI, monitoring and rollback are the pilot's, so its readout shows only the option's.
import type { Block, Slide, TableCell } from '../deck/types.js';
import type { Ctx } from './context.js';
import type { Milestone, Monitoring, RaciRow, Risk, Rollback } from '../spec/schema.js';
import { fmtMinutes } from '../deck/format.js';

export interface AfterDecision {
  timeline: Milestone[];
  monitoring?: Monitoring;
  rollback?: Rollback;
  risks: Risk[];
  raci: RaciRow[];
  /** The option whose plan this is (final decks), else undefined: the spec's own. */
  option?: string;
}

export function afterDecision(ctx: Ctx): AfterDecision {
  const { spec } = ctx;
  const own: AfterDecision = { timeline: spec.timeline, monitoring: spec.monitoring, rollback: spec.rollback, risks: spec.risks, raci: spec.raci };
  if (spec.phase !== 'final') return own;
  const option = spec.decision.options.find((o) => o.id === ctx.decision.verdict.option);
  const base: AfterDecision = spec.pilot ? { timeline: [], risks: [], raci: [] } : own;
  if (!option) return base;
  return {
    timeline: option.rollout ?? base.timeline,
    monitoring: option.monitoring ?? base.monitoring,
    rollback: option.rollback ?? base.rollback,
    risks: option.risks ?? base.risks,
    raci: option.raci ?? base.raci,
    option: option.id,
  };
}

export function composeRaci(ctx: Ctx): Slide[] {
  const { raci } = afterDecision(ctx);
  if (!raci.length) return [];
  const rows: TableCell[][] = raci.map((r) => [{ text: r.workstream, bold: true }, { text: r.R }, { text: r.A }, { text: r.C ?? '—' }, { text: r.I ?? '—' }]);
  return [
    {
      id: 'raci',
      kind: 'raci',
      section: 'Plan',
      title: ctx.t('raci-title', { count: raci.length }),
      blocks: [
        { type: 'table', header: ['Workstream', 'Responsible', 'Accountable', 'Consulted', 'Informed'], rows, widths: [3, 1.8, 1.8, 1.8, 1.8] },
      ],
      notes: [],
    },
  ];
}

export function composePlan(ctx: Ctx): Slide[] {
  const { spec } = ctx;
  const plan = afterDecision(ctx);
  const slides: Slide[] = [];
  const optionLabel = ctx.optionLabel(plan.option);
  const phase = { isDesign: spec.phase === 'design', isInterim: spec.phase === 'interim', pilot: Boolean(spec.pilot), week: spec.interim?.week ?? 0, optionLabel };
  if (plan.timeline.length || spec.owners) {
    const blocks: Block[] = [];
    if (plan.timeline.length)
      blocks.push({ type: 'table', header: ['When', 'What', 'Owner', 'Success looks like'], rows: plan.timeline.map((m) => [{ text: m.when, bold: true }, { text: m.what }, { text: m.owner }, { text: m.success ?? '—' }]), widths: [1.4, 4, 1.8, 3.2] });
    if (spec.owners) blocks.push({ type: 'text', role: 'caption', text: ctx.t('plan-owners', { owners: Object.entries(spec.owners).map(([k, v]) => `${k}: ${v}`) }) });
    slides.push({ id: 'plan', kind: 'table', section: 'Plan', title: ctx.t('plan-title', { ...phase, steps: plan.timeline.length, last: plan.timeline[plan.timeline.length - 1]?.what ?? '' }), blocks, notes: [] });
  } else slides.push(...unwritten(ctx, 'plan', 'rollout'));
  const mon = plan.monitoring;
  if (mon && (mon.alerts.length || mon.dashboards?.length)) {
    const blocks: Block[] = [];
    if (mon.alerts.length)
      blocks.push({ type: 'table', header: ['Signal', 'Threshold', 'Cadence', 'Action'], rows: mon.alerts.map((a) => [{ text: a.signal }, { text: a.threshold }, { text: a.cadence ?? mon.cadence ?? '—' }, { text: a.action }]), widths: [3, 3, 1.5, 3] });
    if (mon.dashboards?.length) blocks.push({ type: 'text', role: 'caption', text: ctx.t('monitoring-dashboards', { dashboards: mon.dashboards, cadence: mon.cadence ?? '' }) });
    slides.push({ id: 'monitoring', kind: 'table', section: 'Plan', title: ctx.t('monitoring-title', { ...phase, alerts: mon.alerts.length, cadence: mon.cadence ?? '' }), blocks, notes: [] });
  } else slides.push(...unwritten(ctx, 'monitoring', 'monitoring'));
  return slides;
}

/**
 * A readout that recommends an option whose rollout, monitoring or rollback the spec does not write says so on
 * that slide, rather than leave it out unnoticed (the build warns too: final/no-plan).
 */
function unwritten(ctx: Ctx, id: 'plan' | 'monitoring' | 'rollback', part: 'rollout' | 'monitoring' | 'rollback'): Slide[] {
  const option = afterDecision(ctx).option;
  if (!option || !ctx.spec.pilot || ctx.spec.phase !== 'final') return [];
  const data = { option: ctx.optionLabel(option), part };
  return [{ id, kind: 'bullets', section: 'Plan', title: ctx.t('plan-none-title', data), blocks: [{ type: 'text', role: 'body', text: ctx.t('plan-none', data) }], notes: [] }];
}

export function composeRollback(ctx: Ctx): Slide[] {
  const after = afterDecision(ctx);
  const rb = after.rollback;
  if (!rb) return unwritten(ctx, 'rollback', 'rollback');
  const sla = fmtMinutes(rb.sla_minutes);
  return [
    {
      id: 'rollback',
      kind: 'runbook',
      section: 'Plan',
      title: ctx.t('rollback-title', { sla, who: rb.who_flips }),
      blocks: [
        // A trigger is a condition as the lead wrote it: the sentence before it says what to do when it holds.
        { type: 'text', role: 'body', text: ctx.t('rollback-when', { count: rb.triggers.length }) },
        { type: 'bullets', items: rb.triggers.map((t) => ({ text: t })) },
        { type: 'table', header: ['Step', 'Owner', 'Within'], rows: rb.steps.map((s, i) => [{ text: `${i + 1}. ${s.do}` }, { text: s.owner }, { text: s.within ?? '—' }]), widths: [5, 2.5, 1.2] },
        { type: 'text', role: 'caption', text: ctx.t('rollback-roles', { flips: rb.who_flips, communicates: rb.who_communicates, postmortem: rb.who_postmortems ?? '', sla }) },
      ],
      notes: [ctx.t('rollback-notes', { sla, flips: rb.who_flips })],
    },
  ];
}
