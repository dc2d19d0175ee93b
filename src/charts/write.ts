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

/** Every chart's spec as an output file <outDir>/<id>.vl.json, in the charts' order. */
export function chartSpecFiles(charts: ChartSpec[], outDir: string): { path: string; data: string }[] {
  const seen = new Set<string>();
  for (const c of charts) {
    if (seen.has(c.id)) throw new Error(`writeChartSpecs: two charts share the id "${c.id}"`);
    seen.add(c.id);
  }
  return charts.map((c) => ({ path: join(outDir, `${c.id}.vl.json`), data: chartSpecJson(c) }));
}

/** Writes the specs and returns the paths written, in the charts' order (a build writes them with its other outputs, as one unit). */
export async function writeChartSpecs(charts: ChartSpec[], outDir: string): Promise<string[]> {
  const files = chartSpecFiles(charts, outDir);
  await mkdir(outDir, { recursive: true });
  for (const f of files) await writeFile(f.path, f.data);
  return files.map((f) => f.path);
}
