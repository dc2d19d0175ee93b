// The bootstrap memo: a rebuild reads the intervals an earlier build drew, exactly; a memo file altered on disk is
// dropped (with a note) and the intervals are drawn again, so a wrong interval never reaches a deck.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadBootstrapMemo, saveBootstrapMemo } from '../../src/stats/bootstrap-memo.js';
import { bootstrapQuantileDiff } from '../../src/stats/bootstrap.js';
import { sampleOfValues } from '../../src/stats/sample.js';

const tmp = mkdtempSync(join(tmpdir(), 'gonogo-memo-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const t = sampleOfValues(Array.from({ length: 400 }, (_, i) => (i * 7919) % 101));
const c = sampleOfValues(Array.from({ length: 400 }, (_, i) => ((i * 104729) % 113) - 5));

describe('bootstrap memo', () => {
  it('saves what was drawn and gives back the same doubles (−0 included); an altered file is dropped with a note', () => {
    const file = join(tmp, 'bootstrap.json');
    const drawn = bootstrapQuantileDiff(t, c, 0.5, { confidence: 0.9, seed: 99 });
    expect(saveBootstrapMemo(file)).toBeUndefined();
    expect(loadBootstrapMemo(file)).toBeUndefined();
    expect(bootstrapQuantileDiff(t, c, 0.5, { confidence: 0.9, seed: 99 })).toEqual(drawn);

    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace(/"lo":(-?[\d.e-]+)/, '"lo":12345'));
    expect(loadBootstrapMemo(file)?.message).toMatch(/dropped the bootstrap cache .*it does not match its hash/);
    writeFileSync(file, 'not a cache');
    expect(loadBootstrapMemo(file)?.code).toBe('cache/dropped');
  });

  it('notes a folder that cannot take the file instead of failing', () => {
    bootstrapQuantileDiff(t, c, 0.9, { confidence: 0.8, seed: 5 });
    const blocked = join(tmp, 'a-file');
    writeFileSync(blocked, 'x');
    expect(saveBootstrapMemo(join(blocked, 'bootstrap.json'))?.code).toBe('cache/unwritable');
  });
});
