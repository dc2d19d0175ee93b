#!/usr/bin/env node
// Runs the bundled CLI (dist/gonogo.mjs, made by `npm run build` on install). In a checkout, a bundle
// older than any file under src/ is rebuilt first, so a stale bundle never runs.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'dist', 'gonogo.mjs');

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
const { main } = await import(pathToFileURL(bundle).href);
const code = await main(process.argv.slice(2));
// The command is done (watch returns only when stopped): nothing a driver left behind — an open socket, a retry
// timer after a dropped connection — may keep the process alive. Exit once what was written has been flushed.
process.exitCode = code;
let unflushed = 2;
const flushed = () => --unflushed === 0 && process.exit(code);
process.stdout.write('', flushed);
process.stderr.write('', flushed);
