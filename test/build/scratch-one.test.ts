import { it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { runUntil } from '../../src/pipeline.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { generateDecisions, writeDecision } from '../support/generate-decisions.js';
it('one', async () => {
  const i = Number(process.env.I);
  const g = generateDecisions(i + 1)[i];
  const dir = `/tmp/i15c/scratch/one${i}`;
  mkdirSync(dir, { recursive: true });
  writeDecision(dir, g);
  const run = await runUntil('compose', dir);
  console.log(renderMarkdown(run.compose!));
  console.log(JSON.stringify(run.decide!.scenarios.map((s) => ({ n: s.name, v: s.verdict.criterion, flips: s.flips, c: s.criteria.map((c) => [c.id, c.status, c.rules.map((r) => r.type + ':' + r.status)]) }))));
});
