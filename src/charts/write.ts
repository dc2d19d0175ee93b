// Each chart's final Vega-Lite spec as <outDir>/<id>.vl.json: pretty, key-sorted, byte-stable,
// so a reviewer can open it in the Vega editor and git shows what changed.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ChartSpec } from '../deck/types.js';
import { finalSpec } from './final-spec.js';
import { stableStringify } from './stable-json.js';

export function chartSpecJson(chart: ChartSpec): string {
  return stableStringify(finalSpec(chart), 2) + '\n';
}

/** Writes the specs and returns the paths written, in the charts' order. */
export async function writeChartSpecs(charts: ChartSpec[], outDir: string): Promise<string[]> {
  const seen = new Set<string>();
  for (const c of charts) {
    if (seen.has(c.id)) throw new Error(`writeChartSpecs: two charts share the id "${c.id}"`);
    seen.add(c.id);
  }
  await mkdir(outDir, { recursive: true });
  const paths: string[] = [];
  for (const c of charts) {
    const path = join(outDir, `${c.id}.vl.json`);
    await writeFile(path, chartSpecJson(c));
    paths.push(path);
  }
  return paths;
}
