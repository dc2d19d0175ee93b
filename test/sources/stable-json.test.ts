import { describe, expect, it } from 'vitest';
import { stableStringify } from '../../src/sources/stable-json.js';

describe('stableStringify', () => {
  it('sorts keys at every depth, drops undefined and ends with a newline', () => {
    expect(stableStringify({ b: 1, a: { d: [1, 2], c: undefined, e: null } })).toBe('{\n  "a": {\n    "d": [1, 2],\n    "e": null\n  },\n  "b": 1\n}\n');
  });

  it('packs long lists of small items several to a line, within 100 characters', () => {
    const pairs = Array.from({ length: 40 }, (_, i) => [i / 10, i]);
    const text = stableStringify({ v: pairs });
    expect(JSON.parse(text)).toEqual({ v: pairs });
    const lines = text.split('\n');
    expect(lines.length).toBeLessThan(12);
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(100);
  });
});
