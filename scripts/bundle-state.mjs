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
  const bundle = join(root, 'dist', 'gonogo.mjs');
  return !existsSync(bundle) || newestUnder(join(root, 'src')) > statSync(bundle).mtimeMs;
}
