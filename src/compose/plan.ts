// RACI, owners and the 2-week plan with monitoring: who does what after the decision.
import type { Block, Slide, TableCell } from '../deck/types.js';
import type { Ctx } from './context.js';

export function composeRaci(ctx: Ctx): Slide[] {
  const raci = ctx.spec.raci;
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
  const slides: Slide[] = [];
  if (spec.timeline.length || spec.owners) {
    const blocks: Block[] = [];
    if (spec.timeline.length)
      blocks.push({ type: 'table', header: ['When', 'What', 'Owner', 'Success looks like'], rows: spec.timeline.map((m) => [{ text: m.when, bold: true }, { text: m.what }, { text: m.owner }, { text: m.success ?? '—' }]), widths: [1.4, 4, 1.8, 3.2] });
    if (spec.owners) blocks.push({ type: 'text', role: 'caption', text: ctx.t('plan-owners', { owners: Object.entries(spec.owners).map(([k, v]) => `${k}: ${v}`) }) });
    slides.push({ id: 'plan', kind: 'table', section: 'Plan', title: ctx.t('plan-title', { steps: spec.timeline.length, last: spec.timeline[spec.timeline.length - 1]?.what ?? '' }), blocks, notes: [] });
  }
  const mon = spec.monitoring;
  if (mon && (mon.alerts.length || mon.dashboards?.length)) {
    const blocks: Block[] = [];
    if (mon.alerts.length)
      blocks.push({ type: 'table', header: ['Signal', 'Threshold', 'Cadence', 'Action'], rows: mon.alerts.map((a) => [{ text: a.signal }, { text: a.threshold }, { text: a.cadence ?? mon.cadence ?? '—' }, { text: a.action }]), widths: [3, 3, 1.5, 3] });
    if (mon.dashboards?.length) blocks.push({ type: 'text', role: 'caption', text: ctx.t('monitoring-dashboards', { dashboards: mon.dashboards, cadence: mon.cadence ?? '' }) });
    slides.push({ id: 'monitoring', kind: 'table', section: 'Plan', title: ctx.t('monitoring-title', { alerts: mon.alerts.length, cadence: mon.cadence ?? '' }), blocks, notes: [] });
  }
  return slides;
}

export function composeRollback(ctx: Ctx): Slide[] {
  const rb = ctx.spec.rollback;
  if (!rb) return [];
  return [
    {
      id: 'rollback',
      kind: 'runbook',
      section: 'Plan',
      title: ctx.t('rollback-title', { sla: rb.sla_minutes, who: rb.who_flips }),
      blocks: [
        { type: 'bullets', items: rb.triggers.map((t) => ({ text: t })) },
        { type: 'table', header: ['Step', 'Owner', 'Within'], rows: rb.steps.map((s, i) => [{ text: `${i + 1}. ${s.do}` }, { text: s.owner }, { text: s.within ?? '—' }]), widths: [5, 2.5, 1.2] },
        { type: 'text', role: 'caption', text: ctx.t('rollback-roles', { flips: rb.who_flips, communicates: rb.who_communicates, postmortem: rb.who_postmortems ?? '', sla: rb.sla_minutes }) },
      ],
      notes: [ctx.t('rollback-notes', { sla: rb.sla_minutes, flips: rb.who_flips })],
    },
  ];
}
