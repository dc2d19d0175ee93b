import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync, mkdtempSync, rmSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { precomputedDeck } from '../support/decks.js';

/** The reference deck on precomputed numbers: the tests edit its metrics.csv. */
const baseDeck = precomputedDeck();
const REFERENCE = baseDeck.dir;
afterAll(() => baseDeck.cleanup());
import { runCli } from '../support/cli.js';
import { deckSnapshot } from '../../src/snapshot.js';
import { diffDecks, type Change, type DeckSnapshot } from '../../src/review/diff.js';
import { formatChanges } from '../../src/review/diff-format.js';
import { readPptx } from '../../src/review/pptx-text.js';
import { pptxgenDeck } from './pptx-fixtures.js';

/** Rewrites one metrics.csv row (metric, arm, segment) with new estimate and interval. */
function setRow(dir: string, key: string, values: string): void {
  const file = join(dir, 'metrics.csv');
  const lines = readFileSync(file, 'utf8').split('\n');
  const i = lines.findIndex((l) => l.startsWith(key + ','));
  if (i < 0) throw new Error(`no row ${key}`);
  lines[i] = `${key},${values}`;
  writeFileSync(file, lines.join('\n'));
}

const decks: { dir: string; cleanup: () => void }[] = [];
function deck(edit?: (dir: string) => void): string {
  const d = precomputedDeck();
  decks.push(d);
  edit?.(d.dir);
  return d.dir;
}
afterAll(() => decks.forEach((d) => d.cleanup()));

let base: DeckSnapshot;
beforeAll(async () => {
  base = await deckSnapshot(REFERENCE, 'reference', process.cwd());
});

const of = <K extends Change['kind']>(changes: Change[], kind: K) => changes.filter((c): c is Extract<Change, { kind: K }> => c.kind === kind);

describe('diffDecks on deck folders', () => {
  it('finds nothing between a deck and its copy', async () => {
    const copy = await deckSnapshot(deck(), 'copy', process.cwd());
    expect(diffDecks(base, copy)).toEqual([]);
  });

  it('shows one metric moving, in its unit, without a verdict change', async () => {
    // 7-day hire rate: −0.2 pp → −0.5 pp, interval still above the −1.0 pp bar.
    const dir = deck((d) => setRow(d, 'hire_rate_7d,abs_change,all', '-0.005,-0.008,-0.002,'));
    const changes = diffDecks(base, await deckSnapshot(dir, 'edited', process.cwd()));
    expect(of(changes, 'verdict')).toEqual([]);
    const moved = of(changes, 'metric');
    expect(moved.map((m) => `${m.metric}/${m.segment}`)).toEqual(['hire_rate_7d/all']);
    expect(moved[0].shown).toMatchObject({ from: '−0.20 pp (90% CI −0.54 pp to +0.14 pp)', to: '−0.50 pp (90% CI −0.80 pp to −0.20 pp)', by: '−0.30 pp' });
    expect(of(changes, 'slide-reworded').map((c) => c.id)).toContain('deep-dive-hire_rate_7d');
  });

  it('flips the verdict when time to first quote no longer clears the bar, most important change first', async () => {
    const dir = deck((d) => setRow(d, 'ttfq_median,rel_change,all', '-0.08,-0.10,-0.06,'));
    const changes = diffDecks(base, await deckSnapshot(dir, 'edited', process.cwd()));
    expect(changes[0]).toMatchObject({ kind: 'verdict', from: { criterion: 'go_partial', option: 'B' }, to: { criterion: 'no_go', option: 'C' } });
    expect(of(changes, 'criterion')).toContainEqual(expect.objectContaining({ id: 'go_partial', from: 'met', to: 'not_met' }));
    const ttfq = of(changes, 'metric').find((m) => m.metric === 'ttfq_median')!;
    expect(ttfq.shown.from).toBe('−11.9% (90% CI −13.3% to −10.5%)');
    expect(ttfq.shown.to).toBe('−8.0% (90% CI −10.0% to −6.0%)');
    expect(ttfq.shown.by).toBe('+3.9 pp');
    expect(of(changes, 'scenario')).toContainEqual({ kind: 'scenario', name: 'base', from: 'Go (partial) — 50% in the top-5 categories', to: 'No-go — hold and instrument' });
    const exec = of(changes, 'slide-reworded').find((c) => c.id === 'exec-summary')!;
    expect(exec.removed).toContain('title: Recommend B, 50% in the top-5 categories: median time to first quote −11.9%');
    expect(exec.added.some((l) => l.startsWith('title: ') && l.includes('−8.0%'))).toBe(true);
    const kinds = changes.map((c) => c.kind);
    expect(kinds.indexOf('verdict')).toBeLessThan(kinds.indexOf('metric'));
    expect(kinds.indexOf('metric')).toBeLessThan(kinds.indexOf('scenario'));
    expect(kinds.lastIndexOf('scenario')).toBeLessThan(kinds.indexOf('slide-reworded'));
    const text = formatChanges(changes, 'a', 'b');
    expect(text).toContain('Verdict changed: Go (partial) — 50% in the top-5 categories → No-go — hold and instrument');
    expect(text).toContain('Metric Median time to first quote: −11.9% (90% CI −13.3% to −10.5%) → −8.0% (90% CI −10.0% to −6.0%), moved +3.9 pp');
  });

  it('reports metrics in their own unit next to a relative headline when the absolute change moves too', async () => {
    const dir = deck((d) => {
      setRow(d, 'ttfq_median,abs_change,all', '-4,-4.6,-3.4,');
      setRow(d, 'ttfq_median,rel_change,all', '-0.095238,-0.109,-0.081,');
    });
    const ttfq = of(diffDecks(base, await deckSnapshot(dir, 'edited', process.cwd())), 'metric').find((m) => m.metric === 'ttfq_median')!;
    expect(ttfq.shown).toMatchObject({ unitFrom: '−5.00 min', unitTo: '−4.00 min', unitBy: '+1.00 min' });
  });
});

