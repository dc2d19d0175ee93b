import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pptxgenDeck } from './pptx-fixtures.js';
import { GITATTRIBUTES } from '../../src/cli/init.js';

const ROOT = join(import.meta.dirname, '..', '..');
let repo: string;

function git(...args: string[]): string {
  const r = spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: repo, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'gonogo-textconv-'));
  git('init', '-q');
  // The driver as a user configures it, pointed at the sources (no bundle needed): tsx runs the entry.
  git('config', 'diff.gonogo.textconv', `node ${join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs')} ${join(ROOT, 'src', 'cli', 'textconv-entry.ts')}`);
  writeFileSync(join(repo, '.gitattributes'), GITATTRIBUTES);
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe('git diff with the gonogo textconv driver', () => {
  it('shows the changed sentence of a regenerated deck instead of "Binary files differ"', async () => {
    const v1 = [{ title: 'Recommend B', bullets: [{ text: 'Median time to first quote −11.9%' }], notes: 'Lead with B.' }, { title: 'Risks', bullets: [{ text: 'Refunds lag two weeks' }] }];
    writeFileSync(join(repo, 'deck.pptx'), await pptxgenDeck(v1));
    git('add', '.');
    git('commit', '-qm', 'checkpoint 1');
    const v2 = [{ ...v1[0], bullets: [{ text: 'Median time to first quote −8.0%' }], notes: 'Lead with C.' }, v1[1]];
    writeFileSync(join(repo, 'deck.pptx'), await pptxgenDeck(v2));
    const out = git('diff', '--no-color', 'deck.pptx');
    expect(out).not.toContain('Binary files');
    expect(out).toContain('-- Median time to first quote −11.9%');
    expect(out).toContain('+- Median time to first quote −8.0%');
    expect(out).toContain('-Lead with B.');
    expect(out).toContain('+Lead with C.');
    expect(out).not.toMatch(/^[+-].*Refunds lag/m); // the unchanged slide is context, not a change
  });
});
