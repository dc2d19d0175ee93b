// Hardening, round 2 (issue 20): every class of failure a corpus written against README's promises found, each
// with cases written for it. Refused cases: exit 2, one located message, no stack trace, under 4 KB, and the last
// good build left byte-identical. The other classes (long text, corrupted caches) must build, and build the same.
import { afterAll, describe, it } from 'vitest';
import { accepted, hangs, located, mixedOut, outside, typos, unsafeText, wrongShapes } from './hardening-cases.js';
import { caseDeck, expectHardRefusal, GoodBuilds, type HardCase } from './hardening-support.js';

const good = new GoodBuilds();
afterAll(() => good.cleanup());

const GROUPS: Record<string, HardCase[]> = {
  'text no deck can hold': unsafeText,
  'wrong shapes and kinds (once crashes)': wrongShapes,
  'sizes that once hung': hangs,
  'reads outside the deck folder': outside,
  'input once accepted': accepted,
  'messages that once did not locate': located,
  'typos that once flipped the verdict': typos,
  'a failed build once left a mixed out/': mixedOut,
};

for (const [group, cases] of Object.entries(GROUPS))
  describe(`hardening: ${group}`, () => {
    for (const c of cases)
      it(c.name, async () => {
        const deck = caseDeck(await good.deck(c.base ?? 'minimal'), c);
        try {
          await expectHardRefusal(deck.dir, c);
        } finally {
          deck.cleanup();
        }
      });
  });
