// Generates a large deck folder from the quoting-workflow reference: copies of its primary metrics
// (each adds a deep-dive and a by-segment slide, both with charts, plus their metrics rows) and of its
// stakeholders (each adds a pre-wire slide). Used by bench/run.mjs for the 25 / 100 / 400-slide rows.
// Run alone: node bench/gen-deck.mjs OUTDIR SLIDES
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse, stringify } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const REFERENCE = join(root, 'decks', 'quoting-workflow');
/** Slides the reference deck has, and slides one copy unit adds (2 primaries × 2 slides + 3 stakeholders). */
const BASE_SLIDES = 25;
const SLIDES_PER_COPY = 7.4; // measured: the metrics overview grows too

/** Writes OUTDIR/gonogo.yaml and OUTDIR/metrics.csv for a deck of about `slides` slides; returns the copy count. */
export function generateDeck(outDir, slides) {
  const spec = parse(readFileSync(join(REFERENCE, 'gonogo.yaml'), 'utf8'));
  // precomputed numbers (the reference deck's own come from SQL through its lock)
  spec.metrics_file = 'metrics.csv';
  delete spec.source;
  for (const m of spec.metrics) delete m.trend;
  const csv = readFileSync(join(root, 'test', 'fixtures', 'quoting-precomputed.csv'), 'utf8').trimEnd().split('\n');
  const copies = Math.max(0, Math.round((slides - BASE_SLIDES) / SLIDES_PER_COPY));
  const primaries = spec.metrics.filter((m) => m.role === 'primary');
  const people = [...(spec.stakeholders ?? [])];
  const rows = [...csv];
  for (let i = 1; i <= copies; i++) {
    for (const m of primaries) {
      const id = `${m.id}_${i}`;
      spec.metrics.push({ ...m, id, label: `${m.label} (${i})` });
      for (const line of csv) if (line.startsWith(m.id + ',')) rows.push(id + line.slice(m.id.length));
    }
    for (const s of people) spec.stakeholders.push({ ...s, id: `${s.id}_${i}`, name: `${s.name} ${i}` });
  }
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'gonogo.yaml'), stringify(spec, { lineWidth: 0 }));
  writeFileSync(join(outDir, spec.metrics_file), rows.join('\n') + '\n');
  return copies;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [out, n] = process.argv.slice(2);
  console.log(`${generateDeck(out, Number(n ?? 100))} copies → ${out}`);
}
