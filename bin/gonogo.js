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
process.exitCode = await main(process.argv.slice(2));
