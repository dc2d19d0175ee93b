// Output bytes guard for speed work: builds both reference decks, the quoting-workflow deck themed in Arial and in
// Inter (charts drawn from other font files), and a generated deck (fresh processes, cold and again with the caches warm) and prints the SHA-256 of every file each build writes, so a change that
// should only make builds faster can be checked byte for byte (run before and after, diff the two lists).
//   node bench/hash-outputs.mjs [OUT.txt]      (the generated deck has about 100 slides)
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateDeck } from './gen-deck.mjs';
import { parseDocument } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tmp = mkdtempSync(join(tmpdir(), 'gonogo-hash-'));

function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === '.cache' ? [] : filesUnder(p);
    return [p];
  });
}

function build(dir) {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'gonogo.js'), 'build', dir, '-q'], { encoding: 'utf8', env: { ...process.env, SOURCE_DATE_EPOCH: '' } });
  if (r.status !== 0) throw new Error(`build ${dir} exited ${r.status}: ${r.stderr}`);
  const out = join(dir, 'out');
  return filesUnder(out).sort().map((f) => `${createHash('sha256').update(readFileSync(f)).digest('hex').slice(0, 16)}  ${relative(tmp, f)}`);
}

const decks = [];
for (const name of ['quoting-workflow', 'call-volume-pilot']) {
  const src = join(root, 'decks', name);
  const dir = join(tmp, name);
  cpSync(src, dir, { recursive: true, filter: (p) => !p.startsWith(join(src, 'out') + sep) && p !== join(src, 'out') });
  decks.push(dir);
}
for (const face of ['Arial', 'Inter']) {
  const src = join(tmp, 'quoting-workflow');
  const dir = join(tmp, `quoting-workflow-${face.toLowerCase()}`);
  cpSync(src, dir, { recursive: true });
  const specFile = join(dir, 'gonogo.yaml');
  const doc = parseDocument(readFileSync(specFile, 'utf8'));
  doc.setIn(['theme', 'fonts'], doc.createNode({ heading: face, body: face }));
  writeFileSync(specFile, doc.toString());
  decks.push(dir);
}
const gen = join(tmp, 'generated-100');
generateDeck(gen, 100);
decks.push(gen);

const lines = [];
try {
  for (const dir of decks) {
    const cold = build(dir);
    const warm = build(dir);
    if (cold.join('\n') !== warm.join('\n')) lines.push(`MISMATCH cold vs rebuild for ${relative(tmp, dir)}`);
    lines.push(...cold);
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
const text = lines.join('\n') + '\n';
process.stdout.write(text);
if (process.argv[2]) writeFileSync(process.argv[2], text);
