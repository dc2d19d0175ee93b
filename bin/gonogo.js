#!/usr/bin/env node
// Runs the bundled CLI (dist/gonogo.cjs) through V8's code cache (bin/code-cache.cjs). An installed package ships
// the bundle, built when it was packed. In a development checkout (scripts/ present), a missing bundle, or one
// older than any file under src/, is built first, so a stale bundle never runs.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { setFlagsFromString } from 'node:v8';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'dist', 'gonogo.cjs');
const scripts = join(root, 'scripts');

if (existsSync(join(scripts, 'bundle.mjs')) && existsSync(join(root, 'src'))) {
  const { bundleIsStale } = await import(pathToFileURL(join(scripts, 'bundle-state.mjs')).href);
  if (bundleIsStale(root)) {
    const { bundleCli } = await import(pathToFileURL(join(scripts, 'bundle.mjs')).href);
    await bundleCli();
  }
} else if (!existsSync(bundle)) {
  process.stderr.write(`gonogo: this installation lacks ${bundle}; reinstall gonogo (its package ships the bundle prebuilt).\n`);
  process.exit(70);
}
// V8's flags are part of a code cache's key: the one flag the bundle sets (charts/render.ts exposes gc to free
// resvg's pixmaps) is set before the script compiles, so the run that writes the cache and the runs that read it agree.
setFlagsFromString('--expose-gc');
const { loadCached } = createRequire(import.meta.url)('./code-cache.cjs');
const argv = process.argv.slice(2);
const verb = ['build', 'watch', 'pull', 'validate', 'diff', 'textconv', 'init', 'schema', 'stats'].find((v) => v === argv[0]) ?? 'other';
const cli = loadCached(bundle, verb);
const code = await cli.exports.main(argv);
cli.save();
// The command is done (watch returns only when stopped): nothing a driver left behind — an open socket, a retry
// timer after a dropped connection — may keep the process alive. Exit once what was written has been flushed.
process.exitCode = code;
let unflushed = 2;
const flushed = () => --unflushed === 0 && process.exit(code);
process.stdout.write('', flushed);
process.stderr.write('', flushed);
