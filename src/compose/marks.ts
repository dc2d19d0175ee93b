// The one place a rule's outcome becomes a mark on a slide: what happened in words (met / not met /
// triggered / not triggered / no data) with a symbol, and a tone that is good or bad news for the decision
// whatever the verdict. Layout and renderers never add or change a mark.
import type { Tone } from '../deck/types.js';
import { markOf, markText, NEWS, type GuardrailStatus, type Mark, type News, type Polarity } from '../model/outcomes.js';

/** Theme colour roles for news: the theme calls them pass / fail / inconclusive. */
export const NEWS_TONE: Record<News, Tone> = { good: 'pass', bad: 'fail', unknown: 'inconclusive' };

export interface Marked {
  mark: Mark;
  /** "✓ met", "✗ triggered", "○ no data". */
  text: string;
  tone: Tone;
}

export function marked(outcome: { status: GuardrailStatus; polarity: Polarity }): Marked {
  const mark = markOf(outcome.status, outcome.polarity);
  return { mark, text: markText(mark), tone: NEWS_TONE[NEWS[mark]] };
}
