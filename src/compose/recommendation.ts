// The recommendation against the criteria: one row per rule with what it says, the observed value with its
// interval (or why it came out as it did), and its mark — for every criterion, in the order they rank.
import type { Slide, TableCell } from '../deck/types.js';
import type { Ctx } from './context.js';
import type { RuleOutcome } from '../decide/types.js';
import { fmtBracket, fmtChange } from '../deck/format.js';
import { marked } from './marks.js';
import { reasonText, ruleText } from './rule-words.js';
import { verdictBecause } from './verdict-words.js';

/** "−11.9% [−13.3%, −10.5%]" where the rule read a change; the reason in words otherwise. */
function observedCell(ctx: Ctx, r: RuleOutcome): string {
  if (r.type !== 'metric' || !r.read || r.status === 'no_data') return reasonText(ctx, r);
  const m = ctx.metric(r.rule.metric);
  return `${fmtChange(r.read.estimate, r.rule.scale, m)} ${fmtBracket(r.read.ci, r.rule.scale, m)}`;
}

export function composeRecommendation(ctx: Ctx): Slide[] {
  const { decision } = ctx;
  const rows: TableCell[][] = [];
  for (const c of decision.criteria) {
    // The criterion is named once, on its first rule: repeating it adds ink and wrapped rows, not meaning.
    c.rules.forEach((r, i) => {
      const mark = marked(r);
      rows.push([{ text: i === 0 ? c.label : '', bold: c.id === decision.verdict.criterion }, { text: ruleText(ctx, r.rule) }, { text: observedCell(ctx, r) }, { text: mark.text, tone: mark.tone }]);
    });
  }
  const chosen = decision.criteria.find((c) => c.id === decision.verdict.criterion);
  const because = verdictBecause(ctx);
  return [
    {
      id: 'recommendation',
      kind: 'table',
      section: 'Recommendation',
      title: ctx.t('recommendation-title', { verdict: decision.verdict.label, met: chosen?.rules.filter((r) => r.status === 'met').length ?? 0, total: chosen?.rules.length ?? 0, polarity: chosen?.polarity ?? 'go', fallback: decision.verdict.fallback }),
      // The table is the slide: the sentence that restates the title's verdict leads the talk-track instead.
      blocks: [{ type: 'table', header: ['Criterion', 'Rule', `Observed (${ctx.confidence} CI)`, 'Result'], rows, widths: [2.4, 5.1, 2.5, 1.3] }],
      notes: [
        ctx.t('recommendation-lead', { verdict: decision.verdict.label, decidedBy: because, confidence: ctx.confidence }),
        ctx.t('recommendation-notes', { verdict: decision.verdict.label, decidedBy: because }),
      ],
    },
  ];
}
