// Trade-offs: the options side by side, each with what it buys, what it risks, and which criterion backs it.
import { optionCode } from '../model/words.js';
import type { Block, Slide } from '../deck/types.js';
import type { Ctx } from './context.js';
import { marked } from './marks.js';
import { reasonText, ruleText } from './rule-words.js';

export function composeTradeoffs(ctx: Ctx): Slide[] {
  const { decision } = ctx;
  const columns = ctx.spec.decision.options.map((o) => {
    const criterion = decision.criteria.find((c) => c.option === o.id);
    const recommended = decision.verdict.option === o.id;
    const blocks: Block[] = [];
    if (o.description) blocks.push({ type: 'text', role: 'body', text: o.description });
    const items = [...(o.pros ?? []).map((p) => ({ text: `+ ${p}` })), ...(o.cons ?? []).map((c) => ({ text: `− ${c}` }))];
    if (items.length) blocks.push({ type: 'bullets', items });
    if (criterion) {
      const mark = marked(criterion);
      // Under all, the first rule not met kept it from holding; under any, none of its rules was met.
      const blocker = criterion.mode === 'all' ? criterion.rules.find((r) => r.status !== 'met') : undefined;
      blocks.push({
        type: 'text',
        role: 'caption',
        tone: mark.tone,
        text: ctx.t('tradeoff-criterion', { label: criterion.label, polarity: criterion.polarity, mark: mark.text, holds: criterion.holds, hasBlocker: Boolean(blocker), blocker: blocker ? ruleText(ctx, blocker.rule, { note: false }) : '', reason: blocker ? reasonText(ctx, blocker) : '', count: criterion.rules.length }),
      });
    } else {
      // No criterion backs it: what leads to it (an "otherwise" outcome), or that nothing does; never an empty column.
      const fallback = ctx.spec.decision.fallback;
      const otherwise = !fallback.criterion && fallback.option === o.id;
      blocks.push({ type: 'text', role: 'caption', text: ctx.t('tradeoff-no-criterion', { otherwise, label: otherwise ? fallback.label : '', applies: otherwise && decision.verdict.fallback }) });
    }
    return { heading: `${optionCode(o.id) ? `${o.id} · ` : ''}${o.label}${recommended ? ' (recommended)' : ''}`, tone: recommended ? ('accent' as const) : undefined, blocks };
  });
  return [
    {
      id: 'tradeoffs',
      kind: 'comparison',
      section: 'Trade-offs',
      title: ctx.t('tradeoffs-title', titleData(ctx, columns.length)),
      blocks: [{ type: 'columns', columns }],
      notes: [ctx.t('tradeoffs-notes', { verdict: ctx.verdict })],
    },
  ];
}

/**
 * What the title may claim, from the criteria alone (options carry no estimates of their own): the recommended
 * option and how its criterion came out, and each option ranked above it with how many of its rules missed.
 */
function titleData(ctx: Ctx, count: number): Record<string, unknown> {
  const v = ctx.decision.verdict;
  const criterion = v.fallback ? undefined : ctx.criterion(v.criterion);
  const above = v.blockers
    .filter((b) => b.criterion.option && b.criterion.polarity === 'go')
    .map((b) => ({ label: ctx.optionLabel(b.criterion.option), missed: b.criterion.rules.filter((r) => r.status !== 'met').length, rules: b.criterion.rules.length }));
  return {
    option: v.option ?? '',
    optionLabel: ctx.optionLabel(v.option),
    count,
    fallback: v.fallback,
    mode: criterion?.mode ?? '',
    polarity: criterion?.polarity ?? '',
    rules: criterion?.rules.length ?? 0,
    above,
    aboveCount: above.length,
  };
}
