// How user text goes into a sentence. A label is the user's: it goes in as written, except that the first
// letter of an ordinary capitalised word may drop to lower case mid-sentence ("Win rate" → "win rate").
// Acronyms, mixed case and labels that start with a digit or a lower-case letter keep every letter
// ("US-only rollout", "NPS among EU pros", "iOS first", "12% in the US only").

/** A label for the middle of a sentence. */
export function inSentence(label: string): string {
  const first = (/^[^\s\-\u2013/]+/.exec(label)?.[0] ?? '').replace(/[:;,.!?]+$/, '');
  const ordinary = /^\p{Lu}[\p{Ll}'\u2019]*$/u.test(first) && first.length > 1;
  return ordinary ? label.charAt(0).toLowerCase() + label.slice(1) : label;
}

/**
 * A title or heading going on from the slide (or column) before: the mark every continuation carries, once (a
 * slide composed as a continuation, such as a second guardrail chart, may go on over a further page).
 */
export function continued(title: string): string {
  return title.endsWith(' (cont.)') ? title : `${title} (cont.)`;
}

/**
 * An option's id when it reads as a code a reader may see beside the label ("A", "B", "C2"); a word id
 * ("mandate", "hold_back") is the spec's handle, never shown.
 */
export function optionCode(id: string | undefined): string | undefined {
  return id !== undefined && /^[A-Z][A-Z0-9]{0,2}$/.test(id) ? id : undefined;
}

/**
 * "A", "A and B", "A, B and C" (or "or"): a list inside a sentence, items as written. When an item holds the
 * conjunction itself ("Complaints and opt-outs"), a comma before the last one keeps the items apart.
 */
export function listOf(items: readonly string[], conj: 'and' | 'or' = 'and'): string {
  if (items.length <= 1) return items[0] ?? '';
  const serial = items.some((x) => new RegExp(`\\b${conj}\\b`).test(x)) ? ',' : '';
  return `${items.slice(0, -1).join(', ')}${serial} ${conj} ${items[items.length - 1]}`;
}
