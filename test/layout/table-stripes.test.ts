import { describe, expect, it } from 'vitest';
import { stripes } from '../../src/layout/table.js';
import type { TableBlock } from '../../src/deck/types.js';

const table = (first: string[]): TableBlock => ({ type: 'table', header: ['Criterion', 'Rule'], rows: first.map((f, i) => [{ text: f }, { text: `rule ${i}` }]) });

describe('table stripes', () => {
  it('stripes a grouped table (group named once) by group', () => {
    expect(stripes(table(['Go (full)', '', '', 'Go (partial)', '', 'No-go', '']))).toEqual([false, false, false, true, true, false, false]);
  });

  it('stripes any other table every second row', () => {
    expect(stripes(table(['a', 'b', 'c', 'd']))).toEqual([false, true, false, true]);
    expect(stripes(table(['', 'b', '']))).toEqual([false, true, false]);
  });
});
