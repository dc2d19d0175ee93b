// The one vocabulary for what a rule's evaluation came to, shared by decide (which computes it), compose
// (which puts it on slides), review (diff, checkpoints) and the CLI.
//
// A rule is met or not met (no_data when its read is missing). What that means for the decision depends
// on its criterion's polarity: a go criterion's rules are good news when met; a stop criterion's rules
// (no-go, stop, a guardrail's breach) are bad news when met, and read "triggered" / "not triggered".
// A guardrail's own check has one state more, the one a VP needs at an interim read: not yet clear — its
// estimate is within the limit but its interval still reaches past it (so it is neither shown safe nor breached).

export type Status = 'met' | 'not_met' | 'no_data';
/** A guardrail check: met = breached (the estimate past the limit); not_clear = the interval reaches past it. */
export type GuardrailStatus = Status | 'not_clear';
export type Polarity = 'go' | 'stop';

/** What happened, in the words a slide uses. */
export type Mark = 'met' | 'not_met' | 'triggered' | 'not_triggered' | 'not_clear' | 'no_data';
export type News = 'good' | 'bad' | 'unknown';

export const MARKS: readonly Mark[] = ['met', 'not_met', 'triggered', 'not_triggered', 'not_clear', 'no_data'];

export function markOf(status: GuardrailStatus, polarity: Polarity): Mark {
  if (status === 'no_data' || status === 'not_clear') return status;
  if (polarity === 'go') return status;
  return status === 'met' ? 'triggered' : 'not_triggered';
}

export const NEWS: Record<Mark, News> = { met: 'good', not_met: 'bad', triggered: 'bad', not_triggered: 'good', not_clear: 'unknown', no_data: 'unknown' };

export const MARK_WORD: Record<Mark, string> = { met: 'met', not_met: 'not met', triggered: 'triggered', not_triggered: 'not triggered', not_clear: 'not yet clear', no_data: 'no data' };

/** A symbol beside the word, so the news never rides on colour alone. */
export const NEWS_SYMBOL: Record<News, string> = { good: '✓', bad: '✗', unknown: '○' };

/** "✓ met", "✗ triggered", "○ no data". */
export function markText(mark: Mark): string {
  return `${NEWS_SYMBOL[NEWS[mark]]} ${MARK_WORD[mark]}`;
}

/** All of several statuses: met when every one is, not met when any is not, else no data. */
export function allOf(statuses: Status[]): Status {
  if (statuses.includes('not_met')) return 'not_met';
  return statuses.every((s) => s === 'met') ? 'met' : 'no_data';
}

/** Any of several statuses: met when one is, not met when none could be, else no data. */
export function anyOf(statuses: Status[]): Status {
  if (statuses.includes('met')) return 'met';
  return statuses.every((s) => s === 'not_met') ? 'not_met' : 'no_data';
}
