import { it } from 'vitest';
import { mkdirSync, rmSync } from 'node:fs';
import { runUntil } from '../../src/pipeline.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { generateDecisions, writeDecision } from '../support/generate-decisions.js';
import { outlineSlides, checkMarks } from '../support/marks-checker.js';
import { readHistory } from '../../src/review/history.js';
import { checkStatements } from '../support/statement-checker.js';
it('scratch', { timeout: 600000 }, async () => {
  const t0 = performance.now();
  const all: string[] = [];
  const errs: string[] = [];
  const gs = generateDecisions(Number(process.env.N ?? 320));
  for (const [i, g] of gs.entries()) {
    const dir = `/tmp/i15c/scratch/g${i}`;
    mkdirSync(dir, { recursive: true });
    writeDecision(dir, g);
    try {
      const run = await runUntil('compose', dir);
      const slides = outlineSlides(renderMarkdown(run.compose!));
      const previous = [...readHistory(run.load!.dir).checkpoints].pop(); const truth = { spec: run.load!.spec, decision: run.decide!, ...(previous ? { previous } : {}) };
      all.push(...checkMarks(slides, truth, g.name), ...checkStatements(slides, truth, g.name));
    } catch (e) { errs.push(`${g.name}: ${(e as any).diagnostics?.map((d: any) => d.message).join('; ') ?? e}`); }
    rmSync(dir, { recursive: true, force: true });
  }
  console.log('ms', performance.now() - t0, 'errors', errs.length, errs.slice(0, 8).join('\n'));
  const kinds = new Map<string, number>();
  for (const p of all) { if (process.env.RAW) { if (new RegExp(process.env.RAW).test(p)) console.log(p); } const k = p.replace(/^decision \d+ of seed \d+ /, '').replace(/"[^"]*"/g, '"…"').replace(/\d+/g, 'N').slice(0, 110); kinds.set(k, (kinds.get(k) ?? 0) + 1); }
  console.log([...kinds].sort((a, b) => b[1] - a[1]).slice(0, 70).map(([k, n]) => `${n}\t${k}`).join('\n'));
});
