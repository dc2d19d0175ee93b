import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/cli.js';

const root = mkdtempSync(join(tmpdir(), 'gonogo-init-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('gonogo init', () => {
  it('creates a deck folder that passes validate, with git set up to diff decks as text', async () => {
    const r = await runCli(['init', 'decks/new-deck'], { cwd: root });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('git config diff.gonogo.textconv "npx gonogo textconv"');
    const dir = join(root, 'decks', 'new-deck');
    expect(readdirSync(dir).sort()).toEqual(['.gitattributes', 'gonogo.yaml', 'metrics.csv']);
    expect(readFileSync(join(dir, '.gitattributes'), 'utf8')).toContain('*.pptx diff=gonogo');
    expect(readFileSync(join(dir, 'gonogo.yaml'), 'utf8')).toMatch(/^# A gonogo decision spec/);
    expect(readFileSync(join(dir, 'metrics.csv'), 'utf8').split('\n')[0]).toBe('metric,arm,segment,estimate,ci_low,ci_high,n');
    const v = await runCli(['validate', 'decks/new-deck', '--json'], { cwd: root });
    expect(v.stderr).toBe('');
    expect(v.code).toBe(0);
    expect(JSON.parse(v.stdout)).toMatchObject({ ok: true, verdict: { criterion: 'go' } });
  });

  it('accepts an empty folder and refuses a non-empty one or a file (exit 2)', async () => {
    mkdirSync(join(root, 'empty'));
    expect((await runCli(['init', 'empty'], { cwd: root })).code).toBe(0);
    const again = await runCli(['init', 'empty'], { cwd: root });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('empty is not empty');
    writeFileSync(join(root, 'a-file'), 'x');
    expect((await runCli(['init', 'a-file'], { cwd: root })).code).toBe(2);
    expect(readFileSync(join(root, 'a-file'), 'utf8')).toBe('x');
  });
});
