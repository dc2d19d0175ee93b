#!/usr/bin/env node
// Runs the bundled CLI (dist/gonogo.mjs). An installed package ships the bundle, built when it was packed.
// In a development checkout (scripts/ present), a missing bundle, or one older than any file under src/,
// is built first, so a stale bundle never runs.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'dist', 'gonogo.mjs');
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
const { main } = await import(pathToFileURL(bundle).href);
const code = await main(process.argv.slice(2));
// The command is done (watch returns only when stopped): nothing a driver left behind — an open socket, a retry
// timer after a dropped connection — may keep the process alive. Exit once what was written has been flushed.
process.exitCode = code;
let unflushed = 2;
const flushed = () => --unflushed === 0 && process.exit(code);
process.stdout.write('', flushed);
process.stderr.write('', flushed);
