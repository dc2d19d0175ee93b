// The verdict in words (templates/verdict-*.hbs): its label (a design or interim deck names its phase)
// and why it holds, for the slides, the notes and the CLI's summary line.
import type { Decision } from '../decide/types.js';
import { markOf, MARK_WORD } from '../model/outcomes.js';
import type { Texts } from './texts.js';
import type { Ctx } from './context.js';
import { ruleText } from './rule-words.js';

export function verdictLabel(t: Texts, decision: Decision): string {
  const by = decision.verdict.decidedBy;
  return by.by === 'phase' ? t('verdict-phase', { phase: by.phase }) : decision.verdict.label;
}

/** Why the verdict holds: "all 3 rules of “Go (partial)” are met", "“Any guardrail breached” is triggered". */
export function verdictBecause(ctx: Ctx): string {
  const v = ctx.decision.verdict;
  const by = v.decidedBy;
  const criterion = ctx.decision.criteria.find((c) => by.by !== 'phase' && by.by !== 'fallback' && c.id === by.criterion);
  const rule = by.by === 'rule' ? by.rule : undefined;
  return ctx.t('verdict-because', {
    by: by.by,
    phase: by.by === 'phase' ? by.phase : '',
    label: criterion?.label ?? v.label,
    count: criterion?.rules.length ?? 0,
    polarity: criterion?.polarity ?? 'go',
    rule: rule ? ruleText(ctx, rule.rule) : '',
    ruleMark: rule ? MARK_WORD[markOf(rule.status, rule.polarity)] : '',
  });
}
