#!/usr/bin/env node
// Runs the bundled CLI (dist/gonogo.cjs, made by `npm run build` on install) through V8's code cache. In a
// checkout, a bundle older than any file under src/ is rebuilt first, so a stale bundle never runs.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { setFlagsFromString } from 'node:v8';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'dist', 'gonogo.cjs');

function newestUnder(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestUnder(p) : statSync(p).mtimeMs);
  }
  return newest;
}

const src = join(root, 'src');
if (!existsSync(bundle) || (existsSync(src) && newestUnder(src) > statSync(bundle).mtimeMs)) {
  const { bundleCli } = await import(pathToFileURL(join(root, 'scripts', 'bundle.mjs')).href);
  await bundleCli();
}
// V8's flags are part of a code cache's key: the one flag the bundle sets (charts/render.ts exposes gc to free
// resvg's pixmaps) is set before the script compiles, so the run that writes the cache and the runs that read it agree.
setFlagsFromString('--expose-gc');
const { loadCached } = createRequire(import.meta.url)('./code-cache.cjs');
const argv = process.argv.slice(2);
const verb = ['build', 'watch', 'pull', 'validate', 'diff', 'textconv', 'init', 'schema', 'stats'].find((v) => v === argv[0]) ?? 'other';
const cli = loadCached(bundle, verb);
process.exitCode = await cli.exports.main(argv);
cli.save();