describe('diffDecks on spec edits', () => {
  it('pairs a rule whose threshold was edited by position and shows it flipping', async () => {
    const d = precomputedDeck((y) => y.replace('  go_partial:\n    label: Go (partial) — 50% in the top-5 categories\n    option: B\n    all:\n      - metric: ttfq_median\n        estimate: { at_most: -10% }', '  go_partial:\n    label: Go (partial) — 50% in the top-5 categories\n    option: B\n    all:\n      - metric: ttfq_median\n        estimate: { at_most: -15% }'));
    decks.push(d);
    const changes = diffDecks(base, await deckSnapshot(d.dir, 'edited', process.cwd()));
    expect(changes[0]).toMatchObject({ kind: 'verdict', to: { criterion: 'no_go' } });
    expect(of(changes, 'rule')).toContainEqual(expect.objectContaining({ criterion: 'go_partial', id: 'go_partial.all[0]', text: expect.stringContaining('≤ −15%'), from: 'met', to: 'not_met' }));
    expect(of(changes, 'metric')).toEqual([]);
  });

  it('shows a metric dropped from the spec as having no read', async () => {
    const d = precomputedDeck((y) => y.replace(/  - id: ttfq_p90\n(    .*\n)+?(?=  - id: quote_30m_share)/, '').replaceAll('ttfq_median, ttfq_p90', 'ttfq_median'));
    decks.push(d);
    const csv = join(d.dir, 'metrics.csv');
    writeFileSync(csv, readFileSync(csv, 'utf8').split('\n').filter((l) => !l.startsWith('ttfq_p90,')).join('\n'));
    const changes = diffDecks(base, await deckSnapshot(d.dir, 'edited', process.cwd()));
    expect(of(changes, 'metric')).toEqual([expect.objectContaining({ metric: 'ttfq_p90', to: null, shown: expect.objectContaining({ to: 'no read', by: 'n/a' }) })]);
    expect(of(changes, 'slide-removed').length + of(changes, 'slide-reworded').length).toBeGreaterThan(0);
  });

  it('exits 2 when one side does not load', async () => {
    const d = precomputedDeck((y) => y.replace('confidence: 0.90', 'confidence: high'));
    decks.push(d);
    const r = await runCli(['diff', REFERENCE, d.dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('gonogo.yaml');
  });
});

describe('diffDecks on PPTX files', () => {
  it('aligns slides by title: added, removed and reworded with the changed sentence', async () => {
    const a = readPptx(await pptxgenDeck([{ title: 'Summary', bullets: [{ text: 'Speed −11.9%' }] }, { title: 'Risks', bullets: [{ text: 'Refunds lag' }] }, { title: 'Appendix', bullets: [{ text: 'SQL' }] }]));
    const b = readPptx(await pptxgenDeck([{ title: 'Summary', bullets: [{ text: 'Speed −8.0%' }] }, { title: 'New slide', bullets: [{ text: 'Hello' }] }, { title: 'Risks', bullets: [{ text: 'Refunds lag' }] }]));
    const changes = diffDecks({ source: 'pptx', label: 'a', pptx: a }, { source: 'pptx', label: 'b', pptx: b });
    expect(changes).toEqual([
      { kind: 'slide-reworded', id: 'slide 1', title: 'Summary', removed: ['- Speed −11.9%'], added: ['- Speed −8.0%'] },
      { kind: 'slide-added', id: 'slide 2', title: 'New slide' },
      { kind: 'slide-removed', id: 'slide 3', title: 'Appendix' },
    ]);
  });
});

describe('gonogo diff (CLI)', () => {
  let pptxDir: string;
  beforeAll(async () => {
    pptxDir = mkdtempSync(join(tmpdir(), 'gonogo-pptx-'));
    writeFileSync(join(pptxDir, 'a.pptx'), await pptxgenDeck([{ title: 'Summary', bullets: [{ text: 'Speed −11.9%' }] }]));
    writeFileSync(join(pptxDir, 'same.pptx'), await pptxgenDeck([{ title: 'Summary', bullets: [{ text: 'Speed −11.9%' }] }]));
    writeFileSync(join(pptxDir, 'b.pptx'), await pptxgenDeck([{ title: 'Summary', bullets: [{ text: 'Speed −8.0%' }] }]));
    writeFileSync(join(pptxDir, 'broken.pptx'), 'not a zip');
  });
  afterAll(() => rmSync(pptxDir, { recursive: true, force: true }));

  it('exits 0 when the same, 1 when different, 2 on trouble', async () => {
    expect((await runCli(['diff', 'a.pptx', 'same.pptx'], { cwd: pptxDir })).code).toBe(0);
    const differ = await runCli(['diff', 'a.pptx', 'b.pptx'], { cwd: pptxDir });
    expect(differ.code).toBe(1);
    expect(differ.stdout).toContain('  + - Speed −8.0%');
    const broken = await runCli(['diff', 'a.pptx', 'broken.pptx'], { cwd: pptxDir });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('cannot read broken.pptx as a PowerPoint deck');
    expect((await runCli(['diff', 'a.pptx', 'missing.pptx'], { cwd: pptxDir })).code).toBe(2);
    expect((await runCli(['diff', 'a.pptx'], { cwd: pptxDir })).code).toBe(2);
    expect((await runCli(['diff', 'a.pptx', REFERENCE], { cwd: pptxDir })).stderr).toContain('cannot compare a PPTX file with a deck folder');
  });

  it('prints JSON with --json for two deck folders', async () => {
    const dir = deck((d) => setRow(d, 'ttfq_median,rel_change,all', '-0.08,-0.10,-0.06,'));
    const r = await runCli(['diff', REFERENCE, dir, '--json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.differ).toBe(true);
    expect(out.changes[0].kind).toBe('verdict');
  });

  it('compares a deck folder at two git revisions (--from, --to) and with the working tree', async () => {
    const repo = mkdtempSync(join(tmpdir(), 'gonogo-git-'));
    try {
      const git = (...args: string[]) => {
        const r = spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: repo, encoding: 'utf8' });
        if (r.status !== 0) throw new Error(r.stderr);
        return r.stdout;
      };
      git('init', '-q');
      cpSync(REFERENCE, join(repo, 'decks', 'qw'), { recursive: true });
      git('add', '.');
      git('commit', '-qm', 'first');
      setRow(join(repo, 'decks', 'qw'), 'ttfq_median,rel_change,all', '-0.08,-0.10,-0.06,');
      const worktree = await runCli(['diff', 'decks/qw', '--from', 'HEAD'], { cwd: repo });
      expect(worktree.code).toBe(1);
      expect(worktree.stdout).toContain('Differences from decks/qw@HEAD to decks/qw:');
      expect(worktree.stdout).toContain('Verdict changed');
      git('commit', '-qam', 'second');
      const revs = await runCli(['diff', 'decks/qw', '--from', 'HEAD~1', '--to', 'HEAD'], { cwd: repo });
      expect(revs.code).toBe(1);
      expect(revs.stdout).toContain('Metric Median time to first quote: −11.9%');
      expect((await runCli(['diff', 'decks/qw', '--from', 'HEAD'], { cwd: repo })).code).toBe(0);
      writeFileSync(join(repo, 'decks', 'qw', 'gonogo.yaml'), readFileSync(join(repo, 'decks', 'qw', 'gonogo.yaml'), 'utf8').replace('confidence: 0.90', 'confidence: high'));
      git('commit', '-qam', 'broken');
      const broken = await runCli(['diff', 'decks/qw', '--from', 'HEAD', '--to', 'HEAD~1'], { cwd: repo });
      expect(broken.code).toBe(2);
      expect(broken.stderr).toMatch(/^decks\/qw@HEAD\/gonogo\.yaml:\d+:\d+: error/);
      const bad = await runCli(['diff', 'decks/qw', '--from', 'no-such-rev'], { cwd: repo });
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('cannot read decks/qw at revision no-such-rev');
    } finally {
      rmSync(repo, { recursive: true, force: true });
    }
  });
});
