// `gonogo watch` itself: the real command in a child process, on a deck copy built once beforehand. Each round
// rewords the deck title in gonogo.yaml and waits for the command's next "✓ … in N ms" line; it reports the
// rebuild time the command prints and the latency from the file write to that line (which includes the watch's
// debounce, 150 ms by default, and the file-system notification).
// Run: node bench/watch.bench.mjs DECK [ROUNDS]  → JSON { rebuilds: [{ ms, latencyMs }, …] }
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Rewords the deck title (`deck.title`): round i appends " (draft i)". Edited as a YAML document, so a quoted
 * title stays valid YAML and the rest of the file keeps its comments and layout. */
export function rewordTitle(specFile, round) {
  const doc = parseDocument(readFileSync(specFile, 'utf8'));
  const title = doc.getIn(['deck', 'title']);
  if (typeof title !== 'string') throw new Error(`no deck title found in ${specFile}`);
  doc.setIn(['deck', 'title'], `${title.replace(/ \(draft \d+\)$/, '')} (draft ${round})`);
  writeFileSync(specFile, doc.toString());
}

export async function watchRebuilds(deck, rounds) {
  const child = spawn(process.execPath, [join(root, 'bin', 'gonogo.js'), 'watch', deck], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const lines = [];
  let waiting;
  let buffer = '';
  child.stdout.on('data', (d) => {
    buffer += d;
    let nl;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      if (!/^[✓✗]/.test(line)) continue;
      if (waiting) waiting({ line, at: performance.now() });
      else lines.push({ line, at: performance.now() });
    }
  });
  const next = () =>
    new Promise((resolve, reject) => {
      if (lines.length) return resolve(lines.shift());
      const timer = setTimeout(() => reject(new Error(`gonogo watch printed no build line in 120 s\n${stderr}`)), 120_000);
      waiting = (l) => {
        clearTimeout(timer);
        waiting = undefined;
        resolve(l);
      };
    });
  const built = (l) => {
    const m = /^✓ .* in (\d+) ms/.exec(l.line);
    if (!m) throw new Error(`the build failed: ${l.line}\n${stderr}`);
    return Number(m[1]);
  };
  try {
    built(await next()); // the first build: a fresh process
    const rebuilds = [];
    for (let i = 1; i <= rounds; i++) {
      await new Promise((r) => setTimeout(r, 300)); // let the output settle, as between a user's edits
      const start = performance.now();
      rewordTitle(join(deck, 'gonogo.yaml'), i);
      const l = await next();
      rebuilds.push({ ms: built(l), latencyMs: l.at - start });
    }
    return rebuilds;
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGINT');
    await exited;
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  const [deck, rounds = '6'] = process.argv.slice(2);
  console.log(JSON.stringify({ rebuilds: await watchRebuilds(deck, Number(rounds)) }));
}
