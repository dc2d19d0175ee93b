// The recommendation against the criteria: one row per rule with its threshold, the observed value with
// its interval, and pass / fail / inconclusive — for the verdict's criterion and those ranked above it.
import type { Slide, TableCell } from '../deck/types.js';
import { type Ctx, STATUS_TONE, STATUS_WORD } from './context.js';
import type { RuleOutcome } from '../decide/types.js';
import { fmtBracket, fmtChange } from '../deck/format.js';

/** "−11.9% [−13.3%, −10.5%]" where the rule read a change; the reason in words otherwise. */
function observedText(ctx: Ctx, r: RuleOutcome): string {
  if (!r.observed || !r.metric || !r.scale) return r.reason;
  const m = ctx.metric(r.metric);
  return `${fmtChange(r.observed.estimate, r.scale, m)} ${fmtBracket(r.observed.ci, r.scale, m)}`;
}

export function composeRecommendation(ctx: Ctx): Slide[] {
  const { decision } = ctx;
  const rows: TableCell[][] = [];
  for (const c of decision.criteria) {
    // The criterion is named once, on its first rule: repeating it adds ink and wrapped rows, not meaning.
    c.rules.forEach((r, i) =>
      rows.push([
        { text: i === 0 ? c.label : '', bold: c.id === decision.verdict.criterion },
        { text: r.text },
        { text: observedText(ctx, r) },
        { text: STATUS_WORD[r.status], tone: STATUS_TONE[r.status] },
      ]),
    );
  }
  const chosen = decision.criteria.find((c) => c.id === decision.verdict.criterion)!;
  return [
    {
      id: 'recommendation',
      kind: 'table',
      section: 'Recommendation',
      title: ctx.t('recommendation-title', { verdict: decision.verdict.label, pass: chosen.rules.filter((r) => r.status === 'pass').length, total: chosen.rules.length, fallback: decision.verdict.fallback }),
      // The table is the slide: the sentence that restates the title's verdict leads the talk-track instead.
      blocks: [{ type: 'table', header: ['Criterion', 'Rule', `Observed (${ctx.confidence} CI)`, 'Result'], rows, widths: [2.2, 3.6, 3.6, 1.5] }],
      notes: [
        ctx.t('recommendation-lead', { verdict: decision.verdict.label, decidedBy: decision.verdict.decidedBy, confidence: ctx.confidence }),
        ctx.t('recommendation-notes', { verdict: decision.verdict.label, decidedBy: decision.verdict.decidedBy }),
      ],
    },
  ];
}
