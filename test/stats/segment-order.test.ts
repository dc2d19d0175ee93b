// Segments read in the order a reader expects of numbered values ("Moving 2" before "Moving 10"), the overall read
// first, with no locale: the same order on every machine, whatever order the rows arrived in.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { naturalOrder, orderedSegments } from '../../src/stats/indexRows.js';
import { OVERALL } from '../../src/model/rows.js';

describe('orderedSegments', () => {
  it('puts the overall read first and numbered values by their numbers', () => {
    const given = ['geo=Moving 10', 'geo=Moving 2', OVERALL, 'geo=Moving 1', 'tenure=120+ days', 'tenure=0-30 days', 'tenure=31-119 days', 'geo=Cleaning'];
    expect(orderedSegments(given)).toEqual([OVERALL, 'geo=Cleaning', 'geo=Moving 1', 'geo=Moving 2', 'geo=Moving 10', 'tenure=0-30 days', 'tenure=31-119 days', 'tenure=120+ days']);
  });

  it('keeps values that differ only in leading zeros apart, in one order', () => {
    expect(orderedSegments(['w=7', 'w=07', 'w=10'])).toEqual(['w=07', 'w=7', 'w=10']);
  });

  it('is a total order: antisymmetric, zero only for equal strings, and the sort does not depend on the input order', () => {
    const text = fc.stringMatching(/^[a-c0-9 ]{0,6}$/);
    fc.assert(
      fc.property(text, text, (a, b) => {
        const [ab, ba] = [naturalOrder(a, b), naturalOrder(b, a)];
        expect(Math.sign(ab) + Math.sign(ba)).toBe(0);
        expect(ab === 0).toBe(a === b);
      }),
    );
    fc.assert(
      fc.property(fc.uniqueArray(text, { maxLength: 12 }), fc.integer(), (list, seed) => {
        const shuffled = [...list].sort((x, y) => ((x.length * 31 + seed) % 7) - ((y.length * 31 + seed) % 7));
        expect(orderedSegments(shuffled)).toEqual(orderedSegments(list));
      }),
    );
  });
});
