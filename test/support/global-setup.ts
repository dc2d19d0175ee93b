// Before any test file runs: build dist/ once if it is missing or older than src/, so test files that
// spawn bin/gonogo.js in parallel never race to build it.
import { join } from 'node:path';
// @ts-expect-error: plain ESM script without types
import { bundleIsStale } from '../../scripts/bundle-state.mjs';
// @ts-expect-error: plain ESM script without types
import { bundleCli } from '../../scripts/bundle.mjs';

export default async function setup(): Promise<void> {
  const root = join(import.meta.dirname, '..', '..');
  if (bundleIsStale(root)) await bundleCli();
}
