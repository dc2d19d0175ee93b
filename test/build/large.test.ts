// A large deck: 60 metrics × 10 segments builds in a separate process within 1 GB of memory, and every
// metric's segment table lands in a readable appendix (tables continue on following slides, none dropped).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';

const ROOT = join(import.meta.dirname, '..', '..');
const METRICS = 60;
const SEGMENTS = 10;
let dir: string;

/** A deck with METRICS metrics (a third proportions, a third means, a third rates) read in SEGMENTS categories. */
function writeLargeDeck(at: string): void {
  const kinds = ['proportion', 'mean', 'rate'] as const;
  const metrics = Array.from({ length: METRICS }, (_, i) => ({
    id: `m${String(i).padStart(2, '0')}`,
    label: `Metric number ${i} with a realistic label`,
    kind: kinds[i % 3],
    unit: kinds[i % 3] === 'proportion' ? 'share of requests' : kinds[i % 3] === 'mean' ? 'USD' : 'tickets',
    ...(kinds[i % 3] === 'rate' ? { per: 100 } : {}),
    better: i % 2 ? 'higher' : 'lower',
    role: i < 2 ? 'primary' : i < 6 ? 'guardrail' : 'secondary',
    ...(i >= 2 && i < 6 ? { max_worsening: kinds[i % 3] === 'proportion' ? '2pp' : '20%' } : {}),
    segments: ['category'],
  }));
  const spec = {
    deck: { title: 'Large deck', owner: 'Analytics', date: '2026-11-20' },
    decision: { question: 'Go?', options: [{ id: 'A', label: 'Go' }, { id: 'C', label: 'Hold' }] },
    metrics,
    prespecified_segments: ['category'],
    metrics_file: 'metrics.csv',
    criteria: { go: { label: 'Go', option: 'A', all: [{ metric: 'm00', estimate: { at_most: '-1%' } }, { guardrails: 'pass' }] }, hold: { label: 'Hold', option: 'C', any: [{ guardrails: 'breached' }] } },
  };
  const lines = ['metric,arm,segment,successes,n,mean,sd,events,exposure'];
  for (const [i, m] of metrics.entries())
    for (const seg of ['all', ...Array.from({ length: SEGMENTS }, (_, s) => `category=Category ${s}`)]) {
      const n = seg === 'all' ? 50_000 : 5_000;
      for (const [arm, lift] of [['control', 0], ['treatment', 0.02 + (i % 5) * 0.002]] as const) {
        if (m.kind === 'proportion') lines.push(`${m.id},${arm},${seg},${Math.round(n * 0.2 * (1 + lift))},${n},,,,`);
        else if (m.kind === 'mean') lines.push(`${m.id},${arm},${seg},,${n},${(40 * (1 + lift)).toFixed(3)},25,,`);
        else lines.push(`${m.id},${arm},${seg},,,,,${Math.round(n * 0.05 * (1 - lift))},${n}`);
      }
    }
  writeFileSync(join(at, 'gonogo.yaml'), stringify(spec));
  writeFileSync(join(at, 'metrics.csv'), lines.join('\n') + '\n');
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gonogo-large-'));
  writeLargeDeck(dir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a 60-metric × 10-segment deck', () => {
  it('builds within 1 GB of memory and keeps every metric in the appendix', () => {
    // The CLI in its own process, reporting its peak resident memory on exit.
    const probe = join(dir, 'probe.mjs');
    writeFileSync(probe, `process.on('exit', () => process.stderr.write('maxrss_kb=' + process.resourceUsage().maxRSS + '\\n'));\nawait import(${JSON.stringify(join(ROOT, 'bin', 'gonogo.js'))});\n`);
    const r = spawnSync(process.execPath, [probe, 'build', dir, '--json'], { encoding: 'utf8', timeout: 240_000 });
    expect(r.status, r.stderr).toBe(0);
    const maxRssKb = Number(/maxrss_kb=(\d+)/.exec(r.stderr)![1]);
    expect(maxRssKb).toBeLessThan(1024 * 1024);
    const out = JSON.parse(r.stdout) as { slides: number };
    const deck = JSON.parse(readFileSync(join(dir, 'out', `${dir.split('/').pop()}.deck.json`), 'utf8')) as { slides: { id: string }[] };
    const appendix = deck.slides.filter((s) => s.id.startsWith('appendix-'));
    expect(appendix.length).toBe(METRICS - 2);
    expect(out.slides).toBeGreaterThanOrEqual(deck.slides.length);
    expect(r.stderr).not.toMatch(/could not be placed|layout\/dropped/);
  });
});
