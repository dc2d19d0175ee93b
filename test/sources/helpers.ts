// A tiny deck in a temp folder: gonogo.yaml-equivalent spec object, CSV data and SQL files.
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { specFromData } from '../../src/spec/load.js';
import { type Spec } from '../../src/spec/normalized.js';

export async function tempDeck(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'gonogo-src-'));
  for (const [rel, text] of Object.entries(files)) {
    await mkdir(join(dir, rel, '..'), { recursive: true });
    await writeFile(join(dir, rel), text);
  }
  return dir;
}

/** A minimal valid spec around the given metrics and source. */
// Loosely typed on purpose: `as const` literals go in, zod checks them.
export function makeSpec(metrics: readonly ({ id: string } & Record<string, unknown>)[], source?: object, extra: Record<string, unknown> = {}): Spec {
  return specFromData({
    deck: { title: 'T', owner: 'O', date: '2026-11-20' },
    decision: { question: 'Q?', options: [{ id: 'A', label: 'Go' }] },
    metrics,
    criteria: { go: { label: 'Go', all: [{ metric: metrics[0].id, estimate: { at_most: 0 } }] } },
    ...(source ? { source } : {}),
    ...extra,
  });
}

// Eight units, hand-made so every aggregate below can be checked with pencil and paper.
export const UNITS_CSV = `unit_id,arm,category,converted,minutes,amount,tickets,seen_at
1,control,Plumbing,1,10,100,0,2026-11-10 08:00:00
2,control,Plumbing,0,20,0,1,2026-11-10 09:00:00
3,control,Other,1,30,50,2,2026-11-11 10:00:00
4,control,Other,0,,0,0,2026-11-12 11:00:00
5,treatment,Plumbing,1,5,80,1,2026-11-12 12:00:00
6,treatment,Plumbing,1,15,120,0,2026-11-13 13:00:00
7,treatment,Other,0,25,0,0,2026-11-14 14:00:00
8,,Other,1,40,10,3,2026-11-15 15:00:00
`;
