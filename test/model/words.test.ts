// How user text goes into sentences (src/model/words.ts): labels keep every letter but an ordinary word's capital.
import { describe, expect, it } from 'vitest';
import { inSentence, listOf, optionCode } from '../../src/model/words.js';

describe('inSentence', () => {
  it.each([
    ['Win rate', 'win rate'],
    ['Ünïcödé repeat rate', 'ünïcödé repeat rate'],
    ['Acceptable: ≥ 5% faster', 'acceptable: ≥ 5% faster'],
    ['Time to “first” quote', 'time to “first” quote'],
    ['US-only rollout', 'US-only rollout'],
    ['12% in the US only', '12% in the US only'],
    ['API v2 for all', 'API v2 for all'],
    ['NPS among EU pros', 'NPS among EU pros'],
    ['P95 API latency', 'P95 API latency'],
    ['iOS first', 'iOS first'],
    ['McKinsey survey', 'McKinsey survey'],
    ['A', 'A'],
  ])('%s → %s', (label, mid) => expect(inSentence(label)).toBe(mid));
});

describe('optionCode', () => {
  it('shows short codes and hides word ids', () => {
    expect(['A', 'B', 'C2', 'mandate', 'scale', 'hold_back', 'Ab', undefined].map(optionCode)).toEqual(['A', 'B', 'C2', undefined, undefined, undefined, undefined, undefined]);
  });
});

describe('listOf', () => {
  it('joins as a sentence does, never with "; and"', () => {
    expect(listOf([])).toBe('');
    expect(listOf(['A'])).toBe('A');
    expect(listOf(['A', 'B'])).toBe('A and B');
    expect(listOf(['A', 'B', 'C'])).toBe('A, B and C');
    expect(listOf(['A', 'B', 'C'], 'or')).toBe('A, B or C');
    // an item holding the conjunction gets a comma before the last item, so the items stay apart
    expect(listOf(['Complaints and opt-outs', 'Connect rate'])).toBe('Complaints and opt-outs, and Connect rate');
    expect(listOf(['Scale or stop', 'Iterate'], 'or')).toBe('Scale or stop, or Iterate');
  });
});
