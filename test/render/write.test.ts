import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeOutputs } from '../../src/render/write.js';
import { GonogoError } from '../../src/diagnostics.js';

function inTemp(fn: (dir: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'gonogo-write-'));
  return fn(dir).finally(() => rmSync(dir, { recursive: true, force: true }));
}

describe('writeOutputs', () => {
  it('replaces the files whole and leaves no temp file behind', () =>
    inTemp(async (dir) => {
      const target = join(dir, 'out', 'deck.md');
      await writeOutputs([{ path: target, data: 'first' }]);
      await writeOutputs([{ path: target, data: new Uint8Array([104, 105]) }, { path: join(dir, 'out', 'charts', 'a.vl.json'), data: '{}' }]);
      expect(readFileSync(target, 'utf8')).toBe('hi');
      expect(readdirSync(join(dir, 'out')).sort()).toEqual(['charts', 'deck.md']);
    }));

  it('keeps the last good file when the write fails', () =>
    inTemp(async (dir) => {
      const target = join(dir, 'deck.pptx');
      writeFileSync(target, 'good');
      // A file where a folder of the path should be: the write fails before anything is replaced.
      const err = await writeOutputs([{ path: join(dir, 'deck.pptx', 'x'), data: 'bad' }], dir).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(GonogoError);
      expect((err as GonogoError).exitCode).toBe(2);
      expect((err as GonogoError).message).toBe('cannot write deck.pptx: a file stands where a folder of the output path should be');
      expect(readFileSync(target, 'utf8')).toBe('good');
      expect(readdirSync(dir)).toEqual(['deck.pptx']);
    }));

  it('writes all files or none: a folder in the last file’s place leaves the first file as it was', () =>
    inTemp(async (dir) => {
      writeFileSync(join(dir, 'deck.json'), 'old json');
      mkdirSync(join(dir, 'deck.pptx'));
      const err = await writeOutputs([{ path: join(dir, 'deck.json'), data: 'new json' }, { path: join(dir, 'deck.pptx'), data: 'new deck' }], dir).catch((e: unknown) => e);
      expect((err as GonogoError).message).toBe('cannot write deck.pptx: a folder of that name is in the way');
      expect(readFileSync(join(dir, 'deck.json'), 'utf8')).toBe('old json');
      expect(readdirSync(dir).sort()).toEqual(['deck.json', 'deck.pptx']);
    }));
});
