#!/usr/bin/env node
// Runs the bundled CLI (dist/gonogo.mjs, made by `npm run build` or on first use).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'dist', 'gonogo.mjs');
if (!existsSync(bundle)) {
  const { bundleCli } = await import(pathToFileURL(join(root, 'scripts', 'bundle.mjs')).href);
  await bundleCli();
}
const { main } = await import(pathToFileURL(bundle).href);
process.exitCode = await main(process.argv.slice(2));
