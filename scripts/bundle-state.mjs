// Whether dist/ must be (re)built in a development checkout: no bundle yet, or a file under src/ newer than it.
// Used by bin/gonogo.js before each run and by the test suite's global setup; imports nothing heavy.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newestUnder(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestUnder(p) : statSync(p).mtimeMs);
  }
  return newest;
}

export function bundleIsStale(root) {
  const bundles = ['gonogo.cjs', 'chart-worker.cjs', 'chart-fonts/manifest.json'].map((f) => join(root, 'dist', f));
  if (!bundles.every(existsSync)) return true;
  const newest = newestUnder(join(root, 'src'));
  return bundles.some((b) => newest > statSync(b).mtimeMs);
}
