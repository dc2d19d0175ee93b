import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from '../../src/render/write.js';

describe('writeFileAtomic', () => {
  it('replaces the file whole and leaves no temp file behind', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gonogo-write-'));
    try {
      const target = join(dir, 'out', 'deck.md');
      await writeFileAtomic(target, 'first');
      await writeFileAtomic(target, new Uint8Array([104, 105]));
      expect(readFileSync(target, 'utf8')).toBe('hi');
      expect(readdirSync(join(dir, 'out'))).toEqual(['deck.md']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps the last good file when the write fails', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gonogo-write-'));
    try {
      const target = join(dir, 'deck.pptx');
      writeFileSync(target, 'good');
      // A directory in the way of the rename makes it fail after the temp file was written.
      await expect(writeFileAtomic(join(dir, 'deck.pptx', 'x'), 'bad')).rejects.toThrow();
      expect(readFileSync(target, 'utf8')).toBe('good');
      expect(readdirSync(dir)).toEqual(['deck.pptx']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
